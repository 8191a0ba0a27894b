import SapuCore
import SapuStore

/// Finding one bundle from what a person typed or scanned into a search field: a bundle id
/// typed by hand, or a whole label.
///
/// The two are never confused (PRODUCT.md, Trust): a typed id proves nothing and is found
/// as a manual entry; a label is found only when its signature verifies with a key the site
/// registered, and is then checked against the bundle as the database knows it (an older
/// revision is superseded, a different text was never printed here).
public enum BundleLookup {
    /// How the bundle was named.
    public enum Entry: Sendable, Equatable {
        /// By its id, from a link or a list: nothing was entered.
        case id
        /// A bundle id typed by hand: a manual entry that proves nothing.
        case typed
        /// A label whose signature verified; `problem` says why it is nevertheless not the
        /// bundle's current label (superseded, or not the text printed here), nil when it is.
        case verifiedLabel(LabelPayload, problem: SapuError?)
    }

    public struct Found: Sendable {
        public var bundle: SapuCore.Bundle
        public var history: [BundleEvent]
        public var entry: Entry
    }

    /// The bundle with id `id`.
    public static func bundle(_ id: BundleID, store: SQLiteStore) throws(SapuError) -> Found {
        Found(bundle: try store.bundle(id), history: try store.history(of: id), entry: .id)
    }

    /// The bundle a typed id or a scanned label names; a forged, foreign or garbled text is
    /// refused with the reason a scanning station gives.
    public static func find(_ text: String, store: SQLiteStore) throws(SapuError) -> Found {
        let keys = try KeyExport.ring(store: store)
        switch ScannedCode.classify(text, keys: keys) {
        case .typed(let id):
            var found = try bundle(id, store: store)
            found.entry = .typed
            return found
        case .label(let payload):
            var found = try bundle(payload.bundleID, store: store)
            let decision = Scanning.decide(mode: .check, bundle: found.bundle, label: payload, shipment: nil)
            found.entry = .verifiedLabel(payload, problem: decision.outcome == .accepted ? nil : decision.reason)
            return found
        case .control:
            throw .notABundle
        case .rejected(let result):
            switch result.reason {
            case .unknownKey(let site, let keyID)?:
                throw keys.sites.contains(site) ? .labelKeyNotIssued(site: site, keyID: keyID) : .labelOfOtherSite(site: site)
            case let reason?:
                throw reason
            case nil:
                throw .notABundle
            }
        }
    }
}
