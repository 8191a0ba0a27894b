import SapuCore
import SapuStore

/// Opening a shipment (`sapu shipment create`, the shipments page): to a registered
/// partner, with the consignee, address, vehicle, driver and reference as the clerk typed them.
public enum ShipmentOpening {
    /// Opens a shipment. Nil fields were not given: the partner is then the only active one,
    /// and the consignee's name and address are the partner's registered ones. A consignee
    /// given but blank is a mistake, not "use the partner's name".
    public static func open(partner: String?, consignee: String?, address: String?, vehicle: String?, driver: String?,
                            reference: String?, store: SQLiteStore, at now: Instant) throws(SapuError) -> Shipment {
        if let consignee, consignee.trimmingSpaces().isEmpty { throw .consigneeRequired }
        let partner = try partner.map { (code) throws(SapuError) in try Code.normalise(code, as: .partner) }
        // The store trims and checks the text (no control characters) for every front end.
        return try store.createShipment(ShipmentDraft(partner: partner, consignee: consignee, address: address,
                                                      vehicle: vehicle, driver: driver, reference: reference), at: now)
    }
}
