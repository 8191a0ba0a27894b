import SapuCore
import SapuStore

/// The one place every command that signs (labels, manifests, receipts) gets its key.
///
/// The database says which key is current; the private key file must hold that very key
/// (same site, id and bytes), be readable by its owner only, and hold nothing the
/// database does not know except the next key a killed `sapu key rotate` left behind.
/// Anything else is refused, with the reason, instead of signing documents that the
/// site's own stations or its partners would call forged.
public enum SiteSigner {
    /// The private key whose public half the database registers as the site's current key.
    public static func current(store: SQLiteStore) throws(SapuError) -> SigningKey {
        let state = try SiteKeys.read(store: store)
        guard let key = state.currentSigningKey else {
            throw .signingKeyNotRegistered(path: state.files.privatePath, keyID: state.current.keyID)
        }
        return key
    }
}

/// The site's keys as the database and the private key file hold them, checked against each other.
struct SiteKeys {
    let site: String
    let files: KeyFiles
    /// The database's keys, by key number.
    let registered: [StoredKey]
    let current: StoredKey
    /// The private key file's keys (empty when the file is missing and that was allowed).
    let fileKeys: [SigningKey]
    /// A key in the file that the database does not know yet: what a rotation killed
    /// between writing the key file and registering the key leaves. Always the next id.
    let pending: SigningKey?

    /// The current key's private half, if the file holds it.
    var currentSigningKey: SigningKey? {
        fileKeys.first {
            $0.site == current.site && $0.keyID == current.keyID && $0.publicKey.rawRepresentation == current.raw
        }
    }

    /// The public keys the database registers, as partners should hold them.
    func ring(adding extra: PublicKey? = nil) throws(SapuError) -> KeyRing {
        var keys: [PublicKey] = []
        for stored in registered {
            keys.append(try PublicKey(site: stored.site, keyID: stored.keyID, rawRepresentation: stored.raw))
        }
        if let extra { keys.append(extra) }
        return try KeyRing(keys)
    }

    /// Reads the database first, then the file: a rotation writes the file before it
    /// commits, so a key the database calls current is already in the file.
    ///
    /// - Parameter allowMissingFile: a rotation may start from a lost key file.
    static func read(store: SQLiteStore, allowMissingFile: Bool = false) throws(SapuError) -> SiteKeys {
        let site = try store.site().code
        let files = KeyFiles(databasePath: store.path, site: site)
        let registered = try store.publicKeys()
        guard let current = registered.first(where: \.current) else { throw .noCurrentKey }
        var fileKeys: [SigningKey] = []
        do throws(SapuError) {
            fileKeys = try files.signingKeys()
        } catch {
            guard allowMissingFile, case .keyMissing = error else { throw error }
        }
        if let foreign = fileKeys.first(where: { $0.site != site }) {
            throw .keyFileOtherSite(path: files.privatePath, found: foreign.site, site: site)
        }
        let nextID = PublicKey.nextKeyID(after: registered.map(\.keyID))
        var pending: SigningKey?
        for key in fileKeys {
            if let known = registered.first(where: { $0.keyID == key.keyID }) {
                // Same id, other bytes: not the key the database registered.
                guard known.raw == key.publicKey.rawRepresentation else {
                    throw .keyFileUnknownKey(path: files.privatePath, keyID: key.keyID)
                }
            } else if key.keyID == nextID {
                pending = key
            } else {
                throw .keyFileUnknownKey(path: files.privatePath, keyID: key.keyID)
            }
        }
        return SiteKeys(site: site, files: files, registered: registered, current: current, fileKeys: fileKeys,
                        pending: pending)
    }
}
