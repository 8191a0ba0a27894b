/// Where a shipment stands.
public enum ShipmentStatus: String, Sendable, Codable, CaseIterable {
    /// Bundles are being packed into it.
    case open
    /// The manifest and surat jalan are written; nothing more can be packed.
    case closed
    /// Left the workshop.
    case shipped
    /// The partner's receipt matched the manifest.
    case delivered
    /// The partner's receipt reported missing, extra or mismatched bundles.
    case disputed
    /// Called off before shipping; its bundles went back to stock.
    case cancelled
}

/// A set of bundles sent together to a consignee.
public struct Shipment: Sendable, Equatable {
    public var id: String
    public var status: ShipmentStatus
    public var consignee: String
    public var address: String?
    public var vehicle: String?
    public var driver: String?
    public var reference: String?
    public var created: Instant
    public var closed: Instant?
    public var shipped: Instant?
    public var reconciled: Instant?
    /// SHA-256 of the manifest file, hex, once closed.
    public var manifestSHA256: String?
    public var bundleCount: Int
    /// The registered partner the shipment goes to (its code); nil only for shipments
    /// opened before partners were registered.
    public var partner: String?

    public init(id: String, status: ShipmentStatus, consignee: String, address: String?, vehicle: String?, driver: String?,
                reference: String?, created: Instant, closed: Instant?, shipped: Instant?, reconciled: Instant?,
                manifestSHA256: String?, bundleCount: Int, partner: String? = nil) {
        self.id = id
        self.status = status
        self.consignee = consignee
        self.address = address
        self.vehicle = vehicle
        self.driver = driver
        self.reference = reference
        self.created = created
        self.closed = closed
        self.shipped = shipped
        self.reconciled = reconciled
        self.manifestSHA256 = manifestSHA256
        self.bundleCount = bundleCount
        self.partner = partner
    }
}

/// What the clerk types when opening a shipment.
///
/// The partner is a registered partner's code; nil means the only active partner. The
/// consignee's name and address default to the partner's registered ones.
public struct ShipmentDraft: Sendable, Equatable {
    public var partner: String?
    public var consignee: String?
    public var address: String?
    public var vehicle: String?
    public var driver: String?
    public var reference: String?

    public init(partner: String? = nil, consignee: String? = nil, address: String? = nil, vehicle: String? = nil,
                driver: String? = nil, reference: String? = nil) {
        self.partner = partner
        self.consignee = consignee
        self.address = address
        self.vehicle = vehicle
        self.driver = driver
        self.reference = reference
    }
}
