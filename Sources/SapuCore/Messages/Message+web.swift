/// The words of `sapu serve`'s pages: one MARK per page, so each area's texts sit together.
extension Message {
    // MARK: - layout

    public static let webAppName = Message(id: "Sapu", en: "Sapu")
    public static let webNavDashboard = Message(id: "Ringkasan", en: "Dashboard")
    public static let webNavInspect = Message(id: "Pemeriksaan", en: "Inspection")
    public static let webNavLabels = Message(id: "Label", en: "Labels")
    public static let webNavScan = Message(id: "Pindai", en: "Scan")
    public static let webNavShipments = Message(id: "Pengiriman", en: "Shipments")
    public static let webNavBundles = Message(id: "Ikatan", en: "Bundles")
    public static let webNavVerify = Message(id: "Periksa kiriman", en: "Verify shipments")
    public static let webNavReports = Message(id: "Laporan", en: "Reports")
    public static let webNavUsers = Message(id: "Pengguna", en: "Users")
    public static let webNavMakers = Message(id: "Pembuat", en: "Makers")
    public static let webNavKeys = Message(id: "Kunci", en: "Keys")
    public static let webLogout = Message(id: "Keluar", en: "Log out")
    /// The button that switches the page to the other language, written in that language.
    public static let webOtherLanguage = Message(id: "English", en: "Bahasa Indonesia")
    public static let webLoggedInAs = Message(id: "Masuk sebagai", en: "Logged in as")
    public static let webSkipToContent = Message(id: "Langsung ke isi", en: "Skip to content")

    // MARK: - login

    public static let webLoginTitle = Message(id: "Masuk ke Sapu", en: "Log in to Sapu")
    public static let webLoginCode = Message(id: "Kode pengguna", en: "User code")
    public static let webLoginPassword = Message(id: "Kata sandi", en: "Password")
    public static let webLoginButton = Message(id: "Masuk", en: "Log in")
    public static let webLoginHint = Message(
        id: "Pengguna dibuat oleh admin dengan: sapu user add KODE --role admin|qc|gudang|mitra",
        en: "Users are added by an admin with: sapu user add CODE --role admin|qc|gudang|mitra")

    // MARK: - dashboard

    public static let webDashboardTitle = Message(id: "Ringkasan", en: "Dashboard")
    public static let webStockOnHand = Message(id: "Stok di Lapas (ikatan)", en: "Stock on hand (bundles)")
    public static let webInspectionsToday = Message(id: "Diperiksa hari ini", en: "Inspected today")
    public static let webPassRateToday = Message(id: "Lulus QC hari ini", en: "Passed QC today")
    public static let webOpenShipments = Message(id: "Kiriman belum berangkat", en: "Shipments not yet shipped")
    public static let webQCChartTitle = Message(id: "QC 30 hari terakhir", en: "QC over the last 30 days")
    public static let webNoInspectionsYet = Message(id: "Belum ada pemeriksaan dalam 30 hari terakhir.", en: "No inspections in the last 30 days.")
    public static let webReportLinks = Message(id: "Laporan", en: "Reports")
    public static let webNoValue = Message(id: "–", en: "–")

    // MARK: - errors

    public static let webErrorTitle = Message(id: "Tidak bisa", en: "Not possible")
    public static let webNotFound = Message(id: "Halaman ini tidak ada", en: "There is no such page")
    public static let webBack = Message(id: "Kembali", en: "Back")
    public static let webServerFault = Message(
        id: "Sapu tidak bisa menyelesaikan permintaan ini; tidak ada yang diubah. Coba lagi, atau jalankan: sapu doctor",
        en: "Sapu could not finish this request; nothing was changed. Try again, or run: sapu doctor")

    // MARK: - user and serve (CLI)

    public static func userAdded(_ code: String, role: Role) -> Message {
        Message(id: "Pengguna \(code) ditambahkan dengan peran \(role.rawValue).", en: "User \(code) added with role \(role.rawValue).")
    }
    public static func userDisabled(_ code: String) -> Message {
        Message(id: "Pengguna \(code) dinonaktifkan; sesinya berakhir.", en: "User \(code) disabled; their sessions have ended.")
    }
    public static func userPasswordSet(_ code: String) -> Message {
        Message(id: "Kata sandi \(code) diganti; sesinya berakhir.", en: "Password of \(code) changed; their sessions have ended.")
    }
    public static let userPasswordPrompt = Message(id: "Kata sandi: ", en: "Password: ")
    public static let userPasswordAgainPrompt = Message(id: "Ulangi kata sandi: ", en: "Password again: ")
    public static let columnRole = Message(id: "PERAN", en: "ROLE")
    public static let columnLanguage = Message(id: "BAHASA", en: "LANGUAGE")
    public static let columnDuty = Message(id: "TUGAS", en: "DUTY")
    public static let noUsersYet = Message(
        id: "Belum ada pengguna. Tambahkan admin dulu: sapu user add ADMIN --role admin",
        en: "No users yet. Add an admin first: sapu user add ADMIN --role admin")
    public static func serveRunning(_ url: String) -> Message {
        Message(id: "Sapu berjalan di \(url) — berhenti dengan Ctrl-C", en: "Sapu is running at \(url) — stop with Ctrl-C")
    }
    public static func serveOpenToNetwork(_ address: String) -> Message {
        Message(id: "Peringatan: mendengarkan di \(address), jadi setiap perangkat yang bisa menjangkau PC ini lewat jaringan bisa membuka halaman masuk Sapu. Pakai hanya di LAN Lapas, dengan kata sandi yang kuat.",
                en: "Warning: listening on \(address), so every device that can reach this PC over the network can open Sapu's log-in page. Use it only on the workshop's LAN, with strong passwords.")
    }
    public static let serveNoUsers = Message(
        id: "Belum ada pengguna, jadi belum ada yang bisa masuk. Tambahkan: sapu user add ADMIN --role admin",
        en: "There are no users yet, so nobody can log in. Add one: sapu user add ADMIN --role admin")
    public static let serveStopped = Message(id: "Sapu berhenti.", en: "Sapu stopped.")
}
