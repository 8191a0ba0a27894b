import Crypto

/// An Ed25519 signature over a file's exact bytes, kept in a small text file beside it.
///
/// Form: `sapu-signature SITE KEYID <Crockford Base32 of 64 bytes>`; the signed file's
/// SHA-256 is not repeated because the signature already covers every byte.
public struct DetachedSignature: Sendable, Equatable {
    public let site: String
    public let keyID: String
    public let signature: [UInt8]

    static let tag = "sapu-signature"

    /// Signs the bytes with the key.
    public init(signing bytes: [UInt8], with key: SigningKey) {
        site = key.site
        keyID = key.keyID
        signature = key.signature(for: bytes)
    }

    /// Reads a signature file; nil when it is not one (docs/shipments.md, "Signature files").
    ///
    /// SITE and KEYID must be written as Sapu writes them, upper case: a `.sig` naming
    /// `pwt` was edited, and must not be answered as signed with a key the reader lacks.
    public init?(text: String) {
        let parts = text.trimmingSpaces().split(separator: " ")
        guard parts.count == 4, parts[0] == Self.tag, Self.isCode(parts[1], limit: Code.limit(.site)),
              Self.isCode(parts[2], limit: Code.limit(.key)), let bytes = Crockford.decode(parts[3]), bytes.count == 64 else {
            return nil
        }
        site = String(parts[1])
        keyID = String(parts[2])
        signature = bytes
    }

    private static func isCode(_ text: Substring, limit: Int) -> Bool {
        !text.isEmpty && text.unicodeScalars.count <= limit && text.unicodeScalars.allSatisfy(Code.isCodeCharacter)
    }

    /// The signature file's content.
    public var text: String { "\(Self.tag) \(site) \(keyID) \(Crockford.encode(signature))\n" }

    /// Checks the bytes against the ring's key of this signature's site and key id; returns that key.
    ///
    /// Throws `unknownKey(site:keyID:)` when the ring has no such key, `badSignature` when
    /// the key did not sign exactly these bytes. The caller still checks that the document
    /// claims to come from `site` (a manifest's `shipper.site`).
    @discardableResult
    public func verify(_ bytes: [UInt8], keys: KeyRing) throws(SapuError) -> PublicKey {
        guard let key = keys[site: site, keyID: keyID] else { throw .unknownKey(site: site, keyID: keyID) }
        guard key.isValidSignature(signature, for: bytes) else { throw .badSignature }
        return key
    }
}

/// SHA-256 as lower-case hex, for manifests and receipts.
public enum Digest {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
