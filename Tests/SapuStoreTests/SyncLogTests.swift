import Foundation
import GRDB
import SapuCore
@testable import SapuStore
import Testing

/// The site's log (migration 11, docs/hub.md "The log"): every change enters it in its own
/// transaction, nothing leaves or changes it, and an older database gets its history once.
@Suite("SQLite store: the log the hub receives")
struct SyncLogTests {
    typealias Findings = PartnerFindingsStoreTests
    let actor = TemporaryStore.actor
    let day = TemporaryStore.day

    /// A site that went through every kind of change: the receipt scene (inspect, label,
    /// receive, pack, close, ship, a second shipment), then a receipt with an extra bundle and
    /// a forged label, a newer receipt superseding it, the second shipment cancelled, an
    /// unpack scan, a return, a re-inspection, a void, a product and a site renamed.
    static func busySite() throws -> Findings.Scene {
        let site = try Findings.site()
        let store = site.db.store
        let actor = TemporaryStore.actor
        _ = try store.applyReceipt(try Findings.receipt(site, extra: [site.inStock[0].description],
                                                        forgedBundles: [site.shipped[1].description], forged: 1,
                                                        finished: TemporaryStore.day), actor: actor, at: TemporaryStore.day)
        _ = try store.applyReceipt(try Findings.receipt(site, extra: [site.inStock[0].description], finished: Findings.later),
                                   actor: actor, at: Findings.later)
        let other = try #require(try store.bundle(site.packedElsewhere).shipment)
        _ = try store.cancelShipment(other, actor: actor, at: Findings.later)
        let third = try store.createShipment(ShipmentDraft(), at: Findings.later)
        let request = [ScanRequest(bundle: site.inStock[1], label: nil)]
        _ = try store.applyScans(request, mode: .pack, shipment: third.id, actor: actor, at: Findings.later)
        _ = try store.applyScans(request, mode: .unpack, shipment: nil, actor: actor, at: Findings.later)
        _ = try store.applyScans([ScanRequest(bundle: site.shipped[2], label: nil)], mode: .return, shipment: nil,
                                 actor: actor, at: Findings.latest)
        _ = try store.reinspect([site.shipped[2]], result: .fail(["LOOSE"]), actor: actor, at: Findings.latest)
        let batch = try store.createBatch(product: "GLAGAH", date: Findings.latest.date, at: Findings.latest)
        let mistaken = try store.inspect(batch: batch.code, maker: "M042", result: .pass(.b), count: 2, actor: actor,
                                         at: Findings.latest).map(\.id)
        _ = try store.void(mistaken, reason: "salah hitung", actor: actor, at: Findings.latest)
        _ = try store.updateProduct("LIDI", name: "Sapu lidi panjang", bundleSize: nil)
        try store.write { db in try db.execute(sql: "UPDATE site SET name = 'Lapas Kelas IIA Purwokerto'") }
        return site
    }

    static func logRows(_ store: SQLiteStore) throws -> [(seq: Int64, kind: String, event: Int64?)] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, kind, event FROM sync_log ORDER BY seq").map { ($0[0], $0[1], $0[2]) }
        }
    }

    static func allEntries(_ store: SQLiteStore, batch: Int = 7) throws -> [LogEntry] {
        var entries: [LogEntry] = []
        while true {
            let next = try store.logEntries(after: entries.last?.seq ?? 0, limit: batch)
            if next.isEmpty { return entries }
            entries += next
        }
    }

    /// Each bundle's row as the site holds it, in the projection's shape.
    static func siteBundles(_ store: SQLiteStore) throws -> [String: BundleProjection] {
        try store.read { db in
            var bundles: [String: BundleProjection] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, batch, serial, product, maker, result, grade, inspected_on, inspections, state, shipment, updated_at
                FROM bundle
                """) {
                let updated: String = row[11]
                bundles[row[0]] = BundleProjection(
                    id: row[0], batch: row[1], serial: row[2], product: row[3], maker: row[4], result: row[5], grade: row[6],
                    inspectedOn: row[7], inspections: row[8], state: row[9], shipment: row[10], updatedAt: updated,
                    updatedUnix: Instant(iso8601: updated)?.unixSeconds ?? -1)
            }
            return bundles
        }
    }

    static func projection(_ entries: [LogEntry]) -> [String: BundleProjection] {
        var bundles: [String: BundleProjection] = [:]
        for event in entries.compactMap(\.event) { bundles[event.bundle] = BundleProjection.applying(event, to: bundles[event.bundle]) }
        return bundles
    }

    @Test func everyKindOfChangeEntersTheLogAndEveryEventOnceInOrder() throws {
        let site = try Self.busySite()
        let store = site.db.store
        let rows = try Self.logRows(store)
        #expect(Set(rows.map(\.kind)) == Set(LogEntry.Kind.allCases.map(\.rawValue)))
        let events = try store.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM event ORDER BY seq") }
        #expect(rows.compactMap(\.event) == events)
        #expect(try store.logEnd().events == Int64(events.count))
        #expect(try store.logEnd().last == rows.last?.seq)
        let entries = try Self.allEntries(store)
        #expect(entries.map(\.seq) == rows.map(\.seq))
        #expect(entries.map(\.kind.rawValue) == rows.map(\.kind))
        for entry in entries { #expect(LogEntry(line: entry.line) == entry) }
        // The latest snapshots say what the site's rows say now.
        let records = entries.filter { $0.kind == .site }.compactMap(\.record)
        #expect(records.last?.contains("Lapas Kelas IIA Purwokerto") == true)
        #expect(entries.last(where: { $0.kind == .product && $0.record?.contains("\"LIDI\"") == true })?.record?
            .contains("Sapu lidi panjang") == true)
        #expect(entries.filter { $0.kind == .supersede }.count == 1)
        #expect(entries.filter { $0.kind == .receipt }.count == 2)
    }

    /// The hub's projection is the fold of the site's own events: it must say what the site's
    /// row says, for every move (including unpack, a cancelled shipment, extra, forged, return).
    @Test func theEventsFoldIntoTheSitesOwnBundleRows() throws {
        let site = try Self.busySite()
        let folded = Self.projection(try Self.allEntries(site.db.store))
        let rows = try Self.siteBundles(site.db.store)
        #expect(folded.count == rows.count)
        for (id, row) in rows { #expect(folded[id] == row, "\(id)") }
    }

    @Test func aWriteThatFailsLeavesNoEntry() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let ids = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 2, actor: actor, at: day)
            .map(\.id)
        let before = try Self.logRows(db.store)
        // Label events written, then the printer refuses the job: the whole transaction goes.
        #expect(throws: SapuError.self) {
            try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: actor, at: day) { _ throws(SapuError) in
                throw SapuError.invalidCount("printer")
            }
        }
        #expect(try Self.logRows(db.store).map(\.seq) == before.map(\.seq))
        // A re-inspection of two bundles whose second is voided: the first's event goes too.
        _ = try db.store.void([ids[1]], reason: "salah", actor: actor, at: day)
        let voided = try Self.logRows(db.store)
        #expect(throws: SapuError.self) {
            try db.store.reinspect(ids, result: .pass(.b), actor: actor, at: day)
        }
        #expect(try Self.logRows(db.store).map(\.seq) == voided.map(\.seq))
        // The next entry takes the next number: a rolled-back one leaves no gap a hub could wait for.
        _ = try db.store.reinspect([ids[0]], result: .pass(.b), actor: actor, at: day)
        let after = try Self.logRows(db.store)
        #expect(after.count == voided.count + 1 && after.last?.seq == (voided.last?.seq ?? 0) + 1)
    }

    @Test func theLogRefusesChangesAndDeletions() throws {
        let db = try TemporaryStore()
        _ = try db.batch()
        let before = try Self.logRows(db.store)
        #expect(before.count >= 3)
        for sql in ["UPDATE sync_log SET record = '{}' WHERE seq = 1", "DELETE FROM sync_log WHERE seq = 1",
                    "DELETE FROM sync_log", "UPDATE sync_log SET seq = seq + 100",
                    "INSERT INTO sync_log (kind, record) VALUES ('maker', '{}')",
                    "INSERT INTO sync_log (kind, record, event) VALUES ('event', NULL, NULL)"] {
            #expect(throws: (any Error).self, "\(sql)") { try db.store.write { db in try db.execute(sql: sql) } }
        }
        #expect(try Self.logRows(db.store).map(\.seq) == before.map(\.seq))
    }

    @Test func makersNamesNeverEnterTheLog() throws {
        let site = try Self.busySite()
        let store = site.db.store
        try store.addMaker(Maker(code: "M777", name: "Siti Nurhaliza Wulandari", active: true))
        let batch = try store.createBatch(product: "LIDI", date: day.date, at: day)
        _ = try store.inspect(batch: batch.code, maker: "M777", result: .pass(.a), count: 3, actor: actor, at: day)
        let names = try store.makers().compactMap(\.name).filter { !$0.isEmpty }
        #expect(names.contains("Siti Nurhaliza Wulandari") && names.contains("Budi"))
        let text = try Self.allEntries(store).map { String(decoding: $0.line, as: UTF8.self) }.joined(separator: "\n")
        #expect(text.contains("M777"))
        for name in names { #expect(!text.contains(name), "\(name)") }
        let raw = try store.read { db in try String.fetchAll(db, sql: "SELECT COALESCE(record, '') FROM sync_log") }
            .joined(separator: "\n")
        for name in names { #expect(!raw.contains(name), "\(name)") }
    }

    @Test func anAcknowledgementNeverMovesBack() throws {
        let db = try TemporaryStore()
        let hub = "9f1c-hub"
        #expect(try db.store.hubAcknowledgement(hub: hub) == nil)
        #expect(try db.store.lastHubURL() == nil)
        let ten = HubAcknowledgement(hub: hub, url: "postgres://a@h/x", seq: 10, head: String(repeating: "a", count: 64))
        try db.store.recordHubAcknowledgement(ten, at: day)
        try db.store.recordHubAcknowledgement(HubAcknowledgement(hub: hub, url: "postgres://a@h2/x", seq: 5,
                                                                 head: String(repeating: "b", count: 64)), at: day)
        #expect(try db.store.hubAcknowledgement(hub: hub) == HubAcknowledgement(hub: hub, url: "postgres://a@h2/x", seq: 10,
                                                                                  head: ten.head))
        #expect(try db.store.lastHubURL() == "postgres://a@h2/x")
        let twelve = HubAcknowledgement(hub: hub, url: "postgres://a@h2/x", seq: 12, head: String(repeating: "c", count: 64))
        try db.store.recordHubAcknowledgement(twelve, at: day)
        #expect(try db.store.hubAcknowledgement(hub: hub) == twelve)
        // Another hub has its own, from nothing.
        #expect(try db.store.hubAcknowledgement(hub: "other") == nil)
    }

    /// A database made before migration 11: its records, then its events in order, then its
    /// receipts enter the log once, and the triggers log what comes after.
    @Test func migrationTwelveBackfillsAnOlderDatabaseOnce() throws {
        let site = try Self.busySite()
        let path = site.db.path
        let expectedEvents = try site.db.store.read { db in try Int64.fetchAll(db, sql: "SELECT seq FROM event ORDER BY seq") }
        let expectedBundles = try Self.siteBundles(site.db.store)
        // Back to the version before the log (user_version counts migrations applied; the log's
        // is the 11th): the log, the acknowledgements and their triggers gone.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            let triggers = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE 'log\\_%' ESCAPE '\\' OR name LIKE 'sync\\_log%' ESCAPE '\\')
                """)
            #expect(triggers.count == 12)
            for name in triggers { try db.execute(sql: "DROP TRIGGER \(name)") }
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == Schema.migrations.count)
            try db.execute(sql: "DROP TABLE sync_log; DROP TABLE hub_sync; PRAGMA user_version = \(Schema.migrations.count - 1)")
        }
        try queue.close()
        let reopened = try SQLiteStore.open(at: path)
        let rows = try Self.logRows(reopened)
        #expect(rows.first?.seq == 1)
        #expect(rows.map(\.seq) == Array(1...Int64(rows.count)))
        let kinds = rows.map(\.kind)
        let firstEvent = try #require(kinds.firstIndex(of: "event"))
        let lastEvent = try #require(kinds.lastIndex(of: "event"))
        #expect(Set(kinds[..<firstEvent]).isSubset(of: ["site", "product", "batch", "shipment"]))
        #expect(kinds[..<firstEvent].filter { $0 == "site" }.count == 1)
        #expect(kinds[..<firstEvent].contains("shipment") && kinds[..<firstEvent].contains("batch"))
        #expect(kinds[firstEvent...lastEvent].allSatisfy { $0 == "event" })
        #expect(Array(kinds[(lastEvent + 1)...]) == ["receipt", "receipt", "supersede"])
        #expect(rows.compactMap(\.event) == expectedEvents)
        let entries = try Self.allEntries(reopened)
        #expect(Self.projection(entries) == expectedBundles)
        // Once: opening again adds nothing; a new change is logged by the triggers again.
        let again = try SQLiteStore.open(at: path)
        #expect(try Self.logRows(again).count == rows.count)
        _ = try again.createBatch(product: "LIDI", date: day.date, at: day)
        #expect(try Self.logRows(again).last?.kind == "batch")
        #expect(try Self.logRows(again).count == rows.count + 1)
    }
}
