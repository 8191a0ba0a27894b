/// A production place; its code starts every batch code.
public struct Site: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    /// The IANA time zone its times are written and shown in, e.g. `Asia/Jakarta`.
    public var timeZone: String

    public init(code: String, name: String, timeZone: String = "Asia/Jakarta") {
        self.code = code
        self.name = name
        self.timeZone = timeZone
    }
}

/// A kind of broom.
public struct Product: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    /// How many brooms a bundle of this product usually holds.
    public var bundleSize: Int

    public init(code: String, name: String, bundleSize: Int) {
        self.code = code
        self.name = name
        self.bundleSize = bundleSize
    }

    /// Brooms one hand-tied bundle can hold; anything else is a typo.
    public static let bundleSizes = 1...1000

    /// The bundle size for counting brooms; refuses one a database holds outside
    /// `bundleSizes` (written before sizes were checked) instead of counting with it.
    public func checkedBundleSize() throws(SapuError) -> Int {
        guard Self.bundleSizes.contains(bundleSize) else {
            throw .storedBundleSizeOutOfRange(product: code, size: bundleSize)
        }
        return bundleSize
    }

    /// The products every new site starts with.
    public static let standard: [Product] = [
        Product(code: "LIDI", name: "Sapu Lidi", bundleSize: 10),
        Product(code: "GLAGAH", name: "Sapu Glagah", bundleSize: 5),
    ]
}

/// A worker, known outside the site only by a pseudonymous code.
public struct Maker: Sendable, Equatable, Codable {
    public var code: String
    /// A local name; never leaves the site (not on labels, manifests, receipts or exports).
    public var name: String?
    public var active: Bool

    public init(code: String, name: String?, active: Bool) {
        self.code = code
        self.name = name
        self.active = active
    }
}

/// A reason a bundle fails QC, named in both languages.
public struct Defect: Sendable, Equatable, Codable {
    public var code: String
    public var nameID: String
    public var nameEN: String

    public init(code: String, nameID: String, nameEN: String) {
        self.code = code
        self.nameID = nameID
        self.nameEN = nameEN
    }

    public func name(_ language: Language) -> String {
        language == .id ? nameID : nameEN
    }

    /// The catalogue every new site starts with: what goes wrong with hand-made brooms.
    public static let standard: [Defect] = [
        Defect(code: "SHORT", nameID: "Terlalu pendek", nameEN: "Too short"),
        Defect(code: "LOOSE", nameID: "Ikatan longgar", nameEN: "Loose binding"),
        Defect(code: "DIRTY", nameID: "Kotor", nameEN: "Dirty"),
        Defect(code: "DAMP", nameID: "Lembap / belum kering", nameEN: "Damp / not dry"),
        Defect(code: "BROKEN", nameID: "Batang patah", nameEN: "Broken sticks"),
        Defect(code: "UNDER", nameID: "Jumlah / berat kurang", nameEN: "Under count or weight"),
    ]
}

/// One production run of one product on one day at one site.
public struct Batch: Sendable, Equatable, Codable {
    public var code: String
    public var product: String
    public var date: CalendarDate

    public init(code: String, product: String, date: CalendarDate) {
        self.code = code
        self.product = product
        self.date = date
    }

    /// `SITE` + `YYMMDD` + a letter per run that day: `PWT251121A`, `PWT251121B`, ...
    public static func code(site: String, date: CalendarDate, runOfDay: Int) -> String {
        site + date.compact + runLetters(runOfDay)
    }

    /// A, B, ... Z, AA, AB, ...: spreadsheet-style letters for the n-th run (0-based).
    static func runLetters(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var n = index
        var result = ""
        repeat {
            result = String(letters[n % 26]) + result
            n = n / 26 - 1
        } while n >= 0
        return result
    }
}
