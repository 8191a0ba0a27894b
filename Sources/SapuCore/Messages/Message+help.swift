/// Help texts of the command line: command abstracts, discussions and option help.
///
/// One `MARK` section per command, in the order of `sapu --help`.
extension Message {
    // MARK: - stock

    public static let helpStock = Message(
        id: "Hitung ikatan per produk, grade dan status.",
        en: "Count bundles by product, grade and state.")
}

extension Message {
    // MARK: - label --again

    public static let helpLabelAgain = Message(
        id: "Tulis ulang label yang berlaku (revisi sama), mis. label rusak atau hilang; dicatat sebagai label ulang. Tanpa ini hanya ikatan yang belum punya label berlaku yang diberi label.",
        en: "Write the current label again (same revision), e.g. for a damaged or lost label; recorded as a reprint. Without it only bundles with no current label are labelled.")

    // MARK: - inspect --yes

    public static let helpInspectYes = Message(
        id: "Lanjutkan tanpa bertanya bila --count lebih dari \(Confirmation.threshold) (wajib bila masukan bukan terminal).",
        en: "Go on without asking when --count is more than \(Confirmation.threshold) (required when input is not a terminal).")

    // MARK: - bundle void

    public static let helpBundleVoid = Message(
        id: "Batalkan ikatan yang salah dibuat: tidak dihitung lagi di stok dan laporan, labelnya ditolak di setiap stasiun; riwayatnya tetap.",
        en: "Void bundles created by mistake: left out of stock and every report, their labels refused at every station; their history is kept.")
    public static let helpBundleVoidDiscussion = Message(
        id: """
            sapu bundle void PWT251121A-0003 PWT251121A-0007 --reason "salah hitung"
            sapu bundle void --batch PWT251121A --from 3 --to 9 --reason "jumlah salah ketik"
            Hanya ikatan berstatus diperiksa, di gudang atau karantina yang bisa dibatalkan; ikatan yang dikemas atau
            pernah dikirim ditolak, dan bila satu ditolak tidak ada yang dibatalkan. Pembatalan bersifat final.
            Lebih dari \(Confirmation.threshold) ikatan, atau sebuah rentang/batch, perlu dikonfirmasi (di terminal) atau --yes.
            """,
        en: """
            sapu bundle void PWT251121A-0003 PWT251121A-0007 --reason "miscounted"
            sapu bundle void --batch PWT251121A --from 3 --to 9 --reason "count mistyped"
            Only bundles that are inspected, in stock or quarantined can be voided; packed or ever shipped ones are
            refused, and if one is refused none is voided. A void is final. More than \(Confirmation.threshold) bundles,
            or a range or batch, must be confirmed (at a terminal) or given --yes.
            """)
    public static let helpBundleVoidIDs = Message(id: "Id ikatan yang dibatalkan.", en: "Bundle ids to void.")
    public static let helpBundleVoidBatch = Message(
        id: "Batalkan ikatan batch ini (semua, atau rentang --from/--to).",
        en: "Void bundles of this batch (all of them, or the range --from/--to).")
    public static let helpBundleVoidFrom = Message(
        id: "Nomor seri pertama rentang (bawaan: 1).", en: "First serial of the range (default: 1).")
    public static let helpBundleVoidTo = Message(
        id: "Nomor seri terakhir rentang (bawaan: ikatan terakhir batch).",
        en: "Last serial of the range (default: the batch's last bundle).")
    public static let helpBundleVoidReason = Message(
        id: "Mengapa ikatan ini dibatalkan (wajib; disimpan di riwayat).",
        en: "Why these bundles are voided (required; kept in their history).")
    public static let helpBundleVoidYes = Message(
        id: "Lanjutkan tanpa bertanya (wajib untuk rentang atau lebih dari \(Confirmation.threshold) ikatan bila masukan bukan terminal).",
        en: "Go on without asking (required for a range or more than \(Confirmation.threshold) bundles when input is not a terminal).")
    public static let helpBundleVoidOperator = Message(id: "Kode operator.", en: "Operator's code.")
    public static let helpBundleVoidStation = Message(
        id: "Nama stasiun (bawaan: $SAPU_STATION, atau nama host).",
        en: "Station name (default: $SAPU_STATION, else the host name).")
}
