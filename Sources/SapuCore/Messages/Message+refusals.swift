/// Why a move is refused, in the words of the clerk who scanned the bundle (docs/states.md,
/// "Refusals"): where the bundle is, what cannot happen to it, and what to do instead.
extension MoveRefusal {
    /// The reason `move` is refused for a bundle in `state`, with what to do instead.
    public func explanation(move: Move, state: BundleState) -> Message {
        let cannot = move.cannotBe
        switch self {
        case .scrapped:
            return Message(id: "ikatan ini sudah dimusnahkan; tidak bisa \(cannot.indonesian) lagi",
                           en: "this bundle has been scrapped; it cannot be \(cannot.english) any more")
        case .failedBundle:
            return Message(id: "ikatan ini TIDAK LULUS QC; tidak bisa \(cannot.indonesian): masukkan ke karantina (mode karantina)",
                           en: "this bundle FAILED QC; it cannot be \(cannot.english): put it in quarantine (quarantine mode)")
        case .notLabelled:
            return Message(id: "ikatan ini belum punya label yang berlaku (belum dicetak, atau dicetak sebelum pemeriksaan ulang terakhir); tidak bisa \(cannot.indonesian): minta label baru ke meja QC",
                           en: "this bundle has no current label (none printed yet, or printed before its latest re-inspection); it cannot be \(cannot.english): ask the QC desk for a new label")
        case .alreadyPacked:
            return Message(id: "ikatan ini sudah dikemas dalam pengiriman; tidak bisa dikemas lagi",
                           en: "this bundle is already packed in a shipment; it cannot be packed again")
        case .otherShipment:
            return move == .unpack
                ? Message(id: "ikatan ini dikemas di pengiriman lain, bukan pengiriman stasiun ini; pindai dulu kode perintah pengiriman itu",
                          en: "this bundle is packed in another shipment, not this station's; scan that shipment's control code first")
                : Message(id: "ikatan ini sudah dikemas di pengiriman lain; tidak bisa \(cannot.indonesian) di sini",
                          en: "this bundle is already packed in another shipment; it cannot be \(cannot.english) here")
        case .voided:
            return Message(id: "ikatan ini sudah dibatalkan (salah dibuat); labelnya tidak berlaku, singkirkan; tidak bisa \(cannot.indonesian)",
                           en: "this bundle was voided (created by mistake); its label is void, remove it; it cannot be \(cannot.english)")
        case .voidPacked, .voidShipped:
            return message
        case .notFromState:
            let situation = state.situation
            let head = Message(id: "\(situation.indonesian); tidak bisa \(cannot.indonesian)",
                               en: "\(situation.english); it cannot be \(cannot.english)")
            guard let hint = Self.hint(move: move, state: state) else { return head }
            return Message(id: head.indonesian + ": " + hint.indonesian, en: head.english + ": " + hint.english)
        }
    }

    /// Moves a bundle that left can make again only once it is back (return mode).
    private static let afterShipping: Set<Move> = [.receive, .pack, .unpack, .quarantine, .scrap, .reinspect, .label, .reprint, .void]

    /// What the clerk can do instead, where there is something to do.
    private static func hint(move: Move, state: BundleState) -> Message? {
        switch (state, move) {
        case (.quarantined, .receive), (.quarantined, .pack):
            Message(id: "ikatan harus diperiksa ulang dan LULUS dulu", en: "it must be re-inspected and pass first")
        case (.inspected, .pack), (.returned, .pack):
            Message(id: "terima ke gudang dulu (mode terima)", en: "receive it into stock first (receive mode)")
        case (.inStock, .scrap):
            Message(id: "karantina dulu (mode karantina)", en: "quarantine it first (quarantine mode)")
        case (.packed, .ship), (.packed, .deliver), (.packed, .markMissing), (.packed, .dispute):
            nil
        case (.packed, _):
            Message(id: "bongkar dulu dari pengirimannya (mode bongkar)", en: "unpack it from its shipment first (unpack mode)")
        case (.shipped, _) where Self.afterShipping.contains(move), (.received, _) where Self.afterShipping.contains(move),
             (.missing, _) where Self.afterShipping.contains(move), (.disputed, _) where Self.afterShipping.contains(move),
             (.extra, _) where Self.afterShipping.contains(move):
            Message(id: "bila ikatan ini sudah kembali, pindai dulu di mode retur",
                    en: "if it has come back, scan it in return mode first")
        case (_, .unpack):
            Message(id: "hanya ikatan yang sedang dikemas yang bisa dibongkar", en: "only a packed bundle can be unpacked")
        case (_, .return):
            Message(id: "hanya ikatan yang sudah dikirim yang bisa diretur", en: "only a bundle that was shipped can be returned")
        case (_, .ship):
            Message(id: "hanya ikatan yang dikemas dalam pengiriman yang bisa dikirim",
                    en: "only a bundle packed in a shipment can be shipped")
        default:
            nil
        }
    }
}

extension BundleState {
    /// Where the bundle is, as a sentence about "this bundle".
    public var situation: Message {
        switch self {
        case .inspected: Message(id: "ikatan ini baru diperiksa, belum masuk gudang", en: "this bundle has only been inspected and is not in stock yet")
        case .inStock: Message(id: "ikatan ini ada di gudang", en: "this bundle is in stock")
        case .quarantined: Message(id: "ikatan ini di karantina", en: "this bundle is in quarantine")
        case .packed: Message(id: "ikatan ini sudah dikemas dalam pengiriman", en: "this bundle is packed in a shipment")
        case .shipped: Message(id: "ikatan ini sudah dikirim", en: "this bundle has been shipped")
        case .received: Message(id: "ikatan ini sudah diterima mitra", en: "this bundle was received by the partner")
        case .missing: Message(id: "ikatan ini tercatat hilang dari pengirimannya", en: "this bundle is recorded as missing from its shipment")
        case .disputed: Message(id: "ikatan ini disengketakan mitra", en: "this bundle is disputed by the partner")
        case .returned: Message(id: "ikatan ini sudah kembali (retur)", en: "this bundle has come back (returned)")
        case .extra: Message(id: "ikatan ini ada di mitra tanpa manifest", en: "this bundle is at the partner without a manifest")
        case .scrapped: Message(id: "ikatan ini sudah dimusnahkan", en: "this bundle has been scrapped")
        case .voided: Message(id: "ikatan ini sudah dibatalkan (salah dibuat)", en: "this bundle was voided (created by mistake)")
        }
    }
}

extension Move {
    /// The move in "cannot be …": `tidak bisa dikemas`, `it cannot be packed`.
    public var cannotBe: Message {
        switch self {
        case .inspect: Message(id: "diperiksa", en: "inspected")
        case .reinspect: Message(id: "diperiksa ulang", en: "re-inspected")
        case .label: Message(id: "diberi label", en: "labelled")
        case .receive: Message(id: "diterima ke gudang", en: "received into stock")
        case .quarantine: Message(id: "dikarantina", en: "quarantined")
        case .scrap: Message(id: "dimusnahkan", en: "scrapped")
        case .pack: Message(id: "dikemas", en: "packed")
        case .unpack: Message(id: "dibongkar", en: "unpacked")
        case .ship: Message(id: "dikirim", en: "shipped")
        case .deliver: Message(id: "dicatat diterima mitra", en: "recorded as received")
        case .markMissing: Message(id: "dicatat hilang", en: "recorded as missing")
        case .dispute: Message(id: "dicatat sengketa", en: "recorded as disputed")
        case .return: Message(id: "diretur", en: "returned")
        case .reprint: Message(id: "diberi label ulang", en: "labelled again")
        case .void: Message(id: "dibatalkan", en: "voided")
        case .reportExtra: Message(id: "dicatat ada di mitra tanpa manifest", en: "recorded as at the partner without a manifest")
        case .reportForged: Message(id: "dicatat labelnya dipalsukan", en: "recorded as having a forged label")
        }
    }
}
