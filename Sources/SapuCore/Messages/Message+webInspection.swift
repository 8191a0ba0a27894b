/// The words of the QC desk in the browser: inspection, labels, and the bundle page.
extension Message {
    // MARK: - inspection page

    public static let webInspectTitle = Message(id: "Pemeriksaan QC", en: "QC inspection")
    public static let webInspectNewHeading = Message(id: "Ikatan baru", en: "New bundles")
    public static let webInspectBatch = Message(id: "Batch", en: "Batch")
    public static let webInspectMaker = Message(id: "Pembuat", en: "Maker")
    public static let webInspectResult = Message(id: "Hasil QC", en: "QC result")
    public static let webInspectPass = Message(id: "LULUS", en: "PASS")
    public static let webInspectFail = Message(id: "TIDAK LULUS", en: "FAIL")
    public static let webInspectGrade = Message(id: "Grade (bila lulus)", en: "Grade (when passed)")
    public static let webInspectDefects = Message(id: "Cacat (bila tidak lulus)", en: "Defects (when failed)")
    public static let webInspectCount = Message(id: "Jumlah ikatan", en: "Number of bundles")
    public static func webInspectConfirm(threshold: Int) -> Message {
        Message(id: "Jumlahnya sudah saya periksa (wajib bila lebih dari \(threshold) ikatan)",
                en: "I have checked the number (required for more than \(threshold) bundles)")
    }
    public static let webInspectButton = Message(id: "Simpan pemeriksaan", en: "Record inspection")
    public static let webInspectNoBatch = Message(
        id: "Belum ada batch dalam 7 hari terakhir: buat batch hari ini di bawah.",
        en: "No batch in the last 7 days: create today's batch below.")
    public static let webInspectNoMaker = Message(
        id: "Belum ada pembuat yang aktif: admin menambahkannya dengan sapu maker add KODE.",
        en: "No active makers yet: an admin adds them with sapu maker add CODE.")
    public static let webInspectChoose = Message(id: "— pilih —", en: "— choose —")
    public static let webBatchHeading = Message(id: "Batch hari ini", en: "Today's batch")
    public static let webBatchProduct = Message(id: "Produk", en: "Product")
    public static let webBatchButton = Message(id: "Buat batch hari ini", en: "Create today's batch")
    public static func webBatchCreated(_ code: String) -> Message {
        Message(id: "Batch \(code) dibuat.", en: "Batch \(code) created.")
    }
    public static let webAgainHeading = Message(id: "Pemeriksaan ulang sesudah diperbaiki", en: "Re-inspection after rework")
    public static let webAgainBundles = Message(id: "Id ikatan (pisahkan dengan spasi, koma atau baris baru)",
                                                en: "Bundle ids (separated by spaces, commas or new lines)")
    public static let webAgainButton = Message(id: "Simpan pemeriksaan ulang", en: "Record re-inspection")
    public static func webInspected(count: Int) -> Message {
        Message(id: "\(count) ikatan dicatat.", en: count == 1 ? "1 bundle recorded." : "\(count) bundles recorded.")
    }
    public static func webReinspected(count: Int) -> Message {
        Message(id: "\(count) ikatan diperiksa ulang.", en: count == 1 ? "1 bundle re-inspected." : "\(count) bundles re-inspected.")
    }
    public static let webInspectedHeading = Message(id: "Ikatan yang baru dicatat", en: "Bundles just recorded")
    public static let webLabelsForThese = Message(id: "Label untuk ikatan ini", en: "Labels for these bundles")

    // Refusals as the page words them (the CLI's name its options).
    public static let webInspectChooseResult = Message(
        id: "pilih LULUS dengan grade A atau B, atau TIDAK LULUS dengan paling sedikit satu cacat; tidak ada yang diubah",
        en: "choose PASS with grade A or B, or FAIL with at least one defect; nothing was changed")
    public static func webInspectConfirmNeeded(count: Int) -> Message {
        Message(id: "\(count) ikatan baru sekaligus (lebih dari \(Confirmation.threshold)): centang konfirmasi jumlah bila memang benar; tidak ada yang diubah",
                en: "\(count) new bundles at once (more than \(Confirmation.threshold)): tick the confirmation if the number is right; nothing was changed")
    }

    // MARK: - labels page

    public static let webLabelsTitle = Message(id: "Label", en: "Labels")
    public static let webLabelsBundles = Message(id: "Id ikatan (pisahkan dengan spasi, koma atau baris baru)",
                                                 en: "Bundle ids (separated by spaces, commas or new lines)")
    public static let webLabelsBatch = Message(id: "atau seluruh batch", en: "or a whole batch")
    public static let webLabelsNoBatch = Message(id: "— tidak —", en: "— none —")
    public static let webLabelsTemplate = Message(id: "Templat", en: "Template")
    public static let webLabelsUsualTemplate = Message(id: "biasa untuk formatnya", en: "usual for the format")
    public static let webLabelsFormat = Message(id: "Format berkas", en: "File format")
    public static let webLabelsAgain = Message(id: "Tulis ulang label yang berlaku (cetak ulang, revisi sama)",
                                               en: "Write the current labels again (reprint, same revision)")
    public static let webLabelsPrinter = Message(id: "Printer", en: "Printer")
    public static let webLabelsNoPrinter = Message(id: "tidak ada: tulis berkas untuk diunduh", en: "none: write files to download")
    public static let webLabelsButton = Message(id: "Buat label", en: "Make labels")
    public static let webLabelsFiles = Message(id: "Berkas label", en: "Label files")
    public static let webLabelsPrinterHint = Message(
        id: "Dengan printer, format berkas tidak dipakai: printer menerima bahasa templatnya.",
        en: "With a printer the file format is not used: the printer gets its template's language.")
    public static let webLabelsBundlesOrBatch = Message(
        id: "isi id ikatan atau pilih satu batch (salah satu); tidak ada yang diubah",
        en: "give bundle ids or choose one batch (one of them); nothing was changed")
    public static func webLabelsAlreadyCurrent(_ bundles: [String]) -> Message {
        Message(id: "\(SapuError.bundleList(bundles).indonesian) sudah punya label yang berlaku; untuk menulis ulang label yang sama, centang \"tulis ulang\"; tidak ada yang ditulis",
                en: "\(SapuError.bundleList(bundles).english) already \(bundles.count == 1 ? "has" : "have") a current label; to write the same label again, tick \"write again\"; nothing was written")
    }
    public static func webLabelsNothingToReprint(_ bundles: [String]) -> Message {
        Message(id: "\(SapuError.bundleList(bundles).indonesian) belum punya label yang berlaku untuk ditulis ulang; hapus centang \"tulis ulang\"; tidak ada yang ditulis",
                en: "\(SapuError.bundleList(bundles).english) \(bundles.count == 1 ? "has" : "have") no current label to write again; untick \"write again\"; nothing was written")
    }
    public static func webLabelsBatchNothingToReprint(_ batch: String) -> Message {
        Message(id: "batch \(batch) belum punya ikatan dengan label yang berlaku untuk ditulis ulang; hapus centang \"tulis ulang\"",
                en: "batch \(batch) has no bundle with a current label to write again; untick \"write again\"")
    }
    public static func webLabelsThermalOnly(template: String, format: String) -> Message {
        Message(id: "\(format) hanya untuk printer termal, sedangkan templat \(template) adalah lembar stiker: pilih format PDF; tidak ada yang ditulis",
                en: "\(format) is for thermal printers only, and template \(template) is a sticker sheet: choose PDF; nothing was written")
    }
    public static func webLabelsAllCurrent(count: Int, batch: String) -> Message {
        Message(id: "Tidak ada label yang ditulis: \(count) ikatan batch \(batch) sudah punya label yang berlaku; untuk menulis ulang, centang \"tulis ulang\".",
                en: "No labels written: the \(count) bundles of batch \(batch) already have a current label; to write them again, tick \"write again\".")
    }
    public static func webLabelsSkippedCurrent(count: Int) -> Message {
        Message(id: "\(count) ikatan dilewati karena sudah punya label yang berlaku.",
                en: count == 1 ? "1 bundle skipped: it already has a current label." : "\(count) bundles skipped: they already have a current label.")
    }
    public static func webLabelsSkippedNotCurrent(count: Int) -> Message {
        Message(id: "\(count) ikatan dilewati karena belum punya label yang berlaku.",
                en: count == 1 ? "1 bundle skipped: it has no current label yet." : "\(count) bundles skipped: they have no current label yet.")
    }
    public static func webLabelsSheetChosen(template: String) -> Message {
        Message(id: "PDF tanpa templat: memakai lembar stiker A4 \(template).", en: "PDF without a template: using the A4 sticker sheet \(template).")
    }

    // MARK: - bundle page

    public static let webBundlesTitle = Message(id: "Ikatan", en: "Bundles")
    public static func webBundleTitle(_ id: String) -> Message { Message(id: "Ikatan \(id)", en: "Bundle \(id)") }
    public static let webBundleSearch = Message(id: "Id ikatan, atau pindai labelnya", en: "Bundle id, or scan its label")
    public static let webBundleFind = Message(id: "Cari", en: "Find")
    public static let webBundleSearchHint = Message(
        id: "Id yang diketik dicatat sebagai isian manual dan tidak membuktikan apa pun; label yang dipindai diperiksa tanda tangannya.",
        en: "A typed id is a manual entry and proves nothing; a scanned label has its signature checked.")
    public static let webBundleState = Message(id: "Status", en: "State")
    public static let webBundleLabel = Message(id: "Label", en: "Label")
    public static let webBundleNoLabel = Message(id: "belum pernah diberi label", en: "never labelled")
    public static let webBundleLabelText = Message(id: "Teks label", en: "Label text")
    public static func webBundleRevision(_ revision: Int) -> Message { Message(id: "Revisi R\(revision)", en: "Revision R\(revision)") }
    public static let webBundleHistory = Message(id: "Riwayat", en: "History")
    public static let webBundleWhen = Message(id: "Waktu", en: "When")
    public static let webBundleWhat = Message(id: "Kejadian", en: "What")
    public static let webBundleDetail = Message(id: "Rincian", en: "Detail")
    public static let webBundleWho = Message(id: "Oleh", en: "Who")
    public static let webBundleStation = Message(id: "Stasiun", en: "Station")
    public static let webBundleTyped = Message(
        id: "Isian manual: id ikatan diketik, tidak ada label yang diperiksa. Ini tidak membuktikan apa pun tentang label di ikatan.",
        en: "Manual entry: a typed bundle id, no label was checked. This proves nothing about the label on the bundle.")
    public static func webBundleVerified(revision: Int) -> Message {
        Message(id: "Label terverifikasi: tanda tangan situs sah, revisi R\(revision), sama dengan label yang berlaku.",
                en: "Label verified: the site's signature is valid, revision R\(revision), the bundle's current label.")
    }
    public static func webBundleVerifiedButNot(revision: Int) -> Message {
        Message(id: "Tanda tangan label R\(revision) sah, tetapi ini bukan label yang berlaku:",
                en: "Label R\(revision) has a valid signature, but it is not the bundle's current label:")
    }
    public static let webBundlePrintLabel = Message(id: "Label ikatan ini", en: "Labels for this bundle")
    public static let webBundleReinspect = Message(id: "Periksa ulang ikatan ini", en: "Re-inspect this bundle")
}
