extension InspectionHistory {
    /// A code of one site among several: `PWT/M042`. Maker (and product) codes are a site's
    /// own, so two sites may both have an `M042`; they are never added up as one.
    public static func qualified(_ site: String, _ code: String) -> String { site + "/" + code }

    /// Several sites' histories of the same period and detail as one, for reports across sites.
    ///
    /// Makers become `SITE/CODE`. Batch codes begin with their site's code already
    /// (`Batch.site(ofCode:)`), so they stay as they are. With `.makers` detail, where products
    /// only serve to look up bundle sizes, each site's products are qualified the same way:
    /// two sites may give one product code different sizes.
    public init(period: ReportPeriod, detail: Detail, sites: [(site: String, history: InspectionHistory)]) {
        var once: [Tally] = []
        var reworked: [Reworked] = []
        var sizes: [String: Int] = [:]
        for (site, history) in sites {
            let product = { (code: String) in detail == .makers ? Self.qualified(site, code) : code }
            once += history.once.map { tally in
                var tally = tally
                tally.maker = tally.maker.map { Self.qualified(site, $0) }
                tally.product = product(tally.product)
                return tally
            }
            reworked += history.reworked.map { bundle in
                var bundle = bundle
                bundle.maker = Self.qualified(site, bundle.maker)
                bundle.product = product(bundle.product)
                return bundle
            }
            for (code, size) in history.bundleSizes where sizes[product(code)] == nil { sizes[product(code)] = size }
        }
        self.init(period: period, detail: detail, once: once, reworked: reworked, bundleSizes: sizes)
    }
}
