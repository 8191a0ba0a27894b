import SapuCore

extension OutputDirectory {
    /// True for a file name made only of ASCII letters, digits, `.`, `_` and `-`, not
    /// starting with a dot: what Sapu's own names (`PWT251121A-0001.png`,
    /// `001-SJ-PWT-XI-2025.pdf`) are made of. Names are built from codes in the database
    /// and in files; one that holds anything else (a tab, a newline, a slash) is refused
    /// rather than written.
    public static func isSafeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.unicodeScalars.count <= 200 else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            Code.isCodeCharacter(scalar) || ("a"..."z").contains(scalar) || scalar == "." || scalar == "_" || scalar == "-"
        }
    }

    /// Refuses the first unsafe name (see `isSafeName`).
    static func checkNames(_ names: [String]) throws(SapuError) {
        if let unsafe = names.first(where: { !isSafeName($0) }) { throw .unsafeFileName(unsafe) }
    }
}
