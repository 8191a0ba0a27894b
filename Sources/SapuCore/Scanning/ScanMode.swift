/// What a scanning station does with each bundle it scans.
public enum ScanMode: String, Sendable, CaseIterable, Codable {
    case receive
    case pack
    case unpack
    case `return`
    case quarantine
    case scrap
    /// Read-only: shows what the bundle is and where it stands.
    case check

    /// The lifecycle move a scan applies; nil for `check`.
    public var move: Move? {
        switch self {
        case .receive: .receive
        case .pack: .pack
        case .unpack: .unpack
        case .return: .return
        case .quarantine: .quarantine
        case .scrap: .scrap
        case .check: nil
        }
    }

    /// Whether the mode needs a shipment (`--shipment` or a shipment control code).
    public var needsShipment: Bool { self == .pack }

    /// Whether scans in this mode change the database (every mode but `check`).
    public var writes: Bool { move != nil }

    /// Whether the mode's move cannot be undone: it is chosen on the command line only,
    /// never by a control code.
    public var isDestructive: Bool { self == .scrap }
}

/// The answer to one scan.
public enum ScanOutcome: String, Sendable, CaseIterable, Codable {
    case accepted
    case duplicate
    case refused
    case superseded
    case forged
    case notSapu = "not-sapu"
    case unknown
    /// A control code switched the mode, shipment or operator.
    case control
}

/// The outcome of one scan, with the bundle's state after it and the reason for a refusal.
public struct ScanResult: Sendable, Equatable {
    public var outcome: ScanOutcome
    public var bundle: BundleID?
    public var state: BundleState?
    public var reason: SapuError?
    /// For `check`: the bundle as the database knows it.
    public var details: Bundle?
    /// After an accepted pack: the shipment and how many bundles it holds now, this one
    /// included (also those packed earlier or at another station).
    public var packed: ShipmentCount?

    public init(outcome: ScanOutcome, bundle: BundleID? = nil, state: BundleState? = nil, reason: SapuError? = nil,
                details: Bundle? = nil, packed: ShipmentCount? = nil) {
        self.outcome = outcome
        self.bundle = bundle
        self.state = state
        self.reason = reason
        self.details = details
        self.packed = packed
    }
}

/// How many bundles a shipment holds.
public struct ShipmentCount: Sendable, Equatable {
    public var shipment: String
    public var bundles: Int

    public init(shipment: String, bundles: Int) {
        self.shipment = shipment
        self.bundles = bundles
    }
}
