/// Texts of the reports made from the hub (`sapu report KIND --hub URL [--site CODE]`).
extension Message {
    /// The heading line of a hub report: the hub, the site or, `across`, all its sites, when it was made.
    public static func reportFromHub(_ hub: String, sites: [(code: String, name: String)], across: Bool, at: String) -> Message {
        if !across, let site = sites.first {
            let place = site.name.isEmpty ? site.code : "\(site.name) (\(site.code))"
            return Message(id: "\(place), dari hub \(hub), dibuat \(at)", en: "\(place), from the hub \(hub), made \(at)")
        }
        let codes = sites.map(\.code).joined(separator: ", ")
        return Message(id: "Semua lokasi (\(sites.count): \(codes)), dari hub \(hub), dibuat \(at)",
                       en: "All sites (\(sites.count): \(codes)), from the hub \(hub), made \(at)")
    }

    /// The heading of the stock report's section with each site's counts.
    public static let reportStockBySite = Message(id: "Per lokasi", en: "By site")

    /// `--site` given without `--hub`.
    public static let reportSiteNeedsHub = Message(
        id: "--site hanya berlaku bersama --hub URL; laporan tanpa --hub selalu tentang lokasi ini sendiri",
        en: "--site only goes with --hub URL; a report without --hub is always about this site")

    /// `--names` given with `--hub`.
    public static let reportNamesStayAtSite = Message(
        id: "--names tidak bisa dipakai dengan --hub: nama pembuat tidak pernah meninggalkan lokasinya; buat laporan itu di lokasinya",
        en: "--names cannot be used with --hub: makers' names never leave their site; make that report at the site")
}
