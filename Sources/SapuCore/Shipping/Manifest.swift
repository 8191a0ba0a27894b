/// The signed list of what a shipment holds: all the partner needs besides the public key.
///
/// Written as JSON with sorted keys; the detached signature covers the file's exact bytes.
/// No maker names: only codes leave the site.
public struct Manifest: Sendable, Codable, Equatable {
    public static let format = "sapu-manifest-1"

    public struct Party: Sendable, Codable, Equatable {
        public var site: String?
        public var name: String
        public var address: String?
    }

    public struct Total: Sendable, Codable, Equatable {
        public var product: String
        public var productName: String
        /// `A`, `B` (failed bundles never ship).
        public var grade: String
        public var bundles: Int
        public var brooms: Int
    }

    public struct Item: Sendable, Codable, Equatable {
        public var id: String
        public var product: String
        public var batch: String
        public var serial: Int
        public var maker: String
        /// `A` or `B`.
        public var grade: String
        public var inspected: String
        public var labelRevision: Int
    }

    public var format: String
    public var shipment: String
    public var shipper: Party
    public var consignee: Party
    public var vehicle: String?
    public var driver: String?
    public var reference: String?
    public var created: String
    public var closed: String
    public var keyID: String
    public var keyFingerprint: String
    public var totals: [Total]
    public var bundleCount: Int
    public var broomCount: Int
    public var bundles: [Item]

    /// Builds the manifest of a closed shipment; refuses a product whose stored bundle size
    /// is out of range rather than writing a broom count that is wrong or does not fit.
    public init(shipment: Shipment, site: Site, bundles: [Bundle], products: [Product], key: PublicKey,
                closed: Instant) throws(SapuError) {
        let names = Dictionary(products.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        format = Self.format
        self.shipment = shipment.id
        shipper = Party(site: site.code, name: site.name, address: nil)
        consignee = Party(site: shipment.partner, name: shipment.consignee, address: shipment.address)
        vehicle = shipment.vehicle
        driver = shipment.driver
        reference = shipment.reference
        created = shipment.created.iso8601
        self.closed = closed.iso8601
        keyID = key.keyID
        keyFingerprint = key.fingerprint
        self.bundles = bundles.sorted { $0.id < $1.id }.map {
            Item(id: $0.id.description, product: $0.product, batch: $0.batch, serial: $0.id.serial, maker: $0.maker,
                 grade: $0.result.grade?.rawValue ?? "FAIL", inspected: $0.inspected.iso, labelRevision: $0.labelRevision)
        }
        var totals: [String: Total] = [:]
        for item in self.bundles {
            let size = try names[item.product]?.checkedBundleSize() ?? 0
            let key = "\(item.product)|\(item.grade)"
            var total = totals[key] ?? Total(product: item.product, productName: names[item.product]?.name ?? item.product,
                                             grade: item.grade, bundles: 0, brooms: 0)
            total.bundles = try total.bundles.checkedAdding(1)
            total.brooms = try total.brooms.checkedAdding(size)
            totals[key] = total
        }
        self.totals = totals.keys.sorted().compactMap { totals[$0] }
        bundleCount = self.bundles.count
        broomCount = try self.totals.map(\.brooms).checkedSum()
    }

    /// False for numbers a manifest read from a file cannot hold: serials and revisions a
    /// label cannot carry, negative counts, totals that do not add up to the counts.
    public var numbersAreConsistent: Bool {
        guard bundles.allSatisfy({ LabelPayload.serials.contains($0.serial) && LabelPayload.revisions.contains($0.labelRevision) }),
              totals.allSatisfy({ $0.bundles >= 0 && $0.brooms >= 0 }),
              bundleCount == bundles.count,
              let bundleSum = try? totals.map(\.bundles).checkedSum(), bundleSum == bundleCount,
              let broomSum = try? totals.map(\.brooms).checkedSum(), broomSum == broomCount else { return false }
        return true
    }

    /// False for a bundle list Sapu never writes: an id that is not the canonical
    /// `BATCH-NNNN` of its own `batch` and `serial`, the same bundle twice, a grade other
    /// than `A` or `B`, a batch of another site than the shipper, or a shipment number
    /// that is not the shipper's. A verified signature proves who wrote the list, not
    /// that it can be true; a bundle of another workshop's batch never counts as shipped
    /// by this one.
    public var bundlesAreConsistent: Bool {
        guard let shipper = shipper.site, let number = ShipmentID(typed: shipment), number.description == shipment,
              number.site == shipper else { return false }
        var seen: Set<String> = []
        for item in bundles {
            guard BundleID(typed: item.id)?.description == item.id,
                  BundleID(batch: item.batch, serial: item.serial).description == item.id,
                  Batch.site(ofCode: item.batch) == shipper, ["A", "B"].contains(item.grade),
                  seen.insert(item.id).inserted else { return false }
        }
        return true
    }
}
