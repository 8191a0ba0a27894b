import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

/// A small history on the fixture's site: two makers (one with a local name), inspections on
/// the fixture's day and three weeks before it, and an open shipment.
extension WebFixture {
    static let earlier = Instant(iso8601: "2025-10-31T09:00:00+07:00")!

    func makeHistory() throws {
        let desk = Actor(operatorCode: "QC1", station: "test")
        try store.addMaker(Maker(code: "M001", name: "Budi Santoso", active: true))
        try store.addMaker(Maker(code: "M002", name: nil, active: true))
        let old = try store.createBatch(product: "GLAGAH", date: Self.earlier.date, at: Self.earlier)
        _ = try store.inspect(batch: old.code, maker: "M001", result: .pass(.a), count: 2, actor: desk, at: Self.earlier)
        let batch = try store.createBatch(product: "LIDI", date: Self.day.date, at: Self.day)
        _ = try store.inspect(batch: batch.code, maker: "M001", result: .pass(.a), count: 3, actor: desk, at: Self.day)
        _ = try store.inspect(batch: batch.code, maker: "M002", result: .pass(.b), count: 2, actor: desk, at: Self.day)
        _ = try store.inspect(batch: batch.code, maker: "M002", result: .fail(["LOOSE"]), count: 1, actor: desk, at: Self.day)
        let partnerKey = try SigningKey.generate(site: "PHC", keyID: "K1").publicKey
        _ = try store.addPartner(PartnerDraft(code: "PHC", name: "CV. Pusat Handicraft"), keys: [partnerKey], at: Self.earlier)
        _ = try store.createShipment(ShipmentDraft(), at: Self.day)
    }

    /// The report as `sapu report` makes it from the same store and choices.
    func cliReport(_ request: Reporting.Request, _ language: Language = .id) throws -> Reporting.Made {
        try Reporting.make(request, store: store, language: language, made: Self.day, clock: .standard)
    }
}

@Suite("sapu serve: reports pages, CSV and JSON")
struct ReportPageTests {
    private func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    /// The address of the link with this text, as a browser reads it.
    static func link(labelled label: String, in html: String) -> String? {
        guard let end = html.range(of: "\">\(label)</a>") else { return nil }
        guard let start = html[..<end.lowerBound].range(of: "href=\"", options: .backwards) else { return nil }
        return String(html[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func theReportsPageLinksEveryReportWithWhatItTells() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let page = try await qc.get(client, "/reports")
            #expect(page.status == .ok)
            for kind in ["stock", "qc", "makers", "shipments"] { #expect(page.text.contains("href=\"/reports/\(kind)\"")) }
            #expect(page.text.contains(Message.webReportMakersAbout.indonesian))
        }
    }

    @Test func theQCReportByMakerForAPeriodDrawsItsChartAndTable() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let page = try await qc.get(client, "/reports/qc?from=2025-11-17&to=2025-11-21&by=maker")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("id=\"report-form\""))
            #expect(html.contains("<option value=\"maker\" selected>pembuat</option>"))
            #expect(html.contains("value=\"2025-11-17\"") && html.contains("value=\"2025-11-21\""))
            #expect(html.contains("Periode: 2025-11-17 s.d. 2025-11-21"))
            #expect(html.contains("<div class=\"report\" id=\"report\">"))
            #expect(html.contains("<svg"))
            #expect(html.contains("<td>M001</td>") && html.contains("<td>M002</td>"))
            // The same tables `sapu report qc --format html` draws for the same choices.
            let made = try fixture.cliReport(Reporting.Request(.qc, period: try ReportPeriod(
                from: CalendarDate(iso: "2025-11-17"), to: CalendarDate(iso: "2025-11-21")), grouping: .maker))
            #expect(html.contains(made.document.htmlBody))
            // The bundles of 31 October are outside the period.
            #expect(made.document.htmlBody.contains("<tfoot><tr><td>SEMUA</td><td class=\"n\">6</td>"))
        }
    }

    @Test func everyReportPageRendersForAPresetPeriod() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        try await fixture.test { client in
            let gudang = try await Browser.logIn(client, as: "GUDANG1")
            for (uri, expected) in [
                ("/reports/stock", "Keadaan saat ini"),
                ("/reports/stock?at=2025-10-31", "Keadaan pada akhir hari 2025-10-31"),
                ("/reports/qc?period=today&by=day", "Periode: 2025-11-21 s.d. 2025-11-21"),
                ("/reports/makers?period=this-week", "Periode: 2025-11-17 s.d. 2025-11-21"),
                ("/reports/shipments?period=bulan-ini", "Periode: 2025-11-01 s.d. 2025-11-21"),
                ("/reports/qc?by=produk", "Periode: seluruh riwayat"),
            ] {
                let page = try await gudang.get(client, uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.text.contains(expected), "\(uri)")
                #expect(page.text.contains("<table>"), "\(uri)")
                #expect(page.text.contains("class=\"download\""), "\(uri)")
            }
            let shipments = try await gudang.get(client, "/reports/shipments?period=this-month")
            #expect(shipments.text.contains("CV. Pusat Handicraft"))
            // Each quick-period link of the page opens its period, the grouping kept.
            let qc = try await gudang.get(client, "/reports/qc?by=maker")
            for (label, period) in [("hari ini", "2025-11-21 s.d. 2025-11-21"), ("minggu ini", "2025-11-17 s.d. 2025-11-21"),
                                    ("bulan ini", "2025-11-01 s.d. 2025-11-21"), ("seluruh riwayat", "seluruh riwayat")] {
                let link = try #require(Self.link(labelled: label, in: qc.text))
                let page = try await gudang.get(client, link)
                #expect(page.status == .ok && page.text.contains("Periode: " + period), "\(link)")
                #expect(page.text.contains("<option value=\"maker\" selected>"), "\(link)")
            }
        }
    }

    @Test func aPeriodWithNothingInItSaysSoWithoutATable() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let page = try await qc.get(client, "/reports/qc?from=2025-01-01&to=2025-01-31")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"report-empty\">tidak ada data pada periode ini"))
            #expect(!page.text.contains("<table>"))
            // No empty spreadsheet either, as `sapu report` writes no empty file.
            let csv = try await qc.get(client, "/reports/qc?from=2025-01-01&to=2025-01-31&format=csv")
            #expect(csv.headers[.contentDisposition] == nil)
        }
    }

    @Test func theCSVDownloadIsTheCSVOfSapuReport() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        let period = try ReportPeriod(from: CalendarDate(iso: "2025-11-01"), to: CalendarDate(iso: "2025-11-21"))
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            for (uri, request) in [
                ("/reports/stock?format=csv", Reporting.Request(.stock)),
                ("/reports/stock?at=2025-10-31&format=csv", Reporting.Request(.stock, day: try CalendarDate(iso: "2025-10-31"))),
                ("/reports/qc?from=2025-11-01&to=2025-11-21&by=maker&format=csv", Reporting.Request(.qc, period: period, grouping: .maker)),
                ("/reports/makers?period=this-month&format=csv", Reporting.Request(.makers, period: period)),
                ("/reports/makers?names=1&format=csv", Reporting.Request(.makers, names: true)),
                ("/reports/shipments?format=csv", Reporting.Request(.shipments)),
            ] {
                let response = try await admin.get(client, uri)
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8", "\(uri)")
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"PWT-") == true, "\(uri)")
                #expect(Array(response.body.readableBytesView) == (try fixture.cliReport(request)).document.csv, "\(uri)")
            }
            let english = try await admin.post(client, "/language", [])
            #expect(english.status == .seeOther)
            let csv = try await admin.get(client, "/reports/qc?by=maker&format=csv")
            #expect(Array(csv.body.readableBytesView) == (try fixture.cliReport(Reporting.Request(.qc, grouping: .maker), .en)).document.csv)
        }
    }

    @Test func theAPIGivesTheFiguresAsSapuReportJSON() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let report = try json(try await qc.get(client, "/api/v1/reports/qc?by=maker&period=this-month"))
            #expect(report["report"] as? String == "qc")
            #expect(report["by"] as? String == "maker" && report["from"] as? String == "2025-11-01")
            let rows = try #require(report["rows"] as? [[String: Any]])
            let m002 = try #require(rows.first { $0["group"] as? String == "M002" })
            #expect(m002["inspected"] as? Int == 3 && m002["gradeB"] as? Int == 2 && m002["failed"] as? Int == 1)
            #expect((m002["passPercent"] as? NSNumber)?.doubleValue == 66.7)
            #expect((report["defects"] as? [[String: Any]])?.first?["code"] as? String == "LOOSE")

            let stock = try json(try await qc.get(client, "/api/v1/reports/stock"))
            #expect(stock["total"] as? Int == 8)
            let makers = try json(try await qc.get(client, "/api/v1/reports/makers"))
            let total = try #require(makers["total"] as? [String: Any])
            #expect(total["bundles"] as? Int == 8 && total["brooms"] as? Int == 6 * 10 + 2 * 5)
            let shipments = try json(try await qc.get(client, "/api/v1/reports/shipments"))
            #expect((shipments["shipments"] as? [[String: Any]])?.count == 1)

            // The same JSON as `sapu report qc --json` from the same store.
            let same = try await qc.get(client, "/api/v1/reports/qc?by=maker")
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            #expect(Array(same.body.readableBytesView)
                == Array(try encoder.encode(try fixture.cliReport(Reporting.Request(.qc, grouping: .maker)).json)))
        }
    }

    @Test func aBadPeriodIsRefusedWithAClearMessage() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let reversed = try await qc.get(client, "/reports/qc?from=2025-11-21&to=2025-11-01")
            #expect(reversed.status == .badRequest)
            #expect(reversed.text.contains("class=\"error\""))
            #expect(reversed.text.contains("periode terbalik: &quot;Dari tanggal&quot; 2025-11-21 sesudah &quot;Sampai tanggal&quot; 2025-11-01"))
            // The form keeps what was typed, and no report is drawn.
            #expect(reversed.text.contains("value=\"2025-11-21\"") && !reversed.text.contains("<svg"))

            let garbage = try await qc.get(client, "/reports/makers?from=kemarin")
            #expect(garbage.status == .badRequest)
            #expect(garbage.text.contains("Dari tanggal: tanggal tidak sah: &quot;kemarin&quot; (format YYYY-MM-DD)"))
            #expect(garbage.text.contains("value=\"kemarin\""))

            let long = try await qc.get(client, "/reports/qc?from=" + String(repeating: "9", count: 5000))
            #expect(long.status == .badRequest && long.text.contains("&quot;" + String(repeating: "9", count: 40) + "…&quot;"))
            #expect(!long.text.contains(String(repeating: "9", count: 41)))

            let day = try await qc.get(client, "/reports/stock?at=2025-02-30")
            #expect(day.status == .badRequest && day.text.contains("Keadaan pada akhir hari: tanggal tidak sah"))
            let grouping = try await qc.get(client, "/reports/qc?by=shoe")
            #expect(grouping.status == .badRequest && grouping.text.contains("batch, pembuat, produk atau hari"))
            let preset = try await qc.get(client, "/reports/qc?period=yesterday")
            #expect(preset.status == .badRequest && preset.text.contains("hari-ini, minggu-ini atau bulan-ini"))
            let format = try await qc.get(client, "/reports/qc?format=xlsx")
            #expect(format.status == .badRequest)

            let api = try await qc.get(client, "/api/v1/reports/shipments?from=2025-11-21&to=2025-11-01")
            #expect(api.status == .badRequest)
            #expect((try json(api))["error"] as? String == "periode terbalik: \"Dari tanggal\" 2025-11-21 sesudah \"Sampai tanggal\" 2025-11-01; tidak ada laporan dibuat")

            _ = try await qc.post(client, "/language", [])
            let english = try await qc.get(client, "/api/v1/reports/qc?to=31-12-2025")
            #expect((try json(english))["error"] as? String == "To: invalid date: \"31-12-2025\" (use YYYY-MM-DD); no report was made")
        }
    }

    @Test func onlyAdminSeesMakersNames() async throws {
        let fixture = try WebFixture()
        try fixture.makeHistory()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let page = try await qc.get(client, "/reports/makers")
            #expect(page.status == .ok)
            #expect(page.text.contains("M001") && !page.text.contains("Budi"))
            #expect(!page.text.contains("name=\"names\""))
            let asked = try await qc.get(client, "/reports/makers?names=1")
            #expect(asked.status == .forbidden && !asked.text.contains("Budi"))
            let csv = try await qc.get(client, "/reports/makers?names=1&format=csv")
            #expect(csv.status == .forbidden && !csv.text.contains("Budi"))
            let api = try await qc.get(client, "/api/v1/reports/makers?names=1")
            #expect(api.status == .forbidden && !api.text.contains("Budi"))
            let plain = try await qc.get(client, "/api/v1/reports/makers")
            #expect(plain.status == .ok && !plain.text.contains("Budi") && !plain.text.contains("\"name\""))

            let admin = try await Browser.logIn(client, as: "ADMIN")
            let withoutNames = try await admin.get(client, "/reports/makers")
            #expect(withoutNames.text.contains("name=\"names\"") && !withoutNames.text.contains("Budi"))
            let named = try await admin.get(client, "/reports/makers?names=1")
            #expect(named.status == .ok && named.text.contains("<td>Budi Santoso</td>"))
            #expect(named.text.contains("names=1&amp;format=csv"))
            let namedJSON = try json(try await admin.get(client, "/api/v1/reports/makers?names=1"))
            #expect((namedJSON["makers"] as? [[String: Any]])?.first?["name"] as? String == "Budi Santoso")
        }
    }

    @Test func anUnknownReportIsNotFound() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            #expect(try await qc.get(client, "/reports/salaries").status == .notFound)
            #expect(try await qc.get(client, "/api/v1/reports/salaries").status == .notFound)
            let mitra = try await Browser.logIn(client, as: "MITRA1")
            #expect(try await mitra.get(client, "/reports/qc").status == .forbidden)
        }
    }

    @Test func theStylesheetCarriesTheReportRulesScopedToTheReport() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/static/sapu.css", method: .get)
            let css = response.text
            #expect(css.hasPrefix(Assets.stylesheet))
            #expect(css.contains(".report th.n, .report td.n { text-align: right;"))
            #expect(css.contains(".report .scroll th { position: sticky; top: 0; }"))
            #expect(css.contains("@media print {\n.report body {"))
            // The report's page rules (`body`, `header`) do not reach the app's own layout.
            #expect(css.components(separatedBy: "\nbody {").count == 2 && !css.contains("\nheader {"))
        }
    }
}
