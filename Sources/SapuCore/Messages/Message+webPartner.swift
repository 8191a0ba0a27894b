/// The words of the partner's verification pages in `sapu serve` (`/verify`).
extension Message {
    // MARK: - verify (upload)

    public static let webVerifyTitle = Message(id: "Periksa kiriman", en: "Verify shipments")
    public static let webVerifyIntro = Message(
        id: "Unggah tiga berkas yang dikirim Lapas bersama kiriman: manifest (.manifest.json), tanda tangannya (.manifest.sig), dan kunci publik Lapas (.pub). Tanda tangan diperiksa dulu; manifest yang tidak sah tidak disimpan. Manifest yang sama diunggah lagi melanjutkan pemeriksaannya.",
        en: "Upload the three files the workshop sent with the shipment: the manifest (.manifest.json), its signature (.manifest.sig) and the workshop's public key (.pub). The signature is checked first; a manifest that is not genuine is not kept. The same manifest uploaded again resumes its verification.")
    public static let webVerifyManifestFile = Message(id: "Manifest (.manifest.json)", en: "Manifest (.manifest.json)")
    public static let webVerifySignatureFile = Message(id: "Tanda tangan manifest (.manifest.sig)", en: "Manifest signature (.manifest.sig)")
    public static let webVerifyKeyFile = Message(id: "Kunci publik Lapas (.pub)", en: "The workshop's public key (.pub)")
    public static let webVerifyUpload = Message(id: "Periksa manifest", en: "Check the manifest")
    public static let webVerifyListTitle = Message(id: "Pemeriksaan di server ini", en: "Verifications on this server")
    public static let webVerifyNone = Message(id: "Belum ada pemeriksaan.", en: "No verifications yet.")
    public static let webVerifyColumnShipment = Message(id: "Kiriman", en: "Shipment")
    public static let webVerifyColumnShipper = Message(id: "Pengirim", en: "Shipper")
    public static let webVerifyColumnState = Message(id: "Keadaan", en: "State")
    public static let webVerifyOpen = Message(id: "sedang diperiksa", en: "being verified")
    public static let webVerifyFinished = Message(id: "tanda terima dibuat", en: "receipt made")

    // MARK: - verify (one shipment)

    public static func webVerificationTitle(_ shipment: String) -> Message {
        Message(id: "Pemeriksaan kiriman \(shipment)", en: "Verifying shipment \(shipment)")
    }
    public static let webVerifyShipper = Message(id: "Pengirim", en: "Shipper")
    public static let webVerifyConsignee = Message(id: "Penerima", en: "Consignee")
    public static let webVerifyClosed = Message(id: "Manifest ditutup", en: "Manifest closed")
    public static let webVerifyVehicle = Message(id: "Kendaraan / sopir", en: "Vehicle / driver")
    public static func webVerifyGenuine(key: String, fingerprint: String) -> Message {
        Message(id: "Manifest sah: ditandatangani kunci \(key), sidik jari \(fingerprint). Cocokkan sidik jari ini dengan Lapas lewat telepon.",
                en: "The manifest is genuine: signed with key \(key), fingerprint \(fingerprint). Confirm this fingerprint with the workshop by phone.")
    }
    public static let webVerifyScanLabel = Message(
        id: "Pindai label setiap ikatan (atau ketik nomor ikatan, lalu Enter)",
        en: "Scan each bundle's label (or type the bundle id, then Enter)")
    public static let webVerifyScanButton = Message(id: "Catat", en: "Record")
    public static let webVerifyScanWaiting = Message(id: "Siap memindai.", en: "Ready to scan.")
    public static let webVerifyTalliesTitle = Message(id: "Hitungan", en: "Tallies")
    public static let webVerifyExpected = Message(id: "Di manifest", en: "Expected")
    public static let webVerifyReceived = Message(id: "Diterima sesuai", en: "Received")
    public static let webVerifyMissing = Message(id: "Belum/hilang", en: "Missing")
    public static let webVerifyExtra = Message(id: "Tidak di manifest", en: "Extra")
    public static let webVerifyDuplicate = Message(id: "Dipindai dua kali", en: "Duplicates")
    public static let webVerifyForged = Message(id: "Label palsu", en: "Forged")
    public static let webVerifyMismatched = Message(id: "Tidak cocok", en: "Mismatched")
    public static let webVerifyByHand = Message(id: "Diketik tangan (tidak terverifikasi)", en: "Typed by hand (unverified)")
    public static let webVerifyUnknownKey = Message(id: "Kunci tak dikenal (dihitung palsu)", en: "Unknown key (counted as forged)")
    public static let webVerifyOldLabelOnly = Message(id: "Tiba dengan label lama saja", en: "Arrived with an old label only")
    public static let webVerifyListsTitle = Message(id: "Ikatan per hasil", en: "Bundles by result")
    public static let webVerifyNoBundles = Message(id: "–", en: "–")
    public static func webVerifyMore(_ count: Int) -> Message {
        Message(id: "… dan \(count) lagi", en: "… and \(count) more")
    }
    public static let webVerifyFinishTitle = Message(id: "Selesai", en: "Finish")
    public static let webVerifyFinishHint = Message(
        id: "Setelah semua ikatan dipindai: buat tanda terima bertanda tangan kunci perusahaan Anda dan kirim ke Lapas (berkas .receipt.json dan .receipt.sig). Ikatan yang ditemukan nanti boleh dipindai lalu selesai lagi: tanda terima yang lebih baru menggantikan yang lama.",
        en: "Once every bundle is scanned: make the receipt signed with your company's key and send it to the workshop (the .receipt.json and .receipt.sig files). Bundles found later can still be scanned and finished again: the newer receipt supersedes the older.")
    public static let webVerifyFinishButton = Message(id: "Selesai dan buat tanda terima", en: "Finish and make the receipt")
    public static let webVerifyReceiptTitle = Message(id: "Tanda terima", en: "Receipt")
    public static func webVerifyReceiptMade(_ finished: String) -> Message {
        Message(id: "Tanda terima bertanda tangan dibuat \(finished). Unduh kedua berkas dan kirim ke Lapas untuk sapu shipment reconcile.",
                en: "Signed receipt made \(finished). Download both files and send them to the workshop for sapu shipment reconcile.")
    }
    public static let webVerifyReceiptOutdated = Message(
        id: "Ada pindaian setelah tanda terima ini dibuat: selesaikan lagi untuk tanda terima yang baru.",
        en: "There are scans since this receipt was made: finish again for a new receipt.")
    public static let webVerifyFinishedNotice = Message(
        id: "Tanda terima dibuat. Unduh tanda terima dan tanda tangannya di bawah.",
        en: "Receipt made. Download the receipt and its signature below.")

    /// The big line after a scan: the outcome word, the bundle, "n of N", and the reason.
    public static func webVerifyAnswer(outcome: Message, bundle: String, progress: String, manual: Bool, reason: Message?) -> Message {
        func line(_ language: Language) -> String {
            var text = outcome.text(language) + " " + bundle
            if !progress.isEmpty { text += " (" + progress + ")" }
            if manual { text += " " + Message.manualEntry.text(language) }
            if let reason { text += " — " + reason.text(language) }
            return text
        }
        return Message(id: line(.id), en: line(.en))
    }
}
