/// Text from users, files and old databases made safe to show on a terminal.
///
/// A name or a scanned line may hold characters a terminal acts on instead of showing
/// (ESC starts a colour or cursor sequence, CR overwrites a line, a bidi override reverses
/// what follows). Whatever Sapu prints that did not come from Sapu itself shows each such
/// character as `\u{XX}`, its code point in upper-case hexadecimal (docs/output.md).
public enum VisibleText {
    /// True for a character a terminal or text renderer acts on instead of showing: the C0
    /// and C1 controls, DEL, the line and paragraph separators and the bidi controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text with every control character written as `\u{XX}`; with `keepingNewlines`,
    /// line ends (LF, and CR LF as in CSV) stay line breaks, for Sapu's own multi-line output.
    public static func escape(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingNewlines && $0 == "\n") }) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let lineEnd = scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n")
            if isControl(scalar) && !(keepingNewlines && lineEnd) {
                result.append(contentsOf: notation(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `\u{1B}`: at least two upper-case hexadecimal digits.
    static func notation(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }
}

extension String {
    /// The string with its control characters shown as `\u{XX}` (see `VisibleText`).
    public var visible: String { VisibleText.escape(self) }
}
