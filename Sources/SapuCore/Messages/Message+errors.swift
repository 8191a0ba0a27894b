extension CodeKind {
    /// The kind's name inside a sentence.
    public var noun: Message {
        switch self {
        case .site: Message(id: "kode lokasi", en: "site code")
        case .product: Message(id: "kode produk", en: "product code")
        case .maker: Message(id: "kode pembuat", en: "maker code")
        case .batch: Message(id: "kode batch", en: "batch code")
        case .defect: Message(id: "kode cacat", en: "defect code")
        case .grade: Message(id: "grade", en: "grade")
        case .inspector: Message(id: "kode pemeriksa", en: "inspector code")
        case .operator: Message(id: "kode operator", en: "operator code")
        case .station: Message(id: "nama stasiun", en: "station name")
        case .key: Message(id: "id kunci", en: "key id")
        case .partner: Message(id: "kode mitra", en: "partner code")
        case .user: Message(id: "kode pengguna", en: "user code")
        }
    }
}

extension TextField {
    /// The field's name inside a sentence.
    public var noun: Message {
        switch self {
        case .siteName: Message(id: "nama lokasi", en: "site name")
        case .productName: Message(id: "nama produk", en: "product name")
        case .makerName: Message(id: "nama pembuat", en: "maker name")
        case .defectName: Message(id: "nama cacat", en: "defect name")
        case .consignee: Message(id: "nama penerima", en: "consignee")
        case .address: Message(id: "alamat", en: "address")
        case .vehicle: Message(id: "kendaraan", en: "vehicle")
        case .driver: Message(id: "nama sopir", en: "driver's name")
        case .reference: Message(id: "referensi", en: "reference")
        case .station: Message(id: "nama stasiun", en: "station name")
        case .partnerName: Message(id: "nama mitra", en: "partner name")
        case .voidReason: Message(id: "alasan pembatalan", en: "reason for the void")
        }
    }
}

extension MoveRefusal {
    /// Why the move was refused, with what to do instead.
    public var message: Message {
        switch self {
        case .notFromState:
            Message(id: "tidak bisa dari status ini", en: "not possible from this state")
        case .failedBundle:
            Message(id: "ikatan TIDAK LULUS QC; pakai mode karantina",
                    en: "the bundle's QC result is FAIL; use quarantine mode")
        case .notLabelled:
            Message(id: "belum ada label yang berlaku (belum dibuat, atau dibuat sebelum pemeriksaan ulang terakhir); jalankan `sapu label` dulu",
                    en: "no current label (none made, or made before the last re-inspection); run `sapu label` first")
        case .alreadyPacked:
            Message(id: "sudah dikemas dalam pengiriman", en: "already packed in a shipment")
        case .otherShipment:
            Message(id: "sudah dikemas dalam pengiriman lain", en: "already packed in another shipment")
        case .scrapped:
            Message(id: "ikatan sudah dimusnahkan", en: "bundle has been scrapped")
        case .voided:
            Message(id: "ikatan sudah dibatalkan (salah dibuat); labelnya tidak berlaku",
                    en: "bundle has been voided (created by mistake); its label is void")
        case .voidPacked:
            Message(id: "ikatan sedang dikemas dalam pengiriman; bongkar dulu (sapu scan --mode bongkar) bila memang salah dibuat",
                    en: "bundle is packed in a shipment; unpack it first (sapu scan --mode unpack) if it really was created by mistake")
        case .voidShipped:
            // Said after "cannot be voided" (`voidRefused`): the reason alone.
            Message(id: "ikatan sudah pernah dikirim dan tercantum di manifest yang ditandatangani",
                    en: "bundle has been shipped and is listed on a signed manifest")
        }
    }
}

extension Move {
    /// The move's name as the user reads it.
    public var message: Message {
        switch self {
        case .inspect: Message(id: "periksa", en: "inspect")
        case .reinspect: Message(id: "periksa ulang", en: "re-inspect")
        case .label: Message(id: "beri label", en: "label")
        case .reprint: Message(id: "label ulang", en: "label again")
        case .receive: Message(id: "terima", en: "receive")
        case .quarantine: Message(id: "karantina", en: "quarantine")
        case .scrap: Message(id: "musnahkan", en: "scrap")
        case .pack: Message(id: "kemas", en: "pack")
        case .unpack: Message(id: "bongkar", en: "unpack")
        case .ship: Message(id: "kirim", en: "ship")
        case .deliver: Message(id: "diterima mitra", en: "deliver")
        case .markMissing: Message(id: "hilang", en: "mark missing")
        case .dispute: Message(id: "sengketa", en: "dispute")
        case .return: Message(id: "retur", en: "return")
        case .void: Message(id: "batalkan", en: "void")
        case .reportExtra: Message(id: "dilaporkan mitra tanpa manifest", en: "reported extra by partner")
        case .reportForged: Message(id: "label palsu dilaporkan mitra", en: "forged label reported by partner")
        }
    }
}

extension BundleState {
    /// The state's name as the user reads it.
    public var message: Message {
        switch self {
        case .inspected: Message(id: "diperiksa", en: "inspected")
        case .inStock: Message(id: "di gudang", en: "in stock")
        case .quarantined: Message(id: "karantina", en: "quarantined")
        case .packed: Message(id: "dikemas", en: "packed")
        case .shipped: Message(id: "dikirim", en: "shipped")
        case .received: Message(id: "diterima", en: "received")
        case .missing: Message(id: "hilang", en: "missing")
        case .disputed: Message(id: "disengketakan", en: "disputed")
        case .extra: Message(id: "ada di mitra tanpa manifest", en: "at partner, not in manifest")
        case .returned: Message(id: "dikembalikan", en: "returned")
        case .scrapped: Message(id: "dimusnahkan", en: "scrapped")
        case .voided: Message(id: "dibatalkan", en: "voided")
        }
    }
}

extension ShipmentStatus {
    /// The status as the user reads it.
    public var message: Message {
        switch self {
        case .open: Message(id: "terbuka", en: "open")
        case .closed: Message(id: "ditutup", en: "closed")
        case .shipped: Message(id: "dikirim", en: "shipped")
        case .delivered: Message(id: "diterima", en: "delivered")
        case .disputed: Message(id: "disengketakan", en: "disputed")
        case .cancelled: Message(id: "dibatalkan", en: "cancelled")
        }
    }
}

extension SapuError {
    /// Bundle ids in a sentence: the first five, then how many more.
    static func bundleList(_ ids: [String]) -> Message {
        let shown = ids.prefix(5).joined(separator: ", ")
        guard ids.count > 5 else { return Message(id: shown, en: shown) }
        return Message(id: "\(shown) dan \(ids.count - 5) lainnya", en: "\(shown) and \(ids.count - 5) more")
    }

    /// What was tried on a shipment, for `shipmentWrongStatus`.
    static func shipmentAction(_ action: String) -> Message {
        switch action {
        case "close": Message(id: "ditutup", en: "close it")
        case "ship": Message(id: "dikirim", en: "ship it")
        case "cancel": Message(id: "dibatalkan", en: "cancel it")
        case "reconcile": Message(id: "dicocokkan dengan tanda terima", en: "reconcile it")
        case "documents": Message(id: "ditulis ulang dokumennya", en: "write its documents again")
        default: Message(id: action, en: action)
        }
    }

    /// The one-line reason shown to the user.
    public var message: Message {
        switch self {
        case .invalidCode(let kind, let value):
            Message(id: "\(kind.noun.indonesian) tidak sah: \"\(value)\" (hanya 0-9 dan A-Z)",
                    en: "invalid \(kind.noun.english): \"\(value)\" (only 0-9 and A-Z)")
        case .emptyCode(let kind):
            Message(id: "\(kind.noun.indonesian) kosong", en: "empty \(kind.noun.english)")
        case .codeTooLong(let kind, let value, let limit):
            Message(id: "\(kind.noun.indonesian) \"\(value)\" terlalu panjang (maks. \(limit) karakter)",
                    en: "\(kind.noun.english) \"\(value)\" is too long (at most \(limit) characters)")
        case .unknown(let kind, let value):
            Message(id: "\(kind.noun.indonesian) tidak dikenal: \(value)",
                    en: "unknown \(kind.noun.english): \(value)")
        case .duplicate(let kind, let value):
            Message(id: "\(kind.noun.indonesian) \(value) sudah ada", en: "\(kind.noun.english) \(value) already exists")
        case .inactiveMaker(let code):
            Message(id: "pembuat \(code) tidak aktif", en: "maker \(code) is deactivated")
        case .invalidCount(let text):
            Message(id: "jumlah harus bilangan bulat 1 sampai 100000, bukan \"\(text)\"",
                    en: "count must be a whole number from 1 to 100000, not \"\(text)\"")
        case .invalidDate(let text):
            Message(id: "tanggal tidak sah: \"\(text)\" (format YYYY-MM-DD)",
                    en: "invalid date: \"\(text)\" (use YYYY-MM-DD)")
        case .unknownTimeZone(let text):
            Message(id: "zona waktu tidak dikenal: \"\(text)\" (nama IANA, mis. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
                    en: "unknown time zone: \"\(text)\" (an IANA name, e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura)")
        case .invalidBundleSize(let text):
            Message(id: "isi per ikatan harus bilangan bulat \(Product.bundleSizes.lowerBound) sampai \(Product.bundleSizes.upperBound), bukan \"\(text)\"",
                    en: "brooms per bundle must be a whole number from \(Product.bundleSizes.lowerBound) to \(Product.bundleSizes.upperBound), not \"\(text)\"")
        case .numberOutOfRange(let option, let value, let range):
            Message(id: "\(option) harus bilangan bulat \(range.lowerBound) sampai \(range.upperBound), bukan \"\(value)\"",
                    en: "\(option) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(value)\"")
        case .storedBundleSizeOutOfRange(let product, let size):
            Message(id: "isi per ikatan produk \(product) di database (\(size)) di luar \(Product.bundleSizes.lowerBound) sampai \(Product.bundleSizes.upperBound); perbaiki dengan `sapu product set \(product) --bundle-size N`",
                    en: "product \(product) has \(size) brooms per bundle in the database, outside \(Product.bundleSizes.lowerBound) to \(Product.bundleSizes.upperBound); correct it with `sapu product set \(product) --bundle-size N`")
        case .totalTooLarge:
            Message(id: "jumlah terlalu besar untuk dihitung: ada angka tersimpan yang tidak masuk akal",
                    en: "a total is too large to compute: a stored number is out of range")
        case .batchFull(let batch, let remaining):
            Message(id: "batch \(batch) hanya bisa menerima \(remaining) ikatan lagi (nomor seri paling tinggi \(LabelPayload.serials.upperBound)); buat batch baru",
                    en: "batch \(batch) can take only \(remaining) more bundles (serials end at \(LabelPayload.serials.upperBound)); create a new batch")
        case .shipmentNumbersUsedUp(let year):
            Message(id: "semua nomor pengiriman tahun \(year) sudah terpakai (paling tinggi \(ShipmentID.numbers.upperBound))",
                    en: "every shipment number of \(year) is taken (the highest is \(ShipmentID.numbers.upperBound))")
        case .controlCharacterInText(let field, let value):
            Message(id: "\(field.noun.indonesian) berisi karakter kendali: \"\(value.visible)\"; ketik ulang tanpa karakter itu",
                    en: "\(field.noun.english) contains a control character: \"\(value.visible)\"; type it again without it")
        case .textTooLong(let field, let limit):
            Message(id: "\(field.noun.indonesian) terlalu panjang (maks. \(limit) karakter)",
                    en: "\(field.noun.english) is too long (at most \(limit) characters)")
        case .emptyText(let field):
            Message(id: "\(field.noun.indonesian) kosong", en: "empty \(field.noun.english)")
        case .defectsRequired:
            Message(id: "--fail butuh paling sedikit satu --defect", en: "--fail needs at least one --defect")
        case .tooManyDefects(let limit):
            Message(id: "paling banyak \(limit) kode cacat per ikatan", en: "at most \(limit) defect codes per bundle")
        case .invalidLanguage(let text):
            Message(id: "bahasa tidak dikenal: \"\(text)\" (pakai id atau en)", en: "unknown language: \"\(text)\" (use id or en)")
        case .unknownOptionWord(let option, let value, let words):
            Message(id: "\(option) tidak mengenal \"\(value.visible)\"; pakai \(Message.list(words.map(\.indonesian), conjunction: "atau"))",
                    en: "\(option) does not take \"\(value.visible)\"; use \(Message.list(words.map(\.english), conjunction: "or"))")
        case .mixedOptionLanguages(let indonesian, let english):
            Message(id: "nilai opsi dalam dua bahasa (\(indonesian.visible), \(english.visible)); pakai kata bahasa Indonesia saja atau bahasa Inggris saja",
                    en: "option values in two languages (\(indonesian.visible), \(english.visible)); use only Indonesian or only English words")
        case .invalidGrade(let text):
            Message(id: "grade tidak sah: \"\(text)\" (pakai A atau B)", en: "invalid grade: \"\(text)\" (use A or B)")
        case .incompleteScan:
            Message(id: "pindaian terpotong atau rusak; pindai ulang labelnya", en: "scan cut short or damaged; scan the label again")
        case .gradeRequired:
            Message(id: "pilih --pass --grade A|B atau --fail --defect KODE",
                    en: "choose --pass --grade A|B or --fail --defect CODE")
        case .unknownBundle(let id):
            Message(id: "ikatan tidak dikenal: \(id)", en: "unknown bundle: \(id)")
        case .nonCanonicalBundleID(let typed, let canonical):
            Message(id: "id ikatan \"\(typed)\" tidak ditulis seperti di label; maksudnya \(canonical)?",
                    en: "bundle id \"\(typed)\" is not written as on the label; did you mean \(canonical)?")
        case .illegalMove(let bundle, let move, let state, let reason):
            Message(id: "\(bundle): \(reason.explanation(move: move, state: state).indonesian)",
                    en: "\(bundle): \(reason.explanation(move: move, state: state).english)")
        case .inspectNeedsBundles:
            Message(id: "sebutkan id ikatan untuk diperiksa ulang, atau --batch KODE dan --maker KODE untuk ikatan baru",
                    en: "give bundle ids to re-inspect, or --batch CODE and --maker CODE for new bundles")
        case .optionForNewBundlesOnly(let option):
            Message(id: "\(option) hanya untuk ikatan baru (dengan --batch dan --maker, tanpa id ikatan); pembuat dan batch ikatan yang sudah ada tidak berubah; tidak ada yang diubah",
                    en: "\(option) applies only to new bundles (with --batch and --maker, no bundle ids); the maker and batch of an existing bundle do not change; nothing changed")
        case .inspectNeedsConfirmation(let count):
            Message(id: "\(count) ikatan baru sekaligus (lebih dari \(Confirmation.threshold)) perlu dikonfirmasi, tetapi masukan bukan terminal; tambahkan --yes bila jumlahnya memang benar; tidak ada yang diubah",
                    en: "\(count) new bundles at once (more than \(Confirmation.threshold)) need confirming, but input is not a terminal; add --yes if the count is right; nothing changed")
        case .voidNeedsConfirmation(let count):
            Message(id: "membatalkan \(count) ikatan sekaligus perlu dikonfirmasi, tetapi masukan bukan terminal; tambahkan --yes bila memang benar; tidak ada yang diubah",
                    en: "voiding \(Message.englishCount(count, "bundle")) at once needs confirming, but input is not a terminal; add --yes if that is right; nothing changed")
        case .notConfirmed:
            Message(id: "tidak dikonfirmasi; tidak ada yang diubah", en: "not confirmed; nothing changed")
        case .voidNeedsBundles:
            Message(id: "sebutkan id ikatan, atau --batch KODE [--from N] [--to M] (salah satu)",
                    en: "give bundle ids, or --batch CODE [--from N] [--to M] (one of them)")
        case .serialRangeNeedsBatch:
            Message(id: "--from dan --to butuh --batch KODE", en: "--from and --to need --batch CODE")
        case .reversedSerialRange(let from, let to):
            Message(id: "rentang terbalik: --from \(from) sesudah --to \(to)", en: "reversed range: --from \(from) is after --to \(to)")
        case .voidRefused(let bundle, let state, let reason, let others):
            Message(id: "\(bundle) tidak bisa dibatalkan, status \(state.message.indonesian): \(reason.message.indonesian)"
                        + (others.isEmpty ? "" : "; juga ditolak: \(Self.bundleList(others).indonesian)") + "; tidak ada yang dibatalkan",
                    en: "\(bundle) cannot be voided, state \(state.message.english): \(reason.message.english)"
                        + (others.isEmpty ? "" : "; also refused: \(Self.bundleList(others).english)") + "; nothing was voided")
        case .bundleInOtherShipment(_, .unpack, let shipment):
            Message(id: "ikatan ini dikemas di pengiriman lain, \(shipment), bukan pengiriman stasiun ini; untuk membongkarnya, pindai dulu kode perintah pengiriman \(shipment)",
                    en: "this bundle is packed in another shipment, \(shipment), not this station's; to unpack it, first scan the control code of shipment \(shipment)")
        case .bundleInOtherShipment(_, let move, let shipment):
            Message(id: "ikatan ini sudah dikemas di pengiriman lain, \(shipment); tidak bisa \(move.cannotBe.indonesian) di sini. Bila salah kemas, bongkar dulu (mode bongkar)",
                    en: "this bundle is already packed in another shipment, \(shipment); it cannot be \(move.cannotBe.english) here. If it was packed by mistake, unpack it first (unpack mode)")
        case .typedBundleIDResembles(let typed, let suggestion):
            Message(id: "\"\(typed)\" tidak tercatat; maksud Anda \(suggestion)? (huruf O dan angka 0, huruf I atau L dan angka 1 mudah tertukar; ketik ulang)",
                    en: "\"\(typed)\" is not on record; did you mean \(suggestion)? (the letter O and the digit 0, the letters I or L and the digit 1 are easily mixed up; type it again)")
        case .noCodeInImage(let path):
            Message(id: "tidak ada kode QR di gambar \(path)", en: "no QR code found in image \(path)")
        case .emptyScan:
            Message(id: "baris kosong", en: "empty line")
        case .notABundle:
            Message(id: "ini kode perintah stasiun pindai, bukan label atau id ikatan",
                    en: "this is a scanning station's command code, not a bundle's label or id")
        case .scanTooLong(let count):
            Message(id: "terlalu panjang (\(count) karakter) untuk label Sapu", en: "too long (\(count) characters) for a Sapu label")
        case .notUTF8:
            Message(id: "data pemindai rusak (bukan teks UTF-8)", en: "garbled scanner data (not UTF-8 text)")
        case .supersededLabel(let scanned, let current):
            Message(id: "label lama R\(scanned); label berlaku R\(current) (cetak ulang jika perlu)",
                    en: "old label R\(scanned); the current label is R\(current) (reprint if needed)")
        case .voidedLabel:
            Message(id: "ikatan ini sudah dibatalkan (salah dibuat); labelnya tidak berlaku, singkirkan",
                    en: "this bundle was voided (created by mistake); its label is void, remove it")
        case .partnerOldLabel(let scanned, let current):
            Message(id: "label lama R\(scanned); label berlaku ikatan ini R\(current): pindai label R\(current) pada ikatan untuk menerimanya (tidak perlu cetak ulang)",
                    en: "old label R\(scanned); this bundle's current label is R\(current): scan the R\(current) label on the bundle to accept it (no reprint needed)")
        case .partnerOldLabelAfterCurrent(let scanned, let current):
            Message(id: "label lama R\(scanned); ikatan ini sudah dicatat dengan label berlakunya R\(current); label lama ini diabaikan",
                    en: "old label R\(scanned); this bundle was already recorded with its current label R\(current); the old label is ignored")
        case .partnerOldLabelAfterTyped(let scanned, let current):
            Message(id: "label lama R\(scanned); ikatan ini sudah dihitung dari id yang diketik; pindai label R\(current)-nya untuk memverifikasinya",
                    en: "old label R\(scanned); this bundle already counts from its typed id; scan its R\(current) label to verify it")
        case .labelOutdated(let id):
            Message(id: "label \(id) dibuat sebelum pemeriksaan ulang terakhir; buat label barunya (sapu label \(id))",
                    en: "label \(id) was made before the latest re-inspection; make its new label (sapu label \(id))")
        case .keyboardSwapsYAndZ:
            Message(id: "huruf Y dan Z tertukar; periksa tata letak keyboard pemindai (QWERTZ?) dan atur ke US",
                    en: "Y and Z are swapped; check the scanner's keyboard layout (QWERTZ?) and set it to US")
        case .labelDisagrees(let id):
            Message(id: "isi label \(id) tidak sesuai dengan catatan", en: "label \(id) does not match the records")
        case .shipmentRequired:
            Message(id: "mode kemas butuh --shipment NOMOR", en: "pack mode needs --shipment NUMBER")
        case .controlCodeUntagged(let current):
            Message(id: "kode perintah tanpa tanda pengaman (diketik atau dari lembar lama); mode tetap \(current.word.indonesian); cetak lembar baru dengan `sapu label commands`",
                    en: "control code without its security tag (typed, or from an old sheet); mode stays \(current.word.english); print a new sheet with `sapu label commands`")
        case .controlCodeNotThisSite(let current):
            Message(id: "kode perintah bukan dari lokasi ini atau sudah diubah; mode tetap \(current.word.indonesian); pakai lembar dari `sapu label commands` lokasi ini",
                    en: "control code not issued by this site, or altered; mode stays \(current.word.english); use a sheet from this site's `sapu label commands`")
        case .controlCodeCannotSelect(let mode, let current):
            Message(id: "mode \(mode.word.indonesian) tidak bisa dipilih dengan kode perintah; mode tetap \(current.word.indonesian); jalankan `sapu scan --mode \(mode.word.indonesian)` bila memang perlu",
                    en: "\(mode.word.english) mode cannot be chosen by a control code; mode stays \(current.word.english); run `sapu scan --mode \(mode.word.english)` if you really mean it")
        case .checkStationStaysReadOnly(let mode):
            Message(id: "stasiun ini dimulai hanya-baca (mode \(ScanMode.check.word.indonesian)) dan tidak pindah ke mode \(mode.word.indonesian); mulai `sapu scan --mode \(mode.word.indonesian)` untuk itu",
                    en: "this station was started read-only (\(ScanMode.check.word.english) mode) and does not switch to \(mode.word.english) mode; start `sapu scan --mode \(mode.word.english)` for that")
        case .packingShipmentNotOpen(let id, let status):
            Message(id: "pengiriman \(id) sudah \(status.message.indonesian); tidak ada lagi yang bisa dikemas ke dalamnya: pindai kode perintah pengiriman lain yang masih terbuka (lembar dari `sapu label commands --shipment NOMOR`)",
                    en: "shipment \(id) is \(status.message.english); nothing more can be packed into it: scan the control code of another open shipment (the sheet from `sapu label commands --shipment NUMBER`)")
        case .packingNeedsShipmentCode:
            Message(id: "belum ada pengiriman yang dipilih untuk dikemas: pindai dulu kode perintah pengirimannya (lembar dari `sapu label commands --shipment NOMOR`)",
                    en: "no shipment chosen to pack into: first scan the shipment's control code (the sheet from `sapu label commands --shipment NUMBER`)")
        case .packingShipmentUnknown(let id):
            Message(id: "pengiriman \(id) tidak tercatat di database ini; pindai kode perintah pengiriman yang masih terbuka (lembar dari `sapu label commands --shipment NOMOR`)",
                    en: "shipment \(id) is not on record in this database; scan the control code of an open shipment (the sheet from `sapu label commands --shipment NUMBER`)")
        case .scansNotSaved(let count):
            Message(id: "\(count) pindaian tidak tersimpan karena masalah database (lihat alasan per baris); pindai ulang setelah masalahnya beres",
                    en: "\(count) scans were not saved because of a database problem (see each line's reason); scan them again once it is fixed")
        case .unknownShipment(let id):
            Message(id: "pengiriman tidak dikenal: \(id)", en: "unknown shipment: \(id)")
        case .shipmentNotOpen(let id, let status):
            Message(id: "pengiriman \(id) sudah \(status.message.indonesian); isinya tidak bisa diubah",
                    en: "shipment \(id) is \(status.message.english); its content cannot change")
        case .shipmentWrongStatus(let id, let status, let action):
            Message(id: "pengiriman \(id) berstatus \(status.message.indonesian); tidak bisa \(Self.shipmentAction(action).indonesian)",
                    en: "shipment \(id) is \(status.message.english); cannot \(Self.shipmentAction(action).english)")
        case .shipmentEmpty(let id):
            Message(id: "pengiriman \(id) masih kosong; kemas ikatan dulu (sapu scan --mode kemas)",
                    en: "shipment \(id) is empty; pack bundles first (sapu scan --mode pack)")
        case .shipmentHoldsUnfit(let id, let bundle):
            Message(id: "pengiriman \(id) berisi ikatan \(bundle) yang tidak boleh dikirim (TIDAK LULUS QC atau bukan berstatus dikemas)",
                    en: "shipment \(id) holds bundle \(bundle), which cannot be shipped (QC result FAIL, or not packed)")
        case .manifestMismatch(let bundle, let field, let manifest, let label):
            Message(id: "\(bundle): \(Message.mismatchField(field).indonesian) di label \(label), di manifest \(manifest)",
                    en: "\(bundle): label says \(Message.mismatchField(field).english) \(label), the manifest says \(manifest)")
        case .manifestUnreadable(let path):
            Message(id: "\(path) bukan manifest Sapu yang bisa dibaca", en: "\(path) is not a readable Sapu manifest")
        case .manifestTampered(let path):
            Message(id: "tanda tangan manifest \(path) tidak cocok: manifest diubah, berkas .sig salah, atau kunci salah; JANGAN diterima",
                    en: "manifest \(path) signature does not match: altered manifest, wrong .sig file or wrong key; do NOT accept it")
        case .manifestUnknownKey(let path, let site, let keyID):
            Message(id: "manifest \(path) ditandatangani kunci \(keyID) milik \(site), yang tidak ada di berkas kunci publik Anda (bukan berarti diubah): minta kunci publik baru \(site) (sapu key export) dan cocokkan sidik jarinya lewat telepon dengan \(site) sebelum dipakai",
                    en: "manifest \(path) is signed with key \(keyID) of \(site), which your public key file does not have (this does not mean it was altered): get \(site)'s new public key (sapu key export) and confirm its fingerprint with \(site) by phone before using it")
        case .manifestSignerMismatch(let path, let claimed, let signedBy):
            Message(id: "manifest \(path) mengaku dari \(claimed) tetapi ditandatangani \(signedBy); JANGAN diterima",
                    en: "manifest \(path) claims to be from \(claimed) but is signed by \(signedBy); do NOT accept it")
        case .stateFromOtherManifest(let path):
            Message(id: "berkas status \(path) milik manifest lain; pakai --state lain", en: "state file \(path) belongs to another manifest; use another --state")
        case .stateFileDamaged(let path, let line):
            Message(id: "berkas status \(path) rusak atau diubah (baris \(line) tidak terbaca); tidak ada yang dipakai. Pulihkan berkas itu, atau pindai ulang semua ikatan dengan --state baru",
                    en: "state file \(path) is damaged or was edited (line \(line) cannot be read); nothing used. Restore that file, or scan every bundle again with a new --state")
        case .receiptNeedsOwnSite(let database):
            Message(id: "tanda terima belum ditulis: menandatanganinya perlu kunci Anda sendiri, dan database \(database) belum ada. Jalankan sekali sapu init --site KODE --name \"NAMA\" (kode dan nama perusahaan Anda), lalu sapu verify --finish lagi; pindaian tetap tersimpan",
                    en: "receipt not written: signing it needs your own key, and database \(database) does not exist yet. Run sapu init --site CODE --name \"NAME\" once (your company's code and name), then sapu verify --finish again; the scans are kept")
        case .receiptUnreadable(let path):
            Message(id: "\(path) bukan tanda terima Sapu yang bisa dibaca", en: "\(path) is not a readable Sapu receipt")
        case .receiptTampered(let path):
            Message(id: "tanda tangan tanda terima \(path) tidak cocok (diubah atau kunci mitra salah)",
                    en: "receipt \(path) signature does not match (altered, or wrong partner key)")
        case .documentPathBlocked(let path):
            Message(id: "\(path) menghalangi: bukan berkas biasa (mungkin folder); pindahkan, lalu tutup lagi. Pengiriman tetap terbuka",
                    en: "\(path) is in the way: it is not a plain file (perhaps a folder); move it away, then close again. The shipment stays open")
        case .shipmentAlreadyClosed(let id, let directory):
            Message(id: "pengiriman \(id) sudah ditutup; dokumennya ada di \(directory)",
                    en: "shipment \(id) is already closed; its documents are in \(directory)")
        case .shipmentNotClosedYet(let id):
            Message(id: "pengiriman \(id) masih terbuka; tutup dulu (menulis manifest dan surat jalan): sapu shipment close \(id)",
                    en: "shipment \(id) is still open; close it first (this writes the manifest and delivery note): sapu shipment close \(id)")
        case .shipmentHasNoDocumentsYet(let id):
            Message(id: "pengiriman \(id) masih terbuka; dokumennya baru ditulis saat ditutup: sapu shipment close \(id) --out FOLDER",
                    en: "shipment \(id) is still open; its documents are written when it is closed: sapu shipment close \(id) --out FOLDER")
        case .shipmentDocumentsNotKept(let id):
            Message(id: "dokumen pengiriman \(id) tidak tersimpan di database (ditutup dengan Sapu versi lama); pakai berkas yang ditulis saat ditutup",
                    en: "the documents of shipment \(id) are not kept in the database (closed by an older Sapu); use the files written at closing")
        case .shipmentDocumentsAltered(let id):
            Message(id: "salinan manifest pengiriman \(id) di database tidak cocok dengan SHA-256 yang dicatat saat ditutup; tidak ada yang ditulis. Jalankan sapu doctor, atau pulihkan cadangan",
                    en: "the kept manifest of shipment \(id) does not match the SHA-256 recorded at closing; nothing was written. Run sapu doctor, or restore a backup")
        case .shipmentDocumentsPending(let id):
            Message(id: "dokumen pengiriman \(id) belum selesai ditulis; ulangi perintah sebentar lagi",
                    en: "the documents of shipment \(id) are not all written yet; run the command again in a moment")
        case .receiptForOtherShipment(let receipt, let shipment):
            Message(id: "tanda terima untuk \(receipt) tidak cocok dengan manifest pengiriman \(shipment)",
                    en: "receipt for \(receipt) does not match the manifest of shipment \(shipment)")
        case .receiptNotForShipment(let receipt, let shipment):
            Message(id: "tanda terima ini untuk pengiriman \(receipt), bukan \(shipment); tidak ada yang diubah",
                    en: "this receipt is for shipment \(receipt), not \(shipment); nothing was changed")
        case .receiptFormerFormat(let path, let format):
            Message(id: "tanda terima \(path) berformat lama (\(format)) yang tidak membedakan id ketikan dari label terverifikasi; minta mitra memperbarui sapu dan menjalankan sapu verify --finish lagi",
                    en: "receipt \(path) is in an old format (\(format)) that does not tell typed ids from verified labels; ask the partner to update sapu and run sapu verify --finish again")
        case .receiptSignedByThisSite(let path, let site):
            Message(id: "\(path) ditandatangani lokasi ini sendiri (\(site)), bukan oleh mitra: itu manifest atau berkas lain dari sini, bukan tanda terima mitra (ID.receipt.json); tidak ada yang diubah",
                    en: "\(path) is signed by this site itself (\(site)), not by a partner: it is a manifest or another file from here, not a partner's receipt (ID.receipt.json); nothing changed")
        case .signatureMissing(let document, let signature):
            Message(id: "tanda tangan \(document) tidak ada: \(signature) tidak ditemukan; berikan berkas .json dari Sapu, dengan berkas .sig-nya di folder yang sama; tidak ada yang diubah",
                    en: "no signature for \(document): \(signature) not found; give the .json file Sapu wrote, with its .sig file in the same folder; nothing changed")
        case .receiptSignerNotPartner(let path, let signer):
            Message(id: "tanda terima \(path) ditandatangani oleh \(signer), yang bukan mitra terdaftar; tidak ada yang diubah (lihat sapu partner list)",
                    en: "receipt \(path) is signed by \(signer), which is not a registered partner; nothing changed (see sapu partner list)")
        case .receiptNotSignedByPartnerKey(let path, let partner, let keyID, let fingerprint):
            Message(id: "tanda terima \(path) TIDAK ditandatangani kunci terdaftar mitra \(partner) (\(keyID), sidik jari \(fingerprint)): diubah atau dibuat pihak lain; tidak ada yang diubah",
                    en: "receipt \(path) is NOT signed by partner \(partner)'s registered key (\(keyID), fingerprint \(fingerprint)): altered or made by someone else; nothing changed")
        case .receiptKeyNotRegistered(let partner, let keyID):
            Message(id: "tanda terima ditandatangani kunci \(keyID) mitra \(partner) yang belum terdaftar; cocokkan sidik jarinya dengan mitra, lalu sapu partner key add \(partner) --key BERKAS.pub",
                    en: "receipt signed with key \(keyID) of partner \(partner), which is not registered; confirm its fingerprint with the partner, then sapu partner key add \(partner) --key FILE.pub")
        case .receiptKeyRetired(let partner, let keyID):
            Message(id: "kunci \(keyID) mitra \(partner) sudah dipensiunkan; tanda terima baru dengan kunci itu tidak diterima",
                    en: "key \(keyID) of partner \(partner) is retired; new receipts signed with it are not accepted")
        case .receiptFromOtherPartner(let signer, let shipment, let partner):
            Message(id: "tanda terima dari mitra \(signer), padahal pengiriman \(shipment) untuk mitra \(partner); tidak ada yang diubah",
                    en: "the receipt comes from partner \(signer), but shipment \(shipment) goes to partner \(partner); nothing changed")
        case .receiptReceiverDisagrees(let path, let receiver, let signer):
            Message(id: "tanda terima \(path) menyebut penerima \(receiver) tetapi ditandatangani \(signer); tidak ada yang diubah",
                    en: "receipt \(path) names receiver \(receiver) but is signed by \(signer); nothing changed")
        case .receiptKeyDisagrees(let path, let named, let signed):
            Message(id: "tanda terima \(path) menyebut kunci \(named) tetapi ditandatangani dengan kunci \(signed); tidak ada yang diubah",
                    en: "receipt \(path) names key \(named) but is signed with key \(signed); nothing changed")
        case .receiptShipperDisagrees(let path, let shipper, let site):
            Message(id: "tanda terima \(path) untuk pengirim \(shipper), bukan lokasi ini (\(site)); tidak ada yang diubah",
                    en: "receipt \(path) answers shipper \(shipper), not this site (\(site)); nothing changed")
        case .receiptListsInconsistent(let path):
            Message(id: "daftar ikatan di tanda terima \(path) tidak masuk akal (ikatan ganda, atau jumlahnya tidak sama dengan manifest); tidak ada yang diubah",
                    en: "the bundle lists of receipt \(path) do not add up (a bundle listed twice, or not the manifest's count); nothing changed")
        case .receiptNamesOtherBundle(let bundle, let shipment):
            Message(id: "tanda terima menyebut ikatan \(bundle), yang bukan bagian pengiriman \(shipment); tidak ada yang diubah",
                    en: "the receipt names bundle \(bundle), which is not in shipment \(shipment); nothing changed")
        case .receiptNotNewer(let finished, let applied):
            Message(id: "tanda terima ini (selesai \(finished)) tidak lebih baru dari tanda terima yang sudah diterapkan (selesai \(applied)); tidak ada yang diubah",
                    en: "this receipt (finished \(finished)) is not newer than the receipt already applied (finished \(applied)); nothing changed")
        case .shipmentHasNoPartner(let id):
            Message(id: "pengiriman \(id) dibuat sebelum mitra didaftarkan; sebutkan mitranya: sapu shipment reconcile TANDA-TERIMA --partner KODE",
                    en: "shipment \(id) was opened before partners were registered; name its partner: sapu shipment reconcile RECEIPT --partner CODE")
        case .partnerKeyOptionRemoved:
            Message(id: "--partner-key tidak dipakai lagi: kunci mitra diambil dari daftar mitra; daftarkan dengan sapu partner add KODE --name NAMA --key MITRA.pub (atau sapu partner key add)",
                    en: "--partner-key is no longer used: partner keys come from the partner registry; register it with sapu partner add CODE --name NAME --key PARTNER.pub (or sapu partner key add)")
        case .partnerRequired:
            Message(id: "belum ada mitra terdaftar; jalankan dulu sapu partner add KODE --name NAMA --key MITRA.pub",
                    en: "no partner is registered; run sapu partner add CODE --name NAME --key PARTNER.pub first")
        case .partnerAmbiguous(let codes):
            Message(id: "ada beberapa mitra (\(codes.joined(separator: ", "))); pilih dengan --partner KODE",
                    en: "several partners are registered (\(codes.joined(separator: ", "))); choose one with --partner CODE")
        case .partnerIsOwnSite(let code):
            Message(id: "\(code) adalah kode lokasi ini sendiri, bukan mitra", en: "\(code) is this site's own code, not a partner")
        case .partnerNameRequired:
            Message(id: "--name NAMA mitra wajib diisi", en: "--name PARTNER NAME is required")
        case .partnerHasNoActiveKey(let code):
            Message(id: "mitra \(code) tidak punya kunci aktif; tambahkan dengan sapu partner key add \(code) --key BERKAS.pub",
                    en: "partner \(code) has no active key; add one with sapu partner key add \(code) --key FILE.pub")
        case .partnerKeyFileEmpty(let path):
            Message(id: "berkas \(path) tidak berisi kunci publik Sapu (baris sapu-ed25519 KODE K1 ...)",
                    en: "file \(path) holds no Sapu public key (lines sapu-ed25519 CODE K1 ...)")
        case .partnerKeyWrongSite(let path, let site, let partner):
            Message(id: "berkas \(path) berisi kunci lokasi \(site), bukan mitra \(partner); tidak ada yang didaftarkan",
                    en: "file \(path) holds a key of site \(site), not of partner \(partner); nothing registered")
        case .partnerKeyIsOwn(let keyID, let fingerprint):
            Message(id: "kunci \(keyID) (sidik jari \(fingerprint)) adalah kunci lokasi ini sendiri; daftarkan kunci dari sapu key export mitra",
                    en: "key \(keyID) (fingerprint \(fingerprint)) is this site's own key; register the key from the partner's sapu key export")
        case .partnerKeyTaken(let keyID, let fingerprint, let partner):
            Message(id: "kunci \(keyID) (sidik jari \(fingerprint)) sudah terdaftar untuk mitra \(partner); satu kunci hanya untuk satu mitra",
                    en: "key \(keyID) (fingerprint \(fingerprint)) is already registered for partner \(partner); a key belongs to one partner only")
        case .partnerKeyConflict(let partner, let keyID, let fingerprint):
            Message(id: "mitra \(partner) sudah punya kunci \(keyID) lain (sidik jari terdaftar \(fingerprint)); kunci baru mitra memakai id baru (sapu key rotate di sisi mitra)",
                    en: "partner \(partner) already has a different key \(keyID) (registered fingerprint \(fingerprint)); a partner's new key has a new id (sapu key rotate on the partner's side)")
        case .partnerKeyUnknown(let partner, let keyID):
            Message(id: "mitra \(partner) tidak punya kunci \(keyID) (lihat sapu partner list)",
                    en: "partner \(partner) has no key \(keyID) (see sapu partner list)")
        case .partnerFingerprintMismatch(let partner, let keyID, let fingerprint):
            Message(id: "kunci \(partner) \(keyID) di berkas itu bersidik jari \(fingerprint), bukan yang dikonfirmasi mitra; tidak ada yang didaftarkan (minta mitra memeriksa berkasnya)",
                    en: "key \(partner) \(keyID) in that file has fingerprint \(fingerprint), not the one the partner confirmed; nothing registered (ask the partner to check the file)")
        case .consigneeRequired:
            Message(id: "--to butuh nama penerima (atau hilangkan --to untuk memakai nama mitra terdaftar)",
                    en: "--to needs a consignee name (or leave --to out to use the partner's registered name)")
        case .reversedRange(let from, let to):
            Message(id: "periode terbalik: --from \(from.iso) sesudah --to \(to.iso)",
                    en: "reversed period: --from \(from.iso) is after --to \(to.iso)")
        case .databaseNotEmpty(let path):
            Message(id: "database \(path) sudah berisi ikatan; riwayat contoh hanya untuk database baru",
                    en: "database \(path) already holds bundles; the sample history only goes into a new database")
        case .databaseMissing(let path):
            Message(id: "database \(path) tidak ada; jalankan `sapu init` dulu",
                    en: "database \(path) does not exist; run `sapu init` first")
        case .notSapuDatabase(let path):
            Message(id: "\(path) bukan database Sapu", en: "\(path) is not a Sapu database")
        case .newerSchema(let path, let found, let known):
            Message(id: "database \(path) memakai skema versi \(found), lebih baru dari versi ini (\(known)); perbarui sapu",
                    en: "database \(path) uses schema version \(found), newer than this sapu knows (\(known)); upgrade sapu")
        case .alreadyInitialised(let path):
            Message(id: "database \(path) sudah ada; tidak ada yang diubah",
                    en: "database \(path) already exists; nothing changed")
        case .databaseBusy:
            Message(id: "database dikunci program lain lebih dari 30 detik tanpa kemajuan; tidak ada yang diubah. Tunggu stasiun lain selesai atau tutup sapu/sqlite3 yang macet, lalu ulangi",
                    en: "the database has been locked by another program for over 30 seconds without progress; nothing was changed. Wait for the other station to finish, or close a stuck sapu/sqlite3, then try again")
        case .databaseUnwritable(let path):
            Message(id: "database \(path) tidak bisa ditulis (berkas atau folder hanya-baca); perintah yang hanya membaca tetap bisa dipakai",
                    en: "database \(path) cannot be written (read-only file or folder); commands that only read still work")
        case .storageFailure(let detail):
            Message(id: "kesalahan penyimpanan: \(detail)", en: "storage error: \(detail)")
        case .databaseDamaged(let path):
            Message(id: "database \(path) rusak (tidak lolos pemeriksaan SQLite); tidak ada yang ditulis. Hentikan semua stasiun dan pulihkan cadangan terakhir: sapu restore BERKAS-CADANGAN",
                    en: "database \(path) is damaged (SQLite's check failed); nothing was written. Stop every station and restore the last backup: sapu restore BACKUP-FILE")
        case .schemaVersionInvalid(let path, let found):
            Message(id: "database \(path) mencatat versi skema \(found), yang tidak pernah ditulis sapu; berkas diubah di luar sapu. Pulihkan cadangan: sapu restore BERKAS-CADANGAN",
                    en: "database \(path) records schema version \(found), which sapu never writes; the file was changed outside sapu. Restore a backup: sapu restore BACKUP-FILE")
        case .schemaVersionBehindTables(let path, let found):
            Message(id: "database \(path) mencatat versi skema \(found) tetapi sudah berisi tabel versi yang lebih baru; nomor versinya diubah di luar sapu. Pulihkan cadangan: sapu restore BERKAS-CADANGAN",
                    en: "database \(path) records schema version \(found) but already holds tables of a later version; its version number was changed outside sapu. Restore a backup: sapu restore BACKUP-FILE")
        case .olderSchemaReadOnly(let path, let found, let known):
            Message(id: "database \(path) memakai skema lama versi \(found) (kini \(known)) dan hanya-baca, jadi tidak bisa diperbarui; jalankan sapu sekali dengan izin tulis",
                    en: "database \(path) uses the older schema version \(found) (now \(known)) and is read-only, so it cannot be upgraded; run sapu once with write access")
        case .databaseInUse(let path, let process):
            Message(id: "database \(path) sedang dipakai program lain (proses \(process)); hentikan semua stasiun dulu, lalu ulangi",
                    en: "database \(path) is in use by another program (process \(process)); stop every station first, then try again")
        case .backupIsLiveDatabase(let path):
            Message(id: "\(path) adalah database yang sedang dipakai; pilih berkas lain",
                    en: "\(path) is the live database; choose another file")
        case .backupDamaged(let path):
            Message(id: "salinan tidak lolos pemeriksaan integritas SQLite (database rusak); \(path) tidak ditulis. Jalankan `sapu doctor` dan pulihkan cadangan yang lebih lama",
                    en: "the copy failed SQLite's integrity check (the database is damaged); \(path) was not written. Run `sapu doctor` and restore an older backup")
        case .restoreDamaged(let path):
            Message(id: "cadangan \(path) tidak lolos pemeriksaan integritas SQLite; tidak ada yang dipulihkan. Pilih cadangan yang lebih lama",
                    en: "backup \(path) fails SQLite's integrity check; nothing was restored. Choose an older backup")
        case .checksFailed(let count):
            Message(id: "\(count) pemeriksaan menemukan masalah", en: "\(count) checks found problems")
        case .restoreOtherSite(let path, let site, let expected):
            Message(id: "\(path) adalah cadangan lokasi \(site), bukan \(expected); tidak ada yang dipulihkan",
                    en: "\(path) is a backup of site \(site), not \(expected); nothing was restored")
        case .moveRefused(let reason):
            Message(id: "ditolak: \(reason.message.indonesian); tidak ada yang diubah",
                    en: "refused: \(reason.message.english); nothing changed")
        case .unexpectedStorageError:
            Message(id: "database menjawab dengan galat tak terduga; tidak ada yang disimpan. Coba lagi; jika terulang, periksa disk dan database",
                    en: "the database answered with an unexpected error; nothing was saved. Try again; if it happens again, check the disk and the database")
        case .keyMissing(let path):
            Message(id: "kunci tanda tangan \(path) tidak ada", en: "signing key \(path) does not exist")
        case .keyUnreadable(let path):
            Message(id: "berkas kunci \(path) rusak atau tidak terbaca", en: "key file \(path) is damaged or unreadable")
        case .keyFileWrongKind(let path, true):
            Message(id: "berkas \(path) berisi kunci PRIVAT (sapu-ed25519-private), bukan kunci publik; kunci privat tidak boleh keluar dari PC pemiliknya: minta berkas kunci publik (.pub), dan pemiliknya sebaiknya membuat kunci baru (sapu key rotate)",
                    en: "file \(path) holds a PRIVATE key (sapu-ed25519-private), not a public key; a private key must never leave its owner's PC: ask for the public key file (.pub), and its owner should make a new key (sapu key rotate)")
        case .keyFileWrongKind(let path, false):
            Message(id: "berkas \(path) berisi kunci publik (sapu-ed25519), bukan kunci privat lokasi ini; pulihkan berkas kunci privat dari cadangan",
                    en: "file \(path) holds a public key (sapu-ed25519), not this site's private key; restore the private key file from the backup")
        case .keyFileExists(let path):
            Message(id: "berkas kunci \(path) sudah ada dan tidak ada database yang memakainya; tidak ada yang diubah. Jika database lokasi hilang, pulihkan dari cadangan (sapu restore BERKAS); untuk lokasi baru, pindahkan dulu \(path) ke tempat lain",
                    en: "key file \(path) already exists and no database uses it; nothing changed. If the site's database was lost, restore it from the backup (sapu restore FILE); to start a new site, first move \(path) elsewhere")
        case .signingKeyNotRegistered(let path, let keyID):
            Message(id: "berkas kunci privat \(path) tidak memuat kunci aktif \(keyID) yang terdaftar di database; tidak ada yang ditandatangani (pulihkan berkas kunci dari cadangan; lihat `sapu key show`)",
                    en: "private key file \(path) does not hold the current key \(keyID) registered in the database; nothing was signed (restore the key file from your backup; see `sapu key show`)")
        case .keyFilePermissions(let path):
            Message(id: "berkas kunci privat \(path) bisa dibaca atau ditulis pengguna lain; tidak dipakai. Jalankan: chmod 600 \(path)",
                    en: "private key file \(path) can be read or written by other users; not used. Run: chmod 600 \(path)")
        case .keyFileOtherSite(let path, let found, let site):
            Message(id: "berkas kunci privat \(path) berisi kunci lokasi \(found), bukan \(site); tidak ada yang ditandatangani (pulihkan berkas kunci \(site) dari cadangan)",
                    en: "private key file \(path) holds a key of site \(found), not \(site); nothing was signed (restore \(site)'s key file from your backup)")
        case .keyFileUnknownKey(let path, let keyID):
            Message(id: "berkas kunci privat \(path) memuat kunci \(keyID) yang tidak dikenal database; tidak ada yang diubah (pulihkan berkas kunci dari cadangan)",
                    en: "private key file \(path) holds a key \(keyID) the database does not know; nothing changed (restore the key file from your backup)")
        case .noCurrentKey:
            Message(id: "database tidak mencatat kunci tanda tangan yang aktif", en: "the database registers no current signing key")
        case .notSapuLabel:
            Message(id: "bukan label Sapu", en: "not a Sapu label")
        case .unknownPayloadVersion(let version):
            Message(id: "versi label tidak dikenal: \(version)", en: "unknown label version: \(version)")
        case .unknownKey(let site, let keyID):
            Message(id: "label ditandatangani kunci \(keyID) milik \(site) yang tidak ada di daftar kunci di sini (tidak terbukti asli); jika \(site) mengganti kuncinya, minta kunci publik barunya dan cocokkan sidik jarinya",
                    en: "label signed with key \(keyID) of \(site), which is not among the keys here (not proven genuine); if \(site) rotated its key, get its new public key and confirm the fingerprint")
        case .labelKeyNotIssued(let site, let keyID):
            Message(id: "label mengaku ditandatangani kunci \(keyID) milik \(site), tetapi lokasi ini tidak pernah membuat kunci itu: palsu",
                    en: "label claims key \(keyID) of \(site), which this site never issued: forged")
        case .labelOfOtherSite(let site):
            Message(id: "label batch lokasi \(site), bukan lokasi ini; stasiun ini tidak bisa memeriksanya",
                    en: "label of a batch of site \(site), not of this site; this station cannot check it")
        case .badSignature:
            Message(id: "tanda tangan label tidak cocok (palsu atau diubah)",
                    en: "label signature does not match (forged or altered)")
        case .malformedField(let field):
            Message(id: "isi label rusak pada bagian \(LabelField(rawValue: field)?.indonesianName ?? field)",
                    en: "label field \(field) is malformed")
        case .outsideAlphabet(let characters):
            Message(id: "karakter asing \"\(characters)\"; periksa Caps Lock / tata letak keyboard pemindai",
                    en: "unexpected characters \"\(characters)\"; check Caps Lock / the scanner's keyboard layout")
        case .bundlesOrBatch:
            Message(id: "sebutkan id ikatan atau --batch KODE (salah satu)", en: "give bundle ids or --batch CODE (one of them)")
        case .nothingToLabel(let batch):
            Message(id: "batch \(batch) tidak punya ikatan yang bisa diberi label", en: "batch \(batch) has no bundles that can be labelled")
        case .labelChangedWhilePrinting:
            Message(id: "ikatan diubah stasiun lain saat label dibuat; ulangi", en: "a bundle changed at another station while printing; try again")
        case .labelAlreadyCurrent(let bundles):
            Message(id: "\(Self.bundleList(bundles).indonesian) sudah punya label yang berlaku; tidak ada yang ditulis. Untuk menulis ulang label yang sama, tambahkan --again",
                    en: "\(Self.bundleList(bundles).english) already \(bundles.count == 1 ? "has" : "have") a current label; nothing was written. To write the same label again, add --again")
        case .nothingToReprint(let bundles):
            Message(id: "\(Self.bundleList(bundles).indonesian) belum punya label yang berlaku untuk ditulis ulang (belum pernah diberi label, atau diperiksa ulang sesudahnya); tidak ada yang ditulis. Tulis labelnya tanpa --again",
                    en: "\(Self.bundleList(bundles).english) \(bundles.count == 1 ? "has" : "have") no current label to write again (never labelled, or re-inspected since); nothing was written. Write the label without --again")
        case .batchNothingToReprint(let batch):
            Message(id: "batch \(batch) belum punya ikatan dengan label yang berlaku untuk ditulis ulang; tulis labelnya tanpa --again",
                    en: "batch \(batch) has no bundle with a current label to write again; write its labels without --again")
        case .labelRevisionsUsedUp(let bundle):
            Message(id: "ikatan \(bundle) tidak bisa diberi label revisi baru (paling tinggi R\(LabelPayload.revisions.upperBound))",
                    en: "bundle \(bundle) cannot get another label revision (the highest is R\(LabelPayload.revisions.upperBound))")
        case .unknownTemplate(let name):
            Message(id: "templat label tidak dikenal: \(name) (lihat `sapu label templates`)",
                    en: "unknown label template: \(name) (see `sapu label templates`)")
        case .templateInvalid(let name, let field):
            Message(id: "templat \(name): nilai \"\(field)\" hilang atau tidak mungkin",
                    en: "template \(name): value \"\(field)\" is missing or impossible")
        case .templateFieldsInvalid(let name, let fields):
            Message(id: fields.map { SapuError.templateInvalid(name: name, field: $0).message.indonesian }.joined(separator: "\n"),
                    en: fields.map { SapuError.templateInvalid(name: name, field: $0).message.english }.joined(separator: "\n"))
        case .qrDoesNotFit(let template, let needed, let available):
            Message(id: "templat \(template): kode QR butuh \(needed) titik, tersedia hanya \(available)",
                    en: "template \(template): the QR code needs \(needed) dots, only \(available) available")
        case .payloadTooLong(let template, let version):
            Message(id: "templat \(template): isi label tidak muat di QR versi \(version)",
                    en: "template \(template): the payload does not fit a version \(version) QR code")
        case .imageUnreadable(let path):
            Message(id: "\(path) bukan gambar yang bisa dibaca (JPEG, PNG atau PGM)",
                    en: "\(path) is not a readable image (JPEG, PNG or PGM)")
        case .imageTooLarge(let path, let width, let height, let limit):
            Message(id: "gambar \(path) berukuran \(width) × \(height) piksel; paling besar \(limit / 1_000_000) megapiksel yang dibaca (perkecil fotonya)",
                    en: "image \(path) is \(width) × \(height) pixels; at most \(limit / 1_000_000) megapixels are read (scale the photo down)")
        case .imageFileTooLarge(let path, let limit):
            Message(id: "berkas gambar \(path) lebih besar dari \(limit / 1_048_576) MiB; tidak dibaca (perkecil fotonya)",
                    en: "image file \(path) is larger than \(limit / 1_048_576) MiB; not read (scale the photo down)")
        case .imageDamaged(let path):
            Message(id: "gambar JPEG \(path) rusak atau terpotong; tidak dibaca (salin atau ambil ulang fotonya)",
                    en: "JPEG image \(path) is damaged or cut short; not read (copy or take the photo again)")
        case .skipOutOfRange(let skip, let slots):
            Message(id: "--skip \(skip) tidak mungkin: satu lembar memuat \(slots) label (pakai 0 sampai \(slots - 1))",
                    en: "--skip \(skip) is impossible: a sheet holds \(slots) labels (use 0 to \(slots - 1))")
        case .labelOffsetOutOfRange(let value, let limit):
            Message(id: "geseran \(Message.millimetres(value, .id)) mm tidak mungkin: paling jauh \(Message.millimetres(limit, .id)) mm ke tiap arah; ukur lagi dengan `sapu label calibrate`",
                    en: "a shift of \(Message.millimetres(value, .en)) mm is impossible: at most \(Message.millimetres(limit, .en)) mm either way; measure again with `sapu label calibrate`")
        case .labelOffsetNotANumber(let option, let value):
            Message(id: "\(option) \(value) bukan jarak dalam mm; tulis angka seperti 1,5 atau -0,75",
                    en: "\(option) \(value) is not a distance in mm; write a number such as 1.5 or -0.75")
        case .labelOffsetTooLarge(let template, let x, let y):
            Message(id: "templat \(template): geseran \(Message.millimetres(x, .id)) mm, \(Message.millimetres(y, .id)) mm mendorong kode atau teks label keluar dari bagian stiker yang bisa dicetak; tidak dipakai. Ukur lagi, atau periksa ukuran di templat",
                    en: "template \(template): a shift of \(Message.millimetres(x, .en)) mm, \(Message.millimetres(y, .en)) mm pushes a label's code or text off the printable part of its sticker; not used. Measure again, or check the template's measurements")
        case .storedLabelOffsetDoesNotFit(let template, let x, let y):
            Message(id: "templat \(template): geseran tersimpan \(Message.millimetres(x, .id)) mm, \(Message.millimetres(y, .id)) mm tidak lagi muat di labelnya (templatnya diubah?); tidak ada yang ditulis. Simpan geseran baru, mis. sapu label calibrate --template \(template) --offset-x 0 --offset-y 0, lalu tulis halaman kalibrasi lagi",
                    en: "template \(template): the stored shift of \(Message.millimetres(x, .en)) mm, \(Message.millimetres(y, .en)) mm no longer fits its labels (was the template changed?); nothing was written. Store a new one, e.g. sapu label calibrate --template \(template) --offset-x 0 --offset-y 0, then write the calibration page again")
        case .storedLabelOffsetInvalid(let template):
            Message(id: "geseran templat \(template) yang tersimpan di database bukan geseran yang mungkin; simpan ulang dengan: sapu label calibrate --template \(template) --offset-x X --offset-y Y",
                    en: "the shift stored for template \(template) in the database is not a possible shift; store it again with: sapu label calibrate --template \(template) --offset-x X --offset-y Y")
        case .skipNeedsSheet:
            Message(id: "--skip hanya untuk lembar stiker PDF (--format pdf dengan templat lembar)",
                    en: "--skip applies only to a PDF sticker sheet (--format pdf with a sheet template)")
        case .renderFailed(let format):
            Message(id: "tidak bisa membuat \(format) (memori habis?)", en: "could not draw the \(format) (out of memory?)")
        case .languageNeedsThermal(let template, let language):
            Message(id: "\(language) hanya untuk printer termal, sedangkan templat \(template) adalah lembar stiker: pakai --format pdf (atau --language pdf untuk printer); tidak ada yang ditulis",
                    en: "\(language) is for thermal printers only, and template \(template) is a sticker sheet: use --format pdf (or --language pdf for a printer); nothing was written")
        case .printerLanguageWithoutPrinter:
            Message(id: "--language hanya berlaku dengan --printer (atau SAPU_PRINTER); untuk berkas pakai --format",
                    en: "--language applies only with --printer (or SAPU_PRINTER); for files use --format")
        case .filesOptionWithPrinter(let option):
            Message(id: "\(option) untuk berkas, --printer untuk mencetak: pakai salah satu; bahasa printer dipilih dengan --language (zpl, tspl, pdf, png)",
                    en: "\(option) is for files, --printer for printing: use one of them; the printer's language is chosen with --language (zpl, tspl, pdf, png)")
        case .printingToolMissing(let command):
            Message(id: "perintah \(command) tidak terpasang; pasang paket cups-client untuk mencetak; tidak ada yang dicetak",
                    en: "the \(command) command is not installed; install the cups-client package to print; nothing was printed")
        case .cupsNotRunning:
            Message(id: "layanan cetak CUPS tidak berjalan (tidak bisa tersambung); nyalakan CUPS lalu coba lagi; tidak ada yang dicetak",
                    en: "the CUPS print service is not running (cannot connect); start CUPS and try again; nothing was printed")
        case .printerUnknown(let name):
            Message(id: "printer \"\(name.visible)\" tidak ada di CUPS (lihat `sapu printers`); tidak ada yang dicetak",
                    en: "there is no printer \"\(name.visible)\" in CUPS (see `sapu printers`); nothing was printed")
        case .printerStopped(let name):
            Message(id: "printer \(name) sedang berhenti di CUPS; jalankan lagi dengan: cupsenable \(name); tidak ada yang dicetak",
                    en: "printer \(name) is stopped in CUPS; start it with: cupsenable \(name); nothing was printed")
        case .printerNotAccepting(let name):
            Message(id: "printer \(name) tidak menerima pekerjaan cetak; izinkan dengan: cupsaccept \(name); tidak ada yang dicetak",
                    en: "printer \(name) is not accepting jobs; allow them with: cupsaccept \(name); nothing was printed")
        case .printerTimedOut(let command, let seconds):
            Message(id: "CUPS tidak menjawab \(command) dalam \(seconds) detik; tidak ada yang dicatat, periksa antrean dengan: lpstat -o",
                    en: "CUPS did not answer \(command) within \(seconds) seconds; nothing was recorded, check the queue with: lpstat -o")
        case .printerListFailed(let status):
            Message(id: "CUPS tidak memberikan daftar printernya (lpstat keluar dengan kode \(status)); tidak ada yang dicetak",
                    en: "CUPS did not list its printers (lpstat exited with status \(status)); nothing was printed")
        case .printJobRefused(let printer, let status):
            Message(id: "CUPS tidak menerima pekerjaan cetak untuk printer \(printer) (lp keluar dengan kode \(status)); tidak ada yang dicetak",
                    en: "CUPS did not accept the print job for printer \(printer) (lp exited with status \(status)); nothing was printed")
        case .fontMissing(let path):
            Message(id: "huruf \(path) tidak ada; pasang fonts-dejavu-core",
                    en: "font \(path) is missing; install fonts-dejavu-core")
        case .fileUnreadable(let path):
            Message(id: "berkas \(path) tidak bisa dibaca", en: "file \(path) cannot be read")
        case .fileTooLarge(let path, let limit):
            Message(id: "\(path) bukan berkas biasa berukuran paling banyak \(limit) MiB; Sapu tidak pernah menulis berkas seperti itu; tidak ada yang diubah",
                    en: "\(path) is not a plain file of at most \(limit) MiB; Sapu never writes such a file; nothing was changed")
        case .fileUnwritable(let path):
            Message(id: "tidak bisa menulis ke \(path)", en: "cannot write to \(path)")
        case .unsafeFileName(let name):
            Message(id: "nama berkas \"\(name.visible)\" hanya boleh berisi huruf, angka, titik, _ dan -; tidak ada yang ditulis",
                    en: "file name \"\(name.visible)\" may hold only letters, digits, dots, _ and -; nothing was written")
        case .passwordLength(let minimum, let maximum):
            Message(id: "kata sandi harus \(minimum) sampai \(maximum) karakter; tidak ada yang diubah",
                    en: "a password must have \(minimum) to \(maximum) characters; nothing was changed")
        case .passwordsDiffer:
            Message(id: "kedua kata sandi tidak sama; tidak ada yang diubah", en: "the two passwords differ; nothing was changed")
        case .passwordNotGiven:
            Message(id: "tidak ada kata sandi: ketik di terminal, atau beri satu baris lewat --password-stdin",
                    en: "no password: type it at a terminal, or give one line with --password-stdin")
        case .loginFailed:
            Message(id: "kode pengguna atau kata sandi salah", en: "wrong user code or password")
        case .loginThrottled(let seconds):
            Message(id: "terlalu banyak kata sandi salah untuk pengguna ini; coba lagi dalam \(seconds) detik",
                    en: "too many wrong passwords for this user; try again in \(seconds) seconds")
        case .lastAdmin(let code):
            Message(id: "\(code) adalah admin aktif terakhir; tambahkan admin lain dulu; tidak ada yang diubah",
                    en: "\(code) is the last active admin; add another admin first; nothing was changed")
        case .sessionExpired:
            Message(id: "sesi Anda berakhir; silakan masuk lagi", en: "your session has ended; please log in again")
        case .notAllowed(let role):
            Message(id: "peran \(role) tidak boleh melakukan ini", en: "the \(role) role may not do this")
        case .formTokenInvalid:
            Message(id: "formulir ini kedaluwarsa atau tidak dikirim dari halaman Sapu; muat ulang halaman lalu coba lagi; tidak ada yang diubah",
                    en: "this form has expired or was not sent from a Sapu page; reload the page and try again; nothing was changed")
        case .uploadTooLarge(let limit):
            Message(id: "kiriman lebih dari \(limit) MiB; tidak ada yang diubah", en: "the upload is over \(limit) MiB; nothing was changed")
        case .formUnreadable:
            Message(id: "kiriman formulir tidak terbaca (terpotong atau rusak); kirim lagi dari halamannya; tidak ada yang diubah",
                    en: "the form that was sent cannot be read (cut off or damaged); send it again from its page; nothing was changed")
        case .formFieldMissing(let field):
            Message(id: "isian \"\(field.indonesian)\" wajib diisi; tidak ada yang diubah",
                    en: "the field \"\(field.english)\" is required; nothing was changed")
        case .listenAddressInvalid(let text):
            Message(id: "--listen \"\(text.visible)\" bukan ALAMAT:PORT (mis. 127.0.0.1:8080)",
                    en: "--listen \"\(text.visible)\" is not HOST:PORT (e.g. 127.0.0.1:8080)")
        case .downloadMissing(let name):
            Message(id: "berkas \"\(String(name.prefix(80)).visible)\" tidak ada di sini",
                    en: "there is no file \"\(String(name.prefix(80)).visible)\" here")
        case .verificationUnknown(let id):
            Message(id: "pemeriksaan kiriman \"\(String(id.prefix(80)).visible)\" tidak ada di sini; unggah manifest, tanda tangannya, dan kunci publik pengirim di halaman Periksa kiriman",
                    en: "there is no shipment verification \"\(String(id.prefix(80)).visible)\" here; upload the manifest, its signature and the workshop's public key on the Verify shipments page")
        case .malformedLogBatch:
            Message(id: "kiriman catatan ke hub rusak atau tidak berurutan; tidak ada yang disimpan",
                    en: "the log batch sent to the hub is damaged or out of order; nothing was stored")
        case .hub(let problem):
            problem.message
        case .listenFailed(let address):
            Message(id: "tidak bisa mendengarkan di \(address): port sudah dipakai atau alamat bukan milik PC ini",
                    en: "cannot listen on \(address): the port is in use or the address is not this PC's")
        }
    }
}

extension LabelField {
    /// The field's name in Indonesian messages.
    var indonesianName: String {
        switch self {
        case .version: "versi"
        case .key: "kunci"
        case .product: "produk"
        case .batch: "batch"
        case .serial: "serial"
        case .maker: "pembuat"
        case .date: "tanggal"
        case .result: "hasil QC"
        case .defect: "cacat"
        case .revision: "revisi"
        case .signature: "tanda tangan"
        }
    }
}
