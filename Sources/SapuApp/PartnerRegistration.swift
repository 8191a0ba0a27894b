import SapuCore
import SapuStore

/// Registers partners, and their new keys after a rotation, from the partner's own public key file.
///
/// The file is what the partner's `sapu init --site CODE` or `sapu key export` wrote; every
/// key in it must belong to the partner's code. The clerk then compares each fingerprint
/// with the partner over the phone.
public enum PartnerRegistration {
    /// Registers a new partner with every key in its key file.
    ///
    /// `fingerprints`, when given, are the ones the partner read out over the phone: every
    /// key must have one of them, or nothing is registered.
    public static func add(code: String, name: String, address: String?, keyFile path: String, fingerprints: [String] = [],
                           store: SQLiteStore, at now: Instant) throws(SapuError) -> Partner {
        let code = try Code.normalise(code, as: .partner)
        // The name and address become the consignee on manifests and the surat jalan: free text.
        guard let name = try FreeText.check(name, as: .partnerName) else { throw .partnerNameRequired }
        let address = try FreeText.check(address, as: .address)
        let keys = try keys(ofPartner: code, keyFile: path)
        try confirm(keys, fingerprints: fingerprints)
        return try store.addPartner(PartnerDraft(code: code, name: name, address: address), keys: keys, at: now)
    }

    /// Adds the keys of the partner's key file that are not registered yet (after its `sapu key rotate`).
    ///
    /// `fingerprints`, when given, must include the fingerprint of every key that is new.
    public static func addKeys(partner code: String, keyFile path: String, fingerprints: [String] = [], store: SQLiteStore,
                               at now: Instant) throws(SapuError) -> (partner: Partner, added: [PublicKey]) {
        let code = try Code.normalise(code, as: .partner)
        let partner = try store.partner(code)
        let keys = try keys(ofPartner: code, keyFile: path)
        try confirm(keys.filter { partner.key($0.keyID)?.key != $0 }, fingerprints: fingerprints)
        return try store.addPartnerKeys(code, keys: keys, at: now)
    }

    /// Stops accepting new receipts signed with the key.
    public static func retireKey(partner code: String, keyID: String, store: SQLiteStore, at now: Instant)
        throws(SapuError) -> (partner: Partner, changed: Bool) {
        try store.retirePartnerKey(try Code.normalise(code, as: .partner), keyID: try Code.normalise(keyID, as: .key), at: now)
    }

    /// Refuses a key whose fingerprint is not among those confirmed (none given: nothing to check).
    static func confirm(_ keys: [PublicKey], fingerprints: [String]) throws(SapuError) {
        guard !fingerprints.isEmpty else { return }
        func plain(_ text: String) -> String { text.uppercased().filter { $0 != "-" && $0 != " " } }
        let confirmed = Set(fingerprints.map(plain))
        if let stranger = keys.first(where: { !confirmed.contains(plain($0.fingerprint)) }) {
            throw .partnerFingerprintMismatch(partner: stranger.site, keyID: stranger.keyID, fingerprint: stranger.fingerprint)
        }
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
