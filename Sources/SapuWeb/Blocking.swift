import NIOPosix
import SapuCore

/// Database and file work off the server's event loops: SQLite waits for the disk (a scan is
/// on disk before its answer), and a waiting loop would stall every other browser.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(SapuError) -> T) async throws(SapuError) -> T {
        do {
            return try await NIOThreadPool.singleton.runIfActive { try body() }
        } catch let error as SapuError {
            throw error
        } catch {
            throw .storageFailure("thread pool")
        }
    }
}
