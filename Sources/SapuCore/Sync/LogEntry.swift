import Foundation

/// One entry of a site's log (docs/hub.md, "The log"): an event, or a record the events
/// refer to (the site, a product, a batch, a shipment's header, a partner's receipt).
///
/// The site numbers its entries (`seq`) in the order they were written; the hub stores them
/// in that order and never out of it. An event entry carries the bundle's facts a report
/// needs (batch, serial, product, maker code): never a maker's name.
public struct LogEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case site, product, batch, shipment, event, receipt, supersede
    }

    public var seq: Int64
    public var kind: Kind
    /// The event, for `event` entries.
    public var event: LogEvent?
    /// The record as a JSON object, for every other kind, exactly as the site wrote it.
    public var record: String?

    public init(seq: Int64, kind: Kind, event: LogEvent? = nil, record: String? = nil) {
        self.seq = seq
        self.kind = kind
        self.event = event
        self.record = record
    }

    /// The entry as one line of the batch: sorted keys, no line break inside.
    public var line: [UInt8] {
        do {
            return Array(try Self.encoder.encode(self))
        } catch {
            // Strings and integers always encode; an error here is a broken library.
            preconditionFailure("log entry did not encode: \(error)")
        }
    }

    /// Reads one line back; nil when it is not an entry of this format.
    public init?(line: [UInt8]) {
        guard let entry = try? JSONDecoder().decode(LogEntry.self, from: Data(line)),
              (entry.kind == .event) == (entry.event != nil), (entry.kind == .event) == (entry.record == nil) else {
            return nil
        }
        self = entry
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// A bundle's event as it travels: the site's event row and the bundle's fixed facts.
public struct LogEvent: Sendable, Equatable, Codable {
    /// The event's number at the site (`event.seq`).
    public var seq: Int64
    public var bundle: String
    public var batch: String
    public var serial: Int
    public var product: String
    /// The maker's code, as on the label.
    public var maker: String
    public var move: String
    public var state: String
    /// The local time with its offset, as the site wrote it.
    public var at: String
    public var atUnix: Int64
    public var `operator`: String?
    public var station: String
    /// The inspection result's code (`A`, `B`, `F:...`), for inspections.
    public var result: String?
    public var labelRevision: Int?
    public var shipment: String?
    public var manual: Bool
    public var reason: String?

    public init(seq: Int64, bundle: String, batch: String, serial: Int, product: String, maker: String, move: String,
                state: String, at: String, atUnix: Int64, operator: String?, station: String, result: String?,
                labelRevision: Int?, shipment: String?, manual: Bool, reason: String?) {
        self.seq = seq
        self.bundle = bundle
        self.batch = batch
        self.serial = serial
        self.product = product
        self.maker = maker
        self.move = move
        self.state = state
        self.at = at
        self.atUnix = atUnix
        self.operator = `operator`
        self.station = station
        self.result = result
        self.labelRevision = labelRevision
        self.shipment = shipment
        self.manual = manual
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case seq, bundle, batch, serial, product, maker, move, state, at, atUnix = "at_unix", `operator`, station, result
        case labelRevision = "label_revision", shipment, manual, reason
    }
}
