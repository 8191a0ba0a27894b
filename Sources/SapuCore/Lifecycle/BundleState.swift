/// Where a bundle stands in its life; derived from its events.
public enum BundleState: String, Sendable, Codable, CaseIterable, Comparable {
    /// Inspected at the QC table, not yet in stock or quarantine.
    case inspected
    /// In the workshop's store room, ready to be packed.
    case inStock = "in-stock"
    /// Set aside for rework or scrapping.
    case quarantined
    /// Packed into an open shipment.
    case packed
    /// Left the workshop with its shipment.
    case shipped
    /// The partner's receipt says it arrived as listed.
    case received
    /// The partner's receipt says it did not arrive.
    case missing
    /// The partner's receipt says it arrived but not as the manifest claims.
    case disputed
    /// The partner's receipt says it arrived in a shipment whose manifest does not list it
    /// (it left the workshop without being packed); return mode takes it back.
    case extra
    /// Came back to the workshop after shipping.
    case returned
    /// Destroyed; nothing can happen to it any more.
    case scrapped
    /// Created by mistake (it never existed as a bundle): kept with its history, left out
    /// of every count and report, and its label refused everywhere; final.
    case voided

    /// Whether the bundle is still at the workshop, where stock is counted: inspected, in
    /// stock, quarantined or packed. Everything else has left, or is gone for good.
    public var isOnHand: Bool {
        switch self {
        case .inspected, .inStock, .quarantined, .packed: true
        default: false
        }
    }

    public static func < (lhs: BundleState, rhs: BundleState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Something a person does to a bundle; each move is one event.
public enum Move: String, Sendable, Codable, CaseIterable {
    case inspect
    case reinspect
    case label
    /// The current label written again, same revision and same signed text (`sapu label --again`).
    case reprint
    case receive
    case quarantine
    case scrap
    case pack
    case unpack
    case ship
    case deliver
    case markMissing = "mark-missing"
    case dispute
    case `return`
    /// Takes a bundle created by mistake out of every count (`sapu bundle void`).
    case void
    /// A partner's receipt names the bundle as extra: at the partner, in no manifest.
    case reportExtra = "report-extra"
    /// A partner's receipt names the bundle as claimed by a forged label; its state stays.
    case reportForged = "report-forged"
}

/// Why the lifecycle refuses a move; each reason has a message with a hint.
public enum MoveRefusal: String, Error, Sendable, Equatable {
    /// The move does not apply in the bundle's current state.
    case notFromState
    /// A failed bundle cannot go into stock or a shipment; quarantine it.
    case failedBundle
    /// A bundle needs a printed label before it goes into stock.
    case notLabelled
    /// The bundle is already packed in a shipment.
    case alreadyPacked
    /// The bundle is packed in a different shipment.
    case otherShipment
    /// Scrapped bundles are final.
    case scrapped
    /// Voided bundles are final, and their labels are void.
    case voided
    /// A packed bundle is voided only after it is unpacked.
    case voidPacked
    /// A bundle that has left in a shipment is named by a signed manifest: it cannot be voided.
    case voidShipped
}
