import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// How a connection waits for a database another connection has locked.
///
/// A fixed timeout fails a writer queued behind others that are each busy for a while
/// (nine inspections of 100,000 bundles need minutes in all). While a writer works, the
/// WAL file grows or the database file changes; so a waiter goes on waiting as long as it
/// sees such progress, and gives up only after `patience` without any.
final class BusyWait: Sendable {
    static let patience: Duration = .seconds(30)

    private struct State {
        var sign: FileSign?
        var lastProgress: ContinuousClock.Instant
    }

    private let path: String
    private let state: Mutex<State>

    init(path: String) {
        self.path = path
        state = Mutex(State(sign: nil, lastProgress: .now))
    }

    /// SQLite's busy handler: sleeps a little and says whether to try again.
    func shouldRetry(_ tries: Int) -> Bool {
        let now = ContinuousClock.now
        let sign = FileSign(path)
        let waiting = state.withLock { state in
            if tries == 0 || sign != state.sign {
                state.sign = sign
                state.lastProgress = now
            }
            return now - state.lastProgress < Self.patience
        }
        guard waiting else { return false }
        // Short sleeps, never more than 10 ms: a station that commits scan after scan frees
        // the lock only for moments, and a waiter that slept 100 ms would miss them all and
        // wait behind its whole stream (seen: four receiving stations one after the other).
        let delays: [UInt32] = [1, 2, 5, 10]
        usleep(delays[min(tries, delays.count - 1)] * 1000)
        return true
    }
}

/// Size and modification time of the database and its WAL file: they change while any
/// connection writes.
private struct FileSign: Equatable {
    var values: [Int]

    init(_ path: String) {
        values = []
        for file in [path, path + "-wal"] {
            var info = stat()
            if stat(file, &info) == 0 {
                values += [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
            } else {
                values += [-1, -1, -1]
            }
        }
    }
}
