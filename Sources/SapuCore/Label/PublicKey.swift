import Crypto

/// A site's Ed25519 public key, which partners hold to verify its labels.
public struct PublicKey: Sendable, Hashable {
    /// The site whose labels the key verifies (`PWT`).
    public let site: String
    /// The id labels name the key by (`K1`).
    public let keyID: String
    /// The 32 bytes of the Ed25519 public key.
    public let rawRepresentation: [UInt8]

    /// Checks the codes and that the bytes are an Ed25519 public key.
    public init(site: String, keyID: String, rawRepresentation: [UInt8]) throws(SapuError) {
        let site = try Code.normalise(site, as: .site)
        let keyID = try Code.normalise(keyID, as: .key)
        guard rawRepresentation.count == 32,
              (try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation)) != nil else {
            throw .malformedField(LabelField.key.rawValue)
        }
        self.init(checkedSite: site, keyID: keyID, rawRepresentation: rawRepresentation)
    }

    init(checkedSite site: String, keyID: String, rawRepresentation: [UInt8]) {
        self.site = site
        self.keyID = keyID
        self.rawRepresentation = rawRepresentation
    }

    /// A short text two people can compare over the phone: `7K2M-Q9XA-3HBD-W4EN`.
    ///
    /// The first 16 Crockford Base32 characters (80 bits) of the key's SHA-256, in groups
    /// of four.
    public var fingerprint: String {
        let digest = Array(SHA256.hash(data: rawRepresentation).prefix(10))
        let text = Array(Crockford.encode(digest))
        return stride(from: 0, to: text.count, by: 4)
            .map { String(text[$0..<$0 + 4]) }
            .joined(separator: "-")
    }

    /// True if the signature is this key's Ed25519 signature of the message.
    func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: rawRepresentation) else {
            return false
        }
        return key.isValidSignature(signature, for: message)
    }
}
