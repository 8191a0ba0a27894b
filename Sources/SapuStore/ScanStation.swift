import SapuCore

/// One scanning station's session: its mode, shipment and operator, and what it has answered.
///
/// Lines go in in chunks; each chunk's database work is one transaction, so an answer
/// is only produced once what it reports is on disk.
public final class ScanStation {
    /// One answered scan.
    public struct Report: Sendable {
        public var input: String
        public var result: ScanResult
        public var manual: Bool
        public var control: ControlCode?
    }

    public private(set) var mode: ScanMode
    public private(set) var shipment: String?
    public private(set) var actor: Actor
    public private(set) var counts: [ScanOutcome: Int] = [:]
    private let store: SQLiteStore
    private let keys: KeyRing
    private let clock: () -> Instant

    public init(store: SQLiteStore, keys: KeyRing, mode: ScanMode, shipment: String?, actor: Actor,
                clock: @escaping () -> Instant) throws(SapuError) {
        self.store = store
        self.keys = keys
        self.mode = mode
        self.shipment = shipment
        self.actor = actor
        self.clock = clock
        try checkShipment()
    }

    /// Answers a chunk of lines in order; the database changes of the chunk commit together.
    public func process(_ lines: [String]) throws(SapuError) -> [Report] {
        // One report per line, in input order; database answers are filled in per chunk.
        var reports = lines.map { Report(input: $0, result: ScanResult(outcome: .notSapu), manual: false) }
        var pending: [(index: Int, request: ScanRequest)] = []

        func flush() throws(SapuError) {
            guard !pending.isEmpty else { return }
            let results: [ScanResult]
            if let problem = shipmentProblem() {
                // A control code switched to packing without a usable shipment: refuse, go on.
                results = pending.map { ScanResult(outcome: .refused, bundle: $0.request.bundle, reason: problem) }
            } else {
                results = try store.applyScans(pending.map(\.request), mode: mode, shipment: shipment, actor: actor, at: clock())
            }
            for (item, result) in zip(pending, results) {
                reports[item.index].result = result
                reports[item.index].manual = item.request.manual
            }
            pending.removeAll()
        }

        for (index, line) in lines.enumerated() {
            switch ScannedCode.classify(line, keys: keys) {
            case .label(let payload):
                pending.append((index, ScanRequest(bundle: payload.bundleID, label: payload)))
            case .typed(let id):
                pending.append((index, ScanRequest(bundle: id, label: nil)))
            case .rejected(let result):
                reports[index].result = result
            case .control(let control):
                // Scans before the control code belong to the old mode.
                try flush()
                apply(control)
                reports[index].result = ScanResult(outcome: .control, reason: shipmentProblem())
                reports[index].control = control
            }
        }
        try flush()
        for report in reports { counts[report.result.outcome, default: 0] += 1 }
        return reports
    }

    /// Counts a line that never reached classification (e.g. bytes that are not UTF-8).
    public func reject(_ input: String, reason: SapuError) -> Report {
        counts[.notSapu, default: 0] += 1
        return Report(input: input, result: ScanResult(outcome: .notSapu, reason: reason), manual: false)
    }

    private func apply(_ control: ControlCode) {
        switch control {
        case .mode(let newMode):
            mode = newMode
        case .shipment(let id):
            shipment = id
        case .operatorCode(let code):
            actor.operatorCode = code
        }
    }

    private func checkShipment() throws(SapuError) {
        if let problem = shipmentProblem() { throw problem }
    }

    /// Why the current mode cannot be used now, if it cannot.
    private func shipmentProblem() -> SapuError? {
        guard mode.needsShipment else { return nil }
        guard let shipment else { return .shipmentRequired }
        do {
            let status = try store.shipment(shipment).status
            return status == .open ? nil : .shipmentNotOpen(id: shipment, status: status)
        } catch {
            return error
        }
    }
}
