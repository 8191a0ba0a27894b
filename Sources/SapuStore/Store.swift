import SapuCore

/// A site's public signing key as the database keeps it.
public struct StoredKey: Sendable, Equatable {
    public var keyID: String
    public var site: String
    public var raw: [UInt8]

    public init(keyID: String, site: String, raw: [UInt8]) {
        self.keyID = keyID
        self.site = site
        self.raw = raw
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
    func publicKeys() throws(SapuError) -> [StoredKey]
    func addPublicKey(_ key: StoredKey, at: Instant) throws(SapuError)

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
    /// Records that labels were printed; returns each bundle with the revision printed.
    func recordLabelPrints(_ ids: [BundleID], actor: Actor, at: Instant) throws(SapuError) -> [SapuCore.Bundle]
}
