/// Help texts of the command line: command abstracts, discussions and option help.
///
/// One `MARK` section per command, in the order of `sapu --help`.
extension Message {
    // MARK: - stock

    public static let helpStock = Message(
        id: "Hitung ikatan per produk, grade dan status.",
        en: "Count bundles by product, grade and state.")

    // MARK: - shipment (partner results, documents)

    public static let helpReconcileShipment = Message(
        id: "Pengiriman yang dimaksud, mis. 001/SJ/PWT/XI/2025: tanda terima untuk pengiriman lain ditolak.",
        en: "The shipment you mean, e.g. 001/SJ/PWT/XI/2025: a receipt for another shipment is refused.")

    public static let helpShipmentNumber = Message(id: "Nomor pengiriman, mis. 001/SJ/PWT/XI/2025.",
                                                   en: "Shipment number, e.g. 001/SJ/PWT/XI/2025.")
    public static let helpShipmentDocuments = Message(
        id: "Tulis ulang dokumen pengiriman yang sudah ditutup (manifest, tanda tangan, CSV, surat jalan), sama persis.",
        en: "Write a closed shipment's documents again (manifest, signature, CSV, delivery note), byte for byte.")
    public static let helpShipmentDocumentsDiscussion = Message(
        id: """
            sapu shipment documents 001/SJ/PWT/XI/2025 --out salinan
            Berkasnya diambil dari salinan yang disimpan di database saat pengiriman ditutup, jadi tanda tangan manifest tetap sah.
            """,
        en: """
            sapu shipment documents 001/SJ/PWT/XI/2025 --out copies
            The files come from the copy the database kept when the shipment was closed, so the manifest's signature still verifies.
            """)
    public static let helpShipmentDocumentsOut = Message(id: "Folder tujuan (dibuat bila belum ada).",
                                                         en: "Directory for the files (created if missing).")
}
