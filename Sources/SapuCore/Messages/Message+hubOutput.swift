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
