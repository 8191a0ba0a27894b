extension ReportDocument {
    /// The report for a spreadsheet set to Indonesian: UTF-8 with a byte order mark, `;`
    /// between cells, CRLF line ends, a decimal comma (a decimal point in English).
    ///
    /// Each section is one table with its header row; an empty line separates them.
    /// Numbers are plain digits, so the spreadsheet reads them as numbers.
    public var csv: [UInt8] {
        var lines: [String] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append("") }
            let table = section.table
            lines.append(table.columns.map { Self.csvField($0.title) }.joined(separator: ";"))
            for row in table.rows + (table.total.map { [$0] } ?? []) {
                lines.append(row.map { cell in
                    if case .text(let text) = cell { return Self.csvField(text) }
                    return cell.plain(language)
                }.joined(separator: ";"))
            }
        }
        return [0xEF, 0xBB, 0xBF] + Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    /// Quotes a text cell when it holds a separator, a quote or a line break, and defuses
    /// text a spreadsheet would run as a formula.
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+-@".contains(first) { field = "'" + field }
        guard field.unicodeScalars.contains(where: { ";\"\r\n".unicodeScalars.contains($0) }) else { return field }
        return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// The string with every `target` replaced; Foundation-free.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
