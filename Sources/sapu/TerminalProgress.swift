import SapuCore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The progress line of a long command: on stderr, only at a terminal, only once the
/// work has run for about a second, redrawn a few times a second and cleared when the
/// work ends, so the messages that follow start on a clean line. Piped, nothing at all.
enum TerminalProgress {
    /// How long work runs before its progress is shown.
    static let quietFor: Duration = .seconds(1)
    /// The least time between two redraws.
    static let redrawEvery: Duration = .milliseconds(150)

    private struct Screen {
        let started = ContinuousClock.now
        var drawn: ContinuousClock.Instant?
    }

    /// A progress for answers printed one by one (scans, photos): silent when the answers
    /// themselves are on the terminal, since they show how far the work is.
    static func watchingAnswers(_ context: Context) -> WorkProgress {
        isatty(1) == 1 ? .silent : watching(context)
    }

    /// A progress for work done for `context`: drawn at a terminal, silent otherwise.
    static func watching(_ context: Context) -> WorkProgress {
        guard isatty(2) == 1 else { return .silent }
        let language = context.language
        let screen = Mutex(Screen())
        return WorkProgress { reading in
            screen.withLock { screen in
                let now = ContinuousClock.now
                guard let reading else {
                    if screen.drawn != nil { Console.progress(nil) }
                    screen.drawn = nil
                    return
                }
                guard now - screen.started >= quietFor else { return }
                if let drawn = screen.drawn, now - drawn < redrawEvery, reading.done != reading.total { return }
                Console.progress(Message.progress(reading).text(language))
                screen.drawn = now
            }
        }
    }
}
