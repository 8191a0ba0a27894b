import SapuCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error, written with plain `write(2)`.
///
/// Writing never stops the process: a full disk or a closed terminal ends the output, is
/// reported once on stderr when the command finishes (`finish`), and the exit status is 1.
/// A reader that went away (`sapu stock | head -1`, EPIPE) simply ends the output. Text
/// from users and files is shown with its control characters escaped (`VisibleText`);
/// only `styled` writes Sapu's own colour codes. See docs/output.md.
enum Console {
    /// What happened to one stream.
    private struct Stream {
        let fd: Int32
        /// The errno of the first failed write; nothing more is written after it.
        var failure: Int32?
    }

    private static let streams = Mutex([Stream(fd: 1), Stream(fd: 2)])

    /// Called first thing: a closed pipe must be an error code, not a signal, and a closed
    /// descriptor 0, 1 or 2 must not be reused by a file the command opens (the database).
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            // /dev/null takes the number; output meant for it is reported as lost.
            let null = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
            if fd > 0 { streams.withLock { $0[Int(fd) - 1].failure = EBADF } }
        }
    }

    /// Prints text and a line break on stdout; control characters other than the line
    /// breaks are shown escaped.
    static func out(_ text: String) {
        write(VisibleText.escape(text, keepingNewlines: true) + "\n", to: 0)
    }

    /// Prints text and a line break on stderr, escaped like `out`; a progress line there
    /// is cleared first and drawn again at the next step.
    static func error(_ text: String) {
        write(clearingProgress() + VisibleText.escape(text, keepingNewlines: true) + "\n", to: 1)
    }

    /// Prints bytes a report renderer made (CSV, HTML, a table), escaped like `out`.
    static func document(_ bytes: [UInt8]) {
        write(VisibleText.escape(String(decoding: bytes, as: UTF8.self), keepingNewlines: true), to: 0)
    }

    /// Prints one line in Sapu's own colours: `style` and `reset` are written as they are,
    /// the line between them with every control character escaped.
    static func styled(_ line: String, style: TerminalStyle) {
        write(style.rawValue + VisibleText.escape(line) + TerminalStyle.reset + "\n", to: 0)
    }

    /// The scanning station's prompt on stderr, without a line break.
    static func prompt(_ text: String) {
        write(clearingProgress() + VisibleText.escape(text), to: 1)
    }

    /// Redraws the progress line on stderr in place (`nil` clears it); see `TerminalProgress`.
    static func progress(_ text: String?) {
        progressShown.withLock { $0 = text != nil }
        write("\r" + (text.map { VisibleText.escape($0) } ?? "") + "\u{1B}[K", to: 1)
    }

    /// Whether a progress line stands on stderr's last line.
    private static let progressShown = Mutex(false)

    /// What clears a progress line before other text goes to stderr; nothing if none shows.
    private static func clearingProgress() -> String {
        progressShown.withLock { shown in
            defer { shown = false }
            return shown ? "\r\u{1B}[K" : ""
        }
    }

    /// True once stdout can take no more: a station stops reading scans it cannot answer.
    static var outputEnded: Bool { streams.withLock { $0[0].failure != nil } }

    /// After the command: when stdout failed for another reason than a reader that went
    /// away, says so once on stderr (that the work was saved, when it was) and returns 1.
    static func finish(language: Language, saved: Bool) -> Int32? {
        guard let failure = streams.withLock({ $0[0].failure }), failure != EPIPE else { return nil }
        let reason: Message = switch failure {
        case ENOSPC, EDQUOT: .outputDiskFull
        case EIO: .outputIOError
        case EBADF: .outputClosed
        case EFBIG: .outputTooLarge
        default: .outputSystemError(failure)
        }
        error(Message.errorPrefix.text(language) + Message.outputLost(reason: reason, saved: saved).text(language))
        return 1
    }

    private static func write(_ text: String, to index: Int) {
        let fd = streams.withLock { $0[index].failure == nil ? $0[index].fd : -1 }
        guard fd >= 0 else { return }
        var bytes = Array(text.utf8)
        if let failure = writeAll(&bytes, to: fd) {
            streams.withLock { $0[index].failure = $0[index].failure ?? failure }
        }
    }

    /// Writes every byte, resuming after signals and partial writes; the errno on failure.
    private static func writeAll(_ bytes: inout [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                    continue
                }
                let failure = written < 0 ? errno : EIO
                switch failure {
                case EINTR:
                    continue
                case EAGAIN:
                    // A descriptor left non-blocking by the parent: wait until it drains.
                    var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&waiting, 1, -1)
                default:
                    return failure
                }
            }
            return nil
        }
    }
}

/// Sapu's own colour codes for the interactive scanning station: the only escape
/// sequences it prints on purpose.
enum TerminalStyle: String {
    case good = "\u{1B}[32m"
    case repeated = "\u{1B}[33m"
    /// Red with the bell: something needs the clerk's attention.
    case problem = "\u{1B}[31m\u{07}"

    static let reset = "\u{1B}[0m"
}
