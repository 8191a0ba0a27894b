/// Texts of `sapu doctor`, `sapu backup` and `sapu restore`.
extension Message {
    public static let checkPassed = Message(id: "BAIK", en: "OK")
    public static let checkFailed = Message(id: "MASALAH", en: "PROBLEM")

    public static let doctorReadOnly = Message(
        id: "akses: database hanya bisa dibaca oleh proses ini; pemeriksaan tetap jalan, tidak ada yang ditulis",
        en: "access: this process can only read the database; the checks still run, nothing is written")
    public static let doctorDamagedAtOpen = Message(
        id: "pemeriksaan cepat SQLite: TIDAK LOLOS; sapu tidak akan menulis ke database ini. Pulihkan cadangan terakhir: sapu restore BERKAS-CADANGAN",
        en: "SQLite quick check: FAILED; sapu will not write to this database. Restore the last backup: sapu restore BACKUP-FILE")
    public static let doctorIntegritySound = Message(
        id: "integritas database: utuh (pemeriksaan penuh SQLite)", en: "database integrity: sound (SQLite's full check)")

    public static func doctorIntegrityDamaged(_ problems: Int) -> Message {
        Message(id: "integritas database: RUSAK (\(problems) temuan pemeriksaan SQLite). Hentikan semua stasiun dan pulihkan cadangan terakhir: sapu restore BERKAS-CADANGAN",
                en: "database integrity: DAMAGED (\(problems) findings of SQLite's check). Stop every station and restore the last backup: sapu restore BACKUP-FILE")
    }

    public static func doctorLastQuickCheck(at: String?, seconds: Double?) -> Message {
        guard let at, let seconds else {
            return Message(id: "pemeriksaan cepat otomatis: belum pernah lolos tercatat; berjalan sebelum penulisan berikutnya",
                           en: "automatic quick check: no pass recorded yet; it runs before the next write")
        }
        let milliseconds = Int((seconds * 1000).rounded())
        return Message(id: "pemeriksaan cepat otomatis: terakhir lolos \(at) (\(milliseconds) ms)",
                       en: "automatic quick check: last passed \(at) (\(milliseconds) ms)")
    }

    public static func doctorKeyMatches(keyID: String, fingerprint: String, path: String) -> Message {
        Message(id: "kunci tanda tangan: \(keyID) (sidik jari \(fingerprint)) di \(path) cocok dengan kunci aktif di database",
                en: "signing key: \(keyID) (fingerprint \(fingerprint)) in \(path) matches the database's current key")
    }

    public static func doctorKeyProblem(_ reason: Message) -> Message {
        Message(id: "kunci tanda tangan: \(reason.indonesian)", en: "signing key: \(reason.english)")
    }

    public static func doctorUnreadable(_ reason: Message) -> Message {
        Message(id: "database tidak terbaca: \(reason.indonesian)", en: "database unreadable: \(reason.english)")
    }

    public static func doctorDocumentsInPlace(checked: Int, unrecorded: Int) -> Message {
        let extraID = unrecorded > 0 ? "; \(unrecorded) ditutup sebelum sapu mencatat letak dokumen, tidak diperiksa" : ""
        let extraEN = unrecorded > 0 ? "; \(unrecorded) closed before sapu recorded where documents go, not checked" : ""
        return Message(id: "dokumen pengiriman: \(checked) pengiriman, semua berkas ada dan sesuai manifest\(extraID)",
                       en: "shipment documents: \(checked) shipments, every file present and matching its manifest\(extraEN)")
    }

    public static func doctorDocumentsProblems(checked: Int, failing: Int) -> Message {
        Message(id: "dokumen pengiriman: \(failing) dari \(checked) pengiriman bermasalah (lihat di atas)",
                en: "shipment documents: \(failing) of \(checked) shipments have problems (see above)")
    }

    public static func doctorDocumentMissing(shipment: String, path: String) -> Message {
        Message(id: "pengiriman \(shipment): berkas \(path) tidak ada", en: "shipment \(shipment): file \(path) is missing")
    }

    public static func doctorManifestAltered(shipment: String, path: String) -> Message {
        Message(id: "pengiriman \(shipment): SHA-256 \(path) tidak sama dengan manifest yang tercatat saat ditutup",
                en: "shipment \(shipment): the SHA-256 of \(path) differs from the manifest recorded at closing")
    }

    public static func doctorDocumentAltered(shipment: String, path: String) -> Message {
        Message(id: "pengiriman \(shipment): \(path) berbeda dari yang ditulis saat ditutup",
                en: "shipment \(shipment): \(path) differs from what was written at closing")
    }

    public static func doctorClosingUnfinished(shipment: String) -> Message {
        Message(id: "pengiriman \(shipment): penutupan terputus dan belum selesai; jalankan perintah sapu apa saja dengan izin tulis",
                en: "shipment \(shipment): an interrupted closing is not finished; run any sapu command with write access")
    }

    public static func backupWritten(path: String, site: String, bundles: Int) -> Message {
        Message(id: "Cadangan ditulis: \(path) (lokasi \(site), \(bundles) ikatan, lolos pemeriksaan integritas)",
                en: "Backup written: \(path) (site \(site), \(bundles) bundles, passed the integrity check)")
    }

    public static func restored(file: String, database: String, site: String, bundles: Int, kept: String?) -> Message {
        let keptID = kept.map { "; database lama disimpan sebagai \($0)" } ?? ""
        let keptEN = kept.map { "; the replaced database is kept as \($0)" } ?? ""
        return Message(id: "\(file) dipulihkan ke \(database) (lokasi \(site), \(bundles) ikatan)\(keptID)",
                       en: "\(file) restored into \(database) (site \(site), \(bundles) bundles)\(keptEN)")
    }
}
