import Dispatch
import SapuCore

/// Runs async work (the hub's PostgreSQL client) to its end from a command, which runs on
/// the main thread outside Swift's concurrency pool, so waiting here blocks nothing it needs.
enum AsyncCommand {
    static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws(SapuError) -> T) throws(SapuError) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(SapuError) {
                box.result = .success(try await body())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        guard let result = box.result else { throw .hub(.failed("no answer")) }
        return try result.get()
    }

    private final class Box<T>: @unchecked Sendable {
        var result: Result<T, SapuError>?
    }
}
