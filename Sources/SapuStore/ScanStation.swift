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
    /// Scans answered as refused because the database could not save them (not because of
    /// what was scanned): the clerk must scan them again.
    public private(set) var unsaved = 0
    /// The mode the station was started in: a `check` station stays read-only.
    public let startMode: ScanMode
    private let store: SQLiteStore
    /// The site's keys; read again when a label names one registered after the station started.
    private var keys: KeyRing
    private let controlKey: ControlKey
    private let clock: () -> Instant

    /// With `checksShipment`, a mode that needs a shipment refuses to start without an open
    /// one (the command line names it). Without, as for one web request whose line may be the
    /// shipment's control code, each scan that needs it is refused with the reason instead.
    public init(store: SQLiteStore, keys: KeyRing, mode: ScanMode, shipment: String?, actor: Actor,
                clock: @escaping () -> Instant, checksShipment: Bool = true) throws(SapuError) {
        self.store = store
        self.keys = keys
        self.controlKey = try store.controlKey()
        self.mode = mode
        self.startMode = mode
        self.shipment = shipment
        self.actor = actor
        self.clock = clock
        if checksShipment { try checkShipment() }
    }

    /// Answers a chunk of lines in order, one report per line but for blank lines, which are
    /// ignored (Enter pressed on its own); the database changes of the chunk commit together.
    ///
    /// Never gives up on a line: when the database refuses a chunk (its shipment was closed
    /// by another station, the database is busy or failing), each of its lines is answered
    /// as refused with the reason, and the station goes on with the next.
    public func process(_ lines: [String]) -> [Report] {
        let lines = lines.filter { !$0.trimmingSpaces().isEmpty }
        // One report per line, in input order; database answers are filled in per chunk.
        var reports = lines.map { Report(input: $0, result: ScanResult(outcome: .notSapu), manual: false) }
        var pending: [(index: Int, request: ScanRequest)] = []

        func flush() {
            guard !pending.isEmpty else { return }
            let results: [ScanResult]
            if let problem = shipmentProblem() {
                // The shipment is closed, or a control code switched to packing without one: refuse, go on.
                if !Self.concernsShipment(problem) { unsaved += pending.count }
                results = pending.map { ScanResult(outcome: .refused, bundle: $0.request.bundle, reason: problem) }
            } else {
                do throws(SapuError) {
                    results = try store.applyScans(pending.map(\.request), mode: mode, shipment: shipment, actor: actor,
                                                   at: clock())
                } catch {
                    // The transaction rolled back: nothing of this chunk was saved.
                    let reason = shipmentProblem() ?? error
                    if !Self.concernsShipment(reason) { unsaved += pending.count }
                    results = pending.map { ScanResult(outcome: .refused, bundle: $0.request.bundle, reason: reason) }
                }
            }
            for (item, result) in zip(pending, results) {
                reports[item.index].result = result
                reports[item.index].manual = item.request.manual
            }
            pending.removeAll()
        }

        for (index, line) in lines.enumerated() {
            switch classify(line) {
            case .label(let payload):
                pending.append((index, ScanRequest(bundle: payload.bundleID, label: payload)))
            case .typed(let id):
                pending.append((index, ScanRequest(bundle: id, label: nil)))
            case .rejected(let result):
                reports[index].result = result
            case .control(let scanned):
                // Scans before the control code belong to the old mode.
                flush()
                if let refusal = refusal(of: scanned) {
                    reports[index].result = refusal
                } else {
                    apply(scanned.code)
                    reports[index].result = ScanResult(outcome: .control, reason: shipmentProblem())
                    reports[index].control = scanned.code
                }
            }
        }
        flush()
        for index in reports.indices { suggestLookAlike(&reports[index]) }
        for report in reports { counts[report.result.outcome, default: 0] += 1 }
        return reports
    }

    /// Adds "did you mean …?" to a typed line that names no bundle on record when exactly one
    /// bundle's id reads the same once O/0 and I/L/1 are swapped; the line is not applied.
    private func suggestLookAlike(_ report: inout Report) {
        let typed: Bool
        switch report.result.outcome {
        case .unknown: typed = report.manual
        case .notSapu: typed = report.result.bundle == nil
        default: typed = false
        }
        guard typed, BundleID.mayResembleAnID(report.input),
              let found = try? store.lookAlikeBundles(of: report.input) else { return }
        // A serial written otherwise keeps its canonical form as the hint when that bundle exists.
        if case .nonCanonicalBundleID(_, let canonical)? = report.result.reason,
           found.contains(where: { $0.description == canonical }) { return }
        guard found.count == 1 else { return }
        report.result.reason = .typedBundleIDResembles(typed: report.input.trimmingSpaces(), suggestion: found[0].description)
    }

    /// Classifies a line, reading the site's keys again when a label names a key of this
    /// site that the station did not have: another desk rotated the key and printed labels
    /// with the new one while this station was running.
    ///
    /// A label under a key of this site that the database never registered is forged; one
    /// of another site cannot be checked here at all. Each is answered in those words.
    private func classify(_ line: String) -> ScannedCode {
        var code = ScannedCode.classify(line, keys: keys)
        guard case .rejected(var result) = code, case .unknownKey(let site, let keyID)? = result.reason else { return code }
        guard keys.sites.contains(site) else {
            result.reason = .labelOfOtherSite(site: site)
            return .rejected(result)
        }
        if let stored = try? store.publicKeys(),
           let fresh = try? KeyRing(stored.map { (key) throws(SapuError) in
               try PublicKey(site: key.site, keyID: key.keyID, rawRepresentation: key.raw)
           }), fresh[site: site, keyID: keyID] != nil {
            keys = fresh
            code = ScannedCode.classify(line, keys: keys)
            guard case .rejected(let again) = code, case .unknownKey? = again.reason else { return code }
        }
        result.reason = .labelKeyNotIssued(site: site, keyID: keyID)
        return .rejected(result)
    }

    /// Why this station does not obey a control code (the answer, the station unchanged),
    /// or nil when it does.
    private func refusal(of scanned: ScannedControl) -> ScanResult? {
        switch controlKey.authenticate(scanned) {
        case .failure(.missing):
            ScanResult(outcome: .forged, reason: .controlCodeUntagged(current: mode))
        case .failure(.mismatch):
            ScanResult(outcome: .forged, reason: .controlCodeNotThisSite(current: mode))
        case .success(let control):
            control.refusal(stationStartedIn: startMode, current: mode).map { ScanResult(outcome: .refused, reason: $0) }
        }
    }

    /// True for refusals about the station's shipment, which the clerk fixes by scanning
    /// another shipment's code; anything else means the database could not save the scans.
    private static func concernsShipment(_ error: SapuError) -> Bool {
        switch error {
        case .packingShipmentNotOpen, .packingNeedsShipmentCode, .packingShipmentUnknown, .shipmentNotOpen, .shipmentRequired,
             .unknownShipment: true
        default: false
        }
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
        // Nothing was scanned yet: the command line names no shipment, or the wrong one.
        switch shipmentProblem() {
        case .packingShipmentNotOpen(let id, let status)?:
            throw .shipmentNotOpen(id: id, status: status)
        case .packingNeedsShipmentCode?:
            throw .shipmentRequired
        case .packingShipmentUnknown(let id)?:
            throw .unknownShipment(id)
        case let problem?:
            throw problem
        case nil:
            return
        }
    }

    /// Why the current mode cannot be used now, if it cannot, in the words of a clerk who
    /// fixes it by scanning a shipment's control code.
    private func shipmentProblem() -> SapuError? {
        guard mode.needsShipment else { return nil }
        guard let shipment else { return .packingNeedsShipmentCode }
        do {
            let status = try store.shipment(shipment).status
            return status == .open ? nil : .packingShipmentNotOpen(id: shipment, status: status)
        } catch .unknownShipment {
            return .packingShipmentUnknown(shipment)
        } catch {
            return error
        }
    }
}
