/// Help texts of the command line: command abstracts, discussions and option help.
///
/// One `MARK` section per command, in the order of `sapu --help`.
extension Message {
    // MARK: - stock

    public static let helpStock = Message(
        id: "Hitung ikatan per produk, grade dan status.",
        en: "Count bundles by product, grade and state.")
}
