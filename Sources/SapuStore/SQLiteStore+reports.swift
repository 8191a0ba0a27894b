import Foundation
import GRDB
import SapuCore

/// The reads behind `sapu report`; a second backend implements the same questions.
public protocol ReportStore: Sendable {
    /// Stock by product, grade and state: now, or as of the end of a past day replayed from the events.
    func stockReport(asOf day: CalendarDate?) throws(SapuError) -> StockReport
    /// The inspections a QC or maker report of the period is computed from, in the detail it needs.
    func inspectionHistory(_ period: ReportPeriod, detail: InspectionHistory.Detail) throws(SapuError) -> InspectionHistory
    /// The shipments that left (or were opened, if not yet left) in the period, with their outcomes.
    func shipmentsReport(_ period: ReportPeriod) throws(SapuError) -> ShipmentsReport
}

extension SQLiteStore: ReportStore {
    public func stockReport(asOf day: CalendarDate?) throws(SapuError) -> StockReport {
        // A voided bundle was never made: it counts in no state, on no day (docs/states.md).
        try read { db in
            try Self.mapLargeReads(db)
            guard let day else {
                return StockReport(asOf: nil, counts: try Self.stockCounts(db, sql: """
                    SELECT product, COALESCE(grade, 'FAIL'), state, COUNT(*) FROM bundle WHERE state <> 'voided'
                    GROUP BY product, grade, state
                    """))
            }
            guard let offset = try Self.siteOffset(db) else { return StockReport(asOf: day, counts: []) }
            let cutoff = Instant.startOf(day, utcOffset: offset).unixSeconds + 86_400
            // A bundle untouched since the cutoff stands as its row says: the row is the
            // outcome of its events, and `updated_at` is the time of the last one.
            let settled = try Self.stockCounts(db, sql: """
                SELECT product, COALESCE(grade, 'FAIL'), state, COUNT(*) FROM bundle
                WHERE unixepoch(updated_at) < ? AND state <> 'voided' GROUP BY product, grade, state
                """, arguments: [cutoff])
            // A bundle that existed then and changed since is replayed from its own events:
            // the state of its last event before the cutoff, the result of its last inspection.
            let replayed = try Self.stockCounts(db, sql: """
                WITH moved(id, product) AS (
                    SELECT id, product FROM bundle
                    WHERE inspections = 1 AND inspected_on <= ?1 AND unixepoch(updated_at) >= ?2 AND state <> 'voided'
                    UNION ALL
                    SELECT id, product FROM bundle b
                    WHERE inspections > 1 AND unixepoch(updated_at) >= ?2 AND state <> 'voided'
                      AND (inspected_on <= ?1
                           OR EXISTS (SELECT 1 FROM event e WHERE e.result IS NOT NULL AND e.bundle = b.id AND e.at_unix < ?2))
                ), replayed(product, result, state) AS (
                    SELECT product,
                           (SELECT e.result FROM event e WHERE e.result IS NOT NULL AND e.bundle = moved.id AND e.at_unix < ?2
                            ORDER BY e.at_unix DESC, e.seq DESC LIMIT 1),
                           (SELECT e.state FROM event e WHERE e.bundle = moved.id AND e.at_unix < ?2
                            ORDER BY e.at_unix DESC, e.seq DESC LIMIT 1)
                    FROM moved
                )
                SELECT product, CASE WHEN result IN ('A', 'B') THEN result ELSE 'FAIL' END, state, COUNT(*)
                FROM replayed WHERE state IS NOT NULL GROUP BY 1, 2, 3
                """, arguments: [day.iso, cutoff])
            return StockReport(asOf: day, counts: settled + replayed)
        }
    }

    public func inspectionHistory(_ period: ReportPeriod, detail: InspectionHistory.Detail) throws(SapuError)
        -> InspectionHistory {
        try read { db in
            try Self.mapLargeReads(db)
            let from = period.from?.iso ?? "0000-00-00"
            let to = period.to?.iso ?? "9999-99-99"
            var days = DayCache()
            var results = ResultCache()
            var once: [InspectionHistory.Tally] = []
            // Each query reads its index in the order it groups by, so SQLite never sorts.
            let products = try Dictionary(Row.fetchAll(db, sql: "SELECT code, product FROM batch").map {
                (row: Row) -> (String, String) in (row[0], row[1])
            }, uniquingKeysWith: { first, _ in first })
            // The indexes these tallies stream carry no state: the few voided bundles are
            // counted apart (from `bundle_voided`) and taken off, so voided counts nowhere.
            let grouping = detail == .batches ? "inspected_on, batch, result" : "maker, product, result"
            var voided: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT \(grouping), COUNT(*) FROM bundle INDEXED BY bundle_voided
                WHERE state = 'voided' AND inspections = 1 AND inspected_on BETWEEN ? AND ? GROUP BY \(grouping)
                """, arguments: [from, to]) {
                voided[Self.tallyKey(row), default: 0] += row[3]
            }
            let tallies = try Row.fetchCursor(db, sql: """
                SELECT \(grouping), COUNT(*) FROM bundle
                WHERE inspections = 1 AND inspected_on BETWEEN ? AND ?
                GROUP BY \(grouping)
                """, arguments: [from, to])
            while let row = try tallies.next() {
                var count: Int = row[3]
                if !voided.isEmpty { count -= voided[Self.tallyKey(row)] ?? 0 }
                guard count > 0 else { continue }
                switch detail {
                case .batches:
                    guard let day = days[row[0]], let result = results[row[2]] else {
                        throw SapuError.storageFailure("unreadable bundle row")
                    }
                    let batch: String = row[1]
                    once.append(.init(day: day, batch: batch, maker: nil, product: products[batch] ?? "?", result: result,
                                      count: count))
                case .makers:
                    guard let result = results[row[2]] else { throw SapuError.storageFailure("unreadable bundle row") }
                    once.append(.init(day: nil, batch: nil, maker: row[0], product: row[1], result: result, count: count))
                }
            }
            // A bundle whose latest inspection is before the period cannot have one in it.
            // CROSS JOIN keeps SQLite on the few reworked bundles, not on every inspection.
            let inspections = try Row.fetchCursor(db, sql: """
                SELECT b.rowid, e.move = 'inspect', e.result, substr(e.at, 1, 10), e.at_unix, e.seq, b.batch, b.maker
                FROM bundle b CROSS JOIN event e ON e.result IS NOT NULL AND e.bundle = b.id
                WHERE b.inspections > 1 AND b.inspected_on >= ? AND b.state <> 'voided'
                """, arguments: [from])
            var reworked: [InspectionHistory.Reworked] = []
            var slots: [Int64: Int] = [:]
            var lastID: Int64 = -1
            while let row = try inspections.next() {
                guard let result = results[row[2]], let day = days[row[3]] else {
                    throw SapuError.storageFailure("unreadable event row")
                }
                let inspection = InspectionHistory.Inspection(day: day, unixSeconds: row[4], sequence: row[5], first: row[1],
                                                              result: result)
                // A bundle's inspections come one after another; the dictionary is the fallback.
                let id: Int64 = row[0]
                if id == lastID {
                    reworked[reworked.count - 1].inspections.append(inspection)
                } else if let slot = slots[id] {
                    reworked[slot].inspections.append(inspection)
                } else {
                    slots[id] = reworked.count
                    lastID = id
                    let batch: String = row[6]
                    reworked.append(.init(batch: batch, maker: row[7], product: products[batch] ?? "?", inspections: [inspection]))
                }
            }
            let sizes = try Dictionary(Row.fetchAll(db, sql: "SELECT code, bundle_size FROM product").map {
                (row: Row) -> (String, Int) in (row[0], row[1])
            }, uniquingKeysWith: { first, _ in first })
            return InspectionHistory(period: period, detail: detail, once: once, reworked: reworked, bundleSizes: sizes)
        }
    }

    public func shipmentsReport(_ period: ReportPeriod) throws(SapuError) -> ShipmentsReport {
        try read { db in
            try Self.mapLargeReads(db)
            // A newer receipt supersedes the older one: each bundle counts once, under the
            // outcome of the last receipt event it got in this shipment.
            // The materialised rows come from the partial index event_shipment_outcome (its
            // exact condition), never from a scan of every event.
            let outcomes = try db.cachedStatement(sql: """
                WITH outcome AS MATERIALIZED (
                    SELECT bundle, seq, move FROM event
                    WHERE move IN ('ship', 'deliver', 'mark-missing', 'dispute') AND shipment = ?1)
                SELECT move, COUNT(*) FROM outcome WHERE move = 'ship' GROUP BY move
                UNION ALL
                SELECT move, COUNT(*) FROM (
                    SELECT move, ROW_NUMBER() OVER (PARTITION BY bundle ORDER BY seq DESC) AS latest
                    FROM outcome WHERE move <> 'ship')
                WHERE latest = 1 GROUP BY move
                """)
            let receipts = try db.cachedStatement(sql: "SELECT bytes FROM receipt WHERE shipment = ? AND superseded_by IS NULL")
            var shipments: [ShipmentOutcome] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT id, status, consignee, created_at, shipped_at FROM shipment WHERE status <> 'cancelled'
                """) {
                let statusText: String = row[1]
                let createdText: String = row[3]
                let shippedText: String? = row[4]
                guard let status = ShipmentStatus(rawValue: statusText),
                      let day = Self.day(String((shippedText ?? createdText).prefix(10))) else {
                    throw SapuError.storageFailure("unreadable shipment row")
                }
                if let from = period.from, day < from { continue }
                if let to = period.to, to < day { continue }
                let id: String = row[0]
                var counts: [String: Int] = [:]
                for count in try Row.fetchAll(outcomes, arguments: [id]) { counts[count[0]] = count[1] }
                let partner = try Self.partnerFindings(receipts, shipment: id)
                shipments.append(ShipmentOutcome(
                    id: id, date: day, consignee: row[2], status: status, sent: counts[Move.ship.rawValue] ?? 0,
                    received: counts[Move.deliver.rawValue] ?? 0, missing: counts[Move.markMissing.rawValue] ?? 0,
                    disputed: counts[Move.dispute.rawValue] ?? 0, extra: partner.extra, forged: partner.forged))
            }
            return ShipmentsReport(period: period, shipments: shipments)
        }
    }

    // MARK: Helpers

    /// The first three columns of a tally row, as one key.
    private static func tallyKey(_ row: Row) -> String {
        let first: String = row[0], second: String = row[1], third: String = row[2]
        return first + "|" + second + "|" + third
    }

    private static func stockCounts(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [StockCount] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let stateText: String = row[2]
            guard let state = BundleState(rawValue: stateText) else { throw SapuError.storageFailure("unreadable bundle row") }
            return StockCount(product: row[0], grade: row[1], state: state, count: row[3])
        }
    }

    /// Lets SQLite read the file through memory mapping: reports scan indexes of hundreds
    /// of megabytes, and copying every page through `read()` costs more than the query.
    static func mapLargeReads(_ db: Database) throws {
        try db.execute(sql: "PRAGMA mmap_size = 4294967296")
    }

    /// The site's UTC offset, as its latest event was written.
    private static func siteOffset(_ db: Database) throws -> Int? {
        try String.fetchOne(db, sql: "SELECT at FROM event ORDER BY seq DESC LIMIT 1").flatMap(Instant.init(iso8601:))?.utcOffset
    }

    private static func day(_ text: String) -> CalendarDate? {
        try? CalendarDate(iso: text)
    }
}

/// Parses each distinct day text once: report rows repeat the same few hundred days.
private struct DayCache {
    private var last: (text: String, day: CalendarDate)?
    private var known: [String: CalendarDate] = [:]

    subscript(text: String) -> CalendarDate? {
        mutating get {
            if let last, last.text == text { return last.day }
            guard let day = known[text] ?? (try? CalendarDate(iso: text)) else { return nil }
            known[text] = day
            last = (text, day)
            return day
        }
    }
}

/// Parses each distinct result code once: `A`, `B` and a few defect combinations.
private struct ResultCache {
    private var known: [String: QCResult] = [:]

    subscript(code: String) -> QCResult? {
        mutating get {
            if let result = known[code] { return result }
            let result = QCResult(code: code)
            known[code] = result
            return result
        }
    }
}

// MARK: Generated history

extension SQLiteStore {
    /// Writes a simulated history into an empty database, as fast as SQLite allows.
    ///
    /// For benchmarks only: rows go straight in with prepared statements, a few large
    /// transactions and no per-row checks (the simulation never makes an illegal move);
    /// bundles and shipments are written last, once their final state is known.
    public func importHistory(_ simulation: HistorySimulation, progress: (CalendarDate) -> Void = { _ in })
        throws(SapuError) -> (bundles: Int, events: Int) {
        do {
            let empty = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM bundle LIMIT 1)") == 0 }
            guard empty else { throw SapuError.databaseNotEmpty(path: path) }
            return try writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -2000") }
                // Loading first and indexing after is twice as fast as keeping the
                // report indexes (the second migration) up to date row by row.
                try db.execute(sql: Self.reportIndexes.map { "DROP INDEX IF EXISTS \($0);" }.joined())
                let events = try Self.insertHistory(db, simulation, progress: progress)
                try db.execute(sql: Schema.migrations[1])
                return (simulation.bundles.count, events)
            }
        } catch let error as SapuError {
            throw error
        } catch {
            throw .unexpectedStorageError
        }
    }

    /// The indexes the second migration creates for the reports.
    static let reportIndexes = [
        "bundle_stock", "bundle_first_inspection", "bundle_maker_inspection", "bundle_reworked", "event_inspection",
        "event_shipment_outcome",
    ]

    private static func insertHistory(_ db: Database, _ simulation: HistorySimulation,
                                      progress: (CalendarDate) -> Void) throws -> Int {
        let plan = simulation.plan
        func iso(_ unix: Int64) -> String { Instant(unixSeconds: unix, utcOffset: plan.utcOffset).iso8601 }
        try db.inTransaction {
            let maker = try db.makeStatement(sql: "INSERT OR IGNORE INTO maker (code, name, active) VALUES (?, ?, 1)")
            for (index, code) in simulation.makerCodes.enumerated() {
                try maker.execute(arguments: [code, simulation.makerName(index)])
            }
            return .commit
        }
        let batch = try db.makeStatement(sql: """
            INSERT INTO batch (code, product, made_on, next_serial, created_at) VALUES (?, ?, ?, ?, ?)
            """)
        let event = try db.makeStatement(sql: """
            INSERT INTO event (bundle, move, state, at, at_unix, operator, station, result, label_revision, shipment, manual,
                               reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
            """)
        var events = 0
        var open = false
        var daysInTransaction = 0
        try simulation.run { date, newBatches, dayEvents in
            if !open {
                try db.execute(sql: "BEGIN")
                open = true
            }
            for index in newBatches {
                let made = simulation.batches[index]
                batch.setUncheckedArguments([made.code, made.product, made.date.iso, made.bundles + 1,
                                             iso(Instant.startOf(made.date, utcOffset: plan.utcOffset).unixSeconds + 7 * 3600)])
                try batch.execute()
            }
            let bundles = simulation.bundles
            let shipments = simulation.shipments
            for item in dayEvents {
                event.setUncheckedArguments([
                    bundles[item.bundle].id, item.move.rawValue, item.state.rawValue, iso(item.at), item.at,
                    item.operatorCode, item.station, item.result?.code, item.labelRevision,
                    item.shipment.map { shipments[$0].id }, item.reason,
                ])
                try event.execute()
            }
            events += dayEvents.count
            daysInTransaction += 1
            if daysInTransaction == 60 {
                try db.execute(sql: "COMMIT")
                open = false
                daysInTransaction = 0
                progress(date)
            }
        }
        if open { try db.execute(sql: "COMMIT") }
        try db.inTransaction {
            let shipment = try db.makeStatement(sql: """
                INSERT INTO shipment (id, number, status, consignee, address, vehicle, driver, reference,
                                      created_at, closed_at, shipped_at, reconciled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)
                """)
            for made in simulation.shipments {
                shipment.setUncheckedArguments([made.id, made.number, made.status.rawValue, made.consignee, made.address,
                                                made.vehicle, made.driver, iso(made.created), made.closed.map(iso),
                                                made.shipped.map(iso), made.reconciled.map(iso)])
                try shipment.execute()
            }
            let bundle = try db.makeStatement(sql: """
                INSERT INTO bundle (id, batch, serial, product, maker, result, grade, inspected_on, inspections, state,
                                    label_revision, label_current, shipment, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                """)
            let batches = simulation.batches
            let shipments = simulation.shipments
            for made in simulation.bundles {
                bundle.setUncheckedArguments([
                    made.id, batches[made.batch].code, made.serial, batches[made.batch].product,
                    simulation.makerCodes[made.maker], made.result.code, made.result.grade?.rawValue, made.inspected.iso,
                    made.inspections, made.state.rawValue, made.labelRevision, made.shipment.map { shipments[$0].id },
                    iso(made.updated),
                ])
                try bundle.execute()
            }
            return .commit
        }
        return events
    }
}

extension SQLiteStore {
    /// What the receipt in force for a shipment says beyond the bundles' own outcomes: how
    /// many bundles were at the partner without being in the manifest, and how many scans
    /// were refused as forged. Zero without a receipt. The bytes were checked when applied;
    /// kept bytes that no longer read count as zero here (finding damage is `sapu doctor`'s).
    fileprivate static func partnerFindings(_ receipts: Statement, shipment: String) throws -> (extra: Int, forged: Int) {
        partnerFindings(receipt: try Data.fetchOne(receipts, arguments: [shipment]))
    }

    /// The partner findings in a receipt's bytes (nil: no receipt in force); the hub reads the
    /// same bytes from its copy of the log and counts them here, so both count alike.
    public static func partnerFindings(receipt bytes: Data?) -> (extra: Int, forged: Int) {
        struct Findings: Decodable {
            var extra: [String]
            var forged: Int
        }
        guard let bytes, let findings = try? JSONDecoder().decode(Findings.self, from: bytes) else { return (0, 0) }
        return (findings.extra.count, max(0, findings.forged))
    }
}
