/// The words of the reports pages of `sapu serve` (`/reports`, `/reports/KIND`).
extension Message {
    // MARK: - reports list

    public static let webReportsTitle = Message(id: "Laporan", en: "Reports")
    public static let webReportsIntro = Message(
        id: "Setiap laporan bisa dipilih periodenya, dilihat di sini sebagai grafik dan tabel, dan diunduh sebagai CSV untuk spreadsheet.",
        en: "Choose each report's period, see it here as charts and tables, and download it as CSV for a spreadsheet.")
    public static let webReportStockAbout = Message(
        id: "Ikatan per produk, grade dan keadaan: sekarang, atau pada akhir suatu hari (dihitung ulang dari riwayat kegiatan).",
        en: "Bundles by product, grade and state: now, or at the end of a past day (replayed from the event log).")
    public static let webReportQCAbout = Message(
        id: "Persentase lulus per batch, pembuat, produk atau hari; lulus pertama kali dibanding lulus setelah perbaikan; penyebab cacat.",
        en: "Pass rates by batch, maker, product or day; first-pass against final yield after rework; defect causes.")
    public static let webReportMakersAbout = Message(
        id: "Hasil kerja tiap pembuat dalam satu periode: ikatan, sapu, grade, TIDAK LULUS dan perbaikan, menurut kode pembuat.",
        en: "Each maker's output over a period: bundles, brooms, grades, FAIL results and rework, by maker code.")
    public static let webReportShipmentsAbout = Message(
        id: "Isi tiap pengiriman dan apa yang sudah dikonfirmasi mitra: diterima, hilang, disengketakan, masih di jalan.",
        en: "What each shipment sent and what the partner confirmed: received, missing, disputed, still on the way.")

    // MARK: - report form

    public static let webReportFrom = Message(id: "Dari tanggal", en: "From")
    public static let webReportTo = Message(id: "Sampai tanggal", en: "To")
    public static let webReportPeriodHint = Message(
        id: "Kedua tanggal ikut dihitung; kosongkan untuk seluruh riwayat.",
        en: "Both days are included; leave them empty for all history.")
    public static let webReportAt = Message(id: "Keadaan pada akhir hari", en: "As of the end of the day")
    public static let webReportAtHint = Message(id: "Kosongkan untuk keadaan sekarang.", en: "Leave it empty for now.")
    public static let webReportBy = Message(id: "Baris per", en: "Rows per")
    public static let webReportNames = Message(id: "Tampilkan nama pembuat", en: "Show makers' names")
    public static let webReportNamesHint = Message(
        id: "Nama pembuat tidak pernah keluar dari Lapas: jangan kirim atau cetak laporan bernama untuk pihak luar.",
        en: "Makers' names never leave the site: do not send or print a report with names for anyone outside.")
    public static let webReportShow = Message(id: "Tampilkan", en: "Show")
    public static let webReportQuickPeriod = Message(id: "Periode cepat:", en: "Quick period:")
    public static let webReportAllHistory = Message(id: "seluruh riwayat", en: "all history")
    public static let webReportDownloadCSV = Message(id: "Unduh CSV", en: "Download CSV")
    public static let webReportJSON = Message(id: "JSON", en: "JSON")
    public static let webReportFormat = Message(id: "format", en: "format")
    public static let webReportPeriodWord = Message(id: "periode", en: "period")

    // MARK: - report refusals

    /// A date field that is not a date; `problem` says why, as `sapu report` would.
    public static func webReportBadField(_ field: Message, problem: Message) -> Message {
        Message(id: "\(field.indonesian): \(problem.indonesian); tidak ada laporan dibuat",
                en: "\(field.english): \(problem.english); no report was made")
    }

    public static func webReportPeriodReversed(from: CalendarDate, to: CalendarDate) -> Message {
        Message(id: "periode terbalik: \"Dari tanggal\" \(from.iso) sesudah \"Sampai tanggal\" \(to.iso); tidak ada laporan dibuat",
                en: "reversed period: \"From\" \(from.iso) is after \"To\" \(to.iso); no report was made")
    }

    /// The words of a quick period, as a link shows them and `?period=` takes them.
    public static func webReportPreset(_ preset: ReportPreset) -> Message {
        switch preset {
        case .today: Message(id: "hari ini", en: "today")
        case .week: Message(id: "minggu ini", en: "this week")
        case .month: Message(id: "bulan ini", en: "this month")
        }
    }
}
