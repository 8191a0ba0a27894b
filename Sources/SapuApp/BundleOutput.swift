import SapuCore

/// A bundle as JSON shows it: `sapu inspect --json`, `sapu bundle list --json`, and the web API.
public struct BundleOutput: Encodable, Sendable {
    public var id: String
    public var batch: String
    public var serial: Int
    public var product: String
    public var maker: String
    public var result: String
    public var grade: String?
    public var defects: [String]
    public var inspected: String
    public var inspections: Int
    public var state: String
    public var labelRevision: Int
    public var shipment: String?

    public init(_ bundle: Bundle) {
        id = bundle.id.description
        batch = bundle.batch
        serial = bundle.id.serial
        product = bundle.product
        maker = bundle.maker
        result = bundle.result.passed ? "pass" : "fail"
        grade = bundle.result.grade?.rawValue
        defects = bundle.result.defects
        inspected = bundle.inspected.iso
        inspections = bundle.inspections
        state = bundle.state.rawValue
        labelRevision = bundle.labelRevision
        shipment = bundle.shipment
    }
}

/// One bundle with its history: `sapu bundle show --json` and `GET /api/v1/bundles/{id}`.
public struct BundleShowOutput: Encodable, Sendable {
    public var bundle: BundleOutput
    public var history: [EventOutput]

    public init(bundle: BundleOutput, history: [EventOutput]) {
        self.bundle = bundle
        self.history = history
    }

    public func encode(to encoder: any Encoder) throws {
        // The bundle's fields at the top level, with its history beside them.
        try bundle.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(history, forKey: .history)
    }

    enum Key: String, CodingKey { case history }
}

/// One event of a bundle's history as JSON shows it.
public struct EventOutput: Encodable, Sendable {
    public var sequence: Int64
    public var move: String
    public var state: String
    public var at: String
    public var `operator`: String?
    public var station: String
    public var result: String?
    public var labelRevision: Int?
    public var shipment: String?
    public var manual: Bool
    /// Why, for a void.
    public var reason: String?

    public init(_ event: BundleEvent) {
        sequence = event.sequence
        move = event.move.rawValue
        state = event.state.rawValue
        at = event.at.iso8601
        `operator` = event.actor.operatorCode
        station = event.actor.station
        result = event.result?.code
        labelRevision = event.labelRevision
        shipment = event.shipment
        manual = event.manual
        reason = event.reason
    }
}

/// A batch as JSON shows it: `sapu batch --json` and `POST /api/v1/batches`.
public struct BatchOutput: Encodable, Sendable {
    public var code: String
    public var product: String
    public var date: String
    public var bundles: Int?
    public var passed: Int?
    public var failed: Int?
    public var voided: Int?

    public init(_ batch: Batch) {
        code = batch.code
        product = batch.product
        date = batch.date.iso
    }
}

/// One label made, as JSON shows it: `sapu label --json` and `POST /api/v1/labels`.
public struct LabelOutput: Encodable, Sendable {
    public var bundle: String
    public var revision: Int
    /// The file written (the web API: its download address); absent when printed.
    public var file: String?
    /// The CUPS queue and job, when printed.
    public var printer: String?
    public var job: String?
    /// The exact signed text in the QR code.
    public var payload: String
    /// The current label written again, same revision (`--again`): a `reprint` event.
    public var reprint: Bool

    public init(_ written: LabelPrinting.Written, file: String?, printer: String?, job: String?) {
        bundle = written.bundle.id.description
        revision = written.bundle.labelRevision
        self.file = file
        self.printer = printer
        self.job = job
        payload = written.payload
        reprint = written.sameRevision
    }
}
