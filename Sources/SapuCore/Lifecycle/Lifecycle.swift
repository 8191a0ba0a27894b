/// The one place that decides which moves are legal; see docs/states.md.
public enum Lifecycle {
    /// What a bundle looks like to the state machine.
    public struct Facts: Sendable, Equatable {
        public var state: BundleState
        public var passed: Bool
        public var labelled: Bool
        /// Whether it has ever left in a shipment (a signed manifest lists it), whatever its state now.
        public var shipped: Bool

        public init(state: BundleState, passed: Bool, labelled: Bool, shipped: Bool = false) {
            self.state = state
            self.passed = passed
            self.labelled = labelled
            self.shipped = shipped
        }
    }

    /// States a move may start from.
    public static func sources(of move: Move) -> Set<BundleState> {
        switch move {
        case .inspect: []
        case .reinspect: [.inspected, .inStock, .quarantined, .returned]
        case .label, .reprint: [.inspected, .inStock, .quarantined, .returned]
        case .receive: [.inspected, .returned]
        case .quarantine: [.inspected, .inStock, .returned]
        case .scrap: [.inspected, .quarantined, .returned]
        case .pack: [.inStock]
        case .unpack: [.packed]
        case .ship: [.packed]
        // A newer receipt from the partner supersedes the older one, so the receipt's
        // three outcomes may follow one another (docs/shipments.md, "Corrected receipts").
        case .deliver: [.shipped, .missing, .disputed]
        case .markMissing: [.shipped, .received, .disputed]
        case .dispute: [.shipped, .received, .missing]
        case .return: [.shipped, .received, .missing, .disputed, .extra]
        // A bundle the workshop still counts as its own turned up at the partner.
        case .reportExtra: [.inspected, .inStock, .quarantined, .returned]
        // Only a note in the history: someone printed a label claiming to be this bundle.
        case .reportForged: [.inspected, .inStock, .quarantined, .packed, .shipped, .received, .missing, .disputed, .extra,
                             .returned]
        // Only a bundle that never went into a shipment: one that did is on a signed
        // manifest (and maybe a receipt), so it existed.
        case .void: [.inspected, .inStock, .quarantined]
        }
    }

    /// The state a move leads to (for `label`, `reprint` and `report-forged`, the state it starts from).
    ///
    /// `inspect` and `reinspect` lead to `inspected` for a pass; a failed inspection leads to
    /// `quarantined` instead (`state(afterInspection:)`), so the result decides their target.
    public static func target(of move: Move, from state: BundleState) -> BundleState {
        switch move {
        case .inspect, .reinspect: .inspected
        case .label, .reprint, .reportForged: state
        case .receive: .inStock
        case .quarantine: .quarantined
        case .scrap: .scrapped
        case .pack: .packed
        case .unpack: .inStock
        case .ship: .shipped
        case .deliver: .received
        case .markMissing: .missing
        case .dispute: .disputed
        case .return: .returned
        case .void: .voided
        case .reportExtra: .extra
        }
    }

    /// Applies a move, or says why it is refused.
    public static func apply(_ move: Move, to facts: Facts) -> Result<BundleState, MoveRefusal> {
        if facts.state == .scrapped { return .failure(.scrapped) }
        if facts.state == .voided { return .failure(.voided) }
        if move == .pack && facts.state == .packed { return .failure(.alreadyPacked) }
        if move == .void {
            if facts.state == .packed { return .failure(.voidPacked) }
            if facts.shipped || !sources(of: move).contains(facts.state) { return .failure(.voidShipped) }
        }
        guard sources(of: move).contains(facts.state) else { return .failure(.notFromState) }
        switch move {
        case .receive, .pack:
            if !facts.passed { return .failure(.failedBundle) }
            if !facts.labelled { return .failure(.notLabelled) }
        case .reprint:
            if !facts.labelled { return .failure(.notLabelled) }
        default:
            break
        }
        return .success(target(of: move, from: facts.state))
    }

    /// Where an inspection with `result` puts the bundle: a pass leaves it `inspected`, ready to
    /// be labelled and received; a fail puts it straight into quarantine (docs/states.md).
    public static func state(afterInspection result: QCResult) -> BundleState {
        result.passed ? .inspected : .quarantined
    }

    /// Applies an inspection (`inspect` to a new bundle when `facts` is nil, else `reinspect`),
    /// or says why it is refused; the state depends on the result, not on the move.
    public static func inspect(_ facts: Facts?, result: QCResult) -> Result<BundleState, MoveRefusal> {
        if let facts {
            if case .failure(let refusal) = apply(.reinspect, to: facts) { return .failure(refusal) }
        }
        return .success(state(afterInspection: result))
    }

    /// Whether scanning `move` on a bundle already in `state` is a harmless repeat.
    public static func isRepeat(_ move: Move, state: BundleState) -> Bool {
        switch move {
        case .inspect, .reinspect, .label, .reprint, .ship, .deliver, .markMissing, .dispute, .reportExtra, .reportForged: false
        default: target(of: move, from: state) == state && !sources(of: move).contains(state)
        }
    }
}
