/// Texts of shipments, the surat jalan, verification and receipts.
extension Message {
    public static let columnShipment = Message(id: "NO. SURAT JALAN", en: "SHIPMENT")
    public static let columnConsignee = Message(id: "PENERIMA", en: "CONSIGNEE")
    public static let columnStatus = Message(id: "STATUS", en: "STATUS")
    public static let columnNumber = Message(id: "No", en: "No")
    public static let columnSerial = Message(id: "Serial", en: "Serial")
    public static let columnQCDate = Message(id: "Tgl QC", en: "QC date")

    public static let sjTitle = Message(id: "SURAT JALAN", en: "DELIVERY NOTE")
    public static let sjDate = Message(id: "Tanggal", en: "Date")
    public static let sjConsignee = Message(id: "Kepada", en: "Consignee")
    public static let sjAddress = Message(id: "Alamat", en: "Address")
    public static let sjVehicle = Message(id: "Kendaraan", en: "Vehicle")
    public static let sjDriver = Message(id: "Sopir", en: "Driver")
    public static let sjReference = Message(id: "Referensi", en: "Reference")
    public static let sjTotal = Message(id: "JUMLAH", en: "TOTAL")
    public static let sjBundles = Message(id: "Ikatan", en: "Bundles")
    public static let sjBrooms = Message(id: "Sapu", en: "Brooms")
    public static let sjSender = Message(id: "Pengirim", en: "Sender")
    public static let sjDriverSignature = Message(id: "Sopir", en: "Driver")
    public static let sjReceiver = Message(id: "Penerima", en: "Receiver")
    public static let sjPage = Message(id: "Halaman %d dari %d", en: "Page %d of %d")
    public static func sjHowToVerify(manifest: String, key: String) -> Message {
        Message(id: "Periksa kiriman: sapu verify --manifest \(manifest) --key \(key), lalu pindai setiap ikatan.",
                en: "Check the goods: sapu verify --manifest \(manifest) --key \(key), then scan every bundle.")
    }

    public static func sjKey(keyID: String, fingerprint: String) -> Message {
        Message(id: "Kunci tanda tangan \(keyID), sidik jari \(fingerprint)", en: "Signing key \(keyID), fingerprint \(fingerprint)")
    }

    public static func sjManifestHash(_ digest: String) -> Message {
        Message(id: "SHA-256 manifest: \(digest)", en: "Manifest SHA-256: \(digest)")
    }

    public static func shipmentHeader(_ shipment: Shipment) -> Message {
        let extra = [shipment.address, shipment.vehicle, shipment.driver].compactMap { $0 }.joined(separator: ", ")
        return Message(id: "\(shipment.id) → \(shipment.consignee)\(extra.isEmpty ? "" : " (\(extra))"), \(shipment.bundleCount) ikatan, status \(shipment.status.message.indonesian)",
                       en: "\(shipment.id) → \(shipment.consignee)\(extra.isEmpty ? "" : " (\(extra))"), \(shipment.bundleCount) bundles, status \(shipment.status.message.english)")
    }

    public static func shipmentClosed(_ shipment: Shipment) -> Message {
        Message(id: "Pengiriman \(shipment.id) ditutup: \(shipment.bundleCount) ikatan; manifest, CSV dan surat jalan ditulis",
                en: "Shipment \(shipment.id) closed: \(shipment.bundleCount) bundles; manifest, CSV and delivery note written")
    }

    public static func shipmentWasClosed(_ shipment: Shipment) -> Message {
        Message(id: "Pengiriman \(shipment.id) sudah ditutup sebelumnya: \(shipment.bundleCount) ikatan; manifest, CSV dan surat jalan ada di tempatnya",
                en: "Shipment \(shipment.id) was already closed: \(shipment.bundleCount) bundles; manifest, CSV and delivery note are in place")
    }

    /// Where a closed shipment's documents were written.
    public static func shipmentDocuments(directory: String, files: [String], complete: Bool) -> Message {
        let list = files.joined(separator: ", ")
        return complete
            ? Message(id: "Dokumen di \(directory): \(list)", en: "Documents in \(directory): \(list)")
            : Message(id: "Dokumen di \(directory) belum selesai ditulis (\(list)); perintah sapu berikutnya menyelesaikannya",
                      en: "Documents in \(directory) are not all written yet (\(list)); the next sapu command finishes them")
    }

    public static func shipmentDocumentsWrittenAgain(_ id: String) -> Message {
        Message(id: "Dokumen pengiriman \(id) ditulis ulang, sama persis dengan saat ditutup",
                en: "Documents of shipment \(id) written again, identical to those written at closing")
    }

    public static func shipmentShipped(_ shipment: Shipment) -> Message {
        Message(id: "Pengiriman \(shipment.id) berangkat: \(shipment.bundleCount) ikatan dikirim",
                en: "Shipment \(shipment.id) left: \(shipment.bundleCount) bundles shipped")
    }

    public static func shipmentCancelled(_ shipment: Shipment) -> Message {
        Message(id: "Pengiriman \(shipment.id) dibatalkan; ikatannya kembali ke gudang",
                en: "Shipment \(shipment.id) cancelled; its bundles are back in stock")
    }

    /// The outcome word at the start of each verification answer.
    public static func verifyOutcome(_ outcome: Verification.Outcome) -> Message {
        switch outcome {
        case .expected: Message(id: "SESUAI", en: "EXPECTED")
        case .notInManifest: Message(id: "TIDAK DI MANIFEST", en: "NOT IN MANIFEST")
        case .duplicate: Message(id: "DUPLIKAT", en: "DUPLICATE")
        case .forged: Message(id: "PALSU", en: "FORGED")
        case .unknownKey: Message(id: "KUNCI TAK DIKENAL", en: "UNKNOWN KEY")
        case .mismatch: Message(id: "TIDAK COCOK", en: "MISMATCH")
        case .superseded: Message(id: "LABEL LAMA", en: "OLD LABEL")
        case .notSapu: Message(id: "BUKAN SAPU", en: "NOT SAPU")
        }
    }

    public static func verifyStart(shipment: String, expected: Int, resumed: Int) -> Message {
        if resumed > 0 {
            return Message(id: "Manifest \(shipment) sah (\(expected) ikatan). Melanjutkan: \(resumed) pindaian sebelumnya dimuat.",
                           en: "Manifest \(shipment) is genuine (\(expected) bundles). Resuming: \(resumed) earlier scans loaded.")
        }
        return Message(id: "Manifest \(shipment) sah (\(expected) ikatan). Pindai setiap ikatan; akhiri dengan Ctrl-D, lalu sapu verify --finish.",
                       en: "Manifest \(shipment) is genuine (\(expected) bundles). Scan every bundle; end with Ctrl-D, then sapu verify --finish.")
    }

    public static let reportExpected = Message(id: "Di manifest", en: "Expected")
    public static let reportReceived = Message(id: "Diterima sesuai", en: "Received")
    public static let reportReceivedByHand = Message(id: "  di antaranya diketik tangan (tidak terverifikasi)",
                                                     en: "  of which typed by hand (unverified)")
    public static let reportMissing = Message(id: "Hilang", en: "Missing")
    public static let reportExtra = Message(id: "Tidak di manifest", en: "Extra")
    public static let reportDuplicates = Message(id: "Dipindai dua kali", en: "Duplicates")
    public static let reportForged = Message(id: "Label palsu", en: "Forged")
    public static let reportUnknownKey = Message(id: "  di antaranya kunci tak dikenal", en: "  of which unknown key")
    public static let reportMismatched = Message(id: "Tidak cocok", en: "Mismatched")
    public static let reportOldLabelOnly = Message(id: "Tiba dengan label lama saja", en: "Arrived with an old label only")

    /// A bundle seen only with an older label: which one it carried and which is current.
    public static func oldLabelOnlyBundle(_ bundle: String, label: String, current: String) -> Message {
        Message(id: "\(bundle) (\(label), berlaku \(current))", en: "\(bundle) (\(label), current \(current))")
    }
    /// A receipt's `mismatched[].field` value (`grade`, `maker`, `product`, `labelRevision`) as people say it.
    public static func mismatchField(_ field: String) -> Message {
        switch field {
        case "grade": Message(id: "grade", en: "grade")
        case "maker": Message(id: "pembuat", en: "maker")
        case "product": Message(id: "produk", en: "product")
        case "labelRevision": Message(id: "revisi label", en: "label revision")
        case "inspected": Message(id: "tanggal pemeriksaan", en: "inspection date")
        default: Message(id: field, en: field)
        }
    }

    public static let columnCount2 = Message(id: "JUMLAH", en: "COUNT")
    public static let columnWhat = Message(id: "HASIL", en: "RESULT")
    public static let columnVerifiedBundles = Message(id: "IKATAN", en: "BUNDLES")

    public static func receiptWritten(_ path: String) -> Message {
        Message(id: "Tanda terima bertanda tangan ditulis: \(path) (+ .sig); kirim ke pengirim untuk sapu shipment reconcile",
                en: "Signed receipt written: \(path) (+ .sig); send it to the workshop for sapu shipment reconcile")
    }
}

extension Message {
    public static func verifyProgress(received: Int, expected: Int, missing: Int) -> Message {
        Message(id: "Diterima \(received) dari \(expected); belum dipindai \(missing). Lanjutkan nanti, atau sapu verify --finish.",
                en: "Received \(received) of \(expected); \(missing) not scanned yet. Continue later, or sapu verify --finish.")
    }
}
