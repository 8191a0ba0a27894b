/// Texts printed on labels and by `sapu label`.
extension Message {
    public static func labelBatch(_ batch: String) -> Message { Message(id: "Batch \(batch)", en: "Batch \(batch)") }
    public static func labelMaker(_ maker: String) -> Message { Message(id: "Pembuat \(maker)", en: "Maker \(maker)") }
    public static func labelDate(_ date: CalendarDate) -> Message {
        Message(id: "Tgl QC \(date.iso)", en: "QC date \(date.iso)")
    }
    public static func labelPass(_ grade: Grade) -> Message {
        Message(id: "LULUS QC · GRADE \(grade.rawValue)", en: "QC PASS · GRADE \(grade.rawValue)")
    }
    public static let labelFail = resultFail

    public static let columnSize = Message(id: "UKURAN", en: "SIZE")
    public static let columnDPI = Message(id: "DPI", en: "DPI")
    public static let columnQR = Message(id: "QR", en: "QR")
    /// The error-correction level a typical passed bundle's label gets.
    public static let columnQRLevelPass = Message(id: "QR LULUS", en: "QR PASS")
    /// The error-correction level a typical failed bundle's label gets.
    public static let columnQRLevelFail = Message(id: "QR TIDAK LULUS", en: "QR FAIL")
    public static let columnDescription = Message(id: "KETERANGAN", en: "DESCRIPTION")

    /// Label files were written (not printed: nothing is sent to a printer); `sameRevision`
    /// of them are the current label written again (`--again`).
    public static func labelsWritten(count: Int, sameRevision: Int, template: String, format: String) -> Message {
        if sameRevision == 0 {
            return Message(id: "\(count) label ditulis (templat \(template), \(format))",
                           en: "\(englishCount(count, "label")) written (template \(template), \(format))")
        }
        if sameRevision == count {
            return Message(id: "\(count) label ditulis ulang, revisi yang sama (templat \(template), \(format))",
                           en: "\(englishCount(count, "label")) written again, same revision (template \(template), \(format))")
        }
        return Message(id: "\(count) label ditulis, \(sameRevision) di antaranya ditulis ulang dengan revisi yang sama; yang lain revisi baru karena kunci tanda tangan berganti (templat \(template), \(format))",
                       en: "\(count) labels written, \(sameRevision) of them again with the same revision; the others get a new revision because the signing key changed (template \(template), \(format))")
    }

    /// Labels were sent to a CUPS queue and CUPS accepted the job `job`; `sameRevision` of
    /// them are the current label printed again (`--again`).
    public static func labelsPrinted(count: Int, sameRevision: Int, printer: String, job: String, template: String,
                                     language: String) -> Message {
        let again: Message = sameRevision == 0 ? Message(id: "", en: "")
            : sameRevision == count ? Message(id: ", dicetak ulang dengan revisi yang sama", en: ", again with the same revision")
            : Message(id: ", \(sameRevision) di antaranya dicetak ulang dengan revisi yang sama",
                      en: ", \(sameRevision) of them again with the same revision")
        return Message(id: "Dicetak ke \(printer): \(count) label\(again.indonesian), pekerjaan \(job) (templat \(template), \(language))",
                       en: "Printed to \(printer): \(englishCount(count, "label"))\(again.english), job \(job) (template \(template), \(language))")
    }

    /// `--format pdf` without `--template` took the A4 sticker sheet.
    public static func labelsSheetChosen(template: String) -> Message {
        Message(id: "--format pdf tanpa --template: memakai lembar stiker A4 \(template); untuk satu halaman per label pakai --template thermal-50x30",
                en: "--format pdf without --template: using the A4 sticker sheet \(template); for one page per label use --template thermal-50x30")
    }

    /// The states of a CUPS queue in `sapu printers`.
    public static let printerIdle = Message(id: "siap", en: "idle")
    public static let printerPrinting = Message(id: "mencetak", en: "printing")
    public static let printerStopped = Message(id: "berhenti", en: "stopped")
    public static let columnAccepting = Message(id: "MENERIMA", en: "ACCEPTING")
    public static let columnDevice = Message(id: "PERANGKAT", en: "DEVICE")
    public static let columnDefault = Message(id: "BAWAAN", en: "DEFAULT")
    /// CUPS runs but has no queue.
    public static let noPrinters = Message(id: "CUPS belum punya antrean printer; tambahkan dengan lpadmin (lihat docs/printing.md)",
                                           en: "CUPS has no printer queues yet; add one with lpadmin (see docs/printing.md)")

    /// `sapu label --batch` passed over bundles whose current label was already written.
    public static func labelsSkippedCurrent(count: Int, batch: String) -> Message {
        Message(id: "\(count) ikatan dilewati karena sudah punya label yang berlaku; untuk menulis ulang: sapu label --batch \(batch) --again",
                en: count == 1 ? "1 bundle skipped: it already has a current label; to write it again: sapu label --batch \(batch) --again"
                    : "\(count) bundles skipped: they already have a current label; to write them again: sapu label --batch \(batch) --again")
    }

    /// `sapu label --batch --again` passed over bundles with no current label to write again.
    public static func labelsSkippedNotCurrent(count: Int, batch: String) -> Message {
        Message(id: "\(count) ikatan dilewati karena belum punya label yang berlaku; tulis labelnya tanpa --again: sapu label --batch \(batch)",
                en: count == 1 ? "1 bundle skipped: it has no current label yet; write its label without --again: sapu label --batch \(batch)"
                    : "\(count) bundles skipped: they have no current label yet; write their labels without --again: sapu label --batch \(batch)")
    }

    /// `sapu label --batch` found every label of the batch already written.
    public static func labelsAllCurrent(count: Int, batch: String) -> Message {
        Message(id: "Tidak ada label yang ditulis: \(count) ikatan batch \(batch) sudah punya label yang berlaku; untuk menulis ulang: sapu label --batch \(batch) --again",
                en: count == 1 ? "No labels written: the 1 bundle of batch \(batch) already has a current label; to write it again: sapu label --batch \(batch) --again"
                    : "No labels written: the \(count) bundles of batch \(batch) already have a current label; to write them again: sapu label --batch \(batch) --again")
    }
}

extension Message {
    /// A template's description as `sapu label templates` shows it: the shipped templates' in
    /// the user's language; a site's own template file says what it says, in both.
    public static func templateDescription(_ text: String) -> Message {
        switch text {
        case "A4 sticker sheet, 3 x 7 labels of 63.5 x 38.1 mm with 2.5 mm column gaps (21 per page)":
            Message(id: "Lembar stiker A4, 3 x 7 label 63,5 x 38,1 mm dengan jarak kolom 2,5 mm (21 per halaman)", en: text)
        case "A4 sticker sheet, 3 x 8 labels of 70 x 37 mm without gaps (24 per page)":
            Message(id: "Lembar stiker A4, 3 x 8 label 70 x 37 mm tanpa jarak (24 per halaman)", en: text)
        case "Roll label 50 x 30 mm for a 203 dpi thermal printer; one label per PNG, PDF page or ZPL block":
            Message(id: "Label gulung 50 x 30 mm untuk printer termal 203 dpi; satu label per PNG, halaman PDF atau blok ZPL", en: text)
        case "Roll label 60 x 40 mm for a 203 dpi thermal printer; one label per PNG, PDF page or ZPL block":
            Message(id: "Label gulung 60 x 40 mm untuk printer termal 203 dpi; satu label per PNG, halaman PDF atau blok ZPL", en: text)
        default:
            Message(id: text, en: text)
        }
    }
}
