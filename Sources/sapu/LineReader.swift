import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor the way a keyboard-wedge scanner delivers them,
/// handing out whatever is already waiting as one chunk.
///
/// Linear in the input and bounded in memory: each byte is looked at once, consumed lines
/// are dropped in bulk, and a line longer than `maximumLineLength` keeps only its start;
/// the rest of it is counted and skipped as it arrives, never stored.
final class LineReader {
    /// One line as read: its bytes without the line ending, or only the first
    /// `maximumLineLength` of them when it was longer.
    struct Line {
        var bytes: [UInt8]
        /// The whole line's length in characters (UTF-8 sequences) when it was cut short.
        var skippedLength: Int?

        var isCutShort: Bool { skippedLength != nil }

        /// The line as text; bytes that are not UTF-8 arrive as U+FFFD, which the
        /// classifier answers as such.
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Longer than any label a scanner can type (a few times the longest payload), yet
    /// small enough that a line without end costs nothing.
    static let maximumLineLength = 4 * LabelCodec.maximumLength

    private let fd: Int32
    /// Bytes read but not yet handed out start at `start`; `searched` bytes from there on
    /// hold no line ending, so the next search starts after them.
    private var buffer: [UInt8] = []
    private var start = 0
    private var searched = 0
    private var finished = false
    /// Set after a line that ended in CR: an LF right after it belongs to that line.
    private var skipLineFeed = false
    /// The over-long line being skipped: its kept start and its length so far.
    private var skipping: (start: [UInt8], length: Int)?

    /// Readable once the reader must stop (`StopSignal`); nil when nothing stops it.
    private let stopFD: Int32?
    /// True once `stopFD` became readable: no further line is handed out.
    private(set) var stopped = false

    init(fd: Int32 = 0, stopFD: Int32? = nil) {
        self.fd = fd
        self.stopFD = stopFD
    }

    /// Waits for at least one line, then adds every further line that is already
    /// available without waiting, up to `limit`. Nil at end of input, and once stopped:
    /// lines read but not yet handed out are then dropped, never answered.
    func nextChunk(limit: Int) -> [Line]? {
        if stopRequested() { return nil }
        var lines: [Line] = []
        while lines.count < limit {
            if let line = takeLine() {
                lines.append(line)
                continue
            }
            if finished {
                if !stopped, let line = takeLastLine() { lines.append(line) }
                break
            }
            // Block only while we have nothing to answer yet.
            if !lines.isEmpty && !readable() { break }
            fill()
        }
        if stopped { return nil }
        return lines.isEmpty && finished ? nil : lines
    }

    /// Whether the stop descriptor is readable (checked without waiting).
    private func stopRequested() -> Bool {
        guard !stopped, let stopFD else { return stopped }
        var descriptor = pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) > 0 { stopped = true }
        return stopped
    }

    /// Blocks until the input or the stop descriptor is readable; false when it is the stop.
    private func waitForInput() -> Bool {
        guard let stopFD else { return true }
        var descriptors = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)]
        while true {
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { return true }  // let read() report what is wrong with the input
            if descriptors[1].revents != 0 {
                stopped = true
                return false
            }
            return true
        }
    }

    /// Takes one line ended by LF, CR LF or a lone CR (some scanners send only CR).
    private func takeLine() -> Line? {
        if skipLineFeed, start < buffer.count {
            skipLineFeed = false
            if buffer[start] == 0x0A { start += 1 }
        }
        guard let end = Self.lineEnd(in: buffer, from: start + searched) else {
            searched = buffer.count - start
            if skipping != nil || searched > Self.maximumLineLength { skipUnended() }
            return nil
        }
        let line: Line
        if let skipped = skipping {
            line = Line(bytes: skipped.start, skippedLength: skipped.length + Self.characters(buffer[start..<end]))
            skipping = nil
        } else if end - start > Self.maximumLineLength {
            line = Line(bytes: Array(buffer[start..<(start + Self.maximumLineLength)]),
                        skippedLength: Self.characters(buffer[start..<end]))
        } else {
            line = Line(bytes: Array(buffer[start..<end]))
        }
        if buffer[end] == 0x0D {
            if end + 1 < buffer.count {
                start = buffer[end + 1] == 0x0A ? end + 2 : end + 1
            } else {
                start = end + 1
                skipLineFeed = true
            }
        } else {
            start = end + 1
        }
        searched = 0
        return line
    }

    /// Drops what is buffered of a line that has no end yet and is already too long,
    /// keeping its start and counting the rest.
    private func skipUnended() {
        let pending = buffer[start...]
        if var skipped = skipping {
            skipped.length += Self.characters(pending)
            skipping = skipped
        } else {
            skipping = (Array(pending.prefix(Self.maximumLineLength)), Self.characters(pending))
        }
        start = buffer.count
        searched = 0
    }

    /// The last line when input ends without a line ending.
    private func takeLastLine() -> Line? {
        defer {
            skipping = nil
            start = buffer.count
            searched = 0
        }
        if let skipped = skipping {
            return Line(bytes: skipped.start, skippedLength: skipped.length + Self.characters(buffer[start...]))
        }
        guard start < buffer.count else { return nil }
        if buffer.count - start > Self.maximumLineLength {
            return Line(bytes: Array(buffer[start..<(start + Self.maximumLineLength)]),
                        skippedLength: Self.characters(buffer[start...]))
        }
        return Line(bytes: Array(buffer[start...]))
    }

    /// The index of the first CR or LF at or after `from`.
    private static func lineEnd(in bytes: [UInt8], from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            // memchr is vectorised; a scanner's lines hold no CR, so the LF search decides.
            guard from < buffer.count, let base = buffer.baseAddress else { return nil }
            let start = UnsafeRawPointer(base + from)
            let count = buffer.count - from
            let lf = memchr(start, 0x0A, count).map { UnsafeRawPointer($0) - start }
            let cr = memchr(start, 0x0D, lf ?? count).map { UnsafeRawPointer($0) - start }
            return (cr ?? lf).map { from + $0 }
        }
    }

    /// Characters in UTF-8 bytes: every byte that does not continue a sequence.
    private static func characters(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            for byte in buffer where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    private func readable() -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func fill() {
        // Drop what was handed out before reading more: each byte is moved at most once
        // per line it belongs to, and never more than a bounded line plus one read is kept.
        if start > 0 {
            buffer.removeSubrange(..<start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            guard waitForInput() else {
                finished = true
                return
            }
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return
            }
            if count < 0 && errno == EINTR { continue }
            finished = true
            return
        }
    }
}
