/// Texts the command line prints: column headings, confirmations, summaries.
extension Message {
    public static let errorPrefix = Message(id: "galat: ", en: "error: ")
    public static let yes = Message(id: "ya", en: "yes")
    public static let no = Message(id: "tidak", en: "no")
    public static let manualEntry = Message(id: "(diketik manual)", en: "(typed by hand)")
    public static let noBundlesYet = Message(id: "belum ada ikatan", en: "no bundles yet")
    public static let noBundlesOnHand = Message(
        id: "tidak ada ikatan di Lapas (semua ikatan: sapu stock --all)",
        en: "no bundles on hand (every bundle: sapu stock --all)")
    public static let stockHeadingOnHand = Message(
        id: "Stok di Lapas: diperiksa, di gudang, karantina, dikemas (semua ikatan: sapu stock --all)",
        en: "Stock on hand: inspected, in stock, quarantined, packed (every bundle: sapu stock --all)")
    public static let stockHeadingAll = Message(
        id: "Semua ikatan, termasuk yang dikirim, diterima, hilang, disengketakan, ada di mitra tanpa manifest, dikembalikan dan dimusnahkan",
        en: "Every bundle, including shipped, received, missing, disputed, at partner (not in manifest), returned and scrapped")

    /// Said once when stdout failed: whether the command's work is saved, and why nothing more could be printed.
    public static func outputLost(reason: Message, saved: Bool) -> Message {
        saved
            ? Message(id: "pekerjaan sudah disimpan, tetapi keluarannya tidak bisa ditulis (\(reason.indonesian)); jangan jalankan perintahnya lagi",
                      en: "the work was saved, but its output could not be written (\(reason.english)); do not run the command again")
            : Message(id: "keluaran tidak bisa ditulis (\(reason.indonesian))", en: "the output could not be written (\(reason.english))")
    }

    public static let outputDiskFull = Message(id: "disk penuh", en: "disk full")
    public static let outputIOError = Message(id: "kesalahan I/O", en: "I/O error")
    public static let outputClosed = Message(id: "keluaran standar tertutup", en: "standard output is closed")
    public static let outputTooLarge = Message(id: "berkas terlalu besar", en: "file too large")
    public static func outputSystemError(_ code: Int32) -> Message {
        Message(id: "kesalahan sistem \(code)", en: "system error \(code)")
    }

    public static let columnCode = Message(id: "KODE", en: "CODE")
    public static let columnName = Message(id: "NAMA", en: "NAME")
    public static let columnBundleSize = Message(id: "ISI/IKATAN", en: "PER BUNDLE")
    public static let columnActive = Message(id: "AKTIF", en: "ACTIVE")
    public static let columnBatch = Message(id: "BATCH", en: "BATCH")
    public static let columnProduct = Message(id: "PRODUK", en: "PRODUCT")
    public static let columnDate = Message(id: "TANGGAL", en: "DATE")
    public static let columnGrade = Message(id: "GRADE", en: "GRADE")
    public static let columnState = Message(id: "STATUS", en: "STATE")
    public static let columnCount = Message(id: "JUMLAH", en: "COUNT")
    public static let columnBundle = Message(id: "IKATAN", en: "BUNDLE")
    public static let columnMaker = Message(id: "PEMBUAT", en: "MAKER")
    public static let columnResult = Message(id: "HASIL QC", en: "QC RESULT")
    public static let columnLabel = Message(id: "LABEL", en: "LABEL")
    public static let columnTime = Message(id: "WAKTU", en: "TIME")
    public static let columnMove = Message(id: "KEGIATAN", en: "MOVE")
    public static let columnDetail = Message(id: "RINCIAN", en: "DETAIL")
    public static let columnOperator = Message(id: "OPERATOR", en: "OPERATOR")
    public static let columnStation = Message(id: "STASIUN", en: "STATION")
    public static let columnSite = Message(id: "LOKASI", en: "SITE")
    public static let columnKey = Message(id: "KUNCI", en: "KEY")
    public static let columnFingerprint = Message(id: "SIDIK JARI", en: "FINGERPRINT")
    public static let columnCurrent = Message(id: "AKTIF", en: "CURRENT")

    public static func initialised(site: String, database: String) -> Message {
        Message(id: "Database untuk lokasi \(site) dibuat: \(database)", en: "Database for site \(site) created: \(database)")
    }

    public static func initResumedKeptKey(privatePath: String) -> Message {
        Message(id: "sapu init sebelumnya terputus setelah menulis \(privatePath); kunci itu dipakai dan didaftarkan",
                en: "An earlier sapu init was interrupted after writing \(privatePath); that key is kept and registered")
    }

    public static func initResumedPublicKey(publicPath: String) -> Message {
        Message(id: "sapu init sebelumnya terputus setelah membuat database; \(publicPath) kini ditulis",
                en: "An earlier sapu init was interrupted after making the database; \(publicPath) is written now")
    }

    public static func initAlreadyMade(database: String) -> Message {
        Message(id: "sapu init sebelumnya dengan argumen yang sama sudah selesai membuat \(database); tidak ada yang diubah",
                en: "An earlier sapu init with the same arguments had already made \(database); nothing changed")
    }

    public static func keyWritten(privatePath: String, publicPath: String, keyID: String, fingerprint: String) -> Message {
        Message(id: "Kunci tanda tangan \(keyID) (sidik jari \(fingerprint)): privat \(privatePath) (hanya pemilik), publik \(publicPath)",
                en: "Signing key \(keyID) (fingerprint \(fingerprint)): private \(privatePath) (owner only), public \(publicPath)")
    }

    public static func keyRotated(keyID: String, fingerprint: String, publicPath: String) -> Message {
        Message(id: "Kunci baru \(keyID) (sidik jari \(fingerprint)) dipakai untuk label baru; kirim \(publicPath) ke mitra",
                en: "New key \(keyID) (fingerprint \(fingerprint)) signs new labels; send \(publicPath) to partners")
    }

    public static func publicKeyExported(path: String, keys: Int) -> Message {
        Message(id: "Kunci publik (\(keys) kunci) ditulis ke \(path)", en: "Public key file (\(keys) keys) written to \(path)")
    }

    public static func added(kind: CodeKind, code: String) -> Message {
        Message(id: "\(kind.noun.indonesian.capitalisedFirst) \(code) ditambahkan", en: "\(kind.noun.english.capitalisedFirst) \(code) added")
    }

    public static func productChanged(code: String, name: String, bundleSize: Int) -> Message {
        Message(id: "Produk \(code) (\(name)) sekarang \(bundleSize) sapu per ikatan",
                en: "Product \(code) (\(name)) now holds \(bundleSize) brooms per bundle")
    }

    public static func makerDeactivated(_ code: String) -> Message {
        Message(id: "Pembuat \(code) dinonaktifkan", en: "Maker \(code) deactivated")
    }

    public static func batchSummary(code: String, product: String, date: CalendarDate, bundles: Int, passed: Int) -> Message {
        Message(id: "Batch \(code): \(product), \(date.iso), \(bundles) ikatan, \(passed) lulus",
                en: "Batch \(code): \(product), \(date.iso), \(bundles) bundles, \(passed) passed")
    }

    public static func bundleHeader(id: String, product: String, maker: String, result: Message, state: BundleState,
                                    labelRevision: Int, labelCurrent: Bool) -> Message {
        let label = labelRevision == 0 ? Message(id: "belum ada", en: "none yet")
            : labelShown(revision: labelRevision, current: labelCurrent)
        return Message(id: "\(id)  \(product)  pembuat \(maker)  \(result.indonesian)  status: \(state.message.indonesian)  label: \(label.indonesian)",
                       en: "\(id)  \(product)  maker \(maker)  \(result.english)  state: \(state.message.english)  label: \(label.english)")
    }

    /// The revision of a bundle's last label; one written before its latest re-inspection
    /// no longer counts (a station refuses it), and says so: `R1 (tidak berlaku)`.
    public static func labelShown(revision: Int, current: Bool) -> Message {
        current ? Message(id: "R\(revision)", en: "R\(revision)")
            : Message(id: "R\(revision) (tidak berlaku)", en: "R\(revision) (not current)")
    }

    /// A QC result as people say it: `LULUS A` / `PASS A`, `TIDAK LULUS: Ikatan longgar` / `FAIL: Loose binding`.
    public static func result(_ result: QCResult, defects: DefectNames) -> Message {
        switch result {
        case .pass(let grade):
            return Message(id: "LULUS \(grade.rawValue)", en: "PASS \(grade.rawValue)")
        case .fail(let codes):
            let names = defects.names(codes)
            return Message(id: "\(resultFail.indonesian): \(names.indonesian)", en: "\(resultFail.english): \(names.english)")
        }
    }

    /// The one word for a failed QC result, in tables, on labels and in reports.
    public static let resultFail = Message(id: "TIDAK LULUS", en: "FAIL")

    /// A grade column's cell: `A`, `B`, or the failed result's word where the records say `FAIL`.
    public static func grade(_ grade: String) -> Message {
        grade == "FAIL" ? resultFail : Message(id: grade, en: grade)
    }

    public static func total(_ count: Int) -> Message {
        Message(id: "Total: \(count) ikatan", en: "Total: \(count) bundles")
    }
}

extension String {
    /// The string with its first letter upper-cased.
    public var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// A command line the parser could not read: one line in the user's language, with where to look.
extension Message {
    public static func commandLineProblem(_ problem: Message, help: String) -> Message {
        Message(id: "\(problem.indonesian); lihat '\(help)'", en: "\(problem.english); see '\(help)'")
    }

    public static func unknownOption(_ name: String, suggestion: String?) -> Message {
        Message(id: "opsi tidak dikenal '\(name.visible)'" + (suggestion.map { " (maksud Anda '\($0)'?)" } ?? ""),
                en: "unknown option '\(name.visible)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
    }

    public static func optionNeedsValue(_ name: String) -> Message {
        Message(id: "opsi \(name) butuh nilai", en: "option \(name) needs a value")
    }

    public static func optionRequired(_ name: String) -> Message {
        Message(id: "opsi \(name) wajib diisi", en: "option \(name) is required")
    }

    public static func argumentRequired(_ name: String) -> Message {
        Message(id: "argumen \(name) wajib diisi", en: "argument \(name) is required")
    }

    public static func oneOfRequired(_ names: [String]) -> Message {
        Message(id: "salah satu dari \(Message.list(names, conjunction: "atau")) wajib diisi",
                en: "one of \(Message.list(names, conjunction: "or")) is required")
    }

    public static func unexpectedArguments(_ values: [String]) -> Message {
        let quoted = values.map { "'\($0.visible)'" }
        return Message(id: "argumen tak terduga \(quoted.joined(separator: ", "))",
                       en: (values.count == 1 ? "unexpected argument " : "unexpected arguments ") + quoted.joined(separator: ", "))
    }

    public static func invalidOptionValue(option: String, value: String) -> Message {
        Message(id: "nilai '\(value.visible)' tidak sah untuk \(option)", en: "invalid value '\(value.visible)' for \(option)")
    }

    public static func optionTakesNoValue(_ name: String, value: String) -> Message {
        Message(id: "opsi \(name) tidak menerima nilai (diberi '\(value.visible)')",
                en: "option \(name) takes no value (given '\(value.visible)')")
    }

    public static func unknownSubcommand(_ name: String) -> Message {
        Message(id: "perintah tidak dikenal '\(name.visible)'", en: "unknown command '\(name.visible)'")
    }

    public static let optionGivenTwice = Message(id: "opsi yang sama diberikan dua kali", en: "the same option is given twice")
    public static let subcommandRequired = Message(id: "sebutkan subperintahnya", en: "name a subcommand")

    public static func invalidOption(_ text: String) -> Message {
        Message(id: "opsi tidak sah: \(text.visible)", en: "invalid option: \(text.visible)")
    }

    /// A parser message of a shape Sapu does not know; its reason stays the parser's own (English).
    public static func unreadableCommandLine(_ reason: String) -> Message {
        Message(id: "perintah tidak bisa dibaca: \(reason.visible)", en: "the command line cannot be read: \(reason.visible)")
    }
}
