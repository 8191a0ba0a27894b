/// Decides what a scan does to a bundle; the store applies the decision in its transaction.
public enum Scanning {
    /// The decision for one scan of a known bundle.
    public struct Decision: Sendable, Equatable {
        public var outcome: ScanOutcome
        /// The state to move to, when the scan changes something.
        public var newState: BundleState?
        public var reason: SapuError?

        public init(outcome: ScanOutcome, newState: BundleState?, reason: SapuError?) {
            self.outcome = outcome
            self.newState = newState
            self.reason = reason
        }
    }

    /// What scanning `label` (or a typed id when nil) in `mode` does to `bundle`.
    ///
    /// `shipment` is the station's shipment for pack and unpack.
    public static func decide(mode: ScanMode, bundle: Bundle, label: LabelPayload?, shipment: String?) -> Decision {
        // A voided bundle never existed: its label, of any revision, is refused in every
        // mode, the read-only check included, so that it is taken off the bundle.
        if bundle.state == .voided { return Decision(outcome: .refused, newState: nil, reason: .voidedLabel) }
        if let label {
            // The bundle was re-inspected or relabelled since this label was printed.
            if label.revision < bundle.labelRevision {
                return Decision(outcome: .superseded, newState: nil,
                                reason: .supersededLabel(scanned: label.revision, current: bundle.labelRevision))
            }
            // Re-inspected since its current label was printed: that label is out of date.
            if !bundle.labelCurrent {
                return Decision(outcome: .superseded, newState: nil, reason: .labelOutdated(bundle.id.description))
            }
            // A label of the current revision is the one Sapu printed, exactly: any other
            // content at that revision was never printed here (made with a leaked key).
            // The key too: a revision names one signed text, key id included (labels printed
            // before the key was recorded carry no key to compare).
            let otherKey = bundle.labelKey.map { $0 != label.keyID } ?? false
            if label.revision > bundle.labelRevision || label.result != bundle.result || label.maker != bundle.maker
                || label.product != bundle.product || label.inspected != bundle.inspected || otherKey {
                return Decision(outcome: .forged, newState: nil, reason: .labelDisagrees(bundle.id.description))
            }
        }
        guard let move = mode.move else { return Decision(outcome: .accepted, newState: nil, reason: nil) }
        let id = bundle.id.description

        if move == .pack, bundle.state == .packed {
            if bundle.shipment == shipment { return Decision(outcome: .duplicate, newState: nil, reason: nil) }
            return Decision(outcome: .refused, newState: nil, reason: otherShipment(bundle, move))
        }
        if move == .unpack, bundle.state == .packed, let shipment, bundle.shipment != shipment {
            return Decision(outcome: .refused, newState: nil, reason: otherShipment(bundle, move))
        }
        if Lifecycle.isRepeat(move, state: bundle.state) {
            return Decision(outcome: .duplicate, newState: nil, reason: nil)
        }
        switch Lifecycle.apply(move, to: bundle.facts) {
        case .success(let state):
            return Decision(outcome: .accepted, newState: state, reason: nil)
        case .failure(let refusal):
            return Decision(outcome: .refused, newState: nil,
                            reason: .illegalMove(bundle: id, move: move, state: bundle.state, reason: refusal))
        }
    }

    /// The refusal for a bundle packed in another shipment than the station's, naming it.
    private static func otherShipment(_ bundle: Bundle, _ move: Move) -> SapuError {
        guard let packedIn = bundle.shipment else {
            return .illegalMove(bundle: bundle.id.description, move: move, state: bundle.state, reason: .otherShipment)
        }
        return .bundleInOtherShipment(bundle: bundle.id.description, move: move, shipment: packedIn)
    }
}
