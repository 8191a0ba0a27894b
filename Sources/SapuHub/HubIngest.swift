import Foundation
import NIOCore
import PostgresNIO
import SapuCore

/// Writes a batch's entries into the hub's tables, inside the caller's transaction: the events
/// as they came, the records as their latest snapshot, and each touched bundle's projection
/// folded forward from its stored state by the same events (docs/hub.md, "The projection").
enum HubIngest {
    /// Applies the entries; returns how many events they held.
    static func apply(_ entries: [LogEntry], site: String, hub: HubConnection) async throws(SapuError) -> Int64 {
        var events: [EventRow] = []
        var sites: [SiteRecord] = [], products: [String: ProductRecord] = [:], batches: [String: BatchRecord] = [:]
        var shipments: [String: ShipmentRecord] = [:], receipts: [String: ReceiptRecord] = [:]
        var supersedes: [String: SupersedeRecord] = [:]
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ entry: LogEntry) throws(SapuError) -> T {
            guard let text = entry.record, let value = try? decoder.decode(T.self, from: Data(text.utf8)) else {
                throw .malformedLogBatch
            }
            return value
        }
        for entry in entries {
            switch entry.kind {
            case .event:
                guard let event = entry.event else { throw .malformedLogBatch }
                events.append(EventRow(logSeq: entry.seq, event: event))
            case .site:
                let record = try decode(SiteRecord.self, entry)
                guard record.code == site else { throw .malformedLogBatch }
                sites.append(record)
            case .product:
                let record = try decode(ProductRecord.self, entry)
                products[record.code] = record
            case .batch:
                let record = try decode(BatchRecord.self, entry)
                batches[record.code] = record
            case .shipment:
                let record = try decode(ShipmentRecord.self, entry)
                shipments[record.id] = record
            case .receipt:
                let record = try decode(ReceiptRecord.self, entry)
                guard record.bytesData != nil else { throw .malformedLogBatch }
                receipts[record.sha256] = record
            case .supersede:
                let record = try decode(SupersedeRecord.self, entry)
                supersedes[record.sha256] = record
            }
        }
        if let latest = sites.last {
            try await hub.run("UPDATE site SET name = \(latest.name), time_zone = \(latest.time_zone) WHERE code = \(site)")
        }
        if !products.isEmpty {
            try await hub.run("""
                INSERT INTO product (site, code, name, bundle_size)
                SELECT \(site), x.code, x.name, x.bundle_size
                FROM jsonb_to_recordset(\(try json(Array(products.values)))::jsonb) AS x(code text, name text, bundle_size integer)
                ON CONFLICT (site, code) DO UPDATE SET name = EXCLUDED.name, bundle_size = EXCLUDED.bundle_size
                """)
        }
        if !batches.isEmpty {
            try await hub.run("""
                INSERT INTO batch (site, code, product, made_on, created_at)
                SELECT \(site), x.code, x.product, x.made_on, x.created_at
                FROM jsonb_to_recordset(\(try json(Array(batches.values)))::jsonb)
                    AS x(code text, product text, made_on text, created_at text)
                ON CONFLICT (site, code) DO UPDATE SET product = EXCLUDED.product, made_on = EXCLUDED.made_on
                """)
        }
        if !shipments.isEmpty {
            try await hub.run("""
                INSERT INTO shipment (site, id, number, status, consignee, partner, created_at, closed_at, shipped_at,
                                      reconciled_at, manifest_sha256)
                SELECT \(site), x.id, x.number, x.status, x.consignee, x.partner, x.created_at, x.closed_at, x.shipped_at,
                       x.reconciled_at, x.manifest_sha256
                FROM jsonb_to_recordset(\(try json(Array(shipments.values)))::jsonb)
                    AS x(id text, number integer, status text, consignee text, partner text, created_at text, closed_at text,
                         shipped_at text, reconciled_at text, manifest_sha256 text)
                ON CONFLICT (site, id) DO UPDATE SET number = EXCLUDED.number, status = EXCLUDED.status,
                    consignee = EXCLUDED.consignee, partner = EXCLUDED.partner, created_at = EXCLUDED.created_at,
                    closed_at = EXCLUDED.closed_at, shipped_at = EXCLUDED.shipped_at,
                    reconciled_at = EXCLUDED.reconciled_at, manifest_sha256 = EXCLUDED.manifest_sha256
                """)
        }
        for receipt in receipts.values {
            try await hub.run("""
                INSERT INTO receipt (site, sha256, shipment, manifest_sha256, partner, key_id, finished, finished_unix, bytes,
                                     signature, applied_at)
                VALUES (\(site), \(receipt.sha256), \(receipt.shipment), \(receipt.manifest_sha256), \(receipt.partner),
                        \(receipt.key_id), \(receipt.finished), \(receipt.finished_unix), \(ByteBuffer(bytes: receipt.bytesData ?? Data())),
                        \(receipt.signature), \(receipt.applied_at))
                ON CONFLICT (site, sha256) DO NOTHING
                """)
        }
        for supersede in supersedes.values {
            try await hub.run("""
                UPDATE receipt SET superseded_by = \(supersede.superseded_by) WHERE site = \(site) AND sha256 = \(supersede.sha256)
                """)
        }
        guard !events.isEmpty else { return 0 }
        try await hub.run("""
            INSERT INTO event (site, seq, log_seq, bundle, batch, product, maker, move, state, at, at_unix, operator, station,
                               result, label_revision, shipment, manual, reason)
            SELECT \(site), x.seq, x.log_seq, x.bundle, x.batch, x.product, x.maker, x.move, x.state, x.at, x.at_unix,
                   x.operator, x.station, x.result, x.label_revision, x.shipment, x.manual, x.reason
            FROM jsonb_to_recordset(\(try json(events))::jsonb)
                AS x(seq bigint, log_seq bigint, bundle text, batch text, product text, maker text, move text, state text,
                     at text, at_unix bigint, operator text, station text, result text, label_revision integer, shipment text,
                     manual boolean, reason text)
            """)
        try await project(events.map(\.event), site: site, hub: hub)
        return Int64(events.count)
    }

    /// Folds the events into the projection of the bundles they touch, from their stored state.
    private static func project(_ events: [LogEvent], site: String, hub: HubConnection) async throws(SapuError) {
        var ids: [String] = []
        var seen = Set<String>()
        for event in events where seen.insert(event.bundle).inserted { ids.append(event.bundle) }
        var bundles: [String: BundleProjection] = [:]
        let decoder = JSONDecoder()
        for row in try await hub.rows("""
            SELECT row_to_json(b)::text FROM (
                SELECT id, batch, serial, product, maker, result, grade, inspected_on, inspections, state, shipment,
                       updated_at, updated_unix
                FROM bundle WHERE site = \(site) AND id = ANY(\(ids))) b
            """) {
            let text = try HubConnection.column(row, 0, as: String.self)
            guard let stored = try? decoder.decode(BundleRow.self, from: Data(text.utf8)) else {
                throw SapuError.hub(.failed("unreadable bundle"))
            }
            bundles[stored.id] = stored.projection
        }
        for event in events { bundles[event.bundle] = BundleProjection.applying(event, to: bundles[event.bundle]) }
        let rows = ids.compactMap { bundles[$0].map(BundleRow.init) }
        try await hub.run("""
            INSERT INTO bundle (site, id, batch, serial, product, maker, result, grade, inspected_on, inspections, state,
                                shipment, updated_at, updated_unix)
            SELECT \(site), x.id, x.batch, x.serial, x.product, x.maker, x.result, x.grade, x.inspected_on, x.inspections,
                   x.state, x.shipment, x.updated_at, x.updated_unix
            FROM jsonb_to_recordset(\(try json(rows))::jsonb)
                AS x(id text, batch text, serial integer, product text, maker text, result text, grade text,
                     inspected_on text, inspections integer, state text, shipment text, updated_at text, updated_unix bigint)
            ON CONFLICT (site, id) DO UPDATE SET result = EXCLUDED.result, grade = EXCLUDED.grade,
                inspected_on = EXCLUDED.inspected_on, inspections = EXCLUDED.inspections, state = EXCLUDED.state,
                shipment = EXCLUDED.shipment, updated_at = EXCLUDED.updated_at, updated_unix = EXCLUDED.updated_unix
            """)
    }

    private static func json<T: Encodable>(_ value: T) throws(SapuError) -> String {
        do {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        } catch {
            throw .malformedLogBatch
        }
    }
}

// MARK: Rows as the log carries them (snake_case, as the site's triggers write them)

private struct EventRow: Encodable {
    var logSeq: Int64
    var event: LogEvent

    enum CodingKeys: String, CodingKey { case logSeq = "log_seq" }

    func encode(to encoder: any Encoder) throws {
        try event.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(logSeq, forKey: .logSeq)
    }
}

// swiftlint:disable identifier_name
struct SiteRecord: Codable {
    var code: String
    var name: String
    var time_zone: String
}

struct ProductRecord: Codable {
    var code: String
    var name: String
    var bundle_size: Int
}

struct BatchRecord: Codable {
    var code: String
    var product: String
    var made_on: String
    var created_at: String
}

struct ShipmentRecord: Codable {
    var id: String
    var number: Int
    var status: String
    var consignee: String
    var partner: String?
    var created_at: String
    var closed_at: String?
    var shipped_at: String?
    var reconciled_at: String?
    var manifest_sha256: String?
}

struct ReceiptRecord: Codable {
    var sha256: String
    var shipment: String
    var manifest_sha256: String
    var partner: String
    var key_id: String
    var finished: String
    var finished_unix: Int64
    /// The receipt's bytes in hex, as SQLite's `hex()` writes them.
    var bytes: String
    var signature: String
    var applied_at: String

    var bytesData: Data? {
        let digits = Array(bytes.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var data = Data(capacity: digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            data.append(high << 4 | low)
            index += 2
        }
        return data
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x41...0x46: digit - 0x41 + 10
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }
}

struct SupersedeRecord: Codable {
    var sha256: String
    var superseded_by: String
}

private struct BundleRow: Codable {
    var id: String
    var batch: String
    var serial: Int
    var product: String
    var maker: String
    var result: String
    var grade: String?
    var inspected_on: String
    var inspections: Int
    var state: String
    var shipment: String?
    var updated_at: String
    var updated_unix: Int64

    init(_ bundle: BundleProjection) {
        id = bundle.id
        batch = bundle.batch
        serial = bundle.serial
        product = bundle.product
        maker = bundle.maker
        result = bundle.result
        grade = bundle.grade
        inspected_on = bundle.inspectedOn
        inspections = bundle.inspections
        state = bundle.state
        shipment = bundle.shipment
        updated_at = bundle.updatedAt
        updated_unix = bundle.updatedUnix
    }

    var projection: BundleProjection {
        BundleProjection(id: id, batch: batch, serial: serial, product: product, maker: maker, result: result, grade: grade,
                         inspectedOn: inspected_on, inspections: inspections, state: state, shipment: shipment,
                         updatedAt: updated_at, updatedUnix: updated_unix)
    }
}
// swiftlint:enable identifier_name
