/// The running hash over a site's log (docs/hub.md, "Ordering"): each entry's line is hashed
/// with the hash before it, so one value names a whole prefix of the log. The hub keeps the
/// value at its end; a site whose own log gives another value at that point is not the site
/// the hub knew (a restore from an old backup), and is refused rather than merged.
public enum LogChain {
    /// The value before the first entry.
    public static let start = String(repeating: "0", count: 64)

    /// The value after `line`, given the value before it.
    public static func next(_ head: String, line: [UInt8]) -> String {
        Digest.sha256Hex(Array(head.utf8) + [0x0A] + line)
    }

    /// The value after all of `lines`.
    public static func head(after lines: [[UInt8]], from head: String) -> String {
        lines.reduce(head) { next($0, line: $1) }
    }

    /// Whether the text is a value of the chain: 64 lower-case hex digits.
    public static func isHead(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
