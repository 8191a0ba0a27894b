import SapuCore
import SapuStore

/// Registers partners, and their new keys after a rotation, from the partner's own public key file.
///
/// The file is what the partner's `sapu init --site CODE` or `sapu key export` wrote; every
/// key in it must belong to the partner's code. The clerk then compares each fingerprint
/// with the partner over the phone.
public enum PartnerRegistration {
    /// Registers a new partner with every key in its key file.
    public static func add(code: String, name: String, address: String?, keyFile path: String, store: SQLiteStore,
                           at now: Instant) throws(SapuError) -> Partner {
        let code = try Code.normalise(code, as: .partner)
        let name = name.trimmingSpaces()
        guard !name.isEmpty else { throw .partnerNameRequired }
        let address = address.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        let keys = try keys(ofPartner: code, keyFile: path)
        return try store.addPartner(PartnerDraft(code: code, name: name, address: address), keys: keys, at: now)
    }

    /// Adds the keys of the partner's key file that are not registered yet (after its `sapu key rotate`).
    public static func addKeys(partner code: String, keyFile path: String, store: SQLiteStore, at now: Instant)
        throws(SapuError) -> (partner: Partner, added: [PublicKey]) {
        let code = try Code.normalise(code, as: .partner)
        _ = try store.partner(code)
        return try store.addPartnerKeys(code, keys: try keys(ofPartner: code, keyFile: path), at: now)
    }

    /// Stops accepting new receipts signed with the key.
    public static func retireKey(partner code: String, keyID: String, store: SQLiteStore, at now: Instant)
        throws(SapuError) -> (partner: Partner, changed: Bool) {
        try store.retirePartnerKey(try Code.normalise(code, as: .partner), keyID: try Code.normalise(keyID, as: .key), at: now)
    }

    /// The keys of a public key file, all of which must be the partner's.
    static func keys(ofPartner code: String, keyFile path: String) throws(SapuError) -> [PublicKey] {
        let text = String(decoding: try ShipmentFiles.read(path), as: UTF8.self)
        let ring = try KeyRing(keyFile: text, path: path)
        guard !ring.keys.isEmpty else { throw .partnerKeyFileEmpty(path: path) }
        if let foreign = ring.keys.first(where: { $0.site != code }) {
            throw .partnerKeyWrongSite(path: path, site: foreign.site, partner: code)
        }
        return ring.keys
    }
}
