/// What a receipt's `extra` entry did to the workshop's bundle of that id (docs/states.md).
public enum ExtraEffect: Sendable, Equatable {
    /// The bundle was still the workshop's (in stock, say) and is now `extra`, with an event.
    case marked
    /// Already `extra` (an earlier receipt said so): no new event.
    case alreadyExtra
    /// In a state the report cannot move it from (packed, shipped in another shipment,
    /// scrapped, ...): left as it is, shown to the clerk.
    case unchanged(BundleState)
    /// No bundle of that id here (another workshop's, or never made).
    case unknown
}
