extension ReportDocument {
    /// The report as one self-contained page: inline style and SVG charts, no scripts, no
    /// links to fetch. The markup is also well-formed XML, so any XML parser can check it.
    public var html: String {
        var page = HTMLWriter()
        page.raw("<!DOCTYPE html>\n")
        page.raw("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"\(language.rawValue)\">\n<head>\n")
        page.raw("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        page.element("title", title)
        page.raw("<style>\(Self.style)</style>\n</head>\n<body>\n<header>\n")
        page.element("h1", title)
        for line in subtitle { page.element("p", line, attributes: ["class": "sub"]) }
        page.raw("</header>\n")
        page.raw(htmlBody)
        page.raw("<footer>Sapu</footer>\n</body>\n</html>\n")
        return page.text
    }

    /// The tiles, charts and tables without the page around them, for a page that has its own
    /// header (`sapu serve`); the same markup as the standalone page.
    public var htmlBody: String {
        var page = HTMLWriter()
        if !highlights.isEmpty {
            page.raw("<div class=\"tiles\">\n")
            for highlight in highlights {
                page.raw("<div class=\"tile\">")
                page.element("b", highlight.value)
                page.element("span", highlight.label)
                page.raw("</div>\n")
            }
            page.raw("</div>\n")
        }
        for section in sections {
            page.raw("<section>\n")
            if let heading = section.heading { page.element("h2", heading) }
            for chart in section.charts {
                page.raw("<figure>\n")
                page.raw(HTMLChart.svg(chart, language: language))
                page.raw("</figure>\n")
            }
            // A long table scrolls in its own box on screen, and prints in full.
            let long = section.table.rows.count > 30
            if long { page.raw("<div class=\"scroll\">\n") }
            page.table(section.table, language: language)
            if long { page.raw("</div>\n") }
            for note in section.notes { page.element("p", note, attributes: ["class": "note"]) }
            page.raw("</section>\n")
        }
        return page.text
    }

    /// Only the report's charts, as SVG figures: the dashboard shows the QC chart this way.
    public var htmlCharts: String {
        sections.flatMap(\.charts).map { "<figure>\n" + HTMLChart.svg($0, language: language) + "</figure>\n" }.joined()
    }

    /// The stylesheet of the report's markup; `sapu serve` includes it in its own.
    public static let style = """

        body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1f2933; margin: 24px auto;
               max-width: 1040px; padding: 0 16px; font-size: 14px; line-height: 1.4; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 2px solid #d9e2ec; padding-bottom: 4px; }
        p.sub { margin: 0; color: #52606d; }
        header { border-bottom: 3px solid #2e7d32; padding-bottom: 10px; margin-bottom: 8px; }
        section { margin-top: 16px; }
        figure { margin: 12px 0 16px; }
        svg { width: 100%; height: auto; display: block; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th, td { padding: 3px 8px; border-bottom: 1px solid #e4e7eb; text-align: left; white-space: nowrap; }
        th { background: #f0f4f8; border-bottom: 2px solid #bcccdc; }
        th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) td { background: #f8fafc; }
        tfoot td { font-weight: bold; border-top: 2px solid #bcccdc; border-bottom: none; }
        p.note { color: #334e68; margin: 8px 0; }
        .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; }
        .tile { flex: 1 1 150px; background: #f0f4f8; border-left: 4px solid #2e7d32; padding: 8px 12px; }
        .tile b { display: block; font-size: 22px; color: #102a43; font-variant-numeric: tabular-nums; }
        .tile span { color: #52606d; font-size: 12px; }
        .scroll { max-height: 560px; overflow-y: auto; border: 1px solid #e4e7eb; }
        .scroll th { position: sticky; top: 0; }
        footer { margin-top: 32px; color: #9aa5b1; font-size: 11px; }
        @media print { body { margin: 0; max-width: none; } .scroll { max-height: none; overflow: visible; border: none; }
                       figure { break-inside: avoid-page; } }

        """
}

/// Builds markup with everything escaped; the only way text gets into the page.
struct HTMLWriter {
    private(set) var text = ""

    mutating func raw(_ markup: String) { text += markup }

    mutating func element(_ name: String, _ content: String, attributes: [String: String] = [:]) {
        text += "<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>\n"
    }

    mutating func table(_ table: ReportTable, language: Language) {
        func numeric(_ index: Int) -> Bool { index < table.columns.count && table.columns[index].numeric }
        func row(_ cells: [ReportCell], tag: String) {
            text += "<tr>"
            for (index, cell) in cells.enumerated() {
                text += "<\(tag)\(numeric(index) ? " class=\"n\"" : "")>\(Self.escape(cell.display(language)))</\(tag)>"
            }
            text += "</tr>\n"
        }
        text += "<table>\n<thead>"
        row(table.columns.map { .text($0.title) }, tag: "th")
        text += "</thead>\n<tbody>\n"
        for cells in table.rows { row(cells, tag: "td") }
        text += "</tbody>\n"
        if let total = table.total {
            text += "<tfoot>"
            row(total, tag: "td")
            text += "</tfoot>\n"
        }
        text += "</table>\n"
    }

    static func attributes(_ attributes: [String: String]) -> String {
        attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// Escapes the five XML specials; anything else is safe in UTF-8.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
