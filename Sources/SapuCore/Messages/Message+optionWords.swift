/// The words option values are typed with, in Indonesian and in English (see `OptionWord`).
///
/// Each is the word a person reads for that value elsewhere: the command sheet's headline
/// for a scanning mode, the state column of a table, a report's column heading.

extension ScanMode: OptionWord {
    /// The mode's name, as the command sheet prints it (in capitals) and `--mode` takes it.
    public var word: Message {
        switch self {
        case .receive: Message(id: "terima", en: "receive")
        case .pack: Message(id: "kemas", en: "pack")
        case .unpack: Message(id: "bongkar", en: "unpack")
        case .return: Message(id: "retur", en: "return")
        case .quarantine: Message(id: "karantina", en: "quarantine")
        case .scrap: Message(id: "musnahkan", en: "scrap")
        case .check: Message(id: "cek", en: "check")
        }
    }
}

extension BundleState: OptionWord {
    /// The state as tables print it: `--state di-gudang` or `--state in-stock`.
    public var word: Message { message }
}

extension ReportGrouping: OptionWord {
    /// The heading of the report's first column, in lower case.
    public var word: Message {
        let heading = Message.column(for: self)
        return Message(id: heading.indonesian.lowercased(), en: heading.english.lowercased())
    }
}

extension ReportFormat: OptionWord {
    public var word: Message {
        switch self {
        case .table: Message(id: "tabel", en: "table")
        case .csv: Message(id: "csv", en: "csv")
        case .json: Message(id: "json", en: "json")
        case .html: Message(id: "html", en: "html")
        }
    }
}
