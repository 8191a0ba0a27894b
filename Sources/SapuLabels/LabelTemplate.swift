/// The physical description of a label: its size, the printer's resolution, the QR symbol
/// and, for sticker sheets, where each label sits on the page.
///
/// Templates are JSON files (see docs/label-templates.md); lengths are millimetres,
/// resolutions dots per inch.
public struct LabelTemplate: Sendable, Codable, Equatable {
    /// How labels come out of the printer.
    public enum Kind: String, Sendable, Codable {
        /// A roll printer: one label per PNG, PDF page or ZPL block.
        case thermal
        /// A sheet of stickers for an office printer: PDF pages of many labels.
        case sheet
    }

    /// The size of one label.
    public struct Size: Sendable, Codable, Equatable {
        public var widthMM: Double
        public var heightMM: Double

        public init(widthMM: Double, heightMM: Double) {
            self.widthMM = widthMM
            self.heightMM = heightMM
        }
    }

    /// The QR symbol: the version and the lowest level fix the longest payload it takes;
    /// dots per module and the quiet zone fix its printed size.
    public struct QR: Sendable, Codable, Equatable {
        public var version: Int
        /// The lowest error-correction level a label gets; each label gets the strongest
        /// level that holds its payload at `version` (`QRMatrix.strongest`).
        public var level: ErrorCorrection
        /// Printer dots per module side; an integer so modules are never resampled.
        public var moduleDots: Int
        /// Light modules around the symbol; the standard asks for 4.
        public var quietZone: Int

        public init(version: Int, level: ErrorCorrection = .Q, moduleDots: Int, quietZone: Int = 4) {
            self.version = version
            self.level = level
            self.moduleDots = moduleDots
            self.quietZone = quietZone
        }

        enum CodingKeys: String, CodingKey { case version, level, moduleDots, quietZone }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            version = try container.decodeWholeNumber(forKey: .version)
            level = try container.decodeIfPresent(ErrorCorrection.self, forKey: .level) ?? .Q
            moduleDots = try container.decodeWholeNumber(forKey: .moduleDots)
            quietZone = try container.decodeWholeNumber(forKey: .quietZone)
        }
    }

    /// Where labels sit on a sheet: the first label's top left corner and the distance
    /// from one label to the next, across and down.
    public struct Sheet: Sendable, Codable, Equatable {
        public var pageWidthMM: Double
        public var pageHeightMM: Double
        public var columns: Int
        public var rows: Int
        public var originXMM: Double
        public var originYMM: Double
        public var pitchXMM: Double
        public var pitchYMM: Double
        /// How close to the sheet's edges the office printer can print: nothing is drawn
        /// nearer, and a sticker within it has its content moved inward.
        public var unprintableMM: Double

        /// The unprintable margin when a template does not give one.
        public static let standardUnprintableMM = 4.0

        public init(pageWidthMM: Double, pageHeightMM: Double, columns: Int, rows: Int,
                    originXMM: Double, originYMM: Double, pitchXMM: Double, pitchYMM: Double,
                    unprintableMM: Double = Self.standardUnprintableMM) {
            self.pageWidthMM = pageWidthMM
            self.pageHeightMM = pageHeightMM
            self.columns = columns
            self.rows = rows
            self.originXMM = originXMM
            self.originYMM = originYMM
            self.pitchXMM = pitchXMM
            self.pitchYMM = pitchYMM
            self.unprintableMM = unprintableMM
        }

        enum CodingKeys: String, CodingKey {
            case pageWidthMM, pageHeightMM, columns, rows, originXMM, originYMM, pitchXMM, pitchYMM, unprintableMM
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            pageWidthMM = try container.decode(Double.self, forKey: .pageWidthMM)
            pageHeightMM = try container.decode(Double.self, forKey: .pageHeightMM)
            columns = try container.decodeWholeNumber(forKey: .columns)
            rows = try container.decodeWholeNumber(forKey: .rows)
            originXMM = try container.decode(Double.self, forKey: .originXMM)
            originYMM = try container.decode(Double.self, forKey: .originYMM)
            pitchXMM = try container.decode(Double.self, forKey: .pitchXMM)
            pitchYMM = try container.decode(Double.self, forKey: .pitchYMM)
            unprintableMM = try container.decodeIfPresent(Double.self, forKey: .unprintableMM)
                ?? Self.standardUnprintableMM
        }
    }

    public var name: String
    public var description: String
    public var kind: Kind
    /// The printer's resolution; for sheets, the resolution of PNG output.
    public var dpi: Int
    public var label: Size
    /// Clear space between the text and the label's edge.
    public var marginMM: Double
    public var qr: QR
    /// Required for sheets, absent for thermal labels.
    public var sheet: Sheet?
    /// What a printer queue of this template is sent (`sapu label --printer`); nil for the
    /// usual one: ZPL for thermal labels, PDF for sheets.
    public var printerLanguage: PrinterLanguage?

    public init(name: String, description: String, kind: Kind, dpi: Int, label: Size,
                marginMM: Double = Self.standardMarginMM, qr: QR, sheet: Sheet? = nil,
                printerLanguage: PrinterLanguage? = nil) {
        self.name = name
        self.description = description
        self.kind = kind
        self.dpi = dpi
        self.label = label
        self.marginMM = marginMM
        self.qr = qr
        self.sheet = sheet
        self.printerLanguage = printerLanguage
    }

    /// The margin when a template does not give one.
    public static let standardMarginMM = 1.5

    enum CodingKeys: String, CodingKey { case name, description, kind, dpi, label, marginMM, qr, sheet, printerLanguage }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        kind = try container.decode(Kind.self, forKey: .kind)
        dpi = try container.decodeWholeNumber(forKey: .dpi)
        label = try container.decode(Size.self, forKey: .label)
        marginMM = try container.decodeIfPresent(Double.self, forKey: .marginMM) ?? Self.standardMarginMM
        qr = try container.decode(QR.self, forKey: .qr)
        sheet = try container.decodeIfPresent(Sheet.self, forKey: .sheet)
        printerLanguage = try container.decodeIfPresent(PrinterLanguage.self, forKey: .printerLanguage)
    }
}

extension KeyedDecodingContainer {
    /// An integer field; Foundation reports `4.5` for an `Int` as corrupt JSON without
    /// saying where, so whole numbers are read as `Double` and checked here.
    func decodeWholeNumber(forKey key: Key) throws -> Int {
        let value = try decode(Double.self, forKey: key)
        guard value.rounded() == value, abs(value) < 1e9 else {
            throw DecodingError.typeMismatch(Int.self, DecodingError.Context(
                codingPath: codingPath + [key], debugDescription: "expected a whole number"))
        }
        return Int(value)
    }
}

extension LabelTemplate {
    /// Millimetres to printer dots at the template's resolution, rounded.
    func dots(_ millimetres: Double) -> Int {
        Int((millimetres / 25.4 * Double(dpi)).rounded())
    }

    /// The label's width in printer dots (also the PNG width and ZPL `^PW`).
    public var widthDots: Int { dots(label.widthMM) }
    /// The label's height in printer dots (also the PNG height and ZPL `^LL`).
    public var heightDots: Int { dots(label.heightMM) }
    /// Modules per side of the symbol, without the quiet zone.
    public var qrModules: Int { QRMatrix.size(version: qr.version) }
    /// The side of the symbol with its quiet zone, in dots.
    public var qrSideDots: Int { (qrModules + 2 * qr.quietZone) * qr.moduleDots }
    /// The side of the symbol with its quiet zone, in millimetres.
    public var qrSideMM: Double { Double(qrSideDots) / Double(dpi) * 25.4 }
    /// Labels on one PDF page: a sheet's grid, or one for a thermal label.
    public var slotsPerPage: Int { sheet.map { $0.columns * $0.rows } ?? 1 }
    /// The narrowest text column a label may have beside its code.
    static let minimumTextWidthMM = 15.0
}
