import SapuCore
import SapuStore

/// `sapu key rotate`: a new current key in the key files and the database together.
///
/// Three writes, in this order, each durable and atomic on its own:
/// 1. the private key file with the new key appended (temporary file, fsync, rename,
///    directory fsync);
/// 2. the database: the new key registered as current and the old one retired, in one
///    transaction (the commit point);
/// 3. the public key file rewritten from the database.
///
/// A kill before 2 leaves the new key in the file only: every signer still signs with the
/// old key, which the database still calls current, and the next rotation registers that
/// key instead of making another (no gap in the ids). A kill after 2 leaves the public file
/// behind the database: signers use the new key, which the file holds, and the next
/// rotation only rewrites the public file. Temporary files of killed runs are removed.
public enum KeyRotation {
    /// What a rotation did.
    public struct Outcome: Sendable, Equatable {
        /// The key that is now current.
        public var key: PublicKey
        /// Where partners' copy of the public keys is.
        public var publicPath: String
        /// True when this run made `key`; false when it only finished what an interrupted
        /// rotation had started (the key was made then) and made no new key.
        public var newKey: Bool
    }

    public static func rotate(store: SQLiteStore, at now: Instant) throws(SapuError) -> Outcome {
        let site = try store.site().code
        let files = KeyFiles(databasePath: store.path, site: site)
        return try files.withRotationLock { () throws(SapuError) -> Outcome in
            files.removeTemporaryFiles()
            let keys = try SiteKeys.read(store: store, allowMissingFile: true)
            if let pending = keys.pending {
                // Killed after writing the key file: register the key it wrote.
                try register(pending, replacing: keys.current, store: store, at: now)
                try files.writePublic(try keys.ring(adding: pending.publicKey))
                return Outcome(key: pending.publicKey, publicPath: files.publicPath, newKey: false)
            }
            let ring = try keys.ring()
            if keys.currentSigningKey != nil, files.publicKeys().map({ Set($0.keys) }) != Set(ring.keys) {
                // Killed after registering: bring the public file up to date, make no new key.
                try files.writePublic(ring)
                let current = try PublicKey(site: keys.current.site, keyID: keys.current.keyID, rawRepresentation: keys.current.raw)
                return Outcome(key: current, publicPath: files.publicPath, newKey: false)
            }
            let next = try SigningKey.generate(site: site, keyID: PublicKey.nextKeyID(after: keys.registered.map(\.keyID)))
            try files.writePrivate(keys.fileKeys + [next])
            try register(next, replacing: keys.current, store: store, at: now)
            try files.writePublic(try keys.ring(adding: next.publicKey))
            return Outcome(key: next.publicKey, publicPath: files.publicPath, newKey: true)
        }
    }

    private static func register(_ key: SigningKey, replacing current: StoredKey, store: SQLiteStore,
                                 at now: Instant) throws(SapuError) {
        try store.rotateKey(to: StoredKey(keyID: key.keyID, site: key.site, raw: key.publicKey.rawRepresentation),
                            replacing: current.keyID, at: now)
    }
}
