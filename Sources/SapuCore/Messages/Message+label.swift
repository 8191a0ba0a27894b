/// Texts printed on labels and by `sapu label`.
extension Message {
    public static func labelBatch(_ batch: String) -> Message { Message(id: "Batch \(batch)", en: "Batch \(batch)") }
    public static func labelMaker(_ maker: String) -> Message { Message(id: "Pembuat \(maker)", en: "Maker \(maker)") }
    public static func labelDate(_ date: CalendarDate) -> Message {
        Message(id: "Tgl QC \(date.iso)", en: "QC date \(date.iso)")
    }
    public static let labelFail = resultFail
    /// Beside a passed bundle's big grade letter.
    public static let labelPassed = Message(id: "LULUS QC", en: "QC PASS")
    /// What a bundle holds, after the workshop on its label.
    public static func labelContent(_ count: Int) -> Message { Message(id: "isi \(count)", en: "\(count) pcs") }

    public static let columnSize = Message(id: "UKURAN", en: "SIZE")
    public static let columnDPI = Message(id: "DPI", en: "DPI")
    public static let columnQR = Message(id: "QR", en: "QR")
    /// The error-correction level a typical passed bundle's label gets.
    public static let columnQRLevelPass = Message(id: "QR LULUS", en: "QR PASS")
    /// The error-correction level a typical failed bundle's label gets.
    public static let columnQRLevelFail = Message(id: "QR TIDAK LULUS", en: "QR FAIL")
    /// The language a printer job for the template is in when none is asked for.
    public static let columnPrinterLanguage = Message(id: "CETAK", en: "PRINTS AS")
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

extension Message {
    /// A length in millimetres to at most two decimals, with a decimal comma in Indonesian:
    /// `-1,5` / `-1.5`, `2`, `0,25`.
    public static func millimetres(_ value: Double, _ language: Language) -> String {
        guard value.isFinite else { return String(value) }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 1e12 else { return String(value) }
        let whole = Int(hundredths)
        let sign = whole < 0 ? "-" : ""
        var text = sign + String(abs(whole) / 100)
        let fraction = abs(whole) % 100
        if fraction != 0 {
            var digits = fraction < 10 ? "0\(fraction)" : String(fraction)
            if digits.hasSuffix("0") { digits.removeLast() }
            text += (language == .id ? "," : ".") + digits
        }
        return text
    }
}

/// Texts of `sapu label calibrate` and its page.
extension Message {
    /// A shift as `x -1,5 mm, y 0 mm`.
    public static func labelOffsetText(_ offset: LabelOffset) -> Message {
        Message(id: "x \(millimetres(offset.xMM, .id)) mm, y \(millimetres(offset.yMM, .id)) mm",
                en: "x \(millimetres(offset.xMM, .en)) mm, y \(millimetres(offset.yMM, .en)) mm")
    }

    /// The calibration page's first line.
    public static func calibrationTitle(template: String, offset: LabelOffset) -> Message {
        let shift = labelOffsetText(offset)
        return Message(id: "Kalibrasi templat \(template) \u{00B7} geseran sekarang \(shift.indonesian)",
                       en: "Calibration of template \(template) \u{00B7} current shift \(shift.english)")
    }

    /// What to do with the calibration page, one sentence a line: on the page of a sheet
    /// template and on the terminal.
    public static func calibrationInstructions(template: String, offset: LabelOffset) -> [Message] {
        let x = millimetres(offset.xMM, .id), y = millimetres(offset.yMM, .id)
        let xEn = millimetres(offset.xMM, .en), yEn = millimetres(offset.yMM, .en)
        return [
            Message(id: "1. Cetak halaman ini di lembar stiker atau label yang biasa dipakai, ukuran asli (100 %, tanpa \"sesuaikan ke halaman\").",
                    en: "1. Print this page on the sticker sheet or labels you use, at actual size (100 %, no \"fit to page\")."),
            Message(id: "2. Ukur dengan skala mm di sudut garis: berapa mm garis tercetak bergeser dari tepi stiker yang sebenarnya.",
                    en: "2. With the mm ticks at the outline's corner, measure how far the printed outline is from the sticker's real edge."),
            Message(id: "3. Garis tercetak di kanan atau di bawah tepi stiker: kurangi geseran dengan jarak itu; di kiri atau di atas: tambahkan.",
                    en: "3. Outline right of or below the sticker's edge: subtract that distance from the shift; left of or above it: add it."),
            Message(id: "4. Simpan: sapu label calibrate --template \(template) --offset-x X --offset-y Y (sekarang x \(x), y \(y); dalam mm).",
                    en: "4. Store it: sapu label calibrate --template \(template) --offset-x X --offset-y Y (now x \(xEn), y \(yEn); in mm)."),
            Message(id: "5. Tulis dan cetak halaman ini lagi: garis harus tepat di tepi stiker.",
                    en: "5. Write and print this page again: the outlines should sit on the stickers' edges."),
        ]
    }

    /// On a roll label's calibration page, too small for the instructions.
    public static let calibrationSeeTerminal = Message(id: "Petunjuk: lihat layar / sapu label calibrate --help",
                                                       en: "Instructions: see the screen / sapu label calibrate --help")

    public static func calibrationPageWritten(template: String) -> Message {
        Message(id: "Halaman kalibrasi templat \(template) ditulis (PDF); cetak dan ikuti petunjuknya:",
                en: "Calibration page for template \(template) written (PDF); print it and follow its instructions:")
    }

    /// `--offset-x/--offset-y` stored.
    public static func labelOffsetStored(template: String, offset: LabelOffset) -> Message {
        let shift = labelOffsetText(offset)
        return Message(id: "Geseran templat \(template) disimpan: \(shift.indonesian). Semua label berikutnya dengan templat ini dicetak bergeser sebanyak itu; periksa dengan: sapu label calibrate --template \(template)",
                       en: "Shift for template \(template) stored: \(shift.english). Every later label of this template is printed shifted by it; check with: sapu label calibrate --template \(template)")
    }

    /// A stored shift that some labels cannot follow whole: their content stays out of the
    /// unprintable margin (or on the label) instead.
    public static func labelOffsetMovedInward(count: Int) -> Message {
        Message(id: "Catatan: \(count) label per halaman tidak bergeser penuh; isinya ditahan di luar margin yang tidak bisa dicetak (atau di dalam label)",
                en: count == 1 ? "Note: 1 label per page does not move the whole shift; its content is kept out of the unprintable margin (or on the label)"
                    : "Note: \(count) labels per page do not move the whole shift; their content is kept out of the unprintable margin (or on the label)")
    }

    /// `--show`.
    public static func labelOffsetShown(template: String, offset: LabelOffset?) -> Message {
        guard let offset else {
            return Message(id: "Templat \(template) belum punya geseran tersimpan (x 0 mm, y 0 mm)",
                           en: "Template \(template) has no stored shift (x 0 mm, y 0 mm)")
        }
        let shift = labelOffsetText(offset)
        return Message(id: "Geseran templat \(template): \(shift.indonesian)", en: "Shift for template \(template): \(shift.english)")
    }
}
