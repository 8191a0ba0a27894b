import Foundation
import GRDB
import SapuCore

/// How far one hub has acknowledged this site's log (docs/hub.md, "Acknowledgement").
public struct HubAcknowledgement: Sendable, Equatable {
    /// The hub's own id, made by `sapu hub init`: another hub starts from the beginning.
    public var hub: String
    /// The address the site last synced to it with.
    public var url: String
    /// The last entry the hub has stored, and the chain's value there.
    public var seq: Int64
    public var head: String

    public init(hub: String, url: String, seq: Int64, head: String) {
        self.hub = hub
        self.url = url
        self.seq = seq
        self.head = head
    }
}

extension SQLiteStore {
    /// Up to `limit` entries of the site's log after `seq`, in order.
    public func logEntries(after seq: Int64, limit: Int) throws(SapuError) -> [LogEntry] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT l.seq, l.kind, l.record, e.seq, e.bundle, b.batch, b.serial, b.product, b.maker, e.move, e.state,
                       e.at, e.at_unix, e.operator, e.station, e.result, e.label_revision, e.shipment, e.manual, e.reason
                FROM sync_log l LEFT JOIN event e ON e.seq = l.event LEFT JOIN bundle b ON b.id = e.bundle
                WHERE l.seq > ? ORDER BY l.seq LIMIT ?
                """, arguments: [seq, limit])
            var entries: [LogEntry] = []
            entries.reserveCapacity(limit)
            while let row = try rows.next() {
                let kindText: String = row[1]
                guard let kind = LogEntry.Kind(rawValue: kindText) else { throw SapuError.storageFailure("unreadable log row") }
                guard kind == .event else {
                    guard let record: String = row[2] else { throw SapuError.storageFailure("unreadable log row") }
                    entries.append(LogEntry(seq: row[0], kind: kind, record: record))
                    continue
                }
                guard let eventSeq: Int64 = row[3], let bundle: String = row[4], let batch: String = row[5],
                      let serial: Int = row[6], let product: String = row[7], let maker: String = row[8] else {
                    throw SapuError.storageFailure("log row without its event")
                }
                entries.append(LogEntry(seq: row[0], kind: .event, event: LogEvent(
                    seq: eventSeq, bundle: bundle, batch: batch, serial: serial, product: product, maker: maker,
                    move: row[9], state: row[10], at: row[11], atUnix: row[12], operator: row[13], station: row[14],
                    result: row[15], labelRevision: row[16], shipment: row[17], manual: row[18], reason: row[19])))
            }
            return entries
        }
    }

    /// The number of the log's last entry (0 when empty) and how many events the site has.
    public func logEnd() throws(SapuError) -> (last: Int64, events: Int64) {
        try read { db in
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM sync_log") ?? 0
            let events = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0
            return (last, events)
        }
    }

    /// What the hub with this id has acknowledged, if this site ever synced to it.
    public func hubAcknowledgement(hub: String) throws(SapuError) -> HubAcknowledgement? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT hub, url, acked_seq, acked_head FROM hub_sync WHERE hub = ?", arguments: [hub])
                .map { HubAcknowledgement(hub: $0[0], url: $0[1], seq: $0[2], head: $0[3]) }
        }
    }

    /// The address of the hub this site synced with last, for `sapu sync` without `--hub`.
    public func lastHubURL() throws(SapuError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT url FROM hub_sync ORDER BY synced_at DESC, rowid DESC LIMIT 1")
        }
    }

    /// Records that the hub has stored the log up to `seq`; an acknowledgement never moves back.
    public func recordHubAcknowledgement(_ acknowledgement: HubAcknowledgement, at now: Instant) throws(SapuError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO hub_sync (hub, url, acked_seq, acked_head, synced_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (hub) DO UPDATE SET url = ?2, synced_at = ?5,
                    acked_head = CASE WHEN ?3 >= acked_seq THEN ?4 ELSE acked_head END,
                    acked_seq = MAX(acked_seq, ?3)
                """, arguments: [acknowledgement.hub, acknowledgement.url, acknowledgement.seq, acknowledgement.head,
                                 now.iso8601])
        }
    }
}
