/// Texts of `sapu key`: rotation, export, the state of the site's keys.
extension Message {
    public static let keyCurrent = Message(id: "aktif", en: "current")
    public static let keyRetired = Message(id: "pensiun", en: "retired")

    public static func keyRotationCompleted(keyID: String, fingerprint: String, publicPath: String) -> Message {
        Message(id: "Penggantian kunci yang terputus diselesaikan: \(keyID) (sidik jari \(fingerprint)) adalah kunci aktif; \(publicPath) diperbarui. Tidak dibuat kunci baru (jalankan lagi untuk kunci baru); kirim \(publicPath) ke mitra",
                en: "Interrupted key rotation completed: \(keyID) (fingerprint \(fingerprint)) is the current key; \(publicPath) brought up to date. No new key was made (run again for one); send \(publicPath) to partners")
    }

    public static func publicKeyPEMExported(paths: [String]) -> Message {
        Message(id: "Kunci publik (PEM, satu berkas per kunci) ditulis: \(paths.joined(separator: " "))",
                en: "Public keys (PEM, one file per key) written: \(paths.joined(separator: " "))")
    }
}
