import Foundation
import SapuCore
import Testing

/// The batch a site signs and the hub stores (docs/hub.md, "Batches"): its bytes read back to
/// the same batch, and anything else is `malformedLogBatch`.
@Suite("Log batches, the chain and the bundle projection")
struct LogBatchTests {
    static func event(_ seq: Int64, _ move: Move, _ state: BundleState, at: String = "2025-11-21T08:00:00+07:00",
                      result: String? = nil, shipment: String? = nil, bundle: String = "PWT251121A-0001") -> LogEvent {
        LogEvent(seq: seq, bundle: bundle, batch: "PWT251121A", serial: 1, product: "LIDI", maker: "M042",
                 move: move.rawValue, state: state.rawValue, at: at, atUnix: Instant(iso8601: at)!.unixSeconds,
                 operator: "QC1", station: "meja-qc", result: result, labelRevision: nil, shipment: shipment,
                 manual: false, reason: nil)
    }

    static let entries: [LogEntry] = [
        LogEntry(seq: 1, kind: .site, record: #"{"code":"PWT","name":"Lapas","time_zone":"Asia/Jakarta"}"#),
        LogEntry(seq: 2, kind: .product, record: #"{"bundle_size":10,"code":"LIDI","name":"Sapu lidi"}"#),
        LogEntry(seq: 3, kind: .event, event: event(1, .inspect, .inspected, result: "A")),
        LogEntry(seq: 4, kind: .event, event: event(2, .label, .inspected)),
    ]

    static func batch() -> LogBatch { LogBatch(site: "PWT", previous: LogChain.start, entries: entries) }

    /// The bytes with one line replaced (0: the header).
    static func replacing(_ index: Int, with text: String, in bytes: [UInt8]) -> [UInt8] {
        var rows = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        rows[index] = Array(text.utf8)
        return Array(rows.joined(separator: [0x0A]))
    }

    static func rows(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    static func refused(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: SapuError.malformedLogBatch, "\(String(decoding: bytes.prefix(100), as: UTF8.self))",
                sourceLocation: sourceLocation) {
            _ = try LogBatch(bytes: bytes).entries()
        }
    }

    @Test func aBatchReadsBackFromItsBytesWithTheSameEntriesAndHead() throws {
        let batch = Self.batch()
        let read = try LogBatch(bytes: batch.bytes)
        #expect(read == batch)
        #expect(try read.entries() == Self.entries)
        #expect(read.head == batch.head)
        #expect(read.bytes == batch.bytes)
        #expect(Self.rows(batch.bytes)[0] == "sapu-log 1 PWT 1 4 \(LogChain.start) 4")
        #expect(batch.bytes.last == 0x0A)
    }

    @Test func theChainHasItsDocumentedValue() {
        // printf '%s\n%s' 000…0 '{"kind":"site","record":"{}","seq":1}' | sha256sum
        let line = Array(#"{"kind":"site","record":"{}","seq":1}"#.utf8)
        #expect(LogEntry(seq: 1, kind: .site, record: "{}").line == line)
        #expect(LogChain.next(LogChain.start, line: line) == "2075672a1e0ba5c5ddd98f3c181e9fccf723c1820e3c25d94018620fdc68d1fc")
        #expect(LogChain.head(after: [line, line], from: LogChain.start)
            == LogChain.next(LogChain.next(LogChain.start, line: line), line: line))
        #expect(LogChain.isHead(LogChain.start))
        #expect(!LogChain.isHead(String(repeating: "A", count: 64)))
        #expect(!LogChain.isHead(String(repeating: "0", count: 63)))
    }

    /// A batch that continues another has the other's head as its previous value, and the
    /// two together give the head of the whole run.
    @Test func aSecondBatchContinuesTheFirstsHead() throws {
        let first = LogBatch(site: "PWT", previous: LogChain.start, entries: Array(Self.entries.prefix(2)))
        let second = LogBatch(site: "PWT", previous: first.head, entries: Array(Self.entries.suffix(2)))
        #expect(second.head == Self.batch().head)
        #expect(try LogBatch(bytes: second.bytes).first == 3)
    }

    @Test func aTamperedHeaderIsNoBatch() {
        let bytes = Self.batch().bytes
        let start = LogChain.start
        for header in [
            "sapu-log 2 PWT 1 4 \(start) 4",          // another version
            "sapu-lug 1 PWT 1 4 \(start) 4",          // another tag
            "sapu-log 1 pwt 1 4 \(start) 4",          // not a site code as written
            "sapu-log 1 PWTPWTP 1 4 \(start) 4",      // not a site code (too long)
            "sapu-log 1 PWT 0 4 \(start) 4",          // entries start at 1
            "sapu-log 1 PWT 4 1 \(start) 4",          // last before first
            "sapu-log 1 PWT x 4 \(start) 4",
            "sapu-log 1 PWT 1 4 \(start) 5",          // wrong count
            "sapu-log 1 PWT 1 4 \(start) 3",
            "sapu-log 1 PWT 1 4 \(start) -4",
            "sapu-log 1 PWT 1 4 \(start.uppercased().dropLast())A 4", // not a chain value
            "sapu-log 1 PWT 1 4 \(start.dropLast()) 4",
            "sapu-log 1 PWT 1 4 \(start)0 4",
            "sapu-log 1 PWT 1 4 \(start) 4 ",         // a trailing space
            "sapu-log  1 PWT 1 4 \(start) 4",         // a double space
            "sapu-log 1 PWT +1 4 \(start) 4",         // numbers not as written
            "sapu-log 1 PWT 01 4 \(start) 4",
            "sapu-log 1 PWT 1 +4 \(start) 4",
            "sapu-log 1 PWT 1 4 \(start) +4",
            "sapu-log 1 PWT 1 4 \(start) 04",
            "sapu-log 1 PWT 1 4 \(start) 4\r",
            "",
        ] {
            Self.refused(Self.replacing(0, with: header, in: bytes))
        }
    }

    @Test func changedMissingReorderedOrRepeatedEntriesAreNoBatch() {
        let batch = Self.batch()
        let bytes = batch.bytes
        var rows = Self.rows(bytes)
        // A line that is not an entry, or an entry that contradicts its kind.
        Self.refused(Self.replacing(1, with: "{", in: bytes))
        Self.refused(Self.replacing(1, with: "", in: bytes))
        Self.refused(Self.replacing(1, with: #"{"kind":"mystery","record":"{}","seq":1}"#, in: bytes))
        Self.refused(Self.replacing(1, with: #"{"kind":"site","seq":1}"#, in: bytes))
        Self.refused(Self.replacing(3, with: rows[3].replacingOccurrences(of: #""kind":"event""#, with: #""kind":"site""#),
                                    in: bytes))
        // Numbers that do not run from FIRST to LAST in increasing order.
        Self.refused(Self.replacing(2, with: rows[2].replacingOccurrences(of: #""seq":2"#, with: #""seq":1"#), in: bytes))
        Self.refused(Self.replacing(4, with: rows[4].replacingOccurrences(of: #""seq":4}"#, with: #""seq":5}"#), in: bytes))
        Self.refused(Self.replacing(1, with: rows[1].replacingOccurrences(of: #""seq":1"#, with: #""seq":0"#), in: bytes))
        // Swapped lines, a repeated line, a missing line (count then wrong), an extra line.
        rows.swapAt(1, 2)
        Self.refused(Array(rows.joined(separator: "\n").utf8))
        rows = Self.rows(bytes)
        rows[2] = rows[1]
        Self.refused(Array(rows.joined(separator: "\n").utf8))
        rows = Self.rows(bytes)
        rows.remove(at: 2)
        Self.refused(Array(rows.joined(separator: "\n").utf8))
        rows = Self.rows(bytes)
        rows.insert(rows[4], at: 4)
        Self.refused(Array(rows.joined(separator: "\n").utf8))
        // No final line break, a blank line at the end, nothing at all.
        Self.refused(Array(bytes.dropLast()))
        Self.refused(bytes + [0x0A])
        Self.refused([])
        Self.refused(Array("sapu-log 1 PWT 1 1 \(LogChain.start) 0\n".utf8))
    }

    /// The log has no gaps (rolled-back entries take no number): a batch is a run of
    /// consecutive entries, so one with a gap, even with a header that agrees, is no batch.
    @Test func aBatchWithAGapIsNoBatch() throws {
        let entries = Self.entries
        var gapped = entries
        gapped[3].seq = 5
        let batch = LogBatch(site: "PWT", previous: LogChain.start, entries: gapped)
        #expect(batch.first == 1 && batch.last == 5 && batch.lines.count == 4)
        Self.refused(batch.bytes)
        var late = entries
        for index in late.indices { late[index].seq += 10 }
        #expect(try LogBatch(bytes: LogBatch(site: "PWT", previous: LogChain.start, entries: late).bytes).entries() == late)
    }

    @Test func nulBytesAndHugeGarbageAreNoBatch() {
        let bytes = Self.batch().bytes
        var withNul = bytes
        // Inside an entry's string, inside the header, and between lines.
        let inRecord = withNul.firstIndex(of: UInt8(ascii: "L"))!
        withNul[inRecord] = 0
        Self.refused(withNul)
        var inHeader = bytes
        inHeader[3] = 0
        Self.refused(inHeader)
        Self.refused(Self.replacing(2, with: "\u{0}", in: bytes))
        Self.refused(Self.replacing(2, with: String(repeating: "x", count: 8 << 20), in: bytes))
        Self.refused(Self.replacing(2, with: "{" + String(repeating: "[", count: 100_000), in: bytes))
        Self.refused(Array(repeating: 0x0A, count: 1 << 20))
        Self.refused(Array(repeating: 0xFF, count: 1 << 20))
    }

    /// A long free text (a void's reason) is an entry like any other: it is not cut or refused.
    @Test func aLongButWellFormedEntryTravelsWhole() throws {
        var event = Self.event(1, .void, .voided)
        event.reason = String(repeating: "salah hitung ", count: 50_000) + "\u{1}\"\\\n"
        let batch = LogBatch(site: "PWT", previous: LogChain.start, entries: [LogEntry(seq: 7, kind: .event, event: event)])
        #expect(!batch.lines[0].contains(0x0A))
        #expect(try LogBatch(bytes: batch.bytes).entries().first?.event?.reason == event.reason)
    }

    // MARK: The projection

    /// Folds the events as the hub does.
    static func fold(_ events: [LogEvent]) -> BundleProjection? {
        events.reduce(nil) { BundleProjection.applying($1, to: $0) }
    }

    /// The same moves as SQLiteStore+inspection/scanning/shipments/receipts/voids make, with the
    /// bundle row each leaves (read from those files): inspect inserts the row with
    /// inspections 1; reinspect sets result, grade, day and inspections + 1; label, receive,
    /// pack, ship, deliver set the state (pack also the shipment) and `updated_at`.
    @Test func theProjectionFollowsTheSitesBundleRowThroughALife() throws {
        var events = [
            Self.event(1, .inspect, .quarantined, at: "2025-11-20T23:30:00+07:00", result: "F:LOOSE"),
        ]
        var bundle = try #require(Self.fold(events))
        #expect(bundle.result == "F:LOOSE" && bundle.grade == nil && bundle.inspections == 1)
        #expect(bundle.inspectedOn == "2025-11-20" && bundle.state == "quarantined" && bundle.shipment == nil)
        events.append(Self.event(2, .reinspect, .inspected, at: "2025-11-21T07:00:00+07:00", result: "B"))
        events.append(Self.event(3, .label, .inspected, at: "2025-11-21T07:05:00+07:00"))
        events.append(Self.event(4, .reinspect, .inspected, at: "2025-11-21T08:00:00+07:00", result: "A"))
        events.append(Self.event(5, .label, .inspected, at: "2025-11-21T08:01:00+07:00"))
        events.append(Self.event(6, .receive, .inStock, at: "2025-11-21T09:00:00+07:00"))
        events.append(Self.event(7, .pack, .packed, at: "2025-11-22T09:00:00+07:00", shipment: "PWT-S0001"))
        bundle = try #require(Self.fold(events))
        #expect(bundle.result == "A" && bundle.grade == "A" && bundle.inspections == 3 && bundle.inspectedOn == "2025-11-21")
        #expect(bundle.state == "packed" && bundle.shipment == "PWT-S0001")
        events.append(Self.event(8, .ship, .shipped, at: "2025-11-22T10:00:00+07:00", shipment: "PWT-S0001"))
        events.append(Self.event(9, .deliver, .received, at: "2025-11-23T10:00:00+07:00", shipment: "PWT-S0001"))
        bundle = try #require(Self.fold(events))
        #expect(bundle == BundleProjection(
            id: "PWT251121A-0001", batch: "PWT251121A", serial: 1, product: "LIDI", maker: "M042", result: "A", grade: "A",
            inspectedOn: "2025-11-21", inspections: 3, state: "received", shipment: "PWT-S0001",
            updatedAt: "2025-11-23T10:00:00+07:00", updatedUnix: Instant(iso8601: "2025-11-23T10:00:00+07:00")!.unixSeconds))
    }

    @Test func aVoidKeepsTheInspectionAndOnlyChangesTheState() throws {
        let bundle = try #require(Self.fold([
            Self.event(1, .inspect, .inspected, result: "B"),
            Self.event(2, .void, .voided, at: "2025-11-24T08:00:00+07:00"),
        ]))
        #expect(bundle.state == "voided" && bundle.result == "B" && bundle.grade == "B" && bundle.inspections == 1)
        #expect(bundle.inspectedOn == "2025-11-21" && bundle.updatedAt == "2025-11-24T08:00:00+07:00")
    }

    /// The site clears a bundle's shipment when it goes back into stock (an unpack scan, a
    /// cancelled shipment: SQLiteStore+scanning and +shipments), and keeps it for every move
    /// that is not a pack (a receipt calling a bundle extra or noting a forged label names the
    /// receipt's shipment in the event, not in the bundle's row).
    @Test func theProjectionsShipmentIsTheSitesOneAfterUnpackAndReceiptNotes() throws {
        let packed = [
            Self.event(1, .inspect, .inspected, result: "A"),
            Self.event(2, .label, .inspected),
            Self.event(3, .receive, .inStock),
            Self.event(4, .pack, .packed, shipment: "PWT-S0001"),
        ]
        #expect(Self.fold(packed)?.shipment == "PWT-S0001")
        #expect(Self.fold(packed + [Self.event(5, .unpack, .inStock, shipment: "PWT-S0001")])?.shipment == nil)
        let extra = Self.fold(Array(packed.prefix(3)) + [Self.event(5, .reportExtra, .extra, shipment: "PWT-S0002")])
        #expect(extra?.state == "extra" && extra?.shipment == nil)
        let forged = Self.fold(packed + [Self.event(5, .reportForged, .packed, shipment: "PWT-S0009")])
        #expect(forged?.state == "packed" && forged?.shipment == "PWT-S0001")
        // A returned bundle received back into stock leaves its shipment, as the receive scan clears it.
        let back = Self.fold(packed + [
            Self.event(5, .ship, .shipped, shipment: "PWT-S0001"),
            Self.event(6, .return, .returned),
            Self.event(7, .receive, .inStock),
        ])
        #expect(back?.state == "in-stock" && back?.shipment == nil)
    }
}
