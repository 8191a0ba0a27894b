/// The progress line a long command draws on stderr at a terminal.
extension Message {
    /// E.g. "Menggambar label: 4210 dari 10000 (42%)", or "Memproses pindaian: 12000" when
    /// nobody knows how many there are.
    public static func progress(_ reading: WorkProgress.Reading) -> Message {
        let stage = progressStage(reading.stage)
        guard let total = reading.total, total > 0 else {
            return Message(id: "\(stage.indonesian): \(reading.done)", en: "\(stage.english): \(reading.done)")
        }
        let percent = min(100, reading.done * 100 / total)
        return Message(id: "\(stage.indonesian): \(reading.done) dari \(total) (\(percent)%)",
                       en: "\(stage.english): \(reading.done) of \(total) (\(percent)%)")
    }

    static func progressStage(_ stage: WorkProgress.Stage) -> Message {
        switch stage {
        case .signingLabels: Message(id: "Menandatangani label", en: "Signing labels")
        case .drawingLabels: Message(id: "Menggambar label", en: "Drawing labels")
        case .writingFiles: Message(id: "Menulis berkas", en: "Writing files")
        case .readingImages: Message(id: "Membaca foto", en: "Reading photos")
        case .applyingScans: Message(id: "Memproses pindaian", en: "Applying scans")
        }
    }
}
