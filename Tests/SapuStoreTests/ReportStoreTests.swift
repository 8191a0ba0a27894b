import Foundation
import GRDB
import SapuCore
import SapuStore
import Testing

/// A simulated history in a fresh database, with naive SQL over the event log to check the reports against.
struct ReportHistoryStore: Sendable {
    static let end = CalendarDate(year: 2025, month: 11, day: 21)!
    let store: SQLiteStore
    let queue: DatabaseQueue
    /// Brooms in every simulated bundle that was not voided, by its product's bundle size.
    let brooms: Int
    /// The simulated bundles that were voided, which no report counts.
    let voided: Int

    /// Built once: the reports only read it.
    static let shared = Result { try ReportHistoryStore() }

    private init() throws {
        let temporary = try TemporaryStore()
        let simulation = HistorySimulation(.init(site: "PWT", bundles: 40_000, makers: 12, days: 90, end: Self.end, seed: 11))
        _ = try temporary.store.importHistory(simulation)
        brooms = simulation.bundles.filter { $0.state != .voided }.reduce(0) { sum, bundle in
            sum + (simulation.batches[bundle.batch].product == "LIDI" ? 10 : 5)
        }
        voided = simulation.bundles.count { $0.state == .voided }
        store = temporary.store
        var configuration = Configuration()
        configuration.readonly = true
        queue = try DatabaseQueue(path: temporary.path, configuration: configuration)
    }

    /// Stock at the end of a day as a plain replay of every event: the state of each bundle's
    /// last event before midnight, the result of its last inspection; voided bundles never count.
    func naiveStock(at day: CalendarDate) throws -> [String: Int] {
        let cutoff = Instant.startOf(day, utcOffset: 25_200).unixSeconds + 86_400
        return try queue.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                WITH last AS (
                    SELECT bundle, state, ROW_NUMBER() OVER (PARTITION BY bundle ORDER BY at_unix DESC, seq DESC) AS n
                    FROM event WHERE at_unix < ?1),
                graded AS (
                    SELECT bundle, result, ROW_NUMBER() OVER (PARTITION BY bundle ORDER BY at_unix DESC, seq DESC) AS n
                    FROM event WHERE at_unix < ?1 AND result IS NOT NULL)
                SELECT b.product, CASE WHEN g.result IN ('A', 'B') THEN g.result ELSE 'FAIL' END, l.state, COUNT(*)
                FROM last l JOIN graded g ON g.bundle = l.bundle AND g.n = 1 JOIN bundle b ON b.id = l.bundle
                WHERE l.n = 1 AND b.state <> 'voided' GROUP BY 1, 2, 3
                """, arguments: [cutoff]) {
                counts["\(row[0] as String) \(row[1] as String) \(row[2] as String)"] = row[3]
            }
            return counts
        }
    }

    /// QC figures per batch straight from the inspection events of a period, voided bundles left out.
    func naiveQC(from: CalendarDate, to: CalendarDate) throws -> [String: QCTally] {
        try queue.read { db in
            var tallies: [String: QCTally] = [:]
            for row in try Row.fetchAll(db, sql: """
                WITH inspection AS (
                    SELECT bundle, move, result, substr(at, 1, 10) AS day, at_unix, seq,
                           substr(bundle, 1, instr(bundle, '-') - 1) AS batch,
                           LAG(result) OVER (PARTITION BY bundle ORDER BY at_unix, seq) AS before
                    FROM event WHERE result IS NOT NULL AND bundle NOT IN (SELECT id FROM bundle WHERE state = 'voided')),
                latest AS (
                    SELECT bundle, result FROM (
                        SELECT bundle, result, ROW_NUMBER() OVER (PARTITION BY bundle ORDER BY at_unix DESC, seq DESC) AS n
                        FROM inspection WHERE day <= ?2) WHERE n = 1),
                firsts AS (
                    SELECT i.batch, COUNT(*) AS inspected, SUM(i.result = 'A') AS a, SUM(i.result = 'B') AS b,
                           SUM(i.result LIKE 'FAIL:%') AS failed, SUM(l.result IN ('A', 'B')) AS final
                    FROM inspection i JOIN latest l ON l.bundle = i.bundle
                    WHERE i.move = 'inspect' AND i.day BETWEEN ?1 AND ?2 GROUP BY i.batch),
                reworks AS (
                    SELECT batch, SUM(before LIKE 'FAIL:%') AS reworks, SUM(before IN ('A', 'B')) AS regrades FROM inspection
                    WHERE move = 'reinspect' AND day BETWEEN ?1 AND ?2 GROUP BY batch)
                SELECT batch, inspected, a, b, failed, final, COALESCE((SELECT reworks FROM reworks r WHERE r.batch = f.batch), 0),
                       COALESCE((SELECT regrades FROM reworks r WHERE r.batch = f.batch), 0)
                FROM firsts f
                UNION ALL
                SELECT batch, 0, 0, 0, 0, 0, reworks, regrades FROM reworks r WHERE r.batch NOT IN (SELECT batch FROM firsts)
                """, arguments: [from.iso, to.iso]) {
                tallies[row[0]] = QCTally(inspected: row[1], gradeA: row[2], gradeB: row[3], failed: row[4], reworks: row[6],
                                          passedAfterRework: row[5], regrades: row[7])
            }
            return tallies
        }
    }

    /// Sent, received, missing and disputed per shipment, counted from the events.
    func naiveShipments() throws -> [String: [Int]] {
        try queue.read { db in
            var counts: [String: [Int]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.id, SUM(e.move = 'ship'), SUM(e.move = 'deliver'), SUM(e.move = 'mark-missing'), SUM(e.move = 'dispute')
                FROM shipment s JOIN event e ON e.shipment = s.id GROUP BY s.id
                """) {
                counts[row[0]] = [row[1], row[2], row[3], row[4]]
            }
            return counts
        }
    }
}

@Suite("SQLite store: reports")
struct ReportStoreTests {
    private func counts(_ report: StockReport) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: report.counts.map { ("\($0.product) \($0.grade) \($0.state.rawValue)", $0.count) })
    }

    @Test func replayedStockAgreesWithANaiveReplayOfEveryEvent() throws {
        let history = try ReportHistoryStore.shared.get()
        let end = Instant.localDay(of: ReportHistoryStore.end)
        for back in [95, 89, 75, 60, 45, 31, 20, 10, 3, 1, 0] {
            let day = Instant.date(ofLocalDay: end - Int64(back))
            let report = try history.store.stockReport(asOf: day)
            #expect(counts(report) == (try history.naiveStock(at: day)), "\(day.iso)")
            #expect(report.asOf == day)
        }
        #expect(try history.store.stockReport(asOf: Instant.date(ofLocalDay: end - 100)).isEmpty)
    }

    @Test func currentStockIsTheReplayOfTheWholeLog() throws {
        let history = try ReportHistoryStore.shared.get()
        let now = try history.store.stockReport(asOf: nil)
        #expect(counts(now) == (try history.naiveStock(at: ReportHistoryStore.end)))
        #expect(now.total == 40_000 - history.voided)
        #expect(now.asOf == nil)
    }

    @Test func qcFiguresAgreeWithTheInspectionEvents() throws {
        let history = try ReportHistoryStore.shared.get()
        let end = Instant.localDay(of: ReportHistoryStore.end)
        for (from, to) in [(end - 200, end), (end - 40, end - 30), (end - 12, end - 12), (end - 3, end)] {
            let period = try ReportPeriod(from: Instant.date(ofLocalDay: from), to: Instant.date(ofLocalDay: to))
            let report = QCReport(try history.store.inspectionHistory(period, detail: .batches), by: .batch)
            let expected = try history.naiveQC(from: period.from!, to: period.to!)
            #expect(Dictionary(uniqueKeysWithValues: report.rows.map { ($0.group, $0.tally) }) == expected, "\(period)")
        }
    }

    @Test func openPeriodsCoverTheWholeHistory() throws {
        let history = try ReportHistoryStore.shared.get()
        let byMaker = QCReport(try history.store.inspectionHistory(try ReportPeriod(), detail: .makers), by: .maker)
        #expect(byMaker.total.inspected == 40_000 - history.voided)
        #expect(byMaker.rows.count == 12)
        let byBatch = QCReport(try history.store.inspectionHistory(try ReportPeriod(), detail: .batches), by: .batch)
        #expect(byMaker.total == byBatch.total)
        #expect(byMaker.defects == byBatch.defects)
        let makers = try MakersReport(try history.store.inspectionHistory(try ReportPeriod(), detail: .makers))
        #expect(makers.brooms == history.brooms)
        #expect(makers.total == byBatch.total)
    }

    @Test func makerFiguresOfAPeriodAgreeWithBatchFigures() throws {
        let history = try ReportHistoryStore.shared.get()
        let period = try ReportPeriod(from: CalendarDate(year: 2025, month: 10, day: 1), to: CalendarDate(year: 2025, month: 10, day: 31))
        let byMaker = QCReport(try history.store.inspectionHistory(period, detail: .makers), by: .maker)
        let byBatch = QCReport(try history.store.inspectionHistory(period, detail: .batches), by: .batch)
        #expect(byMaker.total == byBatch.total)
        #expect(byMaker.total.inspected > 0)
    }

    @Test func shipmentOutcomesAgreeWithTheEventsIncludingDisputes() throws {
        let history = try ReportHistoryStore.shared.get()
        let report = try history.store.shipmentsReport(try ReportPeriod())
        let expected = try history.naiveShipments()
        #expect(report.shipments.count == expected.count)
        for shipment in report.shipments {
            #expect([shipment.sent, shipment.received, shipment.missing, shipment.disputed] == expected[shipment.id], "\(shipment.id)")
        }
        #expect(report.total.disputed > 0 && report.total.missing > 0)
        #expect(Set(report.shipments.map(\.status)).isSuperset(of: [.delivered, .disputed]))
        let lastWeek = try history.store.shipmentsReport(try ReportPeriod(from: CalendarDate(year: 2025, month: 11, day: 15)))
        #expect(!lastWeek.isEmpty && lastWeek.shipments.allSatisfy { $0.date.iso >= "2025-11-15" })
    }

    /// The simulation voids a few bundles (a count typed too high), so the comparisons above
    /// prove that the reports leave them out.
    @Test func theHistoryHoldsVoidedBundlesWithTheirEvents() throws {
        let history = try ReportHistoryStore.shared.get()
        #expect(history.voided > 10)
        let voidEvents = try history.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE move = 'void' AND state = 'voided' AND reason IS NOT NULL")
        }
        #expect(voidEvents == history.voided)
        let all = try history.store.bundles(batch: nil, state: nil).count
        #expect(all == 40_000 - history.voided)
        #expect(try history.store.bundles(batch: nil, state: .voided).count == history.voided)
    }

    @Test func everyGeneratedBundleEndsAsItsEventsSay() throws {
        let history = try ReportHistoryStore.shared.get()
        let mismatched = try history.queue.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM bundle b
                WHERE b.state <> (SELECT e.state FROM event e WHERE e.bundle = b.id ORDER BY e.seq DESC LIMIT 1)
                   OR unixepoch(b.updated_at) <> (SELECT MAX(e.at_unix) FROM event e WHERE e.bundle = b.id)
                   OR b.inspections <> (SELECT COUNT(*) FROM event e WHERE e.bundle = b.id AND e.result IS NOT NULL)
                """)
        }
        #expect(mismatched == 0)
        let orphans = try history.queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(orphans.isEmpty)
    }

    @Test func aHistoryOnlyGoesIntoAnEmptyDatabase() throws {
        let db = try TemporaryStore()
        _ = try db.store.inspect(batch: try db.batch().code, maker: "M042", result: .pass(.a), count: 1,
                                 actor: TemporaryStore.actor, at: TemporaryStore.day)
        let simulation = HistorySimulation(.init(site: "PWT", bundles: 10, makers: 2, days: 3, end: ReportHistoryStore.end))
        #expect(throws: SapuError.databaseNotEmpty(path: db.path)) { try db.store.importHistory(simulation) }
    }
}
