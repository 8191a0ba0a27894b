/// Texts of the scanning station.
extension Message {
    /// The outcome word at the start of each answer line.
    public static func outcome(_ outcome: ScanOutcome) -> Message {
        switch outcome {
        case .accepted: Message(id: "OK", en: "OK")
        case .duplicate: Message(id: "DUPLIKAT", en: "DUPLICATE")
        case .refused: Message(id: "DITOLAK", en: "REFUSED")
        case .superseded: Message(id: "LABEL LAMA", en: "SUPERSEDED")
        case .forged: Message(id: "PALSU", en: "FORGED")
        case .notSapu: Message(id: "BUKAN SAPU", en: "NOT SAPU")
        case .unknown: Message(id: "TAK DIKENAL", en: "UNKNOWN")
        case .control: Message(id: "KONTROL", en: "CONTROL")
        }
    }

    public static func control(_ control: ControlCode) -> Message {
        switch control {
        case .mode(let mode): Message(id: "mode sekarang \(mode.word.indonesian)", en: "mode is now \(mode.word.english)")
        case .shipment(let id): Message(id: "pengiriman sekarang \(id)", en: "shipment is now \(id)")
        case .operatorCode(let code): Message(id: "operator sekarang \(code)", en: "operator is now \(code)")
        }
    }

    public static func scanSummary(total: Int, parts: [String]) -> Message {
        Message(id: "Ringkasan: \(total) pindaian" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")),
                en: "Summary: \(total) scans" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
    }
}

/// Texts of the command sheet.
extension Message {
    public static let commandSheetTitle = Message(id: "Kode perintah Sapu", en: "Sapu control code")

    /// The big word under a control code: what scanning it does.
    public static func controlHeadline(_ control: ControlCode) -> Message {
        switch control {
        case .mode(let mode):
            switch mode {
            case .receive: Message(id: "TERIMA", en: "RECEIVE")
            case .pack: Message(id: "KEMAS", en: "PACK")
            case .unpack: Message(id: "BONGKAR", en: "UNPACK")
            case .return: Message(id: "RETUR", en: "RETURN")
            case .quarantine: Message(id: "KARANTINA", en: "QUARANTINE")
            case .scrap: Message(id: "MUSNAHKAN", en: "SCRAP")
            case .check: Message(id: "CEK", en: "CHECK")
            }
        case .shipment(let id): Message(id: id, en: id)
        case .operatorCode(let code): Message(id: "OPERATOR \(code)", en: "OPERATOR \(code)")
        }
    }

    public static func commandSheetWritten(count: Int) -> Message {
        Message(id: "Lembar \(count) kode perintah ditulis", en: "Sheet of \(count) control codes written")
    }
}
