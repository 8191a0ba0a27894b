import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real CUPS scheduler (`/usr/sbin/cupsd`, Debian's `cups`) in a temporary directory of its own,
/// listening only on a Unix socket there: its own configuration, spool, cache, state and logs.
/// Clients reach it with `CUPS_SERVER` set to `socket`. Stop it with `stop()` in a `defer`.
final class CUPSScheduler {
    let directory: String
    let socket: String
    let process = Process()

    static let binary = "/usr/sbin/cupsd"

    /// `settings` are added to cupsd.conf, e.g. `LimitRequestBody 2048`.
    init(settings: [String] = []) throws {
        // A Unix socket path must stay short (108 bytes), so /tmp rather than a long TMPDIR.
        directory = "/tmp/sapu-cups-" + String(UUID().uuidString.prefix(8))
        socket = directory + "/cups.sock"
        for folder in ["", "/root", "/spool", "/cache", "/state", "/log", "/tmp"] {
            try FileManager.default.createDirectory(atPath: directory + folder, withIntermediateDirectories: true)
        }
        // Filters and backends run as an unprivileged user; they read the spool and temp dirs.
        chmod(directory, 0o755)
        try """
            Listen \(socket)
            LogLevel info
            WebInterface No
            Browsing Off
            DefaultAuthType None
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Location /admin>
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>
            \(settings.joined(separator: "\n"))

            """.write(toFile: directory + "/cupsd.conf", atomically: true, encoding: .utf8)
        // cupsd refuses to run filters as root: `User lp` is Debian's printing account.
        try """
            ServerRoot \(directory)/root
            RequestRoot \(directory)/spool
            CacheDir \(directory)/cache
            StateDir \(directory)/state
            TempDir \(directory)/tmp
            ErrorLog \(directory)/log/error_log
            AccessLog \(directory)/log/access_log
            PageLog \(directory)/log/page_log
            Printcap \(directory)/printcap
            User lp
            Group lp
            Sandboxing Relaxed

            """.write(toFile: directory + "/cups-files.conf", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["-f", "-c", directory + "/cupsd.conf", "-s", directory + "/cups-files.conf"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready once a client gets an answer through the socket.
        for _ in 0..<100 {
            if try lpstat(["-r"]).stdout.contains("scheduler is running") { return }
            guard process.isRunning else { break }
            usleep(100_000)
        }
        stop()
        Issue.record("cupsd did not start: \(log)")
        throw CancellationError()
    }

    /// The environment a CUPS client needs to reach this scheduler.
    func client(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = environment
        environment["CUPS_SERVER"] = socket
        return environment
    }

    /// Runs a CUPS client command (`lpadmin`, `cupsdisable`, ...) against this scheduler.
    @discardableResult
    func admin(_ command: String, _ arguments: [String]) throws -> SapuRunner.Output {
        let output = try SapuRunner.execute("/usr/sbin/" + command, arguments, environment: client())
        #expect(output.status == 0, "\(command) \(arguments): \(output.stderr)")
        return output
    }

    func lpstat(_ arguments: [String]) throws -> SapuRunner.Output {
        try SapuRunner.execute("/usr/bin/lpstat", arguments, environment: client())
    }

    /// A raw queue on CUPS's AppSocket backend, the way a network thermal printer on port 9100 is driven.
    func addRawQueue(_ name: String, port: UInt16) throws {
        try admin("lpadmin", ["-p", name, "-E", "-v", "socket://127.0.0.1:\(port)"])
    }

    var log: String { (try? String(contentsOfFile: directory + "/log/error_log", encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            // SIGKILL: the test runner's children may inherit a mask that holds SIGTERM back,
            // and nothing of this scheduler needs to outlive the test.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A TCP listener on 127.0.0.1 standing in for a network printer: it keeps the bytes of every
/// connection, in order.
final class PrinterStandIn: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private final class Received: Sendable {
        let jobs = Mutex<[[UInt8]]>([])
    }
    private let received = Received()
    private let thread: Thread

    init() throws {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(listener, $0, length) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw CocoaError(.fileWriteUnknown) }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let fd = listener
        let store = received
        thread = Thread {
            while true {
                let connection = accept(fd, nil, nil)
                guard connection >= 0 else { return }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = recv(connection, &buffer, buffer.count, 0)
                    if count <= 0 { break }
                    bytes += buffer[0..<count]
                }
                close(connection)
                store.jobs.withLock { $0.append(bytes) }
            }
        }
        thread.start()
    }

    /// The jobs received so far, waiting up to `timeout` seconds for `count` of them.
    func jobs(waitingFor count: Int, timeout: Double = 60) -> [[UInt8]] {
        let deadline = Date().addingTimeInterval(timeout)
        while received.jobs.withLock({ $0.count }) < count && Date() < deadline { usleep(100_000) }
        return received.jobs.withLock { $0 }
    }

    var jobCount: Int { received.jobs.withLock { $0.count } }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
