extension ReportDocument {
    /// The report for a terminal: title, then each section as a table whose numbers line up on the right.
    public var text: String {
        // Names in titles and cells come from the database: shown escaped, each on its line.
        var lines = ([title] + subtitle).map(\.visible)
        for section in sections {
            lines.append("")
            if let heading = section.heading { lines.append(heading.visible) }
            lines += section.table.textLines(language)
            lines += section.notes.map(\.visible)
        }
        return lines.joined(separator: "\n")
    }
}

extension ReportTable {
    func textLines(_ language: Language) -> [String] {
        let body = rows.map { $0.map { $0.display(language).visible } }
        let footer = total.map { $0.map { $0.display(language).visible } }
        var widths = columns.map(\.title.count)
        for row in body + (footer.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() where index < widths.count {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                if index > 0 { text += "  " }
                text += columns[index].numeric ? pad + cell : cell + pad
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(columns.map(\.title)), rule] + body.map(line)
        if let footer {
            lines.append(rule)
            lines.append(line(footer))
        }
        return lines
    }
}
