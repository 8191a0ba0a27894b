import Foundation
import GRDB
import SapuCore

extension SQLiteStore {
    public func bundle(_ id: BundleID) throws(SapuError) -> SapuCore.Bundle {
        try read { db in try Self.fetchBundle(db, id) }
    }

    /// The bundles of a batch (or all), in one state or, without one, in every state but
    /// `voided`: a voided bundle is listed only when asked for by its state.
    public func bundles(batch: String?, state: BundleState?) throws(SapuError) -> [SapuCore.Bundle] {
        try read { db in
            var clauses: [String] = []
            var arguments: StatementArguments = []
            if let batch {
                guard try Self.exists(db, "batch", batch) else { throw SapuError.unknown(kind: .batch, value: batch) }
                clauses.append("batch = ?")
                arguments += [batch]
            }
            clauses.append(state == nil ? "state <> ?" : "state = ?")
            arguments += [(state ?? .voided).rawValue]
            let filter = "WHERE " + clauses.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT \(Self.bundleColumns) FROM bundle \(filter) ORDER BY batch, serial", arguments: arguments)
                .map(Self.bundle)
        }
    }

    public func history(of id: BundleID) throws(SapuError) -> [BundleEvent] {
        try read { db in
            _ = try Self.fetchBundle(db, id)
            return try Row.fetchAll(db, sql: "SELECT * FROM event WHERE bundle = ? ORDER BY seq", arguments: [id.description])
                .map(Self.event)
        }
    }

    /// The current stock: the same counts as `report stock` without a date.
    public func stock() throws(SapuError) -> [StockCount] {
        try stockReport(asOf: nil).counts
    }

    // MARK: Row mapping

    static func fetchBundle(_ db: Database, _ id: BundleID) throws -> SapuCore.Bundle {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.bundleColumns) FROM bundle WHERE id = ?"), arguments: [id.description]) else {
            throw SapuError.unknownBundle(id.description)
        }
        return try bundle(row)
    }

    /// The bundle columns in the order `bundle(_:)` reads them by position: reading by
    /// name costs a lookup per column, which shows when thousands of rows are read.
    static let bundleColumns = """
        id, batch, serial, product, maker, result, inspected_on, inspections, state, label_revision, label_current, shipment,
        label_key
        """

    static func bundle(_ row: Row) throws -> SapuCore.Bundle {
        let resultCode: String = row[5]
        let stateText: String = row[8]
        let inspectedText: String = row[6]
        guard let result = QCResult(code: resultCode), let state = BundleState(rawValue: stateText) else {
            throw SapuError.storageFailure("unreadable bundle row")
        }
        return Bundle(id: BundleID(batch: row[1], serial: row[2]), product: row[3], maker: row[4], result: result,
                      inspected: try CalendarDate(iso: inspectedText), inspections: row[7], state: state,
                      labelRevision: row[9], labelCurrent: row[10], shipment: row[11], labelKey: row[12])
    }

    static func event(_ row: Row) throws -> BundleEvent {
        let idText: String = row["bundle"]
        let moveText: String = row["move"]
        let stateText: String = row["state"]
        let atText: String = row["at"]
        let resultText: String? = row["result"]
        guard let id = BundleID(typed: idText), let move = Move(rawValue: moveText),
              let state = BundleState(rawValue: stateText), let at = Instant(iso8601: atText) else {
            throw SapuError.storageFailure("unreadable event row")
        }
        return BundleEvent(sequence: row["seq"], bundle: id, move: move, state: state, at: at,
                           actor: Actor(operatorCode: row["operator"], station: row["station"]),
                           result: resultText.flatMap(QCResult.init(code:)), labelRevision: row["label_revision"],
                           shipment: row["shipment"], manual: row["manual"], reason: row["reason"])
    }
}
