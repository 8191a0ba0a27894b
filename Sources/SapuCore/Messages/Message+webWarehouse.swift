/// The words of the warehouse pages of `sapu serve`: the scanning station and shipments.
extension Message {
    // MARK: - scanning station

    public static let webScanTitle = Message(id: "Stasiun pindai", en: "Scanning station")
    public static let webScanInput = Message(id: "Pindai label, atau ketik id ikatan lalu Enter",
                                             en: "Scan a label, or type a bundle id and press Enter")
    public static let webScanMode = Message(id: "Mode", en: "Mode")
    public static let webScanShipment = Message(id: "Pengiriman", en: "Shipment")
    public static let webScanNoShipment = Message(id: "— tanpa pengiriman —", en: "— no shipment —")
    public static let webScanOperator = Message(id: "Operator", en: "Operator")
    public static func webScanOperatorSelf(_ code: String) -> Message {
        Message(id: "\(code) (Anda)", en: "\(code) (you)")
    }
    public static let webScanSend = Message(id: "Kirim", en: "Send")
    public static let webScanReady = Message(id: "Siap memindai.", en: "Ready to scan.")
    public static let webScanHint = Message(
        id: "Pemindai USB mengetik setiap kode lalu Enter; setiap baris langsung dijawab dan sudah tersimpan saat jawabannya tampil. Mode, pengiriman dan operator juga bisa diganti dengan memindai kode perintah.",
        en: "A USB scanner types each code and Enter; each line is answered at once and is saved when its answer shows. Mode, shipment and operator can also be changed by scanning a control code.")
    /// The running count: scans accepted since the page was opened, per mode.
    public static func webScanCount(_ counts: [(mode: ScanMode, accepted: Int)]) -> Message {
        guard !counts.isEmpty else { return Message(id: "Belum ada yang diterima.", en: "Nothing accepted yet.") }
        return Message(id: "Diterima: " + counts.map { "\($0.mode.word.indonesian) \($0.accepted)" }.joined(separator: " · "),
                       en: "Accepted: " + counts.map { "\($0.mode.word.english) \($0.accepted)" }.joined(separator: " · "))
    }
    public static let webScanLog = Message(id: "Pindaian terakhir", en: "Last scans")
    public static let webScanPhoto = Message(id: "Foto label", en: "Photo of labels")
    public static let webScanPhotoButton = Message(id: "Pindai foto", en: "Scan the photo")
    public static let webScanPhotoHint = Message(
        id: "Di ponsel: ambil foto beberapa label sekaligus; setiap kode QR di foto dipindai satu per satu.",
        en: "On a phone: take a photo of several labels at once; every QR code in it is scanned, one after another.")
    /// What a photo gave: how many codes were found in it.
    public static func webScanPhotoRead(codes: Int, name: String) -> Message {
        Message(id: "\(codes) kode QR di foto \(name)", en: "\(englishCount(codes, "QR code")) in photo \(name)")
    }
    public static let webScanPhotoName = Message(id: "foto", en: "photo")
    /// Said by the script when an answer did not arrive (the PC or the network is down).
    public static let webScanNotSent = Message(
        id: "TIDAK TERKIRIM — jaringan atau server tidak menjawab; pindai lagi",
        en: "NOT SENT — the network or the server did not answer; scan again")

    // MARK: - shipments

    public static let webShipmentsTitle = Message(id: "Pengiriman", en: "Shipments")
    public static let webShipmentsNone = Message(id: "Belum ada pengiriman.", en: "No shipments yet.")
    public static let webShipmentCreate = Message(id: "Buka pengiriman baru", en: "Open a new shipment")
    public static let webShipmentPartner = Message(id: "Mitra", en: "Partner")
    public static let webShipmentOnlyPartner = Message(id: "— satu-satunya mitra aktif —", en: "— the only active partner —")
    public static let webShipmentConsignee = Message(id: "Penerima (kosong: nama mitra)", en: "Consignee (empty: the partner's name)")
    public static let webShipmentAddress = Message(id: "Alamat (kosong: alamat mitra)", en: "Address (empty: the partner's address)")
    public static let webShipmentVehicle = Message(id: "Kendaraan", en: "Vehicle")
    public static let webShipmentDriver = Message(id: "Sopir", en: "Driver")
    public static let webShipmentReference = Message(id: "Referensi", en: "Reference")
    public static let webShipmentOpenButton = Message(id: "Buka pengiriman", en: "Open the shipment")
    public static func webShipmentTitle(_ id: String) -> Message {
        Message(id: "Pengiriman \(id)", en: "Shipment \(id)")
    }
    public static let webShipmentStatus = Message(id: "Status", en: "Status")
    public static let webShipmentConsigneeShown = Message(id: "Penerima", en: "Consignee")
    public static let webShipmentAddressShown = Message(id: "Alamat", en: "Address")
    public static let webShipmentCreated = Message(id: "Dibuka", en: "Opened")
    public static let webShipmentClosedAt = Message(id: "Ditutup", en: "Closed")
    public static let webShipmentShippedAt = Message(id: "Berangkat", en: "Shipped")
    public static let webShipmentBundleCount = Message(id: "Ikatan", en: "Bundles")
    public static let webShipmentPack = Message(id: "Kemas dengan memindai", en: "Pack by scanning")
    public static let webShipmentClose = Message(id: "Tutup pengiriman dan tulis dokumennya", en: "Close the shipment and write its documents")
    public static let webShipmentCloseHint = Message(
        id: "Menutup menulis manifest bertanda tangan, tanda tangannya, CSV dan surat jalan (PDF); sesudahnya tidak ada ikatan yang bisa dikemas lagi.",
        en: "Closing writes the signed manifest, its signature, the CSV and the surat jalan (PDF); after that no bundle can be packed into it.")
    public static let webShipmentShip = Message(id: "Berangkatkan", en: "Ship")
    public static let webShipmentShipHint = Message(
        id: "Tekan saat truk berangkat: semua ikatan di pengiriman ini menjadi dikirim.",
        en: "Press when the truck leaves: every bundle in this shipment becomes shipped.")
    public static let webShipmentDocuments = Message(id: "Dokumen", en: "Documents")
    public static let webShipmentNoDocuments = Message(id: "Dokumen ditulis saat pengiriman ditutup.",
                                                       en: "The documents are written when the shipment is closed.")
    public static let webShipmentManifest = Message(id: "Manifest (JSON bertanda tangan)", en: "Manifest (signed JSON)")
    public static let webShipmentSignature = Message(id: "Tanda tangan manifest", en: "Manifest signature")
    public static let webShipmentCSV = Message(id: "CSV untuk spreadsheet", en: "CSV for spreadsheets")
    public static let webShipmentSuratJalan = Message(id: "Surat jalan (PDF)", en: "Surat jalan (PDF)")
    public static let webShipmentBundles = Message(id: "Ikatan di pengiriman ini", en: "Bundles in this shipment")
    public static let webShipmentNoBundles = Message(id: "Belum ada ikatan yang dikemas.", en: "No bundle packed yet.")
    public static let webShipmentReconcile = Message(id: "Cocokkan dengan tanda terima mitra", en: "Reconcile with the partner's receipt")
    public static let webShipmentReconcileHint = Message(
        id: "Unggah tanda terima yang dikirim mitra (.receipt.json) dan tanda tangannya (.receipt.sig).",
        en: "Upload the receipt the partner sent (.receipt.json) and its signature (.receipt.sig).")
    public static let webShipmentReceipt = Message(id: "Tanda terima (.receipt.json)", en: "Receipt (.receipt.json)")
    public static let webShipmentReceiptSignature = Message(id: "Tanda tangan tanda terima (.receipt.sig)",
                                                            en: "Receipt signature (.receipt.sig)")
    public static let webShipmentReconcileButton = Message(id: "Cocokkan", en: "Reconcile")
    public static let webShipmentReconciled = Message(id: "Hasil pencocokan", en: "What the receipt found")
    public static let webShipmentReceiptName = Message(id: "tanda terima", en: "receipt")
    public static let webShipmentClosedNotice = Message(
        id: "Pengiriman ditutup: manifest, tanda tangannya, CSV dan surat jalan ditulis; unduh di bawah.",
        en: "Shipment closed: the manifest, its signature, the CSV and the surat jalan were written; download them below.")
    public static let webShipmentShippedNotice = Message(id: "Pengiriman berangkat: semua ikatannya sekarang dikirim.",
                                                         en: "Shipment shipped: all its bundles are now on their way.")
}
