import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM turned into a readable file descriptor, so that a command
/// blocked reading its input wakes up, finishes what it has answered and ends in order.
///
/// The handler only writes one byte to a pipe (async-signal-safe). It is installed with
/// `SA_RESETHAND`: a second Ctrl-C stops the process at once, as it would without Sapu.
enum StopSignal {
    /// The pipe's write end; set once, before any handler can run, and only read after.
    nonisolated(unsafe) private static var handlerFD: Int32 = -1
    /// The first stop signal received, 0 before.
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers; the descriptor that becomes readable when one arrives, or nil
    /// when the pipe could not be made (the signals then keep their default action).
    static func install() -> Int32? {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            // A full pipe (many signals) must never block the handler.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        handlerFD = fds[1]
        // Both statics are initialised here, never for the first time inside the handler.
        _ = received.load(ordering: .relaxed)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in [SIGINT, SIGTERM] {
            // A signal the parent set to be ignored (a background job's SIGINT) stays ignored.
            var current = sigaction()
            if sigaction(number, nil, &current) == 0,
               unsafeBitCast(current.__sigaction_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                let saved = errno
                StopSignal.note(number)
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(StopSignal.handlerFD, &byte, 1)
                errno = saved
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(number, &action, nil)
            sigaddset(&unblock, number)
        }
        // A parent may hand down a mask that blocks them (a test runner, a supervisor): the
        // handler must be able to run.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return fds[0]
    }

    private static func note(_ number: Int32) {
        _ = received.compareExchange(expected: 0, desired: number, ordering: .relaxed)
    }

    /// The signal that asked the command to stop, if one did.
    static var signal: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// The conventional exit status after the stop signal: 128 plus its number.
    static var exitStatus: Int32? { signal.map { 128 + $0 } }
}
