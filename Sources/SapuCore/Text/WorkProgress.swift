import Synchronization

/// How far a long piece of work is, told to whoever watches it.
///
/// The work says which stage it is in (`begin`) and counts what it has done (`advance`),
/// from any thread; the watcher decides whether and how to show it. At a terminal the CLI
/// draws one line on stderr once the work has run for about a second; piped, and in
/// tests, nobody watches and `silent` costs one lock per step.
public final class WorkProgress: Sendable {
    /// What the work is doing.
    public enum Stage: Sendable, Equatable {
        /// Signing label payloads.
        case signingLabels
        /// Drawing label faces: PNGs, PDF pages or printer jobs.
        case drawingLabels
        /// Writing files to disk.
        case writingFiles
        /// Looking for codes in photos.
        case readingImages
        /// Answering scans piped in from a file or a scanner's memory; the total is unknown.
        case applyingScans
    }

    /// One reading of the work.
    public struct Reading: Sendable, Equatable {
        public var stage: Stage
        public var done: Int
        /// Nil when nobody knows how much there is, as for lines piped in.
        public var total: Int?

        public init(stage: Stage, done: Int, total: Int?) {
            self.stage = stage
            self.done = done
            self.total = total
        }
    }

    private let reading = Mutex<Reading?>(nil)
    private let watcher: (@Sendable (Reading?) -> Void)?

    /// `watcher` gets every reading, and nil when the work has ended; it is called with
    /// the progress's lock held, so readings arrive in order and it must be quick.
    public init(watcher: (@Sendable (Reading?) -> Void)?) {
        self.watcher = watcher
    }

    /// Nobody watches.
    public static var silent: WorkProgress { WorkProgress(watcher: nil) }

    /// A new stage starts with nothing done.
    public func begin(_ stage: Stage, total: Int?) {
        guard let watcher else { return }
        reading.withLock {
            let now = Reading(stage: stage, done: 0, total: total)
            $0 = now
            watcher(now)
        }
    }

    /// `count` more of the current stage are done.
    public func advance(by count: Int = 1) {
        guard let watcher else { return }
        reading.withLock {
            guard var now = $0 else { return }
            now.done += count
            $0 = now
            watcher(now)
        }
    }

    /// The work has ended (or failed): whatever was shown goes away.
    public func end() {
        guard let watcher else { return }
        reading.withLock {
            $0 = nil
            watcher(nil)
        }
    }
}
