import Foundation
import SapuCore
import SapuStore

/// `sapu key export`: the site's public keys for partners, from the database.
public enum KeyExport {
    /// How the keys are written.
    public enum Format: String, Sendable, CaseIterable {
        /// One `sapu-ed25519 SITE KEYID KEY` file holding every key (docs/keys.md).
        case sapu
        /// One SubjectPublicKeyInfo PEM file per key, `SITE-KEYID.pem`, for OpenSSL and
        /// other tools.
        case pem
    }

    /// Every key the database registers for the site, current and retired: old labels
    /// and manifests stay verifiable.
    public static func ring(store: SQLiteStore) throws(SapuError) -> KeyRing {
        var keys: [PublicKey] = []
        for stored in try store.publicKeys() {
            keys.append(try PublicKey(site: stored.site, keyID: stored.keyID, rawRepresentation: stored.raw))
        }
        return try KeyRing(keys)
    }

    /// Writes the keys; returns the paths written.
    ///
    /// `sapu`: `out` is the file. `pem`: `out` is a directory (created if missing) that
    /// gets `SITE-KEYID.pem` for each key; all files appear, or none.
    public static func write(store: SQLiteStore, format: Format, out: String) throws(SapuError) -> [String] {
        let ring = try ring(store: store)
        switch format {
        case .sapu:
            try OutputDirectory.write(Array(ring.keyFile.utf8), toFile: out)
            return [out]
        case .pem:
            let directory = try OutputDirectory(out)
            return try directory.commit(try directory.stage(ring.keys.map { ($0.pemFileName, Array($0.pem.utf8)) }))
        }
    }
}
