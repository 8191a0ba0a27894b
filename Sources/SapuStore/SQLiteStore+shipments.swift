import Foundation
import GRDB
import SapuCore

extension SQLiteStore {
    /// Opens a shipment to a registered partner with the next running number of the site and year.
    ///
    /// Without a partner code the only active partner is taken; the consignee's name and
    /// address default to the partner's.
    public func createShipment(_ draft: ShipmentDraft, at now: Instant) throws(SapuError) -> Shipment {
        let draft = try draft.checked()
        return try write { db in
            let partner = try Self.resolvePartner(db, draft.partner)
            let consignee = draft.consignee ?? partner.name
            guard !consignee.isEmpty else { throw SapuError.consigneeRequired }
            let site = try String.fetchOne(db, sql: "SELECT code FROM site LIMIT 1") ?? ""
            let date = now.date
            let last = try Int.fetchOne(db, sql: "SELECT MAX(number) FROM shipment WHERE id LIKE ?",
                                        arguments: ["%/SJ/\(site)/%/\(date.year)"]) ?? 0
            // A number outside the range (written by hand into the file) must not wrap around.
            guard last < ShipmentID.numbers.upperBound else { throw SapuError.shipmentNumbersUsedUp(year: date.year) }
            let number = max(last, 0) + 1
            let id = ShipmentID(number: number, site: site, month: date.month, year: date.year).description
            try db.execute(sql: """
                INSERT INTO shipment (id, number, status, consignee, address, vehicle, driver, reference, created_at, partner)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, number, ShipmentStatus.open.rawValue, consignee, draft.address ?? partner.address,
                                 draft.vehicle, draft.driver, draft.reference, now.iso8601, partner.code])
            return try Self.fetchShipment(db, id)
        }
    }

    public func shipment(_ id: String) throws(SapuError) -> Shipment {
        try read { db in try Self.fetchShipment(db, id) }
    }

    /// The shipment whose closing wrote the manifest of that SHA-256, if any.
    public func shipment(manifestSHA256 digest: String) throws(SapuError) -> Shipment? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT id FROM shipment WHERE manifest_sha256 = ? LIMIT 1", arguments: [digest])
                .map { try Self.fetchShipment(db, $0) }
        }
    }

    public func shipments() throws(SapuError) -> [Shipment] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM shipment ORDER BY created_at, number").map { try Self.fetchShipment(db, $0) }
        }
    }

    /// The shipments in one of `statuses`, oldest first: the open ones for a scanning page, the
    /// ones not yet gone for the dashboard, without reading a year of shipped ones.
    public func shipments(in statuses: Set<ShipmentStatus>) throws(SapuError) -> [Shipment] {
        let wanted = statuses.map(\.rawValue).sorted()
        let marks = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        return try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM shipment WHERE status IN (\(marks)) ORDER BY created_at, number",
                                arguments: StatementArguments(wanted)).map { try Self.fetchShipment(db, $0) }
        }
    }

    /// The bundles packed or shipped in a shipment, in id order.
    public func bundles(inShipment id: String) throws(SapuError) -> [SapuCore.Bundle] {
        try read { db in
            _ = try Self.fetchShipment(db, id)
            return try Row.fetchAll(db, sql: "SELECT \(Self.bundleColumns) FROM bundle WHERE shipment = ? ORDER BY batch, serial", arguments: [id])
                .map(Self.bundle)
        }
    }

    /// Marks a closed shipment as gone with the driver; its bundles become shipped.
    public func shipShipment(_ id: String, actor: Actor, at now: Instant) throws(SapuError) -> Shipment {
        try write { db in
            let shipment = try Self.fetchShipment(db, id)
            if shipment.status == .open { throw SapuError.shipmentNotClosedYet(id) }
            guard shipment.status == .closed else {
                throw SapuError.shipmentWrongStatus(id: id, status: shipment.status, action: "ship")
            }
            try Self.requireDocumentsWritten(db, id)
            try Self.moveAll(db, in: id, from: .packed, move: .ship, actor: actor, at: now)
            try db.execute(sql: "UPDATE shipment SET status = ?, shipped_at = ? WHERE id = ?",
                           arguments: [ShipmentStatus.shipped.rawValue, now.iso8601, id])
            return try Self.fetchShipment(db, id)
        }
    }

    /// Calls off a shipment that has not left; its bundles go back to stock.
    public func cancelShipment(_ id: String, actor: Actor, at now: Instant) throws(SapuError) -> Shipment {
        try write { db in
            let shipment = try Self.fetchShipment(db, id)
            guard shipment.status == .open || shipment.status == .closed else {
                throw SapuError.shipmentWrongStatus(id: id, status: shipment.status, action: "cancel")
            }
            if shipment.status == .closed { try Self.requireDocumentsWritten(db, id) }
            try Self.moveAll(db, in: id, from: .packed, move: .unpack, actor: actor, at: now)
            try db.execute(sql: "UPDATE shipment SET status = ? WHERE id = ?", arguments: [ShipmentStatus.cancelled.rawValue, id])
            return try Self.fetchShipment(db, id)
        }
    }

    // MARK: Helpers

    private static func moveAll(_ db: Database, in shipment: String, from state: BundleState, move: Move, actor: Actor,
                                at now: Instant) throws {
        let target = Lifecycle.target(of: move, from: state)
        let ids = try String.fetchAll(db, sql: "SELECT id FROM bundle WHERE shipment = ? AND state = ? ORDER BY batch, serial",
                                      arguments: [shipment, state.rawValue])
        let keepShipment = target != .inStock
        try db.execute(sql: "UPDATE bundle SET state = ?, shipment = \(keepShipment ? "shipment" : "NULL"), updated_at = ? WHERE shipment = ? AND state = ?",
                       arguments: [target.rawValue, now.iso8601, shipment, state.rawValue])
        for id in ids {
            guard let bundleID = BundleID(typed: id) else { continue }
            try appendEvent(db, bundle: bundleID, move: move, state: target, at: now, actor: actor, shipment: shipment)
        }
    }

    static func fetchShipment(_ db: Database, _ id: String) throws -> Shipment {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT s.*, (SELECT COUNT(*) FROM bundle b WHERE b.shipment = s.id) AS bundle_count
            FROM shipment s WHERE s.id = ?
            """, arguments: [id]) else {
            throw SapuError.unknownShipment(id)
        }
        let statusText: String = row["status"]
        let createdText: String = row["created_at"]
        let closedText: String? = row["closed_at"]
        let shippedText: String? = row["shipped_at"]
        let reconciledText: String? = row["reconciled_at"]
        guard let status = ShipmentStatus(rawValue: statusText), let created = Instant(iso8601: createdText) else {
            throw SapuError.storageFailure("unreadable shipment row")
        }
        return Shipment(id: row["id"], status: status, consignee: row["consignee"], address: row["address"],
                        vehicle: row["vehicle"], driver: row["driver"], reference: row["reference"], created: created,
                        closed: closedText.flatMap(Instant.init(iso8601:)), shipped: shippedText.flatMap(Instant.init(iso8601:)),
                        reconciled: reconciledText.flatMap(Instant.init(iso8601:)), manifestSHA256: row["manifest_sha256"],
                        bundleCount: row["bundle_count"], partner: row["partner"])
    }

    /// Runs a closure with typed throws inside GRDB's untyped one.
    static func run<T>(_ body: () throws(SapuError) -> T) throws -> T {
        try body()
    }
}
