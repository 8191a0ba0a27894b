import Foundation
import GRDB
import SapuCore

// MARK: Generated history

extension SQLiteStore {
    /// Writes a simulated history into an empty database, as fast as SQLite allows.
    ///
    /// For benchmarks only: rows go straight in with prepared statements, a few large
    /// transactions and no per-row checks (the simulation never makes an illegal move);
    /// bundles and shipments are written last, once their final state is known.
    public func importHistory(_ simulation: HistorySimulation, progress: (CalendarDate) -> Void = { _ in })
        throws(ReportError) -> (bundles: Int, events: Int) {
        do {
            let empty = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM bundle LIMIT 1)") == 0 }
            guard empty else { throw ReportError.databaseNotEmpty(path: path) }
            return try mapped(path: path) {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -400000")
                    defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA cache_size = -2000") }
                    let events = try Self.insertHistory(db, simulation, progress: progress)
                    return (simulation.bundles.count, events)
                }
            }
        } catch let error as ReportError {
            throw error
        } catch let error as SapuError {
            throw .store(error)
        } catch {
            throw .store(.storageFailure(String(describing: type(of: error))))
        }
    }

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
            INSERT INTO event (bundle, move, state, at, at_unix, operator, station, result, label_revision, shipment, manual)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
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
                    item.shipment.map { shipments[$0].id },
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
