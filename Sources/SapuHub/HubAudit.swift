import Foundation
import NIOCore
import PostgresNIO
import SapuCore

/// `sapu hub check`: verifies everything the hub holds again, from the stored batches alone
/// (docs/hub.md, "Trust"): each batch's signature under the site's registered keys, that the
/// batches chain from the start to the site's recorded end, and that the hub's event rows are
/// exactly the batches' event entries, field by field. Anything written around Sapu fails one
/// of these.
public enum HubAudit {
    public struct SiteResult: Sendable, Equatable {
        public var site: String
        public var batches: Int
        public var entries: Int64
        public var events: Int64
        /// What is wrong, in the order found; empty when the site's stored log checks out.
        public var problems: [Problem]
    }

    public enum Problem: Sendable, Equatable {
        /// The batch starting at this entry does not verify under any key registered for the site.
        case signature(first: Int64)
        /// The batch starting at this entry does not continue the one before it.
        case chain(first: Int64)
        /// The batch's bytes are not a batch of this site.
        case unreadable(first: Int64)
        /// The site's recorded end (entry and chain value) is not where the batches end.
        case end(recorded: Int64, batches: Int64)
        /// The hub's event rows differ from the batches' event entries (counts).
        case events(rows: Int64, inBatches: Int64)
        /// The event rows stored from the batch starting at this entry are not its event entries.
        case eventRows(first: Int64)
    }

    public static func check(hub: HubConnection) async throws(SapuError) -> [SiteResult] {
        // `sites` checks the schema first.
        var results: [SiteResult] = []
        for site in try await HubLedger.sites(hub: hub) {
            results.append(try await check(site: site.site, hub: hub))
        }
        return results
    }

    static func check(site: String, hub: HubConnection) async throws(SapuError) -> SiteResult {
        let ring = try await HubLedger.ring(site: site, hub: hub)
        var result = SiteResult(site: site, batches: 0, entries: 0, events: 0, problems: [])
        var head = LogChain.start
        var last: Int64 = 0
        var eventSeqs = Set<Int64>()
        var after: Int64 = -1
        // Batch by batch, 16 at a time (a batch of 2,000 entries is about 1 MB), so a large hub is
        // checked in bounded memory.
        while true {
            let rows = try await hub.rows("""
                SELECT first_seq, bytes, signature FROM log_batch WHERE site = \(site) AND first_seq > \(after)
                ORDER BY first_seq LIMIT 16
                """)
            guard !rows.isEmpty else { break }
            for row in rows {
                let first: Int64 = try HubConnection.column(row, 0)
                after = first
                let bytes = Array(try HubConnection.column(row, 1, as: ByteBuffer.self).readableBytesView)
                let signatureText: String = try HubConnection.column(row, 2)
                result.batches += 1
                guard let batch = try? LogBatch(bytes: bytes), batch.site == site, let entries = try? batch.entries() else {
                    result.problems.append(.unreadable(first: first))
                    continue
                }
                guard let signature = DetachedSignature(text: signatureText), signature.site == site,
                      (try? signature.verify(bytes, keys: ring)) != nil else {
                    result.problems.append(.signature(first: first))
                    continue
                }
                if batch.first <= last || batch.previous != head { result.problems.append(.chain(first: first)) }
                head = batch.head
                last = batch.last
                result.entries += Int64(entries.count)
                for entry in entries { if let event = entry.event { eventSeqs.insert(event.seq) } }
                if try await !storedEvents(site: site, match: entries, from: batch.first, to: batch.last, hub: hub) {
                    result.problems.append(.eventRows(first: first))
                }
            }
        }
        result.events = Int64(eventSeqs.count)
        let position = try await HubLedger.position(site: site, hub: hub)
        if position.seq != last || position.head != head { result.problems.append(.end(recorded: position.seq, batches: last)) }
        let counted = try await hub.rows("SELECT count(*) FROM event WHERE site = \(site)")
        let rows: Int64 = try counted.first.map { (row) throws(SapuError) -> Int64 in try HubConnection.column(row, 0) } ?? 0
        if rows != result.events || position.events != result.events {
            result.problems.append(.events(rows: rows, inBatches: result.events))
        }
        return result
    }

    /// Whether the event rows stored from the log entries `from...to` are exactly the entries'
    /// events, in log order. (The hub keeps a bundle's serial in its projection, not in the
    /// event row, so the serial is the one field taken from the entry.)
    private static func storedEvents(site: String, match entries: [LogEntry], from: Int64, to: Int64,
                                     hub: HubConnection) async throws(SapuError) -> Bool {
        let signed = entries.compactMap { entry in entry.event.map { (seq: entry.seq, event: $0) } }
        let rows = try await hub.rows("""
            SELECT log_seq, json_build_object('seq', seq, 'bundle', bundle, 'batch', batch, 'serial', 0,
                'product', product, 'maker', maker, 'move', move, 'state', state, 'at', at, 'at_unix', at_unix,
                'operator', operator, 'station', station, 'result', result, 'label_revision', label_revision,
                'shipment', shipment, 'manual', manual, 'reason', reason)::text
            FROM event WHERE site = \(site) AND log_seq BETWEEN \(from) AND \(to) ORDER BY log_seq
            """)
        guard rows.count == signed.count else { return false }
        let decoder = JSONDecoder()
        for (row, expected) in zip(rows, signed) {
            let text: String = try HubConnection.column(row, 1)
            guard try HubConnection.column(row, 0, as: Int64.self) == expected.seq,
                  var stored = try? decoder.decode(LogEvent.self, from: Data(text.utf8)) else { return false }
            stored.serial = expected.event.serial
            if stored != expected.event { return false }
        }
        return true
    }
}
