import Foundation
import SapuCore

/// The report stylesheet (`ReportDocument.style`, the one `sapu report --format html` inlines)
/// for the web app: every rule scoped to `.report`, the box a report page puts the report in,
/// so that the report's page rules (`body`, `header`, `h1`) never touch the app's layout.
enum ReportStyle {
    static let scoped = scope(ReportDocument.style, under: ".report")
        // A wide table scrolls sideways in its section on a phone instead of widening the page.
        + ".report section { overflow-x: auto; }\n"
        // The quick-period links of the report form, far enough apart for a thumb.
        + ".page-report .presets a { display: inline-block; margin: 2px 10px 2px 0; }\n"

    /// Prefixes each selector of each rule with `scope`; the rules inside an `@media` block too.
    ///
    /// The stylesheet is Sapu's own: rules `selectors { declarations }` and at-rules holding
    /// such rules, no comments and no braces inside strings.
    static func scope(_ css: String, under scope: String) -> String {
        var result = ""
        var rest = Substring(css)
        while let open = rest.firstIndex(of: "{") {
            let prelude = rest[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
            guard let close = matchingBrace(in: rest, from: open) else { break }
            let inside = rest[rest.index(after: open)..<close]
            if prelude.hasPrefix("@") {
                result += prelude + " {\n" + Self.scope(String(inside), under: scope) + "}\n"
            } else {
                let selectors = prelude.split(separator: ",").map { scope + " " + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                result += selectors.joined(separator: ", ") + " {" + inside + "}\n"
            }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    private static func matchingBrace(in text: Substring, from open: Substring.Index) -> Substring.Index? {
        var depth = 0
        var index = open
        while index < text.endIndex {
            switch text[index] {
            case "{": depth += 1
            case "}":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index = text.index(after: index)
        }
        return nil
    }
}
