import SapuCore

/// A site's public signing key as the database keeps it.
public struct StoredKey: Sendable, Equatable {
    public var keyID: String
    public var site: String
    public var raw: [UInt8]
    /// True for the one key that signs new labels, manifests and receipts; the others are
    /// retired: they still verify what they signed, and sign nothing new.
    public var current: Bool

    public init(keyID: String, site: String, raw: [UInt8], current: Bool = true) {
        self.keyID = keyID
        self.site = site
        self.raw = raw
        self.current = current
    }
}

/// Everything Sapu keeps on disk, as intents; a second backend implements the same protocol.
public protocol Store: Sendable {
    /// The site this database belongs to.
    func site() throws(SapuError) -> Site

    // Registry
    func products() throws(SapuError) -> [Product]
    func addProduct(_ product: Product) throws(SapuError)
    func updateProduct(_ code: String, name: String?, bundleSize: Int?) throws(SapuError) -> Product
    func makers() throws(SapuError) -> [Maker]
    func addMaker(_ maker: Maker) throws(SapuError)
    func deactivateMaker(_ code: String) throws(SapuError)
    func defects() throws(SapuError) -> [Defect]
    func addDefect(_ defect: Defect) throws(SapuError)
    func createBatch(product: String, date: CalendarDate, at: Instant) throws(SapuError) -> Batch
    func batches() throws(SapuError) -> [Batch]
    func batch(_ code: String) throws(SapuError) -> Batch

    // Keys
    /// The site's keys, by key number (`K2` before `K10`), the current one marked.
    func publicKeys() throws(SapuError) -> [StoredKey]
    /// The key that signs new documents; `noCurrentKey` if none is registered.
    func currentKey() throws(SapuError) -> StoredKey
    /// Registers `key` as current and retires the one before, in one transaction.
    ///
    /// `replacing` is the key id the caller saw as current: if another rotation got there
    /// first, nothing changes and `duplicate(kind: .key, ...)` is thrown.
    func rotateKey(to key: StoredKey, replacing: String, at: Instant) throws(SapuError)

    // Inspection
    func inspect(batch: String, maker: String, result: QCResult, count: Int, actor: Actor, at: Instant)
        throws(SapuError) -> [SapuCore.Bundle]
    func reinspect(_ ids: [BundleID], result: QCResult, actor: Actor, at: Instant) throws(SapuError) -> [SapuCore.Bundle]

    // Bundles
    func bundle(_ id: BundleID) throws(SapuError) -> SapuCore.Bundle
    func bundles(batch: String?, state: BundleState?) throws(SapuError) -> [SapuCore.Bundle]
    func history(of id: BundleID) throws(SapuError) -> [BundleEvent]
    func stock() throws(SapuError) -> [StockCount]

    // Labels
    /// Records that labels signed with `keyID` were written; returns each bundle with the revision written.
    /// `again`: the bundles' current labels are written again (`reprint`), else they have none yet.
    func recordLabelPrints(_ ids: [BundleID], again: Bool, keyID: String, actor: Actor, at: Instant)
        throws(SapuError) -> [SapuCore.Bundle]

    // Voids
    /// Every bundle of a batch, voided ones too, by serial.
    func bundleIDs(batch: String) throws(SapuError) -> [BundleID]
    /// What voiding `ids` would do, read only; throws `voidRefused` when any of them cannot be voided.
    func voidPlan(_ ids: [BundleID]) throws(SapuError) -> VoidPlan
    /// Voids `ids` in one transaction, all or none: one `void` event with `reason` for each bundle
    /// not yet voided; an already voided one is left as it is.
    func void(_ ids: [BundleID], reason: String, actor: Actor, at: Instant) throws(SapuError) -> VoidPlan
}
