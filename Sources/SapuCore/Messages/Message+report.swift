/// Texts of the management reports: headings, columns, totals, chart captions and errors.
extension Message {
    // MARK: Titles

    public static let reportStockTitle = Message(id: "Laporan stok", en: "Stock report")
    public static let reportQCTitle = Message(id: "Laporan mutu (QC)", en: "Quality (QC) report")
    public static let reportMakersTitle = Message(id: "Laporan hasil kerja per pembuat", en: "Output per maker")
    public static let reportShipmentsTitle = Message(id: "Laporan pengiriman", en: "Shipments report")

    public static let reportNoData = Message(id: "tidak ada data pada periode ini", en: "no data in this period")
    public static let reportNoDataOnDay = Message(id: "tidak ada data pada tanggal ini", en: "no data on this day")

    public static func reportWritten(_ path: String) -> Message {
        Message(id: "Laporan ditulis ke \(path)", en: "Report written to \(path)")
    }

    public static func reportStockAsOf(_ date: CalendarDate?) -> Message {
        guard let date else { return Message(id: "Keadaan saat ini", en: "As of now") }
        return Message(id: "Keadaan pada akhir hari \(date.iso) (dari riwayat kegiatan)",
                       en: "As of the end of \(date.iso) (replayed from the event log)")
    }

    public static func reportPeriod(from: CalendarDate?, to: CalendarDate?) -> Message {
        switch (from, to) {
        case (nil, nil): Message(id: "Periode: seluruh riwayat", en: "Period: all history")
        case (let from?, nil): Message(id: "Periode: sejak \(from.iso)", en: "Period: from \(from.iso)")
        case (nil, let to?): Message(id: "Periode: sampai \(to.iso)", en: "Period: until \(to.iso)")
        case (let from?, let to?):
            Message(id: "Periode: \(from.iso) s.d. \(to.iso)", en: "Period: \(from.iso) to \(to.iso)")
        }
    }

    /// `at` as `2026-12-01 09:14:03 WIB`, the way every time is shown.
    public static func reportGenerated(site: String, name: String, at: String) -> Message {
        let place = name.isEmpty ? site : "\(name) (\(site))"
        return Message(id: "\(place), dibuat \(at)", en: "\(place), made \(at)")
    }

    // MARK: Columns

    public static let columnGroupDay = Message(id: "HARI", en: "DAY")
    public static let columnInspected = Message(id: "DIPERIKSA", en: "INSPECTED")
    public static let columnGradeA = Message(id: "A", en: "A")
    public static let columnGradeB = Message(id: "B", en: "B")
    public static let columnFailed = resultFail
    public static let columnPassRate = Message(id: "% LULUS", en: "PASS %")
    public static let columnReworks = Message(id: "PERBAIKAN", en: "REWORKS")
    public static let columnFinalYield = Message(id: "% LULUS AKHIR", en: "FINAL %")
    /// Re-inspections of bundles that had passed (docs/reports.md): not counted as rework.
    public static let columnRegrades = Message(id: "GRADE ULANG", en: "RE-GRADES")
    public static let columnDefect = Message(id: "CACAT", en: "DEFECT")
    public static let columnDefectName = Message(id: "KETERANGAN", en: "DESCRIPTION")
    public static let columnShare = Message(id: "%", en: "%")
    public static let columnCumulative = Message(id: "% KUMULATIF", en: "CUMULATIVE %")
    public static let columnBundles = Message(id: "IKATAN", en: "BUNDLES")
    public static let columnBrooms = Message(id: "SAPU", en: "BROOMS")
    public static let columnTotal = Message(id: "JUMLAH", en: "TOTAL")
    public static let columnShipments = Message(id: "PENGIRIMAN", en: "SHIPMENTS")
    public static let columnSent = Message(id: "DIKIRIM", en: "SENT")
    public static let columnReceived = Message(id: "DITERIMA", en: "RECEIVED")
    public static let columnMissing = Message(id: "HILANG", en: "MISSING")
    public static let columnDisputed = Message(id: "SENGKETA", en: "DISPUTED")
    public static let columnInTransit = Message(id: "DI JALAN", en: "IN TRANSIT")
    /// At the partner without being in the manifest (the receipt's `extra`).
    public static let columnExtra = Message(id: "TANPA MANIFEST", en: "EXTRA")
    /// Scans the partner refused as forged labels.
    public static let columnForged = Message(id: "LABEL PALSU", en: "FORGED")

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

    public static func reportYields(inspected: String, firstPass: String, final: String, reworks: String,
                                    regrades: String) -> Message {
        Message(id: "\(inspected) ikatan diperiksa pertama kali; lulus pertama kali \(firstPass) %, lulus setelah perbaikan \(final) % (\(reworks) pemeriksaan ulang setelah perbaikan, \(regrades) grade ulang ikatan yang sudah lulus)",
                en: "\(inspected) bundles inspected for the first time; first-pass yield \(firstPass) %, final yield after rework \(final) % (\(reworks) re-inspections after rework, \(regrades) re-grades of passed bundles)")
    }

    public static func reportFailedInspections(_ count: String) -> Message {
        Message(id: "\(count) hasil TIDAK LULUS (termasuk pemeriksaan ulang); satu ikatan bisa punya lebih dari satu cacat",
                en: "\(count) FAIL results (re-inspections included); one bundle can have more than one defect")
    }

    public static let reportNoFailures = Message(id: "Tidak ada hasil TIDAK LULUS pada periode ini.",
                                                 en: "No FAIL result in this period.")

    public static func reportMakersNote(makers: Int, bundles: String, brooms: String) -> Message {
        Message(id: "\(makers) pembuat, \(bundles) ikatan (\(brooms) sapu) diperiksa pertama kali pada periode ini",
                en: "\(makers) makers, \(bundles) bundles (\(brooms) brooms) inspected for the first time in this period")
    }

    // MARK: Key figures

    public static let highlightBundles = Message(id: "ikatan tercatat", en: "bundles on record")
    public static let highlightInStock = Message(id: "ikatan di gudang", en: "bundles in stock")
    public static let highlightQuarantined = Message(id: "ikatan di karantina", en: "bundles in quarantine")
    public static let highlightOnTheWay = Message(id: "ikatan dikemas atau dikirim", en: "bundles packed or shipped")
    public static let highlightInspected = Message(id: "ikatan diperiksa pertama kali", en: "bundles inspected for the first time")
    public static let highlightFirstPass = Message(id: "lulus pertama kali", en: "first-pass yield")
    public static let highlightFinal = Message(id: "lulus setelah perbaikan", en: "final yield after rework")
    public static let highlightReworks = Message(id: "pemeriksaan ulang setelah perbaikan", en: "re-inspections after rework")
    public static let highlightRegrades = Message(id: "grade ulang", en: "re-grades")
    public static let highlightMakers = Message(id: "pembuat", en: "makers")
    public static let highlightMakerBundles = Message(id: "ikatan dibuat", en: "bundles made")
    public static let highlightBrooms = Message(id: "sapu dibuat", en: "brooms made")
    public static let highlightShipments = Message(id: "pengiriman", en: "shipments")
    public static let highlightSent = Message(id: "ikatan dikirim", en: "bundles sent")
    public static let highlightReceived = Message(id: "ikatan diterima mitra", en: "bundles received")
    public static let highlightMissing = Message(id: "ikatan hilang atau disengketakan", en: "bundles missing or disputed")

    // MARK: Charts

    public static let reportStockChart = Message(id: "Stok per produk dan grade, menurut status",
                                                 en: "Stock per product and grade, by state")
    public static let reportResultsPerBatch = Message(id: "Hasil pemeriksaan pertama per batch",
                                                      en: "First-inspection results per batch")
    public static let reportResultsPerMaker = Message(id: "Hasil pemeriksaan pertama per pembuat",
                                                      en: "First-inspection results per maker")
    public static let reportResultsPerDay = Message(id: "Hasil pemeriksaan pertama per hari", en: "First-inspection results per day")
    public static let reportResultsPerMonth = Message(id: "Hasil pemeriksaan pertama per bulan",
                                                      en: "First-inspection results per month")
    public static let reportParetoChart = Message(id: "Penyebab cacat: jumlah dan persentase kumulatif",
                                                  en: "Defect causes: counts and cumulative share")
    public static let reportDefectCount = Message(id: "Jumlah", en: "Count")
    public static let reportMakersChart = Message(id: "Ikatan per pembuat menurut hasil pemeriksaan pertama",
                                                  en: "Bundles per maker by first-inspection result")
    public static let reportConsigneesChart = Message(id: "Nasib ikatan yang dikirim, per penerima",
                                                      en: "What became of the bundles sent, per consignee")
    public static let reportFailedSeries = Message(id: "Tidak lulus", en: "Fail")
    public static let reportCumulativeSeries = Message(id: "Kumulatif %", en: "Cumulative %")
    public static let reportInTransitSeries = Message(id: "Di jalan", en: "In transit")

    // MARK: Errors


    public static func historyProgress(_ date: CalendarDate) -> Message {
        Message(id: "riwayat tertulis sampai \(date.iso) …", en: "history written up to \(date.iso) …")
    }

    public static func historyGenerated(bundles: Int, events: Int, shipments: Int, seconds: Double) -> Message {
        let time = String(Int(seconds.rounded()))
        return Message(id: "Riwayat contoh: \(bundles) ikatan, \(events) kegiatan, \(shipments) pengiriman (\(time) detik)",
                       en: "Sample history: \(bundles) bundles, \(events) events, \(shipments) shipments (\(time) s)")
    }
}
