extension HubProblem {
    /// The one line a user reads; never SQL, never a type name.
    public var message: Message {
        switch self {
        case .urlInvalid(let text):
            Message(id: "alamat hub \"\(String(text.prefix(120)).visible)\" tidak bisa dipakai; contoh: postgres://sapu@hub.example:5432/sapu",
                    en: "hub address \"\(String(text.prefix(120)).visible)\" cannot be used; for example: postgres://sapu@hub.example:5432/sapu")
        case .urlMissing:
            Message(id: "alamat hub belum ada: beri --hub postgres://..., atau SAPU_HUB; sesudah sinkron pertama alamatnya diingat",
                    en: "no hub address: give --hub postgres://..., or SAPU_HUB; after the first sync the address is remembered")
        case .unreachable(let host):
            Message(id: "hub di \(host.visible) tidak bisa dihubungi; tidak ada yang hilang, semua tetap tercatat di sini dan dikirim pada sinkron berikutnya",
                    en: "the hub at \(host.visible) cannot be reached; nothing is lost, everything stays recorded here and goes with the next sync")
        case .loginRefused(let host):
            Message(id: "hub di \(host.visible) menolak masuk (nama pengguna, kata sandi, atau nama database salah); tidak ada yang dikirim",
                    en: "the hub at \(host.visible) refused the log-in (user, password or database name is wrong); nothing was sent")
        case .notInitialised:
            Message(id: "database ini belum disiapkan sebagai hub; jalankan dulu: sapu hub init --url ...",
                    en: "this database is not set up as a hub yet; first run: sapu hub init --url ...")
        case .schemaNewer(let found, let known):
            Message(id: "hub ini disiapkan oleh Sapu yang lebih baru (skema \(found), Sapu ini mengenal \(known)); perbarui Sapu di sini; tidak ada yang diubah",
                    en: "this hub was set up by a newer Sapu (schema \(found), this Sapu knows \(known)); update Sapu here; nothing was changed")
        case .schemaOlder(let found, let known):
            Message(id: "skema hub ini lama (\(found), Sapu ini memakai \(known)); jalankan sapu hub init --url ... untuk memperbaruinya",
                    en: "this hub's schema is old (\(found), this Sapu uses \(known)); run sapu hub init --url ... to upgrade it")
        case .notAHub:
            Message(id: "database ini sudah berisi tabel lain, bukan hub Sapu; pakai database kosong untuk hub",
                    en: "this database already holds other tables, not a Sapu hub; use an empty database for the hub")
        case .siteUnknown(let site):
            Message(id: "hub menolak: lokasi \(site) tidak terdaftar di hub; di hub jalankan sapu hub site add \(site) --key \(site).pub; tidak ada yang hilang di sini",
                    en: "the hub refused: site \(site) is not registered there; at the hub run sapu hub site add \(site) --key \(site).pub; nothing is lost here")
        case .keyNotRegistered(let site, let keyID):
            Message(id: "hub menolak: kiriman ditandatangani kunci \(keyID) milik \(site), yang tidak terdaftar di hub untuk \(site); daftarkan kunci publik barunya dengan sapu hub site add \(site) --key \(site).pub",
                    en: "the hub refused: the batch is signed with key \(keyID) of \(site), which the hub does not have for \(site); register the new public key with sapu hub site add \(site) --key \(site).pub")
        case .badSignature(let site):
            Message(id: "hub menolak: tanda tangan kiriman catatan \(site) tidak cocok (palsu atau diubah); tidak ada yang disimpan",
                    en: "the hub refused: the signature of \(site)'s log batch does not match (forged or altered); nothing was stored")
        case .siteBehindHub(let site, let hub, let own):
            Message(id: "hub sudah menyimpan catatan \(site) sampai nomor \(hub), tetapi database ini hanya sampai \(own): sepertinya dipulihkan dari cadangan lama. Tidak ada yang dikirim atau digabung. Pulihkan cadangan yang lebih baru, atau minta pengelola hub memutuskan (docs/hub.md)",
                    en: "the hub already holds \(site)'s log up to entry \(hub), but this database only reaches \(own): it looks restored from an older backup. Nothing was sent or merged. Restore a newer backup, or ask the hub's administrator to decide (docs/hub.md)")
        case .logDiverged(let site, let at):
            Message(id: "catatan \(site) di hub berbeda dari catatan di database ini (sebelum nomor \(at)): database ini bukan lanjutan dari yang pernah dikirim (dipulihkan dari cadangan lama?). Tidak ada yang dikirim atau digabung (docs/hub.md)",
                    en: "\(site)'s log at the hub differs from this database's (before entry \(at)): this database does not continue what was sent before (restored from an old backup?). Nothing was sent or merged (docs/hub.md)")
        case .busy(let site):
            Message(id: "sinkron lain untuk \(site) sedang berjalan; coba lagi sebentar lagi; tidak ada yang terkirim dua kali",
                    en: "another sync of \(site) is running; try again shortly; nothing is sent twice")
        case .hubBusy(let host):
            Message(id: "hub di \(host.visible) sedang sibuk (sinkron lain atau permintaan panjang) dan berhenti menunggu; coba lagi sebentar lagi; tidak ada yang hilang di sini",
                    en: "the hub at \(host.visible) is busy (another sync or a long request) and stopped waiting; try again shortly; nothing is lost here")
        case .outOfOrder(let site):
            Message(id: "hub menolak kiriman \(site) yang tidak melanjutkan catatannya; jalankan sapu sync lagi",
                    en: "the hub refused a batch from \(site) that does not continue its log; run sapu sync again")
        case .keyForOtherSite(let expected, let found):
            Message(id: "berkas kunci itu milik lokasi \(found), bukan \(expected); tidak ada yang didaftarkan",
                    en: "that key file belongs to site \(found), not \(expected); nothing was registered")
        case .keyIDTaken(let site, let keyID):
            Message(id: "hub sudah punya kunci \(keyID) untuk \(site) dengan isi lain; kunci tidak ditimpa (kunci baru dari rotasi punya nomor baru)",
                    en: "the hub already has a different key \(keyID) for \(site); keys are never overwritten (a rotated key has a new id)")
        case .fingerprintMismatch(let site, let keyID, let fingerprint):
            Message(id: "kunci \(site) \(keyID) di berkas itu bersidik jari \(fingerprint), bukan yang dikonfirmasi dengan lokasi \(site); tidak ada yang didaftarkan",
                    en: "key \(site) \(keyID) in that file has fingerprint \(fingerprint), not the one confirmed with site \(site); nothing was registered")
        case .noKey(let path):
            Message(id: "berkas \(path.visible) tidak berisi kunci publik", en: "file \(path.visible) holds no public key")
        case .failed(let what):
            Message(id: "hub tidak bisa menjalankan permintaan (\(what.visible)); tidak ada yang hilang di sini",
                    en: "the hub could not carry out the request (\(what.visible)); nothing is lost here")
        case .reportSiteNeedsHub: .reportSiteNeedsHub
        case .reportNamesStayAtSite: .reportNamesStayAtSite
        }
    }
}
