import Foundation
import FoundationXML
import SapuCore
import Testing

@Suite("Reports: tables, CSV and HTML")
struct ReportRenderingTests {
    static let document = ReportDocument(
        language: .id, title: "Laporan <uji> & \"coba\"", subtitle: ["Periode: seluruh riwayat"],
        highlights: [.init("ikatan", "1.234")],
        sections: [
            .init(charts: [.stacked(.init(title: "Hasil", categories: ["B1", "B2"], series: [
                .init(name: "A", colour: "#2e7d32", values: [3, 0]), .init(name: "Gagal", colour: "#c62828", values: [1, 2]),
            ]))], table: ReportTable(
                columns: [.init("PENERIMA", numeric: false), .init("JUMLAH"), .init("%")],
                rows: [[.text("CV. Maju; Jaya"), .count(1_234_567), .percent(0.925)],
                       [.text("=HYPERLINK(\"x\")"), .count(5), .percent(nil)]],
                total: [.text("SEMUA"), .count(1_234_572), .percent(2.0 / 3)]),
                  notes: ["catatan"]),
            .init(heading: "Pareto", charts: [.pareto(.init(title: "Cacat", categories: ["LOOSE", "DAMP"], counts: [3, 1],
                                                             cumulative: [0.75, 1], countLabel: "Jumlah", cumulativeLabel: "Kumulatif %"))],
                  table: ReportTable(columns: [.init("CACAT", numeric: false)], rows: [[.text("LOOSE")]])),
        ])

    @Test func numbersAreWrittenTheWayEachLanguageWritesThem() {
        #expect(ReportNumber.grouped(1_234_567, .id) == "1.234.567")
        #expect(ReportNumber.grouped(1_234_567, .en) == "1,234,567")
        #expect(ReportNumber.grouped(999, .id) == "999")
        #expect(ReportNumber.grouped(-1000, .en) == "-1,000")
        #expect(ReportNumber.percent(0.925, .id) == "92,5")
        #expect(ReportNumber.percent(2.0 / 3, .en) == "66.7")
        #expect(ReportNumber.percent(1, .id) == "100,0")
        #expect(ReportNumber.percent(0, .id) == "0,0")
    }

    @Test func theTextTableLinesNumbersUpOnTheRight() {
        let lines = Self.document.text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Laporan <uji> & \"coba\"")
        #expect(lines.contains("PENERIMA            JUMLAH     %"))
        #expect(lines.contains("---------------  ---------  ----"))
        #expect(lines.contains("CV. Maju; Jaya   1.234.567  92,5"))
        #expect(lines.contains("=HYPERLINK(\"x\")          5     –"))
        #expect(lines.contains("SEMUA            1.234.572  66,7"))
        #expect(lines.contains("catatan"))
        #expect(lines.contains("Pareto"))
    }

    @Test func csvHasABomSemicolonsCRLFAndDecimalCommas() {
        let bytes = Self.document.csv
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "PENERIMA;JUMLAH;%\r\n"
            + "\"CV. Maju; Jaya\";1234567;92,5\r\n"
            + "\"'=HYPERLINK(\"\"x\"\")\";5;\r\n"
            + "SEMUA;1234572;66,7\r\n"
            + "\r\n"
            + "CACAT\r\n"
            + "LOOSE\r\n")
        var english = Self.document
        english.language = .en
        #expect(String(decoding: english.csv, as: UTF8.self).contains("SEMUA;1234572;66.7\r\n"))
    }

    @Test func htmlIsWellFormedSelfContainedAndEscaped() throws {
        let html = Self.document.html
        let parser = XMLParser(data: Data(html.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
        #expect(collector.names["svg"] == 2)
        #expect(collector.names["script"] == nil)
        #expect(!collector.attributes.contains("src") && !collector.attributes.contains("href"))
        #expect(html.contains("<title>Laporan &lt;uji&gt; &amp; &quot;coba&quot;</title>"))
        #expect(html.contains("<td class=\"n\">1.234.567</td>"))
        #expect(html.contains("<b>1.234</b>\n<span>ikatan</span>"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"id\">"))
    }

    @Test func chartsDrawEveryValueWithItsExactFigureOnHover() {
        let html = Self.document.html
        #expect(html.contains("<title>B1 · A: 3</title>"))
        #expect(html.contains("<title>B2 · Gagal: 2</title>"))
        #expect(!html.contains("B2 · A:"), "an empty segment draws nothing")
        #expect(html.contains("<title>DAMP: 100,0 %</title>"))
        #expect(html.contains("<polyline"))
    }

    @Test func longTablesScrollOnScreenAndPrintInFull() {
        var long = Self.document
        long.sections[1].table.rows = Array(repeating: [.text("X")], count: 31)
        #expect(long.html.contains("<div class=\"scroll\">"))
        #expect(!Self.document.html.contains("<div class=\"scroll\">"))
        #expect(long.html.contains("@media print"))
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var names: [String: Int] = [:]
    var attributes: Set<String> = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        names[name, default: 0] += 1
        self.attributes.formUnion(attributes.keys)
    }
}
