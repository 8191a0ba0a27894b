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
    public static let columnDescription = Message(id: "KETERANGAN", en: "DESCRIPTION")

    public static func labelsPrinted(count: Int, template: String, format: String) -> Message {
        Message(id: "\(count) label dicetak (templat \(template), \(format))",
                en: "\(count) labels printed (template \(template), \(format))")
    }
}
