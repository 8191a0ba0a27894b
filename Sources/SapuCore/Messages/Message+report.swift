/// Texts of the management reports: headings, columns, totals, chart captions and errors.
extension Message {
    // MARK: Titles

    public static let reportStockTitle = Message(id: "Laporan stok", en: "Stock report")
    public static let reportQCTitle = Message(id: "Laporan mutu (QC)", en: "Quality (QC) report")
    public static let reportMakersTitle = Message(id: "Laporan hasil kerja per pembuat", en: "Output per maker")
    public static let reportShipmentsTitle = Message(id: "Laporan pengiriman", en: "Shipments report")

    public static let reportNoData = Message(id: "tidak ada data pada periode ini", en: "no data in this period")

    public static func reportStockAsOf(_ date: CalendarDate?) -> Message {
        guard let date else { return Message(id: "Keadaan saat ini", en: "As of now") }
        return Message(id: "Keadaan pada akhir hari \(date.indonesian) (dari riwayat kegiatan)",
                       en: "As of the end of \(date.iso) (replayed from the event log)")
    }

    public static func reportPeriod(from: CalendarDate?, to: CalendarDate?) -> Message {
        switch (from, to) {
        case (nil, nil): Message(id: "Periode: seluruh riwayat", en: "Period: all history")
        case (let from?, nil): Message(id: "Periode: sejak \(from.indonesian)", en: "Period: from \(from.iso)")
        case (nil, let to?): Message(id: "Periode: sampai \(to.indonesian)", en: "Period: until \(to.iso)")
        case (let from?, let to?):
            Message(id: "Periode: \(from.indonesian) s.d. \(to.indonesian)", en: "Period: \(from.iso) to \(to.iso)")
        }
    }

    public static func reportGenerated(site: String, at: Instant) -> Message {
        Message(id: "Lokasi \(site), dibuat \(at.date.indonesian) \(at.clock)", en: "Site \(site), made \(at.date.iso) \(at.clock)")
    }

    // MARK: Columns

    public static let columnGroupDay = Message(id: "HARI", en: "DAY")
    public static let columnInspected = Message(id: "DIPERIKSA", en: "INSPECTED")
    public static let columnGradeA = Message(id: "A", en: "A")
    public static let columnGradeB = Message(id: "B", en: "B")
    public static let columnFailed = Message(id: "GAGAL", en: "FAILED")
    public static let columnPassRate = Message(id: "% LULUS", en: "PASS %")
    public static let columnReworks = Message(id: "PERBAIKAN", en: "REWORKS")
    public static let columnFinalYield = Message(id: "% LULUS AKHIR", en: "FINAL %")
    public static let columnDefect = Message(id: "CACAT", en: "DEFECT")
    public static let columnDefectName = Message(id: "KETERANGAN", en: "DESCRIPTION")
    public static let columnShare = Message(id: "%", en: "%")
    public static let columnCumulative = Message(id: "% KUMULATIF", en: "CUMULATIVE %")
    public static let columnBundles = Message(id: "IKAT", en: "BUNDLES")
    public static let columnBrooms = Message(id: "SAPU", en: "BROOMS")
    public static let columnTotal = Message(id: "JUMLAH", en: "TOTAL")
    public static let columnShipments = Message(id: "PENGIRIMAN", en: "SHIPMENTS")
    public static let columnSent = Message(id: "DIKIRIM", en: "SENT")
    public static let columnReceived = Message(id: "DITERIMA", en: "RECEIVED")
    public static let columnMissing = Message(id: "HILANG", en: "MISSING")
    public static let columnDisputed = Message(id: "SENGKETA", en: "DISPUTED")
    public static let columnInTransit = Message(id: "DI JALAN", en: "IN TRANSIT")

    public static func column(for grouping: ReportGrouping) -> Message {
        switch grouping {
        case .batch: .columnBatch
        case .maker: .columnMaker
        case .product: .columnProduct
        case .day: .columnGroupDay
        }
    }

    // MARK: Sections and totals

    public static let reportDefectsTitle = Message(id: "Penyebab cacat (Pareto)", en: "Defect causes (Pareto)")
    public static let reportConsigneesTitle = Message(id: "Jumlah per penerima", en: "Totals per consignee")
    public static let reportAllRows = Message(id: "SEMUA", en: "ALL")

    public static func reportYields(inspected: Int, firstPass: String, final: String, reworks: Int) -> Message {
        Message(id: "\(inspected) ikatan diperiksa; lulus pertama kali \(firstPass) %, lulus setelah perbaikan \(final) % (\(reworks) pemeriksaan ulang)",
                en: "\(inspected) bundles inspected; first-pass yield \(firstPass) %, final yield after rework \(final) % (\(reworks) re-inspections)")
    }

    public static func reportFailedInspections(_ count: Int) -> Message {
        Message(id: "\(count) pemeriksaan gagal; satu ikatan bisa punya lebih dari satu cacat",
                en: "\(count) failed inspections; one bundle can have more than one defect")
    }

    // MARK: Errors

    public static func reportError(_ error: ReportError) -> Message {
        switch error {
        case .store(let error):
            error.message
        case .reversedRange(let from, let to):
            Message(id: "periode terbalik: --from \(from.iso) sesudah --to \(to.iso)",
                    en: "reversed period: --from \(from.iso) is after --to \(to.iso)")
        case .unknownGrouping(let text):
            Message(id: "--by tidak dikenal: \"\(text)\" (pakai \(ReportGrouping.choices))",
                    en: "unknown --by: \"\(text)\" (use \(ReportGrouping.choices))")
        case .unknownFormat(let text):
            Message(id: "--format tidak dikenal: \"\(text)\" (pakai \(ReportFormat.choices))",
                    en: "unknown --format: \"\(text)\" (use \(ReportFormat.choices))")
        case .databaseNotEmpty(let path):
            Message(id: "database \(path) sudah berisi ikatan; riwayat contoh hanya untuk database baru",
                    en: "database \(path) already holds bundles; the sample history only goes into a new database")
        }
    }

    public static func historyGenerated(bundles: Int, events: Int, shipments: Int, seconds: Double) -> Message {
        let time = String(Int(seconds.rounded()))
        return Message(id: "Riwayat contoh: \(bundles) ikatan, \(events) kegiatan, \(shipments) pengiriman (\(time) detik)",
                       en: "Sample history: \(bundles) bundles, \(events) events, \(shipments) shipments (\(time) s)")
    }
}
