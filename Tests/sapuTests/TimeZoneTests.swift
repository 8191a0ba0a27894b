import Foundation
import Testing

@Suite("sapu: times are the site's, whatever the PC's TZ")
struct TimeZoneTests {
    /// A runner whose PC says it is in New York, at 08:00 WIB on 2025-11-21 (01:00 UTC).
    static func runner() throws -> SapuRunner {
        var sapu = try SapuRunner(fixedNow: "2025-11-21T01:00:00+00:00")
        sapu.environment["TZ"] = "America/New_York"
        return sapu
    }

    @Test func eventsAreWrittenAndShownInJakartaByDefault() throws {
        let sapu = try Self.runner()
        try sapu.ok("init", "--site", "PWT", "--name", "Lapas Kelas IIA Purwokerto")
        #expect(try sapu.sql("SELECT time_zone FROM site") == ["Asia/Jakarta"])
        try sapu.ok("maker", "add", "M042")
        let batch = try sapu.ok("batch", "create", "--product", "LIDI").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // New York's clock says 2025-11-20; the workshop's day is the 21st.
        #expect(batch == "PWT251121A")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        #expect(try sapu.sql("SELECT at FROM event") == ["2025-11-21T08:00:00+07:00"])
        let shown = try sapu.ok("bundle", "show", batch + "-0001")
        #expect(shown.stdout.contains("2025-11-21 08:00:00 WIB"), "\(shown.stdout)")
        #expect(!shown.stdout.contains("T08:00:00"))
    }

    /// A report's "made" line and doctor's last quick check are times a person reads too: the
    /// site's date, time to the second and zone name, never ISO 8601 or the PC's zone.
    @Test func reportHeadingsAndDoctorShowTheSiteClock() throws {
        let sapu = try Self.runner()
        try sapu.ok("init", "--site", "PWT", "--name", "Lapas")
        try sapu.ok("maker", "add", "M042")
        let batch = try sapu.ok("batch", "create", "--product", "LIDI").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        for report in ["stock", "qc", "makers"] {
            let indonesian = try sapu.ok("report", report).stdout
            #expect(indonesian.contains("Lapas (PWT), dibuat 2025-11-21 08:00:00 WIB\n"), "\(indonesian)")
            let english = try sapu.ok("report", report, "--lang", "en").stdout
            #expect(english.contains("Lapas (PWT), made 2025-11-21 08:00:00 WIB\n"), "\(english)")
            let html = try sapu.ok("report", report, "--format", "html").stdout
            #expect(html.contains("dibuat 2025-11-21 08:00:00 WIB"))
        }
        let doctor = try sapu.ok("doctor").stdout
        let line = try #require(doctor.split(separator: "\n").first { $0.contains("terakhir lolos") })
        #expect(line.wholeMatch(of: /BAIK +pemeriksaan cepat otomatis: terakhir lolos \d{4}-\d\d-\d\d \d\d:\d\d:\d\d WIB \(\d+ ms\)/) != nil,
                "\(line)")
    }

    @Test func aSiteInMakassarWritesWITA() throws {
        let sapu = try Self.runner()
        try sapu.ok("init", "--site", "MKS", "--name", "Lapas Makassar", "--time-zone", "Asia/Makassar")
        #expect(try sapu.sql("SELECT time_zone FROM site") == ["Asia/Makassar"])
        try sapu.ok("maker", "add", "M042")
        let batch = try sapu.ok("batch", "create", "--product", "LIDI").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--fail", "--defect", "DAMP")
        #expect(try sapu.sql("SELECT DISTINCT at FROM event") == ["2025-11-21T09:00:00+08:00"])
        #expect(try sapu.ok("bundle", "show", batch + "-0001", "--lang", "en").stdout.contains("2025-11-21 09:00:00 WITA"))
    }

    @Test func anUnknownTimeZoneIsRefusedAndMakesNothing() throws {
        let sapu = try Self.runner()
        for zone in ["Asia/Purwokerto", "WIB", "GMT+7", "../../etc/passwd", ""] {
            let refused = try sapu.run("init", "--site", "PWT", "--name", "Lapas", "--time-zone", zone)
            #expect(refused.status != 0)
            #expect(refused.stderr.hasPrefix("galat: zona waktu tidak dikenal"), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
            let english = try sapu.run("init", "--site", "PWT", "--name", "Lapas", "--time-zone", zone, "--lang", "en")
            #expect(english.stderr.hasPrefix("error: unknown time zone"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sapu.directory).isEmpty)
    }
}
