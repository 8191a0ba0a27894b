/// A bundle's current state at the hub, folded from its events in log order (docs/hub.md,
/// "The projection"): the same columns the site's own `bundle` row has for the reports.
public struct BundleProjection: Sendable, Equatable {
    public var id: String
    public var batch: String
    public var serial: Int
    public var product: String
    /// The maker's code only.
    public var maker: String
    /// The latest inspection's result code.
    public var result: String
    /// `A` or `B` for a pass, nil for a fail.
    public var grade: String?
    /// The local day of the latest inspection.
    public var inspectedOn: String
    public var inspections: Int
    public var state: String
    /// The shipment the bundle was last put in, if any.
    public var shipment: String?
    /// The time of its latest event, as the site wrote it, and in seconds.
    public var updatedAt: String
    public var updatedUnix: Int64

    public init(id: String, batch: String, serial: Int, product: String, maker: String, result: String, grade: String?,
                inspectedOn: String, inspections: Int, state: String, shipment: String?, updatedAt: String,
                updatedUnix: Int64) {
        self.id = id
        self.batch = batch
        self.serial = serial
        self.product = product
        self.maker = maker
        self.result = result
        self.grade = grade
        self.inspectedOn = inspectedOn
        self.inspections = inspections
        self.state = state
        self.shipment = shipment
        self.updatedAt = updatedAt
        self.updatedUnix = updatedUnix
    }

    /// The bundle after `event`, given the bundle before it (nil before its first event).
    ///
    /// An inspection sets the result, grade and day (a re-inspection also counts one more);
    /// every event sets the state and the time, as the site's own row is updated with it.
    /// The shipment is the one the bundle was packed into, until it goes back into stock.
    public static func applying(_ event: LogEvent, to before: BundleProjection?) -> BundleProjection {
        var bundle = before ?? BundleProjection(
            id: event.bundle, batch: event.batch, serial: event.serial, product: event.product, maker: event.maker,
            result: event.result ?? "", grade: nil, inspectedOn: String(event.at.prefix(10)), inspections: 0,
            state: event.state, shipment: nil, updatedAt: event.at, updatedUnix: event.atUnix)
        let move = Move(rawValue: event.move)
        if move == .inspect || move == .reinspect, let result = event.result {
            bundle.result = result
            bundle.grade = QCResult(code: result)?.grade?.rawValue
            bundle.inspectedOn = String(event.at.prefix(10))
            if move == .reinspect || bundle.inspections == 0 { bundle.inspections += 1 }
        }
        bundle.state = event.state
        // As the site's row: a pack puts the bundle in the event's shipment, going back into
        // stock takes it out; a receipt's note (extra, forged) names a shipment but moves nothing.
        if event.state == BundleState.inStock.rawValue {
            bundle.shipment = nil
        } else if move == .pack, let shipment = event.shipment {
            bundle.shipment = shipment
        }
        bundle.updatedAt = event.at
        bundle.updatedUnix = event.atUnix
        return bundle
    }
}
