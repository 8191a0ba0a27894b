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
                en: "Summary: \(englishCount(total, "scan"))" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
    }
}

/// Texts the station says to the clerk around the scans.
extension Message {
    /// The prompt at a terminal: the mode, the shipment when packing, and what to do.
    public static func scanPrompt(mode: ScanMode, shipment: String?) -> Message {
        let id = shipment.map { " \($0)" } ?? ""
        return Message(id: "[\(mode.word.indonesian)\(id)] pindai> ", en: "[\(mode.word.english)\(id)] scan> ")
    }

    /// The first line at a terminal: the mode and how to end.
    public static func scanStart(mode: ScanMode, shipment: String?) -> Message {
        let id = shipment.map { " \($0)" } ?? ""
        return Message(id: "Stasiun pindai, mode \(mode.word.indonesian)\(id). Pindai label atau ketik id ikatan lalu Enter; Ctrl-D untuk selesai.",
                       en: "Scanning station, \(mode.word.english) mode\(id). Scan a label, or type a bundle id and press Enter; Ctrl-D to finish.")
    }

    /// After an accepted pack: how many bundles the shipment holds now.
    public static func packedCount(_ count: Int, shipment: String) -> Message {
        Message(id: "\(count) ikatan di \(shipment)", en: count == 1 ? "1 bundle in \(shipment)" : "\(count) bundles in \(shipment)")
    }

    /// Said when the station was stopped by Ctrl-C or a stop signal, before the summary.
    public static let scanInterrupted = Message(id: "Dihentikan; semua pindaian yang sudah dijawab tersimpan.",
                                                en: "Stopped; every scan that was answered is saved.")
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

    /// The line under a control code's headline: when to scan it.
    public static func controlSubtitle(_ control: ControlCode) -> Message {
        switch control {
        case .mode(let mode):
            Message(id: "Pindai untuk beralih ke mode \(mode.word.indonesian)", en: "Scan to switch to \(mode.word.english) mode")
        case .shipment:
            Message(id: "Pindai untuk mengemas ke pengiriman ini", en: "Scan to pack into this shipment")
        case .operatorCode(let code):
            Message(id: "Pindai saat operator \(code) mulai bekerja", en: "Scan when operator \(code) takes over")
        }
    }

    /// The note that opens the command sheet: its title.
    public static let commandSheetNoteTitle = Message(id: "Lembar kode perintah Sapu", en: "Sapu control code sheet")

    /// What the codes do and how to use them at the station.
    public static let commandSheetInstructions: [Message] = [
        Message(id: "Kode ini mengatur stasiun pindai (sapu scan): mode, pengiriman, operator.",
                en: "These codes set the scanning station (sapu scan): mode, shipment, operator."),
        Message(id: "Pindai kode perintah, lalu pindai label ikatan; pengaturannya berlaku sampai kode lain dipindai.",
                en: "Scan a control code, then the bundles' labels; the setting holds until another code is scanned."),
        Message(id: "Hanya berlaku di stasiun lokasi ini. Mode MUSNAHKAN tidak punya kode.",
                en: "They work only at this site's stations. SCRAP mode has no code."),
    ]

    public static func commandSheetWritten(count: Int) -> Message {
        Message(id: "Lembar \(count) kode perintah ditulis", en: "Sheet of \(count) control codes written")
    }
}
