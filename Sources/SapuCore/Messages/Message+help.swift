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
}
