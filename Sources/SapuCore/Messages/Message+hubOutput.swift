/// What `sapu hub` and `sapu sync` say when they succeed.
extension Message {
    public static func hubInitialised(_ shown: String, version: Int) -> Message {
        Message(id: "Hub disiapkan di \(shown) (skema \(version)).", en: "Hub set up at \(shown) (schema \(version)).")
    }
    public static func hubUpgraded(_ shown: String, from: Int, to: Int) -> Message {
        Message(id: "Skema hub di \(shown) diperbarui dari \(from) ke \(to).", en: "Hub schema at \(shown) upgraded from \(from) to \(to).")
    }
    public static func hubUpToDate(_ shown: String, version: Int) -> Message {
        Message(id: "Hub di \(shown) sudah siap (skema \(version)); tidak ada yang diubah.",
                en: "The hub at \(shown) is already set up (schema \(version)); nothing was changed.")
    }
    public static func hubSiteRegistered(_ site: String, keys: [String]) -> Message {
        Message(id: "Lokasi \(site) terdaftar di hub dengan kunci \(keys.joined(separator: ", ")).",
                en: "Site \(site) registered at the hub with key(s) \(keys.joined(separator: ", ")).")
    }
    public static func hubKeysAdded(_ site: String, keys: [String]) -> Message {
        Message(id: "Kunci baru \(site) didaftarkan di hub: \(keys.joined(separator: ", ")); kunci lama tetap berlaku untuk kiriman lama.",
                en: "New key(s) of \(site) registered at the hub: \(keys.joined(separator: ", ")); the old ones still count for earlier batches.")
    }
    public static func hubKeysAlreadyKnown(_ site: String) -> Message {
        Message(id: "Hub sudah punya semua kunci \(site) di berkas itu; tidak ada yang diubah.",
                en: "The hub already has every key of \(site) in that file; nothing was changed.")
    }
    public static func hubKeyLine(_ keyID: String, fingerprint: String) -> Message {
        Message(id: "  \(keyID)  sidik jari \(fingerprint)", en: "  \(keyID)  fingerprint \(fingerprint)")
    }
    public static func syncSent(entries: Int64, events: Int64, batches: Int, hub: String) -> Message {
        Message(id: "Terkirim ke hub \(hub): \(entries) catatan (\(events) kejadian) dalam \(batches) kiriman.",
                en: "Sent to the hub at \(hub): \(entries) log entries (\(events) events) in \(batches) batch(es).")
    }
    public static func syncNothing(hub: String) -> Message {
        Message(id: "Hub \(hub) sudah punya semua catatan lokasi ini; tidak ada yang dikirim.",
                en: "The hub at \(hub) already has all of this site's log; nothing was sent.")
    }
    public static func syncStanding(hubEvents: Int64, siteEvents: Int64) -> Message {
        Message(id: "Hub menyimpan \(hubEvents) dari \(siteEvents) kejadian lokasi ini.",
                en: "The hub holds \(hubEvents) of this site's \(siteEvents) events.")
    }
    public static func syncProgress(_ sent: Int64, of total: Int64) -> Message {
        Message(id: "Mengirim ke hub: \(sent) dari \(total) catatan", en: "Sending to the hub: \(sent) of \(total) log entries")
    }
    public static let columnLogEntries = Message(id: "CATATAN", en: "LOG ENTRIES")
    public static let columnEvents = Message(id: "KEJADIAN", en: "EVENTS")
    public static let columnKeys = Message(id: "KUNCI", en: "KEYS")
    public static let columnLastSync = Message(id: "SINKRON TERAKHIR", en: "LAST SYNC")
    public static let hubNoSites = Message(id: "Belum ada lokasi terdaftar di hub.", en: "No site is registered at the hub yet.")
}

/// What `sapu hub check` says.
extension Message {
    public static let helpHubCheck = Message(
        id: "Periksa ulang semua yang disimpan hub: tanda tangan tiap kiriman dengan kunci terdaftar, rantai catatan, dan tiap baris kejadian terhadap kirimannya.",
        en: "Check everything the hub holds again: each batch's signature under the registered keys, the log's chain, and every event row against its batch.")
    public static func hubCheckPassed(_ site: String, batches: Int, entries: Int64, events: Int64) -> Message {
        Message(id: "\(site): \(batches) kiriman, \(entries) catatan, \(events) kejadian; semua tanda tangan dan rantai cocok.",
                en: "\(site): \(batches) batches, \(entries) log entries, \(events) events; every signature and the chain check out.")
    }
    public static func hubCheckFailed(_ site: String, problems: Int) -> Message {
        Message(id: "\(site): \(problems) masalah ditemukan:", en: "\(site): \(problems) problem(s) found:")
    }
    public static func hubCheckSignature(first: Int64) -> Message {
        Message(id: "  kiriman mulai catatan \(first): tanda tangan tidak cocok dengan kunci terdaftar mana pun (palsu atau diubah)",
                en: "  batch from entry \(first): the signature matches no registered key (forged or altered)")
    }
    public static func hubCheckChain(first: Int64) -> Message {
        Message(id: "  kiriman mulai catatan \(first): tidak melanjutkan kiriman sebelumnya (rantai putus)",
                en: "  batch from entry \(first): does not continue the batch before it (broken chain)")
    }
    public static func hubCheckUnreadable(first: Int64) -> Message {
        Message(id: "  kiriman mulai catatan \(first): isinya rusak", en: "  batch from entry \(first): its content is damaged")
    }
    public static func hubCheckEnd(recorded: Int64, batches: Int64) -> Message {
        Message(id: "  hub mencatat akhir di catatan \(recorded), tetapi kirimannya berakhir di \(batches)",
                en: "  the hub records the end at entry \(recorded), but its batches end at \(batches)")
    }
    public static func hubCheckEventRows(first: Int64) -> Message {
        Message(id: "  kiriman mulai catatan \(first): baris kejadian di hub tidak sama dengan isi kiriman yang ditandatangani",
                en: "  batch from entry \(first): the hub's event rows are not the signed batch's events")
    }
    public static func hubCheckEvents(rows: Int64, inBatches: Int64) -> Message {
        Message(id: "  hub punya \(rows) baris kejadian, tetapi kirimannya berisi \(inBatches)",
                en: "  the hub has \(rows) event rows, but its batches hold \(inBatches)")
    }
}
