import Foundation
import GRDB
import SapuCore

extension SQLiteStore {
    /// Every registered partner with its keys, by code.
    public func partners() throws(SapuError) -> [Partner] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT code FROM partner ORDER BY code").map { try Self.fetchPartner(db, $0) }
        }
    }

    public func partner(_ code: String) throws(SapuError) -> Partner {
        try read { db in try Self.fetchPartner(db, code) }
    }

    /// Registers a partner with the public keys from its own key file.
    ///
    /// Refuses this site's own code, a partner already registered, no keys, this site's own
    /// keys, and a key already registered for another partner.
    public func addPartner(_ draft: PartnerDraft, keys: [PublicKey], at now: Instant) throws(SapuError) -> Partner {
        try write { db in
            let site = try String.fetchOne(db, sql: "SELECT code FROM site LIMIT 1") ?? ""
            guard draft.code != site else { throw SapuError.partnerIsOwnSite(draft.code) }
            guard !draft.name.isEmpty else { throw SapuError.partnerNameRequired }
            if try Self.exists(db, "partner", draft.code) { throw SapuError.duplicate(kind: .partner, value: draft.code) }
            guard !keys.isEmpty else { throw SapuError.partnerHasNoActiveKey(draft.code) }
            try db.execute(sql: "INSERT INTO partner (code, name, address, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [draft.code, draft.name, draft.address, now.iso8601])
            for key in keys {
                if try !Self.isRegistered(db, key, for: draft.code) {
                    try Self.insertPartnerKey(db, key, for: draft.code, at: now)
                }
            }
            return try Self.fetchPartner(db, draft.code)
        }
    }

    /// Adds a partner's new keys after its rotation; keys already registered for it change nothing.
    public func addPartnerKeys(_ code: String, keys: [PublicKey], at now: Instant) throws(SapuError)
        -> (partner: Partner, added: [PublicKey]) {
        try write { db in
            _ = try Self.fetchPartner(db, code)
            var added: [PublicKey] = []
            for key in keys {
                if try Self.isRegistered(db, key, for: code) { continue }
                try Self.insertPartnerKey(db, key, for: code, at: now)
                added.append(key)
            }
            return (try Self.fetchPartner(db, code), added)
        }
    }

    /// Stops accepting new receipts signed with the key; retiring it again changes nothing.
    public func retirePartnerKey(_ code: String, keyID: String, at now: Instant) throws(SapuError)
        -> (partner: Partner, changed: Bool) {
        try write { db in
            let partner = try Self.fetchPartner(db, code)
            guard let key = partner.key(keyID) else { throw SapuError.partnerKeyUnknown(partner: code, keyID: keyID) }
            guard key.active else { return (partner, false) }
            try db.execute(sql: "UPDATE partner_key SET retired_at = ? WHERE partner = ? AND key_id = ?",
                           arguments: [now.iso8601, code, keyID])
            return (try Self.fetchPartner(db, code), true)
        }
    }

    // MARK: Helpers

    static func fetchPartner(_ db: Database, _ code: String) throws -> Partner {
        guard let row = try Row.fetchOne(db, sql: "SELECT code, name, address FROM partner WHERE code = ?",
                                         arguments: [code]) else {
            throw SapuError.unknown(kind: .partner, value: code)
        }
        let keys = try Row.fetchAll(db, sql: """
            SELECT key_id, public_key, added_at, retired_at FROM partner_key WHERE partner = ? ORDER BY added_at, key_id
            """, arguments: [code]).map { row -> PartnerKey in
            let added: String = row["added_at"]
            let retired: String? = row["retired_at"]
            guard let addedAt = Instant(iso8601: added),
                  let key = try? PublicKey(site: code, keyID: row["key_id"], rawRepresentation: [UInt8](row["public_key"] as Data)) else {
                throw SapuError.storageFailure("unreadable partner key row")
            }
            return PartnerKey(key: key, added: addedAt, retired: retired.flatMap(Instant.init(iso8601:)))
        }
        return Partner(code: row["code"], name: row["name"], address: row["address"], keys: keys)
    }

    /// True if the partner already has exactly this key; throws if the key cannot be its.
    private static func isRegistered(_ db: Database, _ key: PublicKey, for code: String) throws -> Bool {
        let bytes = Data(key.rawRepresentation)
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM signing_key WHERE public_key = ?)",
                             arguments: [bytes]) ?? false {
            throw SapuError.partnerKeyIsOwn(keyID: key.keyID, fingerprint: key.fingerprint)
        }
        if let owner = try Row.fetchOne(db, sql: "SELECT partner, key_id FROM partner_key WHERE public_key = ?",
                                        arguments: [bytes]) {
            let partner: String = owner["partner"]
            let keyID: String = owner["key_id"]
            guard partner == code, keyID == key.keyID else {
                throw SapuError.partnerKeyTaken(keyID: keyID, fingerprint: key.fingerprint, partner: partner)
            }
            return true
        }
        if let registered = try Data.fetchOne(db, sql: "SELECT public_key FROM partner_key WHERE partner = ? AND key_id = ?",
                                              arguments: [code, key.keyID]) {
            let fingerprint = (try? PublicKey(site: code, keyID: key.keyID, rawRepresentation: [UInt8](registered)))?.fingerprint ?? "?"
            throw SapuError.partnerKeyConflict(partner: code, keyID: key.keyID, fingerprint: fingerprint)
        }
        return false
    }

    private static func insertPartnerKey(_ db: Database, _ key: PublicKey, for code: String, at now: Instant) throws {
        try db.execute(sql: "INSERT INTO partner_key (partner, key_id, public_key, added_at) VALUES (?, ?, ?, ?)",
                       arguments: [code, key.keyID, Data(key.rawRepresentation), now.iso8601])
    }

    /// The partner a new shipment goes to: the named one, else the only active one.
    static func resolvePartner(_ db: Database, _ code: String?) throws -> Partner {
        if let code {
            let partner = try fetchPartner(db, code)
            guard partner.isActive else { throw SapuError.partnerHasNoActiveKey(code) }
            return partner
        }
        let all = try String.fetchAll(db, sql: "SELECT code FROM partner ORDER BY code")
        let active = try String.fetchAll(db, sql: """
            SELECT DISTINCT partner FROM partner_key WHERE retired_at IS NULL ORDER BY partner
            """)
        if all.isEmpty { throw SapuError.partnerRequired }
        if active.count == 1 { return try fetchPartner(db, active[0]) }
        if active.isEmpty, all.count == 1 { throw SapuError.partnerHasNoActiveKey(all[0]) }
        throw SapuError.partnerAmbiguous(active.isEmpty ? all : active)
    }
}
