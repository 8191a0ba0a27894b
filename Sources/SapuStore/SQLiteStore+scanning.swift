import Foundation
import GRDB
import SapuCore

/// One scan to apply: a verified label, or a bundle id typed by hand.
public struct ScanRequest: Sendable, Equatable {
    public var bundle: BundleID
    public var label: LabelPayload?

    public init(bundle: BundleID, label: LabelPayload?) {
        self.bundle = bundle
        self.label = label
    }

    /// True when the clerk typed the id because the label would not scan.
    public var manual: Bool { label == nil }
}

extension SQLiteStore {
    /// Applies a chunk of scans in one transaction; every result is durable when this returns.
    public func applyScans(_ requests: [ScanRequest], mode: ScanMode, shipment: String?, actor: Actor, at now: Instant)
        throws(SapuError) -> [ScanResult] {
        if mode == .check {
            return try read { db in try requests.map { try Self.decide(db, $0, mode: mode, shipment: shipment).result } }
        }
        return try write { db in
            // What the shipment holds, as committed by every station: this transaction holds the write lock.
            var packed = 0
            if mode == .pack {
                guard let shipment else { throw SapuError.shipmentRequired }
                try Self.requireOpen(db, shipment)
                packed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bundle WHERE shipment = ? AND state = 'packed'",
                                          arguments: [shipment]) ?? 0
            }
            var results: [ScanResult] = []
            results.reserveCapacity(requests.count)
            for request in requests {
                var (result, bundle) = try Self.decide(db, request, mode: mode, shipment: shipment)
                if let bundle, result.outcome == .accepted, let state = result.state, let move = mode.move {
                    let packedIn: String? = state == .packed ? shipment : (state == .inStock ? nil : bundle.shipment)
                    try db.execute(sql: "UPDATE bundle SET state = ?, shipment = ?, updated_at = ? WHERE id = ?",
                                   arguments: [state.rawValue, packedIn, now.iso8601, bundle.id.description])
                    try Self.appendEvent(db, bundle: bundle.id, move: move, state: state, at: now, actor: actor,
                                         labelRevision: request.label?.revision,
                                         shipment: move == .pack || move == .unpack ? shipment ?? bundle.shipment : nil,
                                         manual: request.manual)
                    if move == .pack, let shipment {
                        packed += 1
                        result.packed = ShipmentCount(shipment: shipment, bundles: packed)
                    }
                }
                results.append(result)
            }
            return results
        }
    }

    private static func decide(_ db: Database, _ request: ScanRequest, mode: ScanMode, shipment: String?)
        throws -> (result: ScanResult, bundle: SapuCore.Bundle?) {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.bundleColumns) FROM bundle WHERE id = ?"), arguments: [request.bundle.description]) else {
            return (ScanResult(outcome: .unknown, bundle: request.bundle, reason: .unknownBundle(request.bundle.description)), nil)
        }
        let bundle = try Self.bundle(row)
        var decision = Scanning.decide(mode: mode, bundle: bundle, label: request.label, shipment: shipment)
        // A closed shipment's content is fixed by its signed manifest: nothing leaves it but by cancelling.
        if mode == .unpack, decision.outcome == .accepted, let packedIn = bundle.shipment,
           let status = try String.fetchOne(db, sql: "SELECT status FROM shipment WHERE id = ?", arguments: [packedIn])
            .flatMap(ShipmentStatus.init(rawValue:)), status != .open {
            decision = Scanning.Decision(outcome: .refused, newState: nil, reason: .shipmentNotOpen(id: packedIn, status: status))
        }
        return (ScanResult(outcome: decision.outcome, bundle: bundle.id, state: decision.newState ?? bundle.state,
                           reason: decision.reason, details: mode == .check ? bundle : nil), bundle)
    }

    /// The bundles on record that a typed `text` means once the letter O and the digit 0, or
    /// the letters I or L and the digit 1, are read as each other; empty for most texts.
    public func lookAlikeBundles(of text: String) throws(SapuError) -> [BundleID] {
        guard BundleID.mayResembleAnID(text) else { return [] }
        return try read { db in
            let candidates = BundleID.lookAlikes(of: text, batches: try String.fetchAll(db, sql: "SELECT code FROM batch"))
            return try candidates.filter { id in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM bundle WHERE id = ?)", arguments: [id.description]) ?? false
            }
        }
    }

    /// The site's secret for control codes, made by the schema once per site.
    public func controlKey() throws(SapuError) -> ControlKey {
        try read { db in
            // A database that lost the row (or holds a wrong one) was damaged: it is not made that way.
            guard let secret = try Data.fetchOne(db, sql: "SELECT secret FROM control_code_key WHERE id = 1"),
                  let key = ControlKey(secret: [UInt8](secret)) else {
                throw SapuError.notSapuDatabase(path: path)
            }
            return key
        }
    }

    static func requireOpen(_ db: Database, _ shipment: String) throws {
        guard let status = try String.fetchOne(db, sql: "SELECT status FROM shipment WHERE id = ?", arguments: [shipment])
            .flatMap(ShipmentStatus.init(rawValue:)) else {
            throw SapuError.unknownShipment(shipment)
        }
        guard status == .open else { throw SapuError.shipmentNotOpen(id: shipment, status: status) }
    }
}
