/// A run of consecutive log entries as a site sends them to the hub, signed with its key
/// (docs/hub.md, "Batches").
///
/// The bytes are a header line, `sapu-log 1 SITE FIRST LAST PREVIOUS COUNT`, then one line
/// per entry; PREVIOUS is the chain's value before FIRST. The site's detached signature covers
/// every byte, so the hub stores a batch only if the key it has registered for SITE signed it.
public struct LogBatch: Sendable, Equatable {
    public static let tag = "sapu-log"
    public static let version = 1

    public let site: String
    public let first: Int64
    public let last: Int64
    /// The chain's value before the first entry.
    public let previous: String
    /// Each entry's line, as signed.
    public let lines: [[UInt8]]

    /// A batch of the entries, which follow the log's prefix whose chain value is `previous`.
    public init(site: String, previous: String, entries: [LogEntry]) {
        precondition(!entries.isEmpty, "a batch holds at least one entry")
        self.site = site
        self.previous = previous
        first = entries[0].seq
        last = entries[entries.count - 1].seq
        lines = entries.map(\.line)
    }

    /// The chain's value after the last entry.
    public var head: String { LogChain.head(after: lines, from: previous) }

    /// What is signed and sent.
    public var bytes: [UInt8] {
        var bytes = Array("\(Self.tag) \(Self.version) \(site) \(first) \(last) \(previous) \(lines.count)\n".utf8)
        for line in lines {
            bytes += line
            bytes.append(0x0A)
        }
        return bytes
    }

    /// Reads a batch; `malformedLogBatch` for anything that is not one, in order.
    public init(bytes: [UInt8]) throws(SapuError) {
        var rows = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard rows.count >= 3, rows.last?.isEmpty == true else { throw .malformedLogBatch }
        rows.removeLast()
        let header = String(decoding: rows[0], as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
        guard header.count == 7, header[0] == Self.tag, header[1] == String(Self.version),
              let first = Int64(header[3]), let last = Int64(header[4]), first >= 1, first <= last,
              LogChain.isHead(String(header[5])), let count = Int(header[6]), count == rows.count - 1,
              Int64(count) == last - first + 1,
              let site = try? Code.normalise(String(header[2]), as: .site), site == header[2],
              // Numbers as this format writes them (no sign, no leading zero): one batch, one text.
              String(first) == header[3], String(last) == header[4], String(count) == header[6] else {
            throw .malformedLogBatch
        }
        self.site = site
        self.first = first
        self.last = last
        previous = String(header[5])
        lines = rows.dropFirst().map(Array.init)
    }

    /// The entries, checked: each readable, numbered from `first` to `last` without a gap
    /// (the site's log has none: a rolled-back entry takes no number).
    public func entries() throws(SapuError) -> [LogEntry] {
        var entries: [LogEntry] = []
        entries.reserveCapacity(lines.count)
        var before: Int64 = first - 1
        for line in lines {
            guard let entry = LogEntry(line: line), entry.seq == before + 1 else { throw .malformedLogBatch }
            before = entry.seq
            entries.append(entry)
        }
        // The header's count is LAST - FIRST + 1, so consecutive entries from FIRST end at LAST.
        return entries
    }
}
