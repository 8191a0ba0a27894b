/// Help texts of the command line: command abstracts, discussions and option help.
///
/// One `MARK` section per command, in the order of `sapu --help`.
extension Message {
    // MARK: - sapu

    public static let helpSapu = Message(
        id: "Inventaris dan pemeriksaan mutu (QC) sapu buatan tangan.",
        en: "Inventory and quality control for hand-made brooms.")

    // MARK: - options of every command

    public static let helpOptionDatabase = Message(
        id: "Berkas database (bawaan: $SAPU_DB, jika tidak ada ./sapu.sqlite).",
        en: "Database file (default: $SAPU_DB, else ./sapu.sqlite).")
    public static let helpOptionLanguage = Message(
        id: "Bahasa pesan dan bantuan: id atau en (bawaan: $SAPU_LANG, jika tidak ada id).",
        en: "Language of messages and help: id or en (default: $SAPU_LANG, else id).")
    public static let helpOptionJSON = Message(id: "Tampilkan data sebagai JSON.", en: "Print data as JSON.")
    public static let helpOptionStation = Message(
        id: "Nama stasiun (bawaan: $SAPU_STATION, jika tidak ada nama komputer).",
        en: "Station name (default: $SAPU_STATION, else the host name).")
    public static let helpOptionOperator = Message(id: "Kode operator.", en: "Operator's code.")

    // MARK: - init

    public static let helpInit = Message(
        id: "Buat database dan kunci tanda tangan lokasi ini.", en: "Create the database and the site's signing key.")
    public static let helpInitDiscussion = Message(
        id: "Aman dijalankan lagi setelah terputus: ia menyelesaikan atau memulai ulang, dan tidak pernah mengganti lokasi yang sudah ada.",
        en: "Safe to run again after it was interrupted: it finishes or starts over, and never replaces a site.")
    public static let helpInitSite = Message(id: "Kode lokasi, 0-9 dan A-Z (mis. PWT).", en: "Site code, 0-9 and A-Z (e.g. PWT).")
    public static let helpInitName = Message(
        id: "Nama lokasi (mis. \"Lapas Kelas IIA Purwokerto\").", en: "Site name (e.g. \"Lapas Kelas IIA Purwokerto\").")
    public static let helpInitTimeZone = Message(
        id: "Zona waktu lokasi ini, nama IANA (Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT); semua waktu ditulis dan ditampilkan di zona ini.",
        en: "The site's time zone, an IANA name (Asia/Jakarta = WIB, Asia/Makassar = WITA, Asia/Jayapura = WIT); every time is written and shown in it.")

    // MARK: - product

    public static let helpProduct = Message(id: "Tambah, ubah atau daftar produk.", en: "Add, change or list products.")
    public static let helpProductAdd = Message(id: "Tambah produk.", en: "Add a product.")
    public static let helpProductNewCode = Message(id: "Kode produk, 0-9 dan A-Z.", en: "Product code, 0-9 and A-Z.")
    public static let helpProductName = Message(id: "Nama produk.", en: "Product name.")
    public static let helpProductBundleSize = Message(id: "Jumlah sapu per ikatan, 1 sampai 1000.", en: "Brooms per bundle, 1 to 1000.")
    public static let helpProductSet = Message(
        id: "Ubah nama produk atau jumlah sapu per ikatan (manifest yang sudah ditulis tetap memakai yang lama).",
        en: "Change a product's name or bundle size (manifests already written keep theirs).")
    public static let helpProductCode = Message(id: "Kode produk.", en: "Product code.")
    public static let helpProductNewName = Message(id: "Nama produk yang baru.", en: "New product name.")
    public static let helpProductNewBundleSize = Message(
        id: "Jumlah sapu per ikatan yang baru, 1 sampai 1000.", en: "New number of brooms per bundle, 1 to 1000.")
    public static let helpProductList = Message(id: "Daftar produk.", en: "List products.")

    // MARK: - maker

    public static let helpMaker = Message(id: "Tambah, daftar atau nonaktifkan pembuat.", en: "Add, list or deactivate makers.")
    public static let helpMakerAdd = Message(id: "Tambah pembuat.", en: "Add a maker.")
    public static let helpMakerNewCode = Message(id: "Kode pembuat, 0-9 dan A-Z (mis. M042).", en: "Maker code, 0-9 and A-Z (e.g. M042).")
    public static let helpMakerName = Message(
        id: "Nama setempat; tetap di lokasi ini, hanya ditampilkan oleh `maker list`.",
        en: "Local name; stays on this site, shown only by `maker list`.")
    public static let helpMakerList = Message(id: "Daftar pembuat, dengan nama setempatnya.", en: "List makers, with their local names.")
    public static let helpMakerDeactivate = Message(
        id: "Hentikan pembuat agar tidak mendapat ikatan baru.", en: "Stop a maker from getting new bundles.")
    public static let helpMakerCode = Message(id: "Kode pembuat.", en: "Maker code.")

    // MARK: - defect

    public static let helpDefect = Message(id: "Tambah atau daftar kode cacat.", en: "Add or list defect codes.")
    public static let helpDefectAdd = Message(id: "Tambah kode cacat.", en: "Add a defect code.")
    public static let helpDefectCode = Message(id: "Kode cacat, 0-9 dan A-Z.", en: "Defect code, 0-9 and A-Z.")
    public static let helpDefectNameID = Message(id: "Nama dalam bahasa Indonesia.", en: "Name in Indonesian.")
    public static let helpDefectNameEN = Message(id: "Nama dalam bahasa Inggris.", en: "Name in English.")
    public static let helpDefectList = Message(id: "Daftar kode cacat.", en: "List defect codes.")

    // MARK: - batch

    public static let helpBatch = Message(id: "Buat, daftar atau tampilkan batch.", en: "Create, list or show batches.")
    public static let helpBatchCreate = Message(id: "Buat batch; kodenya ditampilkan.", en: "Create a batch; prints its code.")
    public static let helpBatchProduct = Message(id: "Kode produk (LIDI, GLAGAH, ...).", en: "Product code (LIDI, GLAGAH, ...).")
    public static let helpBatchDate = Message(
        id: "Hari produksi, YYYY-MM-DD (bawaan: hari ini).", en: "Production day, YYYY-MM-DD (default: today).")
    public static let helpBatchList = Message(id: "Daftar batch.", en: "List batches.")
    public static let helpBatchShow = Message(
        id: "Tampilkan batch dan ikatannya menurut hasil QC dan status.", en: "Show a batch and its bundles by result and state.")
    public static let helpBatchCode = Message(id: "Kode batch.", en: "Batch code.")

    // MARK: - inspect

    public static let helpInspect = Message(
        id: "Catat hasil QC: buat N ikatan yang sudah diperiksa, atau periksa ulang ikatan setelah diperbaiki.",
        en: "Record QC: create N inspected bundles, or re-inspect bundles after rework.")
    public static let helpInspectDiscussion = Message(
        id: """
            Ikatan baru:
            sapu inspect --batch PWT251121A --maker M042 --pass --grade A --count 5
            Periksa ulang setelah diperbaiki:
            sapu inspect PWT251121A-0003 --pass --grade B
            """,
        en: """
            New bundles:
            sapu inspect --batch PWT251121A --maker M042 --pass --grade A --count 5
            Re-inspect after rework:
            sapu inspect PWT251121A-0003 --pass --grade B
            """)
    public static let helpInspectBundles = Message(
        id: "Id ikatan yang diperiksa ulang setelah diperbaiki.", en: "Bundle ids to re-inspect after rework.")
    public static let helpInspectBatch = Message(id: "Kode batch untuk ikatan baru.", en: "Batch code for new bundles.")
    public static let helpInspectMaker = Message(id: "Kode pembuat untuk ikatan baru.", en: "Maker code for new bundles.")
    public static let helpInspectPass = Message(id: "Ikatan LULUS QC (butuh --grade).", en: "The bundle passed QC (needs --grade).")
    public static let helpInspectGrade = Message(id: "Grade ikatan yang lulus: A atau B.", en: "Grade of a passed bundle: A or B.")
    public static let helpInspectFail = Message(
        id: "Ikatan TIDAK LULUS QC (butuh --defect).", en: "The bundle's QC result is FAIL (needs --defect).")
    public static let helpInspectDefect = Message(
        id: "Kode cacat ikatan yang tidak lulus, dipisah koma atau diulang.",
        en: "Defect codes of a failed bundle, comma-separated or repeated.")
    public static let helpInspectCount = Message(id: "Berapa ikatan dengan hasil ini.", en: "How many bundles with this result.")
    public static let helpInspectInspector = Message(id: "Kode pemeriksa.", en: "Inspector's code.")

    // MARK: - bundle

    public static let helpBundle = Message(
        id: "Tampilkan, daftar atau batalkan ikatan (yang salah dibuat).", en: "Show, list or void bundles (created by mistake).")
    public static let helpBundleShow = Message(
        id: "Tampilkan status terkini dan seluruh riwayat satu ikatan.", en: "Show a bundle's current state and full history.")
    public static let helpBundleID = Message(id: "Id ikatan, mis. PWT251121A-0042.", en: "Bundle id, e.g. PWT251121A-0042.")
    public static let helpBundleList = Message(
        id: "Daftar ikatan, bisa hanya satu batch atau satu status.", en: "List bundles, optionally by batch and state.")
    public static let helpBundleListBatch = Message(id: "Hanya batch ini.", en: "Only this batch.")
    public static var helpBundleListState: Message {
        Message(id: "Hanya status ini: \(BundleState.wordList.indonesian).", en: "Only this state: \(BundleState.wordList.english).")
    }

    // MARK: - stock

    public static let helpStock = Message(
        id: "Hitung ikatan yang ada di Lapas (diperiksa, di gudang, karantina, dikemas) per produk, grade dan status.",
        en: "Count the bundles on hand (inspected, in stock, quarantined, packed) by product, grade and state.")
    public static let helpStockAll = Message(
        id: "Tampilkan juga ikatan yang sudah keluar: dikirim, diterima, hilang, disengketakan, ada di mitra tanpa manifest, dikembalikan, dimusnahkan.",
        en: "Also show bundles that have left: shipped, received, missing, disputed, at partner (not in manifest), returned, scrapped.")

    // MARK: - label

    public static let helpLabel = Message(
        id: "Buat label QR bertanda tangan sebagai berkas PNG, PDF A4, ZPL atau TSPL, atau cetak langsung lewat CUPS.",
        en: "Make signed QR labels as PNG, A4 PDF, ZPL or TSPL files, or print them through CUPS.")
    public static let helpLabelPrint = Message(
        id: "Buat label untuk ikatan tertentu atau satu batch (subperintah bawaan).",
        en: "Make labels for bundles or a whole batch (the default subcommand).")
    public static let helpLabelPrintDiscussion = Message(
        id: """
            sapu label PWT251121A-0001 PWT251121A-0002 --template thermal-60x40
            sapu label --batch PWT251121A --format pdf --template a4-3x8 --skip 5
            Label yang dibuat setelah pemeriksaan ulang adalah revisi baru; label yang lebih lama lalu terbaca sebagai label lama saat dipindai.
            """,
        en: """
            sapu label PWT251121A-0001 PWT251121A-0002 --template thermal-60x40
            sapu label --batch PWT251121A --format pdf --template a4-3x8 --skip 5
            A label made after a re-inspection is a new label revision; older labels then scan as superseded.
            """)
    public static let helpLabelBundles = Message(id: "Id ikatan.", en: "Bundle ids.")
    public static let helpLabelBatch = Message(
        id: "Semua ikatan batch ini yang bisa diberi label.", en: "Every bundle of this batch that can carry a label.")
    public static let helpLabelTemplate = Message(
        id: "Nama templat (lihat `sapu label templates`).", en: "Template name (see `sapu label templates`).")
    public static let helpLabelFormat = Message(
        id: "png (satu berkas per label, bawaan), pdf (lembar stiker a4-3x8 bila tanpa --template, atau satu halaman per label untuk templat termal), zpl atau tspl (hanya templat termal).",
        en: "png (one file per label, the default), pdf (the a4-3x8 sticker sheet without --template, or one page per label for a thermal template), zpl or tspl (thermal templates only).")
    public static let helpLabelOut = Message(id: "Folder keluaran (dibuat bila belum ada; bawaan: folder ini).",
                                             en: "Output directory (created if missing; default: the current one).")
    public static let helpLabelSkip = Message(
        id: "Jumlah posisi label yang dibiarkan kosong di lembar pertama (lembar yang sudah terpakai sebagian).",
        en: "Label positions to leave empty on the first sheet (a partly used sheet).")
    public static let helpLabelTemplates = Message(id: "Daftar templat label.", en: "List label templates.")
    public static let helpLabelCommands = Message(
        id: "Tulis lembar PDF berisi kode QR untuk mengganti mode pindai, pengiriman atau operator.",
        en: "Write a PDF sheet of QR codes that switch the scanning mode, shipment or operator.")
    public static var helpLabelCommandsDiscussion: Message {
        let scrap = ScanMode.scrap.word
        return Message(
            id: "Setiap kode membawa tanda lokasi ini: stasiun lokasi lain menolaknya. Mode \(scrap.indonesian) tidak punya kode; "
                + "jalankan `sapu scan --mode \(scrap.indonesian)` untuk itu.",
            en: "Each code carries this site's tag: stations of other sites refuse it. Scrap mode has no code; "
                + "start `sapu scan --mode \(scrap.english)` for it.")
    }
    public static let helpLabelCommandsShipment = Message(
        id: "Nomor pengiriman yang diberi kode.", en: "Shipment numbers to add codes for.")
    public static let helpLabelCommandsOperator = Message(id: "Kode operator yang diberi kode.", en: "Operator codes to add codes for.")
    public static let helpLabelCommandsTemplate = Message(id: "Templat lembar.", en: "Sheet template.")
    public static let helpLabelCommandsOut = Message(id: "Folder keluaran.", en: "Output directory.")

    // MARK: - scan

    public static let helpScan = Message(
        id: "Pindai ikatan dengan pemindai (yang mengetik seperti keyboard ke stdin) atau dari foto, untuk memindahkannya masuk, di dalam dan keluar gudang.",
        en: "Scan bundles from a keyboard-wedge scanner (stdin) or photos, moving them through stock.")
    public static var helpScanDiscussion: Message {
        let word = { (mode: ScanMode) in mode.word }
        return Message(
            id: "Mode: \(word(.receive).indonesian) (masuk gudang), \(word(.pack).indonesian) (ke --shipment), "
                + "\(word(.unpack).indonesian), \(word(.return).indonesian), \(word(.quarantine).indonesian), "
                + "\(word(.scrap).indonesian), \(word(.check).indonesian) (hanya melihat). Satu kode per baris; "
                + "id ikatan yang tercetak di label dan diketik tangan juga bisa. Kode perintah dari `sapu label commands` "
                + "lokasi ini mengganti mode, pengiriman atau operator; mode \(word(.scrap).indonesian) tidak pernah dipilih "
                + "lewat kode, dan stasiun yang dimulai dalam mode \(word(.check).indonesian) tetap hanya melihat.",
            en: "Modes: \(word(.receive).english) (into stock), \(word(.pack).english) (into --shipment), "
                + "\(word(.unpack).english), \(word(.return).english), \(word(.quarantine).english), "
                + "\(word(.scrap).english), \(word(.check).english) (read-only). One code per line; "
                + "a printed bundle id typed by hand also works. Control codes from this site's `sapu label commands` "
                + "switch mode, shipment or operator; \(word(.scrap).english) is never chosen by a code, and a station "
                + "started in \(word(.check).english) mode stays read-only.")
    }
    public static var helpScanMode: Message {
        Message(id: "\(ScanMode.wordList.indonesian) (kata bahasa Inggrisnya juga bisa).",
                en: "\(ScanMode.wordList.english) (the Indonesian words work too).")
    }
    public static let helpScanShipment = Message(
        id: "Nomor pengiriman untuk mode kemas/bongkar, mis. 001/SJ/PWT/XI/2025.",
        en: "Shipment number for pack/unpack, e.g. 001/SJ/PWT/XI/2025.")
    public static let helpScanImage = Message(
        id: "Berkas gambar (JPEG, PNG atau PGM) yang dibaca kodenya, sebagai ganti stdin.",
        en: "Image files (JPEG, PNG or PGM) to decode instead of reading stdin.")

    // MARK: - shipment

    public static let helpShipment = Message(
        id: "Pengiriman: buka, kemas (sapu scan --mode kemas), tutup, kirim, cocokkan dengan tanda terima.",
        en: "Shipments: open, pack (sapu scan --mode pack), close, ship, reconcile.")
    public static let helpShipmentCreate = Message(
        id: "Buka pengiriman ke mitra terdaftar; nomornya ditampilkan.",
        en: "Open a shipment to a registered partner; prints its number.")
    public static let helpShipmentCreateDiscussion = Message(
        id: "Tanpa --partner dipakai satu-satunya mitra aktif; daftarkan mitra dengan sapu partner add.",
        en: "Without --partner the only active partner is taken; register partners with sapu partner add.")
    public static let helpShipmentPartner = Message(
        id: "Kode mitra (lihat sapu partner list), mis. PHC.", en: "The partner's code (see sapu partner list), e.g. PHC.")
    public static let helpShipmentTo = Message(
        id: "Nama penerima di dokumen (bawaan: nama mitra yang terdaftar).",
        en: "Consignee's name on the documents (default: the partner's registered name).")
    public static let helpShipmentAddress = Message(
        id: "Alamat penerima (bawaan: alamat mitra yang terdaftar).",
        en: "Consignee's address (default: the partner's registered address).")
    public static let helpShipmentVehicle = Message(id: "Kendaraan dan nomor polisinya.", en: "Vehicle and plate number.")
    public static let helpShipmentDriver = Message(id: "Nama sopir.", en: "Driver's name.")
    public static let helpShipmentReference = Message(
        id: "Referensi, mis. nomor pesanan mitra.", en: "Reference, e.g. the partner's order number.")
    public static let helpShipmentList = Message(id: "Daftar pengiriman.", en: "List shipments.")
    public static let helpShipmentShow = Message(id: "Tampilkan pengiriman dan ikatannya.", en: "Show a shipment and its bundles.")
    public static let helpShipmentNumberExample = Message(
        id: "Nomor pengiriman, mis. 001/SJ/PWT/XI/2025.", en: "Shipment number, e.g. 001/SJ/PWT/XI/2025.")
    public static let helpShipmentNumber = Message(id: "Nomor pengiriman.", en: "Shipment number.")
    public static let helpShipmentClose = Message(
        id: "Tutup pengiriman: tulis manifest bertanda tangan, CSV dan PDF surat jalan.",
        en: "Close a shipment: writes the signed manifest, the CSV and the surat jalan PDF.")
    public static let helpShipmentCloseOut = Message(id: "Folder untuk berkas-berkasnya.", en: "Directory for the files.")
    public static let helpShipmentShip = Message(
        id: "Catat bahwa pengiriman yang sudah ditutup berangkat bersama sopir.",
        en: "Mark a closed shipment as gone with the driver.")
    public static let helpShipmentCancel = Message(
        id: "Batalkan pengiriman sebelum berangkat; ikatannya kembali ke gudang.",
        en: "Cancel a shipment before it ships; bundles go back to stock.")
    public static let helpShipmentReconcile = Message(
        id: "Terapkan tanda terima bertanda tangan dari mitra: ikatan menjadi diterima, hilang atau disengketakan.",
        en: "Apply the partner's signed receipt: bundles become received, missing or disputed.")
    public static let helpShipmentReconcileDiscussion = Message(
        id: "Tanda terima harus ditandatangani kunci yang terdaftar untuk mitra pengiriman itu (sapu partner add, "
            + "sapu partner key add). Tanda terima yang lebih baru dari mitra menggantikan yang diterapkan sebelumnya.",
        en: "The receipt must be signed with a key registered for the shipment's partner (sapu partner add, "
            + "sapu partner key add). A newer receipt from the partner supersedes the one applied before.")
    public static let helpShipmentReceipt = Message(
        id: "Berkas tanda terima (ID.receipt.json); berkas .sig-nya harus ada di sebelahnya.",
        en: "The receipt file (ID.receipt.json); its .sig file must be beside it.")
    public static let helpShipmentReceiptSignature = Message(
        id: "Berkas tanda tangan tanda terima (bawaan: di sebelah tanda terima).",
        en: "The receipt's signature file (default: beside the receipt).")
    public static let helpShipmentReceiptPartner = Message(
        id: "Hanya untuk pengiriman yang dibuka sebelum mitra didaftarkan: kode mitranya.",
        en: "Only for a shipment opened before partners were registered: its partner's code.")

    // MARK: - partner

    public static let helpPartner = Message(
        id: "Daftarkan mitra dan kunci publiknya (tanda terima hanya berlaku bila ditandatangani mereka).",
        en: "Register partners and their public keys (receipts count only when signed by them).")
    public static let helpPartnerAdd = Message(
        id: "Daftarkan mitra dengan berkas kunci publik dari sapu init / sapu key export milik mitra itu.",
        en: "Register a partner with the public key file from its own sapu init / sapu key export.")
    public static let helpPartnerAddDiscussion = Message(
        id: "Cocokkan setiap sidik jari yang ditampilkan dengan mitra lewat telepon sebelum menerapkan tanda terimanya.",
        en: "Compare each printed fingerprint with the partner over the phone before applying its receipts.")
    public static let helpPartnerNewCode = Message(
        id: "Kode lokasi mitra, seperti di berkas kuncinya (mis. PHC).",
        en: "The partner's site code, as in its key file (e.g. PHC).")
    public static let helpPartnerName = Message(
        id: "Nama mitra, mis. \"CV. Pusat Handicraft\".", en: "The partner's name, e.g. \"CV. Pusat Handicraft\".")
    public static let helpPartnerAddress = Message(
        id: "Alamat mitra (bawaan untuk pengiriman).", en: "The partner's address (default for shipments).")
    public static let helpPartnerKeyFile = Message(
        id: "Berkas kunci publik mitra (mis. PHC.pub).", en: "The partner's public key file (e.g. PHC.pub).")
    public static let helpPartnerFingerprint = Message(
        id: "Sidik jari yang dibacakan mitra (sapu key show); setiap kunci harus cocok dengan salah satunya.",
        en: "A fingerprint the partner read out (sapu key show); every key must match one.")
    public static let helpPartnerList = Message(
        id: "Daftar mitra dengan kunci dan sidik jarinya.", en: "List partners with their keys and fingerprints.")
    public static let helpPartnerKey = Message(
        id: "Daftarkan kunci baru mitra setelah mitra mengganti kunci, atau pensiunkan kunci lama.",
        en: "Add a partner's new key after its rotation, or retire an old one.")
    public static let helpPartnerKeyAdd = Message(
        id: "Daftarkan kunci baru dari berkas kunci publik mitra; kunci yang sudah dikenal dibiarkan.",
        en: "Register the new key(s) in the partner's public key file; known ones are left as they are.")
    public static let helpPartnerCode = Message(id: "Kode mitra.", en: "Partner code.")
    public static let helpPartnerNewKeyFile = Message(
        id: "Berkas kunci publik mitra (dari sapu key export-nya).",
        en: "The partner's public key file (from its sapu key export).")
    public static let helpPartnerNewFingerprint = Message(
        id: "Sidik jari yang dibacakan mitra (sapu key show); setiap kunci baru harus cocok dengan salah satunya.",
        en: "A fingerprint the partner read out (sapu key show); every new key must match one.")
    public static let helpPartnerRetire = Message(
        id: "Tolak tanda terima baru yang ditandatangani kunci mitra ini (tanda terima yang sudah diterapkan tetap berlaku).",
        en: "Stop accepting new receipts signed with a partner's key (receipts applied before stay).")
    public static let helpPartnerKeyID = Message(id: "Id kunci, mis. K1.", en: "Key id, e.g. K1.")

    // MARK: - verify

    public static let helpVerify = Message(
        id: "Periksa ikatan yang datang terhadap manifest bertanda tangan (tanpa database pengirim).",
        en: "Check arriving bundles against a signed manifest (no workshop database needed).")
    public static let helpVerifyDiscussion = Message(
        id: """
            Pindai setiap ikatan:
            sapu verify --manifest 001-SJ-PWT-XI-2025.manifest.json --key PWT.pub
            Lalu tampilkan laporannya dan tulis tanda terima:
            sapu verify --manifest 001-SJ-PWT-XI-2025.manifest.json --key PWT.pub --finish

            Kemajuan disimpan di berkas status, jadi pemeriksaan yang terputus dilanjutkan dari tempat berhentinya. --finish menampilkan laporan dan menulis ID.receipt.json yang ditandatangani kunci Anda sendiri (dari sapu init Anda).
            """,
        en: """
            Scan every bundle:
            sapu verify --manifest 001-SJ-PWT-XI-2025.manifest.json --key PWT.pub
            Then print the report and write the receipt:
            sapu verify --manifest 001-SJ-PWT-XI-2025.manifest.json --key PWT.pub --finish

            Progress is kept in a state file, so an interrupted check resumes where it stopped. --finish prints the report and writes ID.receipt.json signed with your own key (from your sapu init).
            """)
    public static let helpVerifyManifest = Message(id: "Berkas manifest (ID.manifest.json).", en: "The manifest file (ID.manifest.json).")
    public static let helpVerifyKey = Message(
        id: "Berkas kunci publik pengirim (mis. PWT.pub).", en: "The workshop's public key file (e.g. PWT.pub).")
    public static let helpVerifySignature = Message(
        id: "Berkas tanda tangan manifest (bawaan: di sebelah manifest).",
        en: "The manifest's signature file (default: beside the manifest).")
    public static let helpVerifyImage = Message(
        id: "Berkas gambar (JPEG, PNG atau PGM) yang dibaca kodenya, sebagai ganti stdin.",
        en: "Image files (JPEG, PNG or PGM) to decode instead of reading stdin.")
    public static let helpVerifyState = Message(
        id: "Berkas status (bawaan: ID.verify.jsonl di folder saat ini).",
        en: "State file (default: ID.verify.jsonl in the current directory).")
    public static let helpVerifyFinish = Message(
        id: "Tampilkan laporan dan tulis tanda terima bertanda tangan.", en: "Print the report and write the signed receipt.")
    public static let helpVerifyOut = Message(id: "Folder untuk tanda terima.", en: "Directory for the receipt.")

    // MARK: - key

    public static let helpKey = Message(
        id: "Tampilkan, ekspor atau ganti kunci tanda tangan lokasi ini.", en: "Show, export or rotate the site's signing key.")
    public static let helpKeyShow = Message(
        id: "Tampilkan id kunci, sidik jari, dan kunci mana yang aktif menurut database.",
        en: "Show key ids, fingerprints and which key the database calls current.")
    public static let helpKeyShowDiscussion = Message(
        id: """
            Kunci lokasi ini, dari database:
            sapu key show
            Kunci publik yang dikirim Lapas (cocokkan sidik jarinya lewat telepon):
            sapu key show --file PWT.pub
            """,
        en: """
            This site's keys, from the database:
            sapu key show
            A public key file from a workshop (confirm its fingerprints by phone):
            sapu key show --file PWT.pub
            """)
    public static let helpKeyShowFile = Message(
        id: "Berkas kunci publik yang ditampilkan sebagai ganti kunci lokasi ini (tanpa database).",
        en: "A public key file to show instead of this site's keys (no database needed).")
    public static let helpKeyExport = Message(id: "Tulis kunci publik untuk mitra.", en: "Write the public keys for partners.")
    public static let helpKeyExportDiscussion = Message(
        id: """
            Semua kunci dalam satu berkas kunci sapu:
            sapu key export --out PWT.pub
            Satu berkas PEM per kunci (DIR/PWT-K1.pem, DIR/PWT-K2.pem, ...):
            sapu key export --format pem --out DIR
            """,
        en: """
            Every key in one sapu key file:
            sapu key export --out PWT.pub
            One PEM file per key (DIR/PWT-K1.pem, DIR/PWT-K2.pem, ...):
            sapu key export --format pem --out DIR
            """)
    public static let helpKeyExportOut = Message(
        id: "Berkas (format sapu) atau folder (format pem) yang ditulis.",
        en: "The file (sapu format) or the directory (pem format) to write.")
    public static let helpKeyExportFormat = Message(
        id: "sapu (satu berkas kunci) atau pem (SubjectPublicKeyInfo, satu berkas LOKASI-IDKUNCI.pem per kunci).",
        en: "sapu (one key file) or pem (SubjectPublicKeyInfo, one SITE-KEYID.pem file per key).")
    public static let helpKeyRotate = Message(
        id: "Mulai menandatangani dengan kunci baru; label dan manifest yang ditandatangani kunci lama tetap sah.",
        en: "Start signing with a new key; labels and manifests signed with older keys still verify.")
    public static let helpKeyRotateDiscussion = Message(
        id: "Aman dijalankan lagi setelah terputus: ia menyelesaikan penggantian kunci yang terputus, tanpa melompati id kunci.",
        en: "Safe to run again after an interruption: it finishes the interrupted rotation instead of skipping a key id.")

    // MARK: - report

    public static let helpReport = Message(
        id: "Laporan untuk manajemen: stok, tingkat lulus QC dan cacat, hasil kerja per pembuat, pengiriman.",
        en: "Reports for management: stock, QC pass rates and defects, output per maker, shipments.")
    public static var helpReportDiscussion: Message {
        let formats = ReportFormat.allCases.filter { $0 != .table }.map(\.word)
        return Message(
            id: "Setiap laporan tampil sebagai tabel, atau dengan --format \(formats.map(\.indonesian).joined(separator: "|")) "
                + "(--out BERKAS untuk menulis berkas). Tanggal diketik sebagai YYYY-MM-DD. Nama pembuat hanya muncul dengan "
                + "`report makers --names`.",
            en: "Every report prints as a table, or with --format \(formats.map(\.english).joined(separator: "|")) "
                + "(--out FILE to write a file). Dates are YYYY-MM-DD. Maker names appear only with `report makers --names`.")
    }
    public static var helpReportFormat: Message {
        Message(id: "\(ReportFormat.wordList.indonesian) (bawaan: \(ReportFormat.table.word.indonesian)).",
                en: "\(ReportFormat.wordList.english) (default: \(ReportFormat.table.word.english)).")
    }
    public static let helpReportOut = Message(
        id: "Tulis laporan ke berkas ini, bukan ke layar.", en: "Write the report to this file instead of the terminal.")
    public static let helpReportFrom = Message(
        id: "Hari pertama, YYYY-MM-DD (bawaan: awal catatan).", en: "First day, YYYY-MM-DD (default: the start of the records).")
    public static let helpReportTo = Message(
        id: "Hari terakhir, YYYY-MM-DD (bawaan: catatan terakhir).", en: "Last day, YYYY-MM-DD (default: the latest records).")
    public static let helpReportStock = Message(
        id: "Stok per produk, grade dan status, saat ini atau pada akhir suatu hari yang lalu (--at).",
        en: "Stock by product, grade and state, now or at the end of a past day (--at).")
    public static let helpReportStockAt = Message(
        id: "Putar ulang riwayat kegiatan sampai akhir hari ini, YYYY-MM-DD.",
        en: "Replay the event log to the end of this day, YYYY-MM-DD.")
    public static let helpReportQC = Message(
        id: "Tingkat lulus QC per batch, pembuat, produk atau hari, hasil lulus pertama dan akhir, dan penyebab cacat berurutan.",
        en: "QC pass rates by batch, maker, product or day, yields, and defect causes ranked.")
    public static var helpReportQCBy: Message {
        Message(id: "Baris per \(ReportGrouping.wordList.indonesian).", en: "Rows per \(ReportGrouping.wordList.english).")
    }
    public static let helpReportMakers = Message(
        id: "Hasil kerja per pembuat: ikatan, sapu, sebaran grade, tingkat lulus, perbaikan.",
        en: "Output per maker: bundles, brooms, grade mix, pass rate, reworks.")
    public static let helpReportMakersDiscussion = Message(
        id: "Pembuat tampil dengan kodenya. --names menambahkan nama setempat mereka: simpan laporan seperti itu di lokasi ini.",
        en: "Makers appear by code. --names adds their local names: keep such a report on the site.")
    public static let helpReportMakersNames = Message(
        id: "Tambahkan nama setempat pembuat (jangan untuk apa pun yang keluar dari lokasi ini).",
        en: "Add the makers' local names (never for anything leaving the site).")
    public static let helpReportShipments = Message(
        id: "Per pengiriman: ikatan dikirim, diterima, hilang, disengketakan; jumlah per penerima.",
        en: "Per shipment: bundles sent, received, missing, disputed; totals per consignee.")
    public static let helpReportGenerate = Message(
        id: "Isi database baru dengan riwayat tiruan (untuk uji kecepatan).",
        en: "Fill a new database with a simulated history (benchmarks).")
    public static let helpReportGenerateBundles = Message(id: "Berapa ikatan, 1 sampai 10000000.", en: "How many bundles, 1 to 10000000.")
    public static let helpReportGenerateMakers = Message(id: "Berapa pembuat, 1 sampai 999.", en: "How many makers, 1 to 999.")
    public static let helpReportGenerateDays = Message(
        id: "Berapa hari, berakhir hari ini (atau $SAPU_NOW), 1 sampai 3650 dan tidak sebelum 2000.",
        en: "How many days, ending today (or $SAPU_NOW), 1 to 3650 and not before 2000.")
    public static let helpReportGenerateSeed = Message(id: "Bilangan awal pengacak.", en: "Random seed.")

    // MARK: - doctor

    public static let helpDoctor = Message(
        id: "Periksa keutuhan database, kunci tanda tangan dan berkas setiap pengiriman yang sudah ditutup; "
            + "status keluar bukan nol bila ada masalah.",
        en: "Check the database's integrity, the signing key and every closed shipment's files; exits non-zero on a problem.")

    // MARK: - backup

    public static let helpBackup = Message(
        id: "Salin database ke BERKAS selagi stasiun tetap bekerja; salinan diperiksa keutuhannya sebelum menggantikan BERKAS.",
        en: "Copy the database to FILE while stations keep working; the copy is integrity-checked before it replaces FILE.")
    public static let helpBackupDiscussion = Message(
        id: "Setiap hari, mis. dari cron:\nsapu backup --db /srv/sapu.sqlite --out /media/cadangan/sapu-$(date +%F).sqlite",
        en: "Daily, e.g. from cron:\nsapu backup --db /srv/sapu.sqlite --out /media/backup/sapu-$(date +%F).sqlite")
    public static let helpBackupOut = Message(id: "Berkas cadangan yang ditulis.", en: "The backup file to write.")

    // MARK: - restore

    public static let helpRestore = Message(
        id: "Ganti database dengan cadangan dari lokasi yang sama; database yang diganti disimpan di sebelahnya dengan nama bertanggal.",
        en: "Replace the database with a backup of the same site; the replaced one is kept beside it under a dated name.")
    public static let helpRestoreDiscussion = Message(
        id: "Hentikan semua stasiun dulu: restore menolak selama program lain membuka database.",
        en: "Stop every scanning station first: restore refuses while another process has the database open.")
    public static let helpRestoreFile = Message(id: "Berkas cadangan, mis. buatan sapu backup.", en: "The backup file, e.g. made by sapu backup.")
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
    /// Examples on their own lines; each paragraph on one line, which the help page wraps.
    public static let helpBundleVoidDiscussion = Message(
        id: """
            sapu bundle void PWT251121A-0003 PWT251121A-0007 --reason "salah hitung"
            sapu bundle void --batch PWT251121A --from 3 --to 9 --reason "salah ketik"

            Hanya ikatan berstatus diperiksa, di gudang atau karantina yang bisa dibatalkan; ikatan yang dikemas atau pernah dikirim ditolak, dan bila satu ditolak tidak ada yang dibatalkan. Pembatalan bersifat final. Lebih dari \(Confirmation.threshold) ikatan, atau sebuah rentang/batch, perlu dikonfirmasi (di terminal) atau --yes.
            """,
        en: """
            sapu bundle void PWT251121A-0003 PWT251121A-0007 --reason "miscounted"
            sapu bundle void --batch PWT251121A --from 3 --to 9 --reason "count mistyped"

            Only bundles that are inspected, in stock or quarantined can be voided; packed or ever shipped ones are refused, and if one is refused none is voided. A void is final. More than \(Confirmation.threshold) bundles, or a range or batch, must be confirmed (at a terminal) or given --yes.
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

    // MARK: - shipment (partner results, documents)

    public static let helpReconcileShipment = Message(
        id: "Pengiriman yang dimaksud, mis. 001/SJ/PWT/XI/2025: tanda terima untuk pengiriman lain ditolak.",
        en: "The shipment you mean, e.g. 001/SJ/PWT/XI/2025: a receipt for another shipment is refused.")

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

    // MARK: - label calibrate

    public static let helpLabelCalibrate = Message(
        id: "Tulis halaman kalibrasi untuk mengukur geseran printer, atau simpan geseran yang diukur untuk sebuah templat.",
        en: "Write a calibration page to measure how far a printer shifts a template's labels, or store the measured shift.")
    public static let helpLabelCalibrateDiscussion = Message(
        id: """
            Tulis halaman kalibrasi (PDF), cetak di lembar stiker, ukur geseran garis dari tepi stiker:
            sapu label calibrate --template a4-3x8
            Simpan geseran dalam mm (kanan dan bawah positif):
            sapu label calibrate --template a4-3x8 --offset-x -1,5 --offset-y 0,5
            Tampilkan geseran yang tersimpan:
            sapu label calibrate --template a4-3x8 --show

            Semua label, lembar dan kode perintah berikutnya dengan templat itu (PDF, PNG, ZPL, TSPL) dicetak bergeser sebanyak itu, halaman kalibrasi juga.
            """,
        en: """
            Write the calibration page (PDF), print it on a sticker sheet, measure how far the outlines are from the stickers' edges:
            sapu label calibrate --template a4-3x8
            Store the shift in mm (right and down are positive):
            sapu label calibrate --template a4-3x8 --offset-x -1.5 --offset-y 0.5
            Show the stored shift:
            sapu label calibrate --template a4-3x8 --show

            Every later label, sheet and command sheet of that template (PDF, PNG, ZPL, TSPL) is printed shifted by it, the calibration page too.
            """)
    public static let helpLabelCalibrateTemplate = Message(id: "Templat yang dikalibrasi, mis. a4-3x8.",
                                                           en: "The template to calibrate, e.g. a4-3x8.")
    public static let helpLabelCalibrateOffsetX = Message(
        id: "Geseran ke kanan dalam mm (negatif: ke kiri), paling jauh 20.",
        en: "Shift to the right in mm (negative: to the left), at most 20.")
    public static let helpLabelCalibrateOffsetY = Message(
        id: "Geseran ke bawah dalam mm (negatif: ke atas), paling jauh 20.",
        en: "Shift down in mm (negative: up), at most 20.")
    public static let helpLabelCalibrateShow = Message(id: "Tampilkan geseran yang tersimpan saja.",
                                                       en: "Only show the stored shift.")
    public static let helpLabelCalibrateOut = Message(id: "Folder untuk halaman kalibrasi.",
                                                      en: "Directory for the calibration page.")
    // MARK: - label --printer, printers

    public static let helpLabelPrinter = Message(
        id: "Cetak ke antrean CUPS ini alih-alih menulis berkas (bawaan: $SAPU_PRINTER bila tidak ada --out atau --format). Hanya dicatat bila CUPS menerima pekerjaannya.",
        en: "Print to this CUPS queue instead of writing files (default: $SAPU_PRINTER when neither --out nor --format is given). Recorded only if CUPS accepts the job.")
    public static let helpLabelLanguage = Message(
        id: "Bahasa pekerjaan cetak: zpl atau tspl (dikirim mentah ke printer termal), pdf atau png (lewat driver printer). Bawaan: printerLanguage templat, selain itu zpl untuk templat termal dan pdf untuk lembar.",
        en: "The print job's language: zpl or tspl (sent raw to a thermal printer), pdf or png (through the printer's driver). Default: the template's printerLanguage, else zpl for thermal templates and pdf for sheets.")
    public static let helpPrinters = Message(
        id: "Daftar antrean printer CUPS: status, menerima pekerjaan atau tidak, perangkat, dan printer bawaan.",
        en: "List the CUPS printer queues: state, whether they accept jobs, device, and the default printer.")

    // MARK: - user

    public static let helpUser = Message(
        id: "Tambah, daftar atau nonaktifkan pengguna aplikasi web (sapu serve), atau ganti kata sandinya.",
        en: "Add, list or disable users of the web app (sapu serve), or change their password.")
    public static let helpUserAdd = Message(
        id: "Tambah pengguna. Kata sandi ditanyakan dua kali di terminal, atau dibaca satu baris dari stdin dengan --password-stdin.",
        en: "Add a user. The password is asked twice at the terminal, or read as one line from stdin with --password-stdin.")
    public static let helpUserCode = Message(id: "Kode pengguna, 0-9 dan A-Z (mis. QC1, GUDANG).", en: "User code, 0-9 and A-Z (e.g. QC1, GUDANG).")
    public static let helpUserRole = Message(
        id: "Peran: admin (semua, termasuk pengguna, nama pembuat dan kunci), qc (memeriksa dan mencetak label), gudang (memindai, mengemas, mengirim) atau mitra (hanya memeriksa kiriman yang tiba).",
        en: "Role: admin (everything, including users, makers' names and keys), qc (inspects and prints labels), gudang (scans, packs, ships) or mitra (only verifies shipments that arrive).")
    public static let helpUserPasswordStdin = Message(
        id: "Baca kata sandi dari baris pertama stdin (untuk skrip).", en: "Read the password from the first line of stdin (for scripts).")
    public static let helpUserLanguage = Message(
        id: "Bahasa halaman pengguna: id atau en. Bawaan: id.", en: "The language of the user's pages: id or en. Default: id.")
    public static let helpUserList = Message(id: "Daftar pengguna, peran dan statusnya.", en: "List users, their roles and whether they are active.")
    public static let helpUserDisable = Message(
        id: "Nonaktifkan pengguna; sesinya langsung berakhir. Mengganti kata sandinya mengaktifkannya lagi.",
        en: "Disable a user; their sessions end at once. Setting a new password enables them again.")
    public static let helpUserPassword = Message(
        id: "Ganti kata sandi pengguna; sesinya berakhir dan hitungan salah kata sandi kembali nol.",
        en: "Change a user's password; their sessions end and the count of wrong passwords goes back to zero.")

    // MARK: - serve

    public static let helpServe = Message(
        id: "Jalankan aplikasi web Sapu untuk meja QC, gudang, mitra dan manajemen, di atas database yang sama. Berhenti dengan Ctrl-C.",
        en: "Run the Sapu web app for the QC desk, the store room, the partner and management, on the same database. Stop with Ctrl-C.")
    public static let helpServeListen = Message(
        id: "Alamat dan port untuk mendengarkan. Bawaan 127.0.0.1:8080 (hanya PC ini); 0.0.0.0:8080 untuk PC dan ponsel di LAN.",
        en: "Address and port to listen on. Default 127.0.0.1:8080 (this PC only); 0.0.0.0:8080 for PCs and phones on the LAN.")
    public static let helpServeFiles = Message(
        id: "Folder untuk berkas aplikasi web (label, pemeriksaan mitra, tanda terima). Bawaan: sapu-web di samping database.",
        en: "Folder for the web app's files (labels, the partner's verifications, receipts). Default: sapu-web beside the database.")
}

extension Message {
    // MARK: - hub and sync

    public static let helpHub = Message(
        id: "Hub: database PostgreSQL yang menerima catatan semua lokasi, untuk laporan gabungan (docs/hub.md).",
        en: "The hub: a PostgreSQL database that receives every site's log, for reports across sites (docs/hub.md).")
    public static let helpHubInit = Message(
        id: "Siapkan skema hub di database PostgreSQL kosong, atau perbarui skema hub yang lama.",
        en: "Create the hub's schema in an empty PostgreSQL database, or upgrade an older hub's schema.")
    public static let helpHubURL = Message(
        id: "Alamat hub, mis. postgres://sapu@hub.example:5432/sapu (atau SAPU_HUB). Kata sandi boleh di PGPASSWORD.",
        en: "The hub's address, e.g. postgres://sapu@hub.example:5432/sapu (or SAPU_HUB). The password may be in PGPASSWORD.")
    public static let helpHubSite = Message(
        id: "Lokasi yang boleh mengirim catatannya ke hub.", en: "The sites that may send their logs to the hub.")
    public static let helpHubSiteAdd = Message(
        id: "Daftarkan lokasi dan kunci publiknya (berkas dari sapu key export). Setelah rotasi kunci, jalankan lagi dengan berkas barunya.",
        en: "Register a site and its public keys (the file from sapu key export). After a key rotation, run it again with the new file.")
    public static let helpHubSiteCode = Message(id: "Kode lokasi, mis. PWT.", en: "The site's code, e.g. PWT.")
    public static let helpHubSiteKey = Message(
        id: "Berkas kunci publik lokasi itu (SITE.pub dari sapu key export).",
        en: "That site's public key file (SITE.pub from sapu key export).")
    public static let helpHubSiteFingerprint = Message(
        id: "Sidik jari yang sudah dicocokkan dengan lokasi (boleh diulang); kunci lain ditolak.",
        en: "A fingerprint confirmed with the site (may be repeated); any other key is refused.")
    public static let helpHubSiteList = Message(
        id: "Daftar lokasi di hub: kunci, jumlah catatan dan kejadian yang diterima, sinkron terakhir.",
        en: "List the hub's sites: keys, log entries and events received, last sync.")
    public static let helpSync = Message(
        id: "Kirim ke hub catatan lokasi ini yang belum dimiliki hub, berurutan dan bertanda tangan. Aman diulang dan dilanjutkan.",
        en: "Send the hub the part of this site's log it does not have yet, in order and signed. Safe to repeat and to resume.")
    public static let helpSyncHub = Message(
        id: "Alamat hub (postgres://...). Bawaan: SAPU_HUB, lalu alamat sinkron terakhir.",
        en: "The hub's address (postgres://...). Default: SAPU_HUB, then the address of the last sync.")
    public static let helpReportHub = Message(
        id: "Buat laporan dari hub (postgres://...), gabungan semua lokasi atau satu lokasi dengan --site.",
        en: "Make the report from the hub (postgres://...), across all sites or for one with --site.")
    public static let helpReportSite = Message(
        id: "Dengan --hub: hanya lokasi ini.", en: "With --hub: this site only.")
}
