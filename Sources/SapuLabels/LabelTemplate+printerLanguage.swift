extension LabelTemplate {
    /// What a job for a printer queue is made of (docs/printing.md).
    public enum PrinterLanguage: String, Sendable, Codable, CaseIterable {
        /// ZPL II, sent raw: Zebra and compatible thermal printers.
        case zpl
        /// TSPL, sent raw: TSC, Xprinter and similar thermal printers.
        case tspl
        /// PDF, through the queue's driver: office printers, driver-based thermal printers.
        case pdf
        /// One PNG per label, through the queue's driver.
        case png

        /// True for the languages a printer reads itself, sent with `lp -o raw`.
        public var isRaw: Bool { self == .zpl || self == .tspl }
    }

    /// The language a job for this template's printer is in when none is asked for.
    public var usualPrinterLanguage: PrinterLanguage {
        printerLanguage ?? (kind == .sheet ? .pdf : .zpl)
    }
}
