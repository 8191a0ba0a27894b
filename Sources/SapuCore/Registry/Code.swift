/// Validates the codes that appear on labels: only `0-9` and `A-Z`, upper-cased on input.
public enum Code {
    /// The longest code of each kind, so a label payload stays inside its QR symbol.
    public static func limit(_ kind: CodeKind) -> Int {
        switch kind {
        case .site, .partner: 6
        case .product: 8
        case .maker: 8
        case .batch: 16
        case .defect: 8
        case .grade: 1
        case .inspector, .operator, .station, .user: 16
        case .key: 4
        }
    }

    /// The upper-cased code without surrounding spaces, or the reason it cannot be one.
    ///
    /// Only spaces are forgiven around it: a tab or a line break is not something a
    /// person types into a code, and a code becomes part of file names.
    public static func normalise(_ raw: String, as kind: CodeKind) throws(SapuError) -> String {
        let code = raw.strippingSpaces().uppercased()
        guard !code.isEmpty else { throw .emptyCode(kind: kind) }
        guard code.unicodeScalars.allSatisfy(isCodeCharacter) else {
            throw .invalidCode(kind: kind, value: raw)
        }
        guard code.count <= limit(kind) else {
            throw .codeTooLong(kind: kind, value: code, limit: limit(kind))
        }
        return code
    }

    /// True for `0-9` and `A-Z`, the characters every keyboard layout types alike.
    public static func isCodeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar)
    }
}

extension String {
    /// The string without leading and trailing spaces (U+0020 only).
    func strippingSpaces() -> String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else { return "" }
        return String(self[first...last])
    }

    /// The string without leading and trailing spaces, tabs, CR and LF.
    public func trimmingSpaces() -> String {
        // "\r\n" is one Character in Swift, so look at its scalars.
        let isBlank: (Character) -> Bool = { $0.unicodeScalars.allSatisfy { " \t\r\n".unicodeScalars.contains($0) } }
        guard let first = firstIndex(where: { !isBlank($0) }),
              let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
