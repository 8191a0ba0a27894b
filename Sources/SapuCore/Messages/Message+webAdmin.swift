/// The words of the administration pages of `sapu serve` (`/admin/...`): users, makers, keys.
extension Message {
    // MARK: - users

    public static let webUsersTitle = Message(id: "Pengguna", en: "Users")
    public static let webUsersIntro = Message(
        id: "Siapa yang boleh masuk ke Sapu dan sebagai apa. Sama dengan perintah sapu user.",
        en: "Who may log in to Sapu, and as what. The same as the sapu user command.")
    public static let webAdminCode = Message(id: "Kode", en: "Code")
    public static let webAdminRole = Message(id: "Peran", en: "Role")
    public static let webAdminActive = Message(id: "Aktif", en: "Active")
    public static let webAdminLanguage = Message(id: "Bahasa halaman", en: "Page language")
    public static let webAdminDuty = Message(id: "Tugas", en: "Duty")
    public static let webAdminActions = Message(id: "Tindakan", en: "Actions")
    public static let webAdminPassword = Message(id: "Kata sandi", en: "Password")
    public static let webAdminNewPassword = Message(id: "Kata sandi baru", en: "New password")
    public static let webAdminAddUser = Message(id: "Tambah pengguna", en: "Add a user")
    public static let webAdminAdd = Message(id: "Tambahkan", en: "Add")
    public static let webAdminDisable = Message(id: "Nonaktifkan", en: "Disable")
    public static let webAdminSetPassword = Message(id: "Ganti kata sandi", en: "Set password")
    public static let webAdminIndonesian = Message(id: "Bahasa Indonesia", en: "Bahasa Indonesia")
    public static let webAdminEnglish = Message(id: "English", en: "English")
    public static let webAdminYou = Message(id: "(Anda)", en: "(you)")

    public static func webAdminCodeHint(_ example: String) -> Message {
        Message(id: "Huruf A-Z dan angka, mis. \(example); kode ini tercatat sebagai operator pada setiap kegiatan pengguna.",
                en: "Letters A-Z and digits, e.g. \(example); it is recorded as the operator on everything the user does.")
    }

    public static func webAdminPasswordHint(minimum: Int) -> Message {
        Message(id: "Paling sedikit \(minimum) karakter. Sampaikan kepada pengguna secara langsung, jangan lewat pesan.",
                en: "At least \(minimum) characters. Tell the user in person, not in a message.")
    }

    public static let webAdminSetPasswordHint = Message(
        id: "Kata sandi baru juga mengaktifkan kembali pengguna yang nonaktif dan mengakhiri semua sesinya.",
        en: "A new password also enables a disabled user again and ends all their sessions.")
    public static let webAdminDisableHint = Message(
        id: "Pengguna yang dinonaktifkan langsung keluar dari semua perangkat; admin aktif terakhir tidak bisa dinonaktifkan.",
        en: "A disabled user is logged out of every device at once; the last active admin cannot be disabled.")

    // MARK: - makers

    public static let webMakersTitle = Message(id: "Pembuat", en: "Makers")
    public static let webMakersIntro = Message(
        id: "Di luar Lapas, pembuat hanya dikenal dengan kodenya. Nama hanya disimpan di PC ini, hanya terlihat oleh admin, dan tidak pernah tercetak di label, manifest, tanda terima atau ekspor.",
        en: "Outside the site a maker is known only by their code. A name is kept on this PC only, seen by admin only, and never printed on a label, manifest, receipt or export.")
    public static let webAdminMakerName = Message(id: "Nama (hanya di Lapas)", en: "Name (stays at the site)")
    public static func webAdminMakerCodeHint(_ example: String) -> Message {
        Message(id: "Huruf A-Z dan angka, mis. \(example); hanya kode ini yang tercetak di label dan terbaca di luar Lapas.",
                en: "Letters A-Z and digits, e.g. \(example); only this code is printed on labels and read outside the site.")
    }

    public static let webAdminAddMaker = Message(id: "Tambah pembuat", en: "Add a maker")
    public static let webAdminDeactivate = Message(id: "Nonaktifkan", en: "Deactivate")
    public static let webAdminDeactivateHint = Message(
        id: "Pembuat yang nonaktif tidak bisa dipilih pada pemeriksaan baru; ikatan dan laporan lamanya tetap ada.",
        en: "A deactivated maker cannot be chosen for new inspections; their bundles and reports stay.")
    public static let webAdminNoMakers = Message(
        id: "Belum ada pembuat. Tambahkan dengan formulir di bawah.", en: "No makers yet. Add one with the form below.")

    // MARK: - keys

    public static let webKeysTitle = Message(id: "Kunci tanda tangan", en: "Signing keys")
    public static let webKeysIntro = Message(
        id: "Label, manifest dan tanda terima ditandatangani dengan kunci aktif lokasi ini. Mitra memeriksanya dengan berkas kunci publik; kunci pensiun tetap di berkas itu supaya label lama tetap bisa diperiksa. Kunci rahasia tidak pernah ditampilkan.",
        en: "Labels, manifests and receipts are signed with this site's current key. Partners check them with the public key file; retired keys stay in it so that old labels still verify. The private key is never shown.")
    public static let webAdminSite = Message(id: "Lokasi", en: "Site")
    public static let webAdminKey = Message(id: "Kunci", en: "Key")
    public static let webAdminFingerprint = Message(id: "Sidik jari", en: "Fingerprint")
    public static let webAdminKeyStatus = Message(id: "Status", en: "Status")
    public static let webAdminRotateTitle = Message(id: "Ganti kunci", en: "Rotate the key")
    public static let webAdminRotateHint = Message(
        id: "Ganti kunci bila kunci rahasia mungkin bocor atau PC ini diganti. Sesudahnya label, manifest dan tanda terima baru ditandatangani dengan kunci baru, dan mitra perlu berkas kunci publik yang baru sebelum kiriman berikutnya tiba.",
        en: "Rotate the key when the private key may have leaked or this PC is replaced. New labels, manifests and receipts are then signed with the new key, and partners need the new public key file before the next shipment arrives.")
    public static let webAdminRotateConfirm = Message(
        id: "Saya paham: kunci baru dipakai mulai sekarang dan saya akan mengirim berkas kunci publik yang baru ke mitra",
        en: "I understand: the new key signs from now on, and I will send the new public key file to partners")
    public static let webAdminRotateButton = Message(id: "Ganti kunci sekarang", en: "Rotate the key now")

    public static func webAdminPublicKeyDownload(_ file: String) -> Message {
        Message(id: "Unduh berkas kunci publik (\(file))", en: "Download the public key file (\(file))")
    }

    public static func webAdminKeyRotated(keyID: String, fingerprint: String, file: String) -> Message {
        Message(id: "Kunci baru \(keyID) (sidik jari \(fingerprint)) kini menandatangani label baru; unduh \(file) di bawah dan kirim ke mitra.",
                en: "New key \(keyID) (fingerprint \(fingerprint)) now signs new labels; download \(file) below and send it to partners.")
    }

    public static func webAdminKeyRotationCompleted(keyID: String, fingerprint: String, file: String) -> Message {
        Message(id: "Penggantian kunci yang terputus diselesaikan: \(keyID) (sidik jari \(fingerprint)) adalah kunci aktif; tidak dibuat kunci baru. Unduh \(file) di bawah dan kirim ke mitra.",
                en: "An interrupted rotation was finished: \(keyID) (fingerprint \(fingerprint)) is the current key; no new key was made. Download \(file) below and send it to partners.")
    }
}
