import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a file descriptor the way a keyboard-wedge scanner delivers them,
/// handing out whatever is already waiting as one chunk.
final class LineReader {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var finished = false

    init(fd: Int32 = 0) {
        self.fd = fd
    }

    /// Waits for at least one line, then adds every further line that is already
    /// available without waiting, up to `limit`. Nil at end of input.
    func nextChunk(limit: Int) -> [[UInt8]]? {
        var lines: [[UInt8]] = []
        while lines.count < limit {
            if let line = takeLine() {
                lines.append(line)
                continue
            }
            if finished {
                if !buffer.isEmpty {
                    lines.append(buffer)
                    buffer.removeAll()
                }
                break
            }
            // Block only while we have nothing to answer yet.
            if !lines.isEmpty && !readable() { break }
            fill()
        }
        return lines.isEmpty && finished ? nil : lines
    }

    /// Set after a line that ended in CR: an LF right after it belongs to that line.
    private var skipLineFeed = false

    /// Takes one line ended by LF, CR LF or a lone CR (some scanners send only CR).
    private func takeLine() -> [UInt8]? {
        if skipLineFeed, let first = buffer.first {
            skipLineFeed = false
            if first == 0x0A { buffer.removeFirst() }
        }
        guard let end = buffer.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        let line = Array(buffer[..<end])
        if buffer[end] == 0x0D {
            if end + 1 < buffer.count {
                buffer.removeSubrange(...(buffer[end + 1] == 0x0A ? end + 1 : end))
            } else {
                buffer.removeSubrange(...end)
                skipLineFeed = true
            }
        } else {
            buffer.removeSubrange(...end)
        }
        return line
    }

    private func readable() -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
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
