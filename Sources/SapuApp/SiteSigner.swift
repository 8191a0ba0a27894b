import SapuCore
import SapuStore

/// The one place every command that signs (labels, manifests, receipts) gets its key.
///
/// The database says which key is current; the private key file must hold that very key.
/// A key file from another site, or one left ahead of the database by a killed rotation,
/// is refused instead of signing documents that the site's own stations would call forged.
public enum SiteSigner {
    /// The private key whose public half the database registers as the site's current key.
    public static func current(store: SQLiteStore) throws(SapuError) -> SigningKey {
        let site = try store.site()
        let files = KeyFiles(databasePath: store.path, site: site.code)
        let registered = try store.publicKeys()
        guard let current = registered.last else { throw .signingKeyNotRegistered(path: files.privatePath) }
        let keys = try files.signingKeys()
        guard let key = keys.first(where: {
            $0.site == current.site && $0.keyID == current.keyID && $0.publicKey.rawRepresentation == current.raw
        }) else {
            throw .signingKeyNotRegistered(path: files.privatePath)
        }
        return key
    }
}
