import Foundation
import NIOCore
import PostgresNIO
import SapuCore

/// How much of a site's log the hub holds (docs/hub.md, "Ordering").
public struct HubPosition: Sendable, Equatable {
    /// The last log entry stored (0: none yet) and the chain's value after it.
    public var seq: Int64
    public var head: String
    /// How many of the site's events the hub holds.
    public var events: Int64

    public init(seq: Int64, head: String, events: Int64) {
        self.seq = seq
        self.head = head
        self.events = events
    }
}

/// The hub's side of a sync: registering sites and their keys, and storing signed batches.
///
/// A batch is stored whole or not at all, in one transaction that also updates the bundle
/// projection and the site's position; the site's row is locked for it, so two syncs of one
/// site take turns and no entry is stored twice.
public enum HubLedger {
    /// What `sapu hub site add` did.
    public struct Registered: Sendable, Equatable {
        public var site: String
        public var newSite: Bool
        /// The keys added now, and those the hub already had.
        public var added: [PublicKey]
        public var known: [PublicKey]
    }

    /// Registers the site (if new) and every key of the site in the ring. A key id already
    /// registered with other bytes is refused; nothing is ever replaced.
    public static func register(site: String, keys ring: KeyRing, source: String, hub: HubConnection)
        async throws(SapuError) -> Registered {
        let site = try Code.normalise(site, as: .site)
        // The file must be that site's own (`sapu key export` there): a key of another site in it
        // is refused, as a partner's key file is, rather than quietly left out.
        if let other = ring.sites.first(where: { $0 != site }) {
            throw SapuError.hub(.keyForOtherSite(expected: site, found: other))
        }
        let keys = ring.keys(of: site)
        guard !keys.isEmpty else { throw SapuError.hub(.noKey(source)) }
        _ = try await HubSchema.check(hub)
        return try await hub.transaction { () async throws(SapuError) -> Registered in
            let inserted = try await hub.rows("""
                INSERT INTO site (code) VALUES (\(site)) ON CONFLICT (code) DO NOTHING RETURNING code
                """)
            try await hub.run("SELECT 1 FROM site WHERE code = \(site) FOR UPDATE")
            var existing: [String: [UInt8]] = [:]
            for row in try await hub.rows("SELECT key_id, public_key FROM site_key WHERE site = \(site)") {
                existing[try HubConnection.column(row, 0, as: String.self)] = Array(try HubConnection.column(row, 1, as: ByteBuffer.self).readableBytesView)
            }
            var added: [PublicKey] = [], known: [PublicKey] = []
            for key in keys {
                if let bytes = existing[key.keyID] {
                    guard bytes == key.rawRepresentation else { throw SapuError.hub(.keyIDTaken(site: site, keyID: key.keyID)) }
                    known.append(key)
                    continue
                }
                try await hub.run("""
                    INSERT INTO site_key (site, key_id, public_key) VALUES (\(site), \(key.keyID), \(ByteBuffer(bytes: key.rawRepresentation)))
                    """)
                added.append(key)
            }
            return Registered(site: site, newSite: !inserted.isEmpty, added: added, known: known)
        }
    }

    /// Where the hub stands with the site's log; `siteUnknown` when it is not registered.
    public static func position(site: String, hub: HubConnection) async throws(SapuError) -> HubPosition {
        guard let row = try await hub.rows("SELECT log_seq, log_head, events FROM site WHERE code = \(site)").first else {
            throw SapuError.hub(.siteUnknown(site))
        }
        return HubPosition(seq: try HubConnection.column(row, 0), head: try HubConnection.column(row, 1),
                           events: try HubConnection.column(row, 2))
    }

    /// A site as the hub knows it, for `sapu hub site list`.
    public struct Standing: Sendable, Equatable {
        public var site: String
        public var keys: [String]
        public var seq: Int64
        public var events: Int64
        /// When its last batch was stored, in UTC, to the second; nil before its first.
        public var syncedAt: String?
    }

    /// Every registered site with its keys and how much of its log the hub holds.
    public static func sites(hub: HubConnection) async throws(SapuError) -> [Standing] {
        _ = try await HubSchema.check(hub)
        var standings: [Standing] = []
        for row in try await hub.rows("""
            SELECT s.code, COALESCE((SELECT string_agg(k.key_id, ',' ORDER BY k.key_id) FROM site_key k WHERE k.site = s.code), ''),
                   s.log_seq, s.events, to_char(s.synced_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
            FROM site s ORDER BY s.code
            """) {
            let keys = try HubConnection.column(row, 1, as: String.self)
            standings.append(Standing(site: try HubConnection.column(row, 0), keys: keys.split(separator: ",").map(String.init),
                                      seq: try HubConnection.column(row, 2), events: try HubConnection.column(row, 3),
                                      syncedAt: try HubConnection.column(row, 4, as: String?.self)))
        }
        return standings
    }

    /// The keys registered for a site.
    static func ring(site: String, hub: HubConnection) async throws(SapuError) -> KeyRing {
        var keys: [PublicKey] = []
        for row in try await hub.rows("SELECT key_id, public_key FROM site_key WHERE site = \(site)") {
            let raw = Array(try HubConnection.column(row, 1, as: ByteBuffer.self).readableBytesView)
            guard let key = try? PublicKey(site: site, keyID: try HubConnection.column(row, 0, as: String.self),
                                           rawRepresentation: raw) else { continue }
            keys.append(key)
        }
        return (try? KeyRing(keys)) ?? KeyRing()
    }

    /// The hub's answer to a batch: where it stands now, and whether this batch was stored by
    /// this call (false: the hub already held it, so nothing was stored a second time).
    public struct Answer: Sendable, Equatable {
        public var position: HubPosition
        public var stored: Bool

        public init(position: HubPosition, stored: Bool) {
            self.position = position
            self.stored = stored
        }
    }

    /// Stores a signed batch if it verifies under a key registered for its site and continues
    /// the hub's copy of the log; a batch the hub already holds is answered with the position
    /// and stored no second time.
    public static func store(_ bytes: [UInt8], signature: DetachedSignature, hub: HubConnection)
        async throws(SapuError) -> Answer {
        let batch = try LogBatch(bytes: bytes)
        return try await hub.transaction { () async throws(SapuError) -> Answer in
            // Another sync of the same site holds the row: wait for it, but not for ever.
            try await hub.run("SET LOCAL lock_timeout = '60s'")
            guard let row = try await hub.rows("""
                SELECT log_seq, log_head, events FROM site WHERE code = \(batch.site) FOR UPDATE
                """).first else {
                throw SapuError.hub(.siteUnknown(batch.site))
            }
            let position = HubPosition(seq: try HubConnection.column(row, 0), head: try HubConnection.column(row, 1),
                                       events: try HubConnection.column(row, 2))
            // Only a key registered for the site the batch claims to come from counts.
            guard signature.site == batch.site else {
                throw SapuError.hub(.keyNotRegistered(site: batch.site, keyID: signature.keyID))
            }
            do throws(SapuError) {
                try signature.verify(bytes, keys: try await ring(site: batch.site, hub: hub))
            } catch .unknownKey(let site, let keyID) {
                throw SapuError.hub(.keyNotRegistered(site: site, keyID: keyID))
            } catch {
                throw SapuError.hub(.badSignature(site: batch.site))
            }
            if batch.last <= position.seq { return Answer(position: position, stored: false) }
            // The next entry and nothing else: a batch that skips one would leave a hole no later
            // batch fills, and a head that is not the site's chain.
            guard batch.first == position.seq + 1, batch.previous == position.head else {
                throw SapuError.hub(.outOfOrder(site: batch.site))
            }
            let entries = try batch.entries()
            let head = batch.head
            let events = try await HubIngest.apply(entries, site: batch.site, hub: hub)
            try await hub.run("""
                INSERT INTO log_batch (site, first_seq, last_seq, key_id, bytes, signature, head)
                VALUES (\(batch.site), \(batch.first), \(batch.last), \(signature.keyID), \(ByteBuffer(bytes: bytes)),
                        \(signature.text), \(head))
                """)
            try await hub.run("""
                UPDATE site SET log_seq = \(batch.last), log_head = \(head), events = events + \(events), synced_at = now()
                WHERE code = \(batch.site)
                """)
            return Answer(position: HubPosition(seq: batch.last, head: head, events: position.events + events), stored: true)
        }
    }
}
