import Foundation
import FoundationXML
import Testing

/// `sapu report` against the hand-computed figures of `ReportFixture`.
@Suite("sapu report: stock, QC, makers and shipments, end to end")
struct ReportTests {
    // MARK: Stock

    /// "PRODUCT GRADE state" → count, from a stock report's JSON.
    private func stock(_ json: [String: Any]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for line in json["lines"] as? [[String: Any]] ?? [] {
            counts["\(line["product"]!) \(line["grade"]!) \(line["state"]!)"] = line["count"] as? Int
        }
        return counts
    }

    @Test func stockNowCountsEveryBundleByProductGradeAndState() throws {
        let sapu = try ReportFixture.get().sapu
        let report = try sapu.report("stock")
        #expect(stock(report) == [
            "GLAGAH A in-stock": 1, "GLAGAH A received": 1, "GLAGAH A missing": 1, "GLAGAH FAIL scrapped": 1,
            "LIDI A inspected": 2, "LIDI A in-stock": 3, "LIDI A shipped": 2, "LIDI A received": 6,
            // A failed inspection quarantines the bundle at once: 105A-0003 was never scanned into quarantine.
            "LIDI B in-stock": 3, "LIDI FAIL quarantined": 2,
        ])
        #expect(report["total"] as? Int == 22)
        #expect(report["asOf"] == nil)
    }

    @Test func stockAtAPastDayIsReplayedFromTheEvents() throws {
        let sapu = try ReportFixture.get().sapu
        // End of day 1: reworked bundles were still failed and quarantined, nothing had left.
        let dayOne = try sapu.report("stock", "--at", "2025-11-03")
        #expect(stock(dayOne) == [
            "GLAGAH A in-stock": 3, "GLAGAH FAIL quarantined": 1, "LIDI A in-stock": 6, "LIDI B in-stock": 2,
            "LIDI FAIL quarantined": 2,
        ])
        #expect(dayOne["total"] as? Int == 14)
        #expect(dayOne["asOf"] as? String == "2025-11-03")
        // End of day 2: 103A-0009 passed as B after rework; 103B-0004 failed again; shipment 001 on its way.
        let dayTwo = try sapu.report("stock", "--at", "2025-11-04")
        #expect(stock(dayTwo) == [
            "GLAGAH A in-stock": 1, "GLAGAH A shipped": 2, "GLAGAH FAIL quarantined": 1, "LIDI A in-stock": 4,
            "LIDI A shipped": 6, "LIDI B in-stock": 3, "LIDI FAIL quarantined": 2,
        ])
        #expect(dayTwo["total"] as? Int == 19)
        #expect(stock(try sapu.report("stock", "--at", "2025-11-06")) == stock(try sapu.report("stock")))
    }

    @Test func stockBeforeTheFirstEventSaysThereIsNoData() throws {
        let sapu = try ReportFixture.get().sapu
        let output = try sapu.run("report", "stock", "--at", "2025-11-02")
        #expect(output.status == 0)
        #expect(output.stdout.contains("tidak ada data pada tanggal ini"))
        #expect(!output.stdout.contains("PRODUK"))
    }

    @Test func stockTableLinesUpAndTotals() throws {
        let sapu = try ReportFixture.get().sapu
        let lines = try sapu.ok("report", "stock").lines
        #expect(lines.contains { $0.hasPrefix("PRODUK  GRADE") && $0.hasSuffix("JUMLAH") })
        let total = try #require(lines.first { $0.hasPrefix("SEMUA") })
        #expect(total.hasSuffix(" 22"))
        let widths = Set(lines.filter { $0.hasPrefix("LIDI") || $0.hasPrefix("GLAGAH") || $0.hasPrefix("SEMUA") }.map(\.count))
        #expect(widths.count == 1, "every row ends at the same column: \(lines)")
    }

    // MARK: QC

    private func rows(_ json: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (json["rows"] as? [[String: Any]] ?? []).map { ($0["group"] as? String ?? "", $0) })
    }

    private func counts(_ row: [String: Any]?) -> [Double] {
        guard let row else { return [] }
        return ["inspected", "gradeA", "gradeB", "failed", "passPercent", "reworks", "finalPercent"].map {
            (row[$0] as? NSNumber)?.doubleValue ?? -1
        }
    }

    @Test func qcByBatchCountsFirstInspectionsReworksAndFinalYield() throws {
        let sapu = try ReportFixture.get().sapu
        let report = try sapu.report("qc")
        let byBatch = rows(report)
        #expect(counts(byBatch["PWT251103A"]) == [10, 6, 2, 2, 80.0, 2, 100.0])
        #expect(counts(byBatch["PWT251103B"]) == [4, 3, 0, 1, 75.0, 1, 75.0])
        #expect(counts(byBatch["PWT251104A"]) == [5, 4, 0, 1, 80.0, 0, 80.0])
        #expect(counts(byBatch["PWT251105A"]) == [3, 2, 0, 1, 66.7, 0, 66.7])
        #expect(byBatch.count == 4)
        #expect(counts(report["total"] as? [String: Any]) == [22, 15, 2, 5, 77.3, 3, 86.4])
    }

    @Test func theDefectParetoRanksEveryFailedInspectionsDefects() throws {
        let sapu = try ReportFixture.get().sapu
        let report = try sapu.report("qc")
        let defects = try #require(report["defects"] as? [[String: Any]])
        #expect(defects.map { $0["code"] as? String } == ["LOOSE", "DAMP", "BROKEN", "SHORT"])
        #expect(defects.map { $0["count"] as? Int } == [3, 2, 1, 1])
        #expect(defects.map { ($0["sharePercent"] as? NSNumber)?.doubleValue } == [42.9, 28.6, 14.3, 14.3])
        #expect(defects.map { ($0["cumulativePercent"] as? NSNumber)?.doubleValue } == [42.9, 71.4, 85.7, 100.0])
        #expect(defects.first?["name"] as? String == "Ikatan longgar")
        #expect(report["failedInspections"] as? Int == 6)
    }

    @Test func qcByMakerAndByDay() throws {
        let sapu = try ReportFixture.get().sapu
        let byMaker = rows(try sapu.report("qc", "--by", "maker"))
        #expect(counts(byMaker["M042"]) == [10, 8, 2, 0, 100.0, 0, 100.0])
        #expect(counts(byMaker["M043"]) == [7, 3, 0, 4, 42.9, 3, 71.4])
        #expect(counts(byMaker["M044"]) == [5, 4, 0, 1, 80.0, 0, 80.0])
        let byDay = rows(try sapu.report("qc", "--by", "day"))
        #expect(counts(byDay["2025-11-03"]) == [14, 9, 2, 3, 78.6, 0, 92.9])
        #expect(counts(byDay["2025-11-04"]) == [5, 4, 0, 1, 80.0, 2, 80.0])
        #expect(counts(byDay["2025-11-05"]) == [3, 2, 0, 1, 66.7, 1, 66.7])
        let byProduct = rows(try sapu.report("qc", "--by", "product"))
        #expect(counts(byProduct["LIDI"]) == [18, 12, 2, 4, 77.8, 2, 88.9])
        #expect(counts(byProduct["GLAGAH"]) == [4, 3, 0, 1, 75.0, 1, 75.0])
    }

    @Test func aPeriodCountsOnlyItsOwnInspectionsAndReworks() throws {
        let sapu = try ReportFixture.get().sapu
        let dayTwo = try sapu.report("qc", "--from", "2025-11-04", "--to", "2025-11-04")
        let byBatch = rows(dayTwo)
        // Reworks on day 2 count for their batches even though those bundles were first inspected on day 1.
        #expect(counts(byBatch["PWT251103A"]) == [0, 0, 0, 0, -1, 1, -1])
        #expect(counts(byBatch["PWT251103B"]) == [0, 0, 0, 0, -1, 1, -1])
        #expect(counts(byBatch["PWT251104A"]) == [5, 4, 0, 1, 80.0, 0, 80.0])
        #expect(counts(dayTwo["total"] as? [String: Any]) == [5, 4, 0, 1, 80.0, 2, 80.0])
        let defects = try #require(dayTwo["defects"] as? [[String: Any]])
        #expect(defects.map { $0["code"] as? String } == ["DAMP", "SHORT"])
        #expect(dayTwo["failedInspections"] as? Int == 2)
        #expect(dayTwo["from"] as? String == "2025-11-04")
    }

    @Test func finalYieldCountsOnlyReworksUpToTheEndOfThePeriod() throws {
        let sapu = try ReportFixture.get().sapu
        // At the end of day 1 nothing had been reworked: the final yield is the first-pass yield.
        let dayOne = try sapu.report("qc", "--to", "2025-11-03")
        #expect(counts(dayOne["total"] as? [String: Any]) == [14, 9, 2, 3, 78.6, 0, 78.6])
    }

    @Test func qcTableInIndonesianUsesDecimalCommasAndSaysTheYields() throws {
        let sapu = try ReportFixture.get().sapu
        let output = try sapu.ok("report", "qc")
        #expect(output.stdout.contains("Laporan mutu (QC)"))
        #expect(output.stdout.contains("Periode: seluruh riwayat"))
        let total = try #require(output.lines.first { $0.hasPrefix("SEMUA") })
        #expect(total.split(separator: " ").map(String.init) == ["SEMUA", "22", "15", "2", "5", "77,3", "3", "86,4", "0"])
        #expect(output.stdout.contains("lulus pertama kali 77,3 %, lulus setelah perbaikan 86,4 %"))
        #expect(output.stdout.contains("Penyebab cacat (Pareto)"))
        let english = try sapu.ok("report", "qc", "--lang", "en")
        #expect(english.stdout.contains("first-pass yield 77.3 %, final yield after rework 86.4 %"))
    }

    // MARK: Makers

    private func makers(_ json: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (json["makers"] as? [[String: Any]] ?? []).map { ($0["maker"] as? String ?? "", $0) })
    }

    private func output(_ maker: [String: Any]?) -> [Double] {
        guard let maker else { return [] }
        return ["bundles", "brooms", "gradeA", "gradeB", "failed", "passPercent", "reworks"].map {
            (maker[$0] as? NSNumber)?.doubleValue ?? -1
        }
    }

    @Test func makersReportCountsBundlesBroomsGradesAndReworks() throws {
        let sapu = try ReportFixture.get().sapu
        let report = try sapu.report("makers")
        let byMaker = makers(report)
        #expect(output(byMaker["M042"]) == [10, 100, 8, 2, 0, 100.0, 0])
        #expect(output(byMaker["M043"]) == [7, 50, 3, 0, 4, 42.9, 3])
        #expect(output(byMaker["M044"]) == [5, 50, 4, 0, 1, 80.0, 0])
        #expect(output(report["total"] as? [String: Any]) == [22, 200, 15, 2, 5, 77.3, 3])
        let dayThree = makers(try sapu.report("makers", "--from", "2025-11-05"))
        #expect(output(dayThree["M042"]) == [2, 20, 2, 0, 0, 100.0, 0])
        #expect(output(dayThree["M043"]) == [1, 10, 0, 0, 1, 0.0, 1])
        #expect(dayThree["M044"] == nil)
    }

    @Test func makerNamesAppearOnlyWhenAskedFor() throws {
        let sapu = try ReportFixture.get().sapu
        for format in ["table", "csv", "json", "html"] {
            let plain = try sapu.ok("report", "makers", "--format", format)
            #expect(!plain.stdout.contains("Budi") && !plain.stdout.contains("Slamet"), "\(format)")
            let named = try sapu.ok("report", "makers", "--names", "--format", format)
            #expect(named.stdout.contains("Budi Santoso") && named.stdout.contains("Slamet Riyadi"), "\(format)")
        }
        let named = makers(try sapu.report("makers", "--names"))
        #expect(named["M042"]?["name"] as? String == "Budi Santoso")
        #expect(named["M044"]?["name"] as? String == "")
    }

    // MARK: Shipments

    @Test func shipmentsReportShowsWhatWasSentReceivedAndLost() throws {
        let fixture = try ReportFixture.get()
        let report = try fixture.sapu.report("shipments")
        let shipments = try #require(report["shipments"] as? [[String: Any]])
        func figures(_ shipment: [String: Any]) -> [String] {
            ["id", "date", "consignee", "status", "sent", "received", "missing", "disputed", "inTransit"].map { "\(shipment[$0]!)" }
        }
        #expect(shipments.map(figures) == [
            [fixture.first, "2025-11-04", "CV. Pusat Handicraft", "disputed", "8", "7", "1", "0", "0"],
            [fixture.second, "2025-11-05", "Toko Sapu Makmur", "shipped", "2", "0", "0", "0", "2"],
        ])
        let consignees = try #require(report["consignees"] as? [[String: Any]])
        #expect(consignees.map { "\($0["consignee"]!) \($0["shipments"]!) \($0["sent"]!) \($0["received"]!) \($0["missing"]!)" }
            == ["CV. Pusat Handicraft 1 8 7 1", "Toko Sapu Makmur 1 2 0 0"])
        let total = try #require(report["total"] as? [String: Any])
        #expect(["shipments", "sent", "received", "missing", "disputed", "inTransit"].map { total[$0] as? Int }
            == [2, 10, 7, 1, 0, 2])
        let later = try #require(try fixture.sapu.report("shipments", "--from", "2025-11-05")["shipments"] as? [[String: Any]])
        #expect(later.map { $0["id"] as? String } == [fixture.second])
    }

    // MARK: Formats

    @Test func csvOpensInAnIndonesianSpreadsheet() throws {
        let sapu = try ReportFixture.get().sapu
        let output = try sapu.ok("report", "qc", "--format", "csv")
        let bytes = Array(output.stdout.utf8)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BATCH;DIPERIKSA;A;B;TIDAK LULUS;% LULUS;PERBAIKAN;% LULUS AKHIR;GRADE ULANG")
        #expect(lines.contains("PWT251105A;3;2;0;1;66,7;0;66,7;0"))
        #expect(lines.contains("SEMUA;22;15;2;5;77,3;3;86,4;0"))
        #expect(lines.contains("LOOSE;Ikatan longgar;3;42,9;42,9"))
        let english = try sapu.ok("report", "qc", "--format", "csv", "--lang", "en").stdout
        #expect(english.contains("ALL;22;15;2;5;77.3;3;86.4;0\r\n"))
    }

    @Test func csvCountsArePlainDigits() throws {
        let sapu = try ReportFixture.get().sapu
        let output = try sapu.ok("report", "makers", "--format", "csv", "--from", "2025-11-05")
        #expect(output.stdout.contains("M042;2;20;2;0;0;100,0;0;0\r\n"))
        // Big counts carry no thousands separator: the spreadsheet must read them as numbers.
        let stock = try sapu.ok("report", "stock", "--format", "csv").stdout
        #expect(stock.contains("SEMUA;;"))
    }

    @Test func theGlobalJSONFlagPrintsJSON() throws {
        let sapu = try ReportFixture.get().sapu
        let viaFlag = try sapu.json(try sapu.ok("report", "makers", "--json"))
        let viaFormat = try sapu.json(try sapu.ok("report", "makers", "--format", "json"))
        #expect(NSDictionary(dictionary: viaFlag as? [String: Any] ?? [:]) == NSDictionary(dictionary: viaFormat as? [String: Any] ?? [:]))
        #expect((viaFlag as? [String: Any])?["report"] as? String == "makers")
    }

    @Test func htmlIsOneWellFormedFileWithChartsAndTheFigures() throws {
        let sapu = try ReportFixture.get().sapu
        let written = try sapu.ok("report", "qc", "--format", "html", "--out", "qc.html")
        #expect(written.stdout.contains("qc.html"))
        let data = try Data(contentsOf: URL(fileURLWithPath: sapu.directory + "/qc.html"))
        let page = try XHTMLPage(data)
        #expect(page.elements["svg"] == 2, "a results chart and a Pareto chart")
        #expect(page.elements["script"] == nil)
        #expect(page.attributes.allSatisfy { !["src", "href"].contains($0) }, "nothing to fetch")
        #expect(page.language == "id")
        #expect(page.text.contains("Laporan mutu (QC)"))
        #expect(page.cells.contains("77,3") && page.cells.contains("86,4"))
        #expect(page.cells.contains("PWT251103A") && page.cells.contains("Ikatan longgar"))
        #expect(page.text.contains("Hasil pemeriksaan pertama per batch"))

        let english = try XHTMLPage(Data(try sapu.ok("report", "makers", "--format", "html", "--lang", "en").stdout.utf8))
        #expect(english.language == "en")
        #expect(english.elements["svg"] == 1)
        #expect(english.text.contains("Bundles per maker by first-inspection result"))
        #expect(english.cells.contains("77.3"))
        for report in ["stock", "shipments"] {
            let page = try XHTMLPage(Data(try sapu.ok("report", report, "--format", "html").stdout.utf8))
            #expect((page.elements["svg"] ?? 0) >= 1, "\(report)")
        }
    }

    // MARK: Bad input and empty periods

    @Test func badInputGetsAOneLineReasonAndAFailureStatus() throws {
        let sapu = try ReportFixture.get().sapu
        let cases: [([String], String)] = [
            (["qc", "--from", "2025-13-01"], "tanggal tidak sah: \"2025-13-01\""),
            (["makers", "--to", "5-11-2025"], "tanggal tidak sah: \"5-11-2025\""),
            (["stock", "--at", "kemarin"], "tanggal tidak sah: \"kemarin\""),
            (["qc", "--from", "2025-11-05", "--to", "2025-11-03"], "periode terbalik: --from 2025-11-05 sesudah --to 2025-11-03"),
            (["shipments", "--from", "2025-11-05", "--to", "2025-11-03"], "periode terbalik"),
            (["qc", "--by", "week"], "--by tidak mengenal \"week\"; pakai batch, pembuat, produk atau hari"),
            (["qc", "--format", "pdf"], "--format tidak mengenal \"pdf\"; pakai tabel, csv, json atau html"),
        ]
        for (arguments, reason) in cases {
            let output = try sapu.run(["report"] + arguments)
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains(reason), "\(arguments): \(output.stderr)")
            #expect(output.stderr.split(separator: "\n").count == 1, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
        let english = try sapu.run("report", "qc", "--by", "week", "--lang", "en")
        #expect(english.stderr.contains("--by does not take \"week\"; use batch, maker, product or day"))
    }

    @Test func anEmptyPeriodSaysSoAndSucceeds() throws {
        let sapu = try ReportFixture.get().sapu
        for report in ["qc", "makers", "shipments"] {
            let output = try sapu.run("report", report, "--from", "2026-01-01")
            #expect(output.status == 0, "\(report): \(output.stderr)")
            #expect(output.stdout.contains("tidak ada data pada periode ini"), "\(report)")
            #expect(!output.stdout.contains("SEMUA"), "\(report)")
        }
        let english = try sapu.run("report", "qc", "--from", "2026-01-01", "--lang", "en")
        #expect(english.stdout.contains("no data in this period"))
        let html = try sapu.run("report", "qc", "--from", "2026-01-01", "--format", "html", "--out", "empty.html")
        #expect(html.status == 0)
        #expect(!FileManager.default.fileExists(atPath: sapu.directory + "/empty.html"))
    }

    @Test func reportsNeedADatabase() throws {
        let sapu = try SapuRunner()
        let output = try sapu.run("report", "stock")
        #expect(output.status != 0)
        #expect(output.stderr.contains("sapu init"))
    }

    @Test func theLastEventOfEachBundleIsItsUpdateTime() throws {
        // Replaying stock trusts that every event also touches its bundle's row.
        let sapu = try ReportFixture.get().sapu
        // Other tests run reports on the same file at the same time: wait for their locks.
        let stale = try SapuRunner.execute("sqlite3", ["-cmd", ".timeout 10000", sapu.database, """
            SELECT COUNT(*) FROM bundle b
            WHERE unixepoch(b.updated_at) <> (SELECT MAX(e.at_unix) FROM event e WHERE e.bundle = b.id)
            """])
        #expect(stale.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0", "\(stale.stderr)")
    }
}

/// An HTML page read as XML: proves it is well-formed and collects what a reader sees.
struct XHTMLPage {
    var elements: [String: Int] = [:]
    var attributes: Set<String> = []
    var text = ""
    var cells: [String] = []
    var language: String?

    init(_ data: Data) throws {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw XMLFailure(reason: parser.parserError.map { "\($0)" } ?? "not well-formed", line: parser.lineNumber)
        }
        elements = reader.elements
        attributes = reader.attributes
        text = reader.text
        cells = reader.cells
        language = reader.language
    }

    struct XMLFailure: Error {
        var reason: String
        var line: Int
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var attributes: Set<String> = []
        var text = ""
        var cells: [String] = []
        var language: String?
        private var cell: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements[name, default: 0] += 1
            self.attributes.formUnion(attributes.keys)
            if name == "html" { language = attributes["lang"] }
            if name == "td" || name == "th" { cell = "" }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "td" || name == "th", let cell {
                cells.append(cell)
                self.cell = nil
            }
            text += " "
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            cell? += string
        }
    }
}
