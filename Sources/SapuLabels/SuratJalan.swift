/// A *surat jalan* (delivery note) as it is printed: every text already in the reader's language.
public struct SuratJalan: Sendable, Equatable {
    /// A labelled value in the header block: "Penerima: CV. Pusat Handicraft".
    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A small table: a header row and body rows of the same width.
    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]

        public init(header: [String], rows: [[String]]) {
            self.header = header
            self.rows = rows
        }
    }

    /// "SURAT JALAN" / "DELIVERY NOTE".
    public var title: String
    /// "No. 001/SJ/PWT/XI/2025".
    public var number: String
    /// The sender's name and site, printed as the letterhead.
    public var sender: String
    /// Date, consignee, address, vehicle, driver, reference.
    public var fields: [Field]
    /// Totals per product and grade, with a total row last.
    public var totals: Table
    /// Every bundle: no, id, product, batch, maker code, grade.
    public var bundles: Table
    /// Headings of the signature boxes: sender, driver, receiver.
    public var signatures: [String]
    /// Small print at the bottom: key fingerprint, manifest hash, how to verify.
    public var footer: [String]
    /// What the QR code in the corner holds: the shipment number and the manifest's hash.
    public var qrPayload: String
    /// "Halaman 1 / 3" style page label, with `%d` for the page and the count.
    public var pageLabel: String

    public init(title: String, number: String, sender: String, fields: [Field], totals: Table, bundles: Table,
                signatures: [String], footer: [String], qrPayload: String, pageLabel: String) {
        self.title = title
        self.number = number
        self.sender = sender
        self.fields = fields
        self.totals = totals
        self.bundles = bundles
        self.signatures = signatures
        self.footer = footer
        self.qrPayload = qrPayload
        self.pageLabel = pageLabel
    }
}
