/// A tied pack of brooms of one product by one maker; the unit that gets a label.
public struct Bundle: Sendable, Equatable {
    public var id: BundleID
    public var product: String
    public var maker: String
    public var result: QCResult
    public var inspected: CalendarDate
    /// How many times it has been inspected; more than one means it was reworked.
    public var inspections: Int
    public var state: BundleState
    /// Revision of the last printed label; 0 when none has been printed.
    public var labelRevision: Int
    /// Whether the last printed label shows the latest inspection.
    public var labelCurrent: Bool
    /// The shipment it is packed or shipped in.
    public var shipment: String?
    /// The id of the key that signed the last printed label; nil before the first print
    /// (and for labels printed before Sapu recorded it).
    public var labelKey: String?

    public init(id: BundleID, product: String, maker: String, result: QCResult, inspected: CalendarDate,
                inspections: Int, state: BundleState, labelRevision: Int, labelCurrent: Bool, shipment: String?,
                labelKey: String? = nil) {
        self.id = id
        self.product = product
        self.maker = maker
        self.result = result
        self.inspected = inspected
        self.inspections = inspections
        self.state = state
        self.labelRevision = labelRevision
        self.labelCurrent = labelCurrent
        self.shipment = shipment
        self.labelKey = labelKey
    }

    public var batch: String { id.batch }

    /// What the state machine needs to know.
    public var facts: Lifecycle.Facts {
        // A label printed before the latest re-inspection shows an old result: it does not count.
        Lifecycle.Facts(state: state, passed: result.passed, labelled: labelRevision > 0 && labelCurrent)
    }

    /// The revision the next label signed with `keyID` carries.
    ///
    /// A revision names one signed text: a reprint of the same text keeps it, and anything
    /// that changes the text gets the next one: a re-inspection (result, date), or a key
    /// rotation (the key id is signed too). So two different labels of a bundle never share
    /// a revision, and the older one is superseded everywhere, at the site's stations and in
    /// the partner's check against the manifest.
    public func nextLabelRevision(keyID: String) -> Int {
        if labelRevision == 0 { return 1 }
        // Saturates instead of trapping on a revision written by hand; printing refuses it.
        return labelCurrent && labelKey == keyID ? labelRevision : min(labelRevision, Int.max - 1) + 1
    }
}

/// Who did something and at which station; recorded on every event.
public struct Actor: Sendable, Equatable {
    public var operatorCode: String?
    public var station: String

    public init(operatorCode: String?, station: String) {
        self.operatorCode = operatorCode
        self.station = station
    }
}

/// One append-only record of something that happened to a bundle.
public struct BundleEvent: Sendable, Equatable {
    public var sequence: Int64
    public var bundle: BundleID
    public var move: Move
    /// The bundle's state after the move.
    public var state: BundleState
    public var at: Instant
    public var actor: Actor
    /// The QC result, for inspections.
    public var result: QCResult?
    /// The label revision printed or scanned.
    public var labelRevision: Int?
    public var shipment: String?
    /// True when the bundle id was typed by hand instead of scanned.
    public var manual: Bool
    /// Why, for a void.
    public var reason: String?

    public init(sequence: Int64, bundle: BundleID, move: Move, state: BundleState, at: Instant, actor: Actor,
                result: QCResult?, labelRevision: Int?, shipment: String?, manual: Bool, reason: String? = nil) {
        self.sequence = sequence
        self.bundle = bundle
        self.move = move
        self.state = state
        self.at = at
        self.actor = actor
        self.result = result
        self.labelRevision = labelRevision
        self.shipment = shipment
        self.manual = manual
        self.reason = reason
    }
}
