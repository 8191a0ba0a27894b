/// What each maker produced in a period: the basis of the makers' pay and training.
public struct MakersReport: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var maker: String
        /// The maker's local name; filled only when the user asks for names.
        public var name: String?
        /// Bundles the maker made (first inspected in the period), by the result of that inspection.
        public var tally: QCTally
        /// Brooms in those bundles: each bundle times its product's bundle size.
        public var brooms: Int
    }

    public var period: ReportPeriod
    public var rows: [Row]
    public var total: QCTally
    public var brooms: Int

    /// Computes the report from a history read with `.makers` detail; `names` maps maker
    /// codes to local names when names were asked for. A product whose stored bundle size
    /// is out of range is refused rather than counted (`storedBundleSizeOutOfRange`).
    public init(_ history: InspectionHistory, names: [String: String]? = nil) throws(SapuError) {
        var tallies: [String: QCTally] = [:]
        var brooms: [String: Int] = [:]
        var failure: SapuError?
        history.visit(first: { place, result, final, count in
            let maker = place.maker ?? "?"
            tallies[maker, default: QCTally()].addFirst(result, final: final, count: count)
            guard failure == nil else { return }
            do throws(SapuError) {
                let size = history.bundleSizes[place.product] ?? 0
                if size != 0 && !Product.bundleSizes.contains(size) {
                    throw .storedBundleSizeOutOfRange(product: place.product, size: size)
                }
                brooms[maker] = try (brooms[maker] ?? 0).checkedAdding(try count.checkedMultiplied(by: size))
            } catch {
                failure = error
            }
        }, again: { place, _, kind in
            tallies[place.maker ?? "?", default: QCTally()].addAgain(kind)
        })
        if let failure { throw failure }
        self.period = history.period
        self.rows = tallies.map { maker, tally in
            Row(maker: maker, name: names.map { $0[maker] ?? "" }, tally: tally, brooms: brooms[maker] ?? 0)
        }.sorted { $0.maker < $1.maker }
        self.total = rows.reduce(QCTally()) { $0 + $1.tally }
        self.brooms = try rows.map(\.brooms).checkedSum()
    }

    public var isEmpty: Bool { total.inspected == 0 && total.reworks == 0 && total.regrades == 0 }

    /// Whether the rows carry names.
    public var showsNames: Bool { rows.contains { $0.name != nil } }
}
