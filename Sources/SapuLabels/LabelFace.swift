/// What one label says, already worded in the user's language by the CLI; the renderer
/// only lays it out.
public struct LabelFace: Sendable, Equatable {
    /// The QR payload, e.g. `SAPU1 K1 TLIDI BPWT251121A S0042 … R1 <signature>`.
    public var payload: String
    /// The product's name, e.g. "Sapu Lidi".
    public var title: String
    /// The bundle id, printed big: it is what a person types when the code can't be read.
    public var bundleID: String
    /// Further lines such as "Batch PWT251121A", "Pembuat M042", "Tgl QC 2025-11-21".
    public var lines: [String]
    /// The QC result, e.g. "LULUS · A" or "TIDAK LULUS".
    public var result: String
    /// A failed bundle's defects by name, e.g. "Ikatan longgar, Lembap / belum kering".
    public var defects: String?
    /// A failed bundle's result is printed reversed, white on black, so nobody misses it.
    public var failed: Bool

    public init(payload: String, title: String, bundleID: String, lines: [String],
                result: String, defects: String? = nil, failed: Bool = false) {
        self.payload = payload
        self.title = title
        self.bundleID = bundleID
        self.lines = lines
        self.result = result
        self.defects = defects
        self.failed = failed
    }
}
