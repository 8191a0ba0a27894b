/// Help texts of the command line: command abstracts, discussions and option help.
///
/// One `MARK` section per command, in the order of `sapu --help`.
extension Message {
    // MARK: - init

    public static let helpInitTimeZone = Message(
        id: "Zona waktu Lapas, nama IANA (Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT); semua waktu ditulis dan ditampilkan di zona ini.",
        en: "The site's time zone, an IANA name (Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT); every time is written and shown in it.")

    // MARK: - stock

    public static let helpStock = Message(
        id: "Hitung ikatan yang ada di Lapas (diperiksa, di gudang, karantina, dikemas) per produk, grade dan status.",
        en: "Count the bundles on hand (inspected, in stock, quarantined, packed) by product, grade and state.")
    public static let helpStockAll = Message(
        id: "Tampilkan juga ikatan yang sudah keluar: dikirim, diterima, hilang, disengketakan, dikembalikan, dimusnahkan.",
        en: "Also show bundles that have left: shipped, received, missing, disputed, returned, scrapped.")
}
