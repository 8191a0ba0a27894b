/// Texts of `sapu bundle void` and of the questions asked before a large change.
extension Message {
    public static func bundlesVoided(count: Int, reason: String) -> Message {
        Message(id: "\(count) ikatan dibatalkan (alasan: \(reason)); tidak dihitung lagi di stok dan laporan, riwayatnya tetap ada",
                en: "\(englishCount(count, "bundle")) voided (reason: \(reason)); no longer counted in stock or reports, their history is kept")
    }

    public static func bundlesAlreadyVoided(count: Int) -> Message {
        Message(id: "\(count) ikatan sudah dibatalkan sebelumnya; tidak dicatat lagi",
                en: "\(englishCount(count, "bundle")) \(count == 1 ? "was" : "were") already voided; not recorded again")
    }

    /// `sapu batch show`: the voided bundles are left out of its counts.
    public static func batchVoidedNote(_ count: Int) -> Message {
        Message(id: "\(count) ikatan dibatalkan (tidak dihitung)", en: "\(englishCount(count, "bundle")) voided (not counted)")
    }

    /// The event detail of a void: why.
    public static func voidReasonDetail(_ reason: String) -> Message {
        Message(id: "alasan: \(reason)", en: "reason: \(reason)")
    }
}

/// The questions asked at a terminal before a large change.
extension Message {
    public static func confirmInspect(count: Int, batch: String, maker: String, result: Message) -> Message {
        Message(id: "Membuat \(count) ikatan baru di batch \(batch), pembuat \(maker), \(result.indonesian) (lebih dari \(Confirmation.threshold)).",
                en: "This makes \(count) new bundles in batch \(batch), maker \(maker), \(result.english) (more than \(Confirmation.threshold)).")
    }

    public static func confirmVoid(count: Int, first: String, last: String, reason: String) -> Message {
        let range = count == 1 ? first : "\(first) … \(last)"
        return Message(id: "Membatalkan \(count) ikatan (\(range)), alasan: \(reason). Ikatan yang dibatalkan tidak bisa dipakai lagi.",
                       en: "This voids \(englishCount(count, "bundle")) (\(range)), reason: \(reason). Voided bundles cannot be used again.")
    }

    /// The prompt after a confirmation question; `ya` or `yes` goes on.
    public static let confirmPrompt = Message(id: "Ketik ya untuk melanjutkan: ", en: "Type yes to go on: ")
}
