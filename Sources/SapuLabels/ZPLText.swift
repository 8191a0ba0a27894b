import Foundation

/// Text as ZPL's built-in font 0 can print it and `^FH` expects it.
enum ZPLText {
    /// Folds accents and replaces typographic marks with ASCII; anything else becomes `?`.
    static func ascii(_ text: String) -> String {
        let replaced = text
            .replacingOccurrences(of: "\u{00B7}", with: "-")
            .replacingOccurrences(of: "\u{2013}", with: "-")
            .replacingOccurrences(of: "\u{2014}", with: "-")
            .replacingOccurrences(of: "\u{2026}", with: "...")
            .folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(replaced.unicodeScalars.map { scalar in
            scalar.isASCII && scalar.value >= 0x20 && scalar.value < 0x7F ? Character(scalar) : "?"
        })
    }

    /// Escapes the characters ZPL would read as commands, for a field under `^FH`
    /// (escape character `_`, followed by two hex digits).
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "_": result += "_5F"
            case "^": result += "_5E"
            case "~": result += "_7E"
            default: result.append(character)
            }
        }
        return result
    }
}
