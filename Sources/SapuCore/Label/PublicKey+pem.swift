extension PublicKey {
    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE { SEQUENCE {
    /// OID 1.3.101.112 }, BIT STRING (no unused bits) of 32 bytes }; the key's bytes follow.
    static let subjectPublicKeyInfoPrefix: [UInt8] = [
        0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00,
    ]

    /// The key as standard SubjectPublicKeyInfo DER: 44 bytes.
    public var subjectPublicKeyInfo: [UInt8] { Self.subjectPublicKeyInfoPrefix + rawRepresentation }

    /// The key as a PEM file that OpenSSL and every crypto library read
    /// (`-----BEGIN PUBLIC KEY-----`, base64 of the DER, lines of 64 characters).
    ///
    /// `openssl pkeyutl -verify -pubin -inkey PWT-K1.pem -rawin -in MESSAGE -sigfile SIG` then
    /// checks a label or manifest signature (docs/keys.md).
    public var pem: String {
        let body = Base64.encode(subjectPublicKeyInfo)
        var lines = ["-----BEGIN PUBLIC KEY-----"]
        var start = body.startIndex
        while start < body.endIndex {
            let end = body.index(start, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(String(body[start..<end]))
            start = end
        }
        lines.append("-----END PUBLIC KEY-----")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The PEM file's name when each key gets its own file: `PWT-K1.pem`.
    public var pemFileName: String { "\(site)-\(keyID).pem" }
}

/// Standard base64 (RFC 4648 section 4) with padding, for PEM.
enum Base64 {
    private static let symbols = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 {
                group = group << 8 | UInt32(offset < count ? bytes[index + offset] : 0)
            }
            for position in 0..<4 {
                if position <= count {
                    text.append(symbols[Int(group >> UInt32(18 - 6 * position) & 63)])
                } else {
                    text.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }
}
