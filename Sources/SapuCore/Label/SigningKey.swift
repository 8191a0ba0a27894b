import Crypto

/// A site's Ed25519 private key, which signs its labels; only the site holds it.
public struct SigningKey: Sendable {
    /// The site whose labels the key signs (`PWT`).
    public let site: String
    /// The id labels name the key by (`K1`); a rotation adds the next id.
    public let keyID: String
    private let key: Curve25519.Signing.PrivateKey

    /// The key whose 32 raw bytes (the Ed25519 seed) were saved earlier.
    public init(site: String, keyID: String, rawRepresentation: [UInt8]) throws(SapuError) {
        let site = try Code.normalise(site, as: .site)
        let keyID = try Code.normalise(keyID, as: .key)
        guard rawRepresentation.count == 32,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: rawRepresentation) else {
            throw .malformedField(LabelField.key.rawValue)
        }
        self.init(site: site, keyID: keyID, key: key)
    }

    private init(site: String, keyID: String, key: Curve25519.Signing.PrivateKey) {
        self.site = site
        self.keyID = keyID
        self.key = key
    }

    /// A new random key.
    public static func generate(site: String, keyID: String) throws(SapuError) -> SigningKey {
        SigningKey(site: try Code.normalise(site, as: .site), keyID: try Code.normalise(keyID, as: .key),
                   key: Curve25519.Signing.PrivateKey())
    }

    /// The 32 bytes to keep secret; `init(site:keyID:rawRepresentation:)` reads them back.
    public var rawRepresentation: [UInt8] { Array(key.rawRepresentation) }

    /// The key partners verify labels with.
    public var publicKey: PublicKey {
        PublicKey(checkedSite: site, keyID: keyID, rawRepresentation: Array(key.publicKey.rawRepresentation))
    }

    /// The 64-byte Ed25519 signature of the message.
    func signature(for message: [UInt8]) -> [UInt8] {
        do {
            return Array(try key.signature(for: message))
        } catch {
            // Ed25519 signing of bytes in memory cannot fail; an error here is a broken library.
            preconditionFailure("Ed25519 signing failed: \(error)")
        }
    }
}

extension SigningKey: Equatable {
    public static func == (lhs: SigningKey, rhs: SigningKey) -> Bool {
        lhs.site == rhs.site && lhs.keyID == rhs.keyID && lhs.rawRepresentation == rhs.rawRepresentation
    }
}
