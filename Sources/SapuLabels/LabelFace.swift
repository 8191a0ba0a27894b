/// What one label says, already worded in the user's language by the CLI; the renderer
/// only lays it out.
public struct LabelFace: Sendable, Equatable {
    /// How big the face's QR symbol is.
    public enum Symbol: Sendable, Equatable {
        /// The template's own version, at the strongest level that holds the payload, so
        /// every label of a template has its code in the same place at the same size.
        case reserved
        /// The smallest version at level H, centred in the template's reserved square:
        /// for control codes, whose short payloads then read from further away and
        /// through more dirt.
        case smallest
    }

    /// The QR payload, e.g. `SAPU1 K1 TLIDI BPWT251121A S0042 … R1 <signature>`.
    public var payload: String
    /// The product's name, e.g. "Sapu Lidi".
    public var title: String
    /// The bundle id, printed big: it is what a person types when the code can't be read.
    public var bundleID: String
    /// Further lines such as "Batch PWT251121A", "Pembuat M042", "Tgl QC 2025-11-21".
    public var lines: [String]
    /// How many of `lines`, from the first, may be left off a label too small to hold
    /// every line at the smallest readable size (the batch, which the bundle id repeats).
    public var droppableLines: Int
    /// The workshop, longest form first (its name, then its code): the label shows the
    /// first that fits whole, followed by `content`.
    public var workshop: [String]
    /// What the bundle holds, e.g. "isi 10".
    public var content: String?
    /// The QC result in words, e.g. "LULUS QC" beside a big grade letter, or "TIDAK LULUS".
    public var result: String
    /// A passed bundle's grade, printed as one big letter readable from a metre.
    public var grade: String?
    /// A failed bundle's defects by name, e.g. "Ikatan longgar, Lembap / belum kering".
    public var defects: String?
    /// A failed bundle's result is printed reversed, white on black, so nobody misses it.
    public var failed: Bool
    /// How big the QR symbol is; bundle labels keep the template's version.
    public var symbol: Symbol

    public init(payload: String, title: String, bundleID: String, lines: [String], droppableLines: Int = 0,
                workshop: [String] = [], content: String? = nil, result: String, grade: String? = nil,
                defects: String? = nil, failed: Bool = false, symbol: Symbol = .reserved) {
        self.payload = payload
        self.title = title
        self.bundleID = bundleID
        self.lines = lines
        self.droppableLines = droppableLines
        self.workshop = workshop
        self.content = content
        self.result = result
        self.grade = grade
        self.defects = defects
        self.failed = failed
        self.symbol = symbol
    }
}
