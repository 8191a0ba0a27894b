import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs `sapu` under strace, killed with SIGKILL at the `n`th call of a system call.
enum FaultInjection {
    static let strace = "/usr/bin/strace"
    static var available: Bool { FileManager.default.isExecutableFile(atPath: strace) }

    /// The system calls that write something, each killed at every call in turn; `openat`
    /// only at the calls that create a file (see `creatingOpenats`).
    static let writingCalls = [
        "write", "pwrite64", "fsync", "fdatasync", "rename,renameat,renameat2", "link,linkat", "unlink,unlinkat",
    ]

    /// `sapu ARGS` killed at the `n`th call of `syscall` (counted per thread, as strace
    /// counts); true when it was killed, false when it ran to the end (then it must succeed).
    static func killed(_ sapu: SapuRunner, _ arguments: [String], at syscall: String, _ n: Int,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-qq", "-o", "/dev/null", "-e", "inject=\(syscall):signal=KILL:when=\(n)", SapuRunner.binary]
            + arguments
        process.environment = sapu.environment
        process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal { return true }
        #expect(process.terminationStatus == 0, "sapu \(arguments.joined(separator: " ")) failed without a kill (\(syscall) \(n))",
                sourceLocation: sourceLocation)
        return false
    }

    /// Which `openat` calls of a complete run create files (`O_CREAT`), numbered per thread
    /// as strace counts them: killing at the loader's library lookups proves nothing.
    static func creatingOpenats(_ sapu: SapuRunner, _ arguments: [String]) throws -> [Int] {
        let log = NSTemporaryDirectory() + "sapu-openat-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: log) }
        let output = try SapuRunner.execute(strace, ["-f", "-qq", "-o", log, "-e", "trace=openat", SapuRunner.binary] + arguments,
                                            environment: sapu.environment, directory: sapu.directory)
        #expect(output.status == 0, "\(output.stderr)")
        var perThread: [Substring: Int] = [:]
        var creating: [Int] = []
        for line in try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n") where line.contains("openat(") {
            let thread = line.prefix { $0 != " " }
            perThread[thread, default: 0] += 1
            if line.contains("O_CREAT") { creating.append(perThread[thread]!) }
        }
        return Array(Set(creating)).sorted()
    }

    /// Every kill point: each writing call at 1, 2, 3, ... until a run completes, and each
    /// file-creating `openat`. `body` gets a fresh setup, the call and `n`, and says whether
    /// the run was killed. Returns the number of kills.
    static func everyKillPoint(openats: [Int], _ body: (_ syscall: String, _ n: Int) throws -> Bool) throws -> Int {
        var kills = 0
        for syscall in writingCalls {
            var n = 1
            while try body(syscall, n) {
                kills += 1
                n += 1
            }
        }
        for n in openats where try body("openat", n) { kills += 1 }
        return kills
    }

    /// Names in `directory` that a killed run may leave and a later run must remove: SQLite
    /// journals, `.tmp` files, per-run lock files.
    static func leftovers(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter {
            $0.hasSuffix(".tmp") || $0.contains(".tmp-") || $0.hasSuffix("-journal") || $0.hasPrefix(".sapu-run.")
        }.sorted()
    }

    /// A site's database and key files, copied so that every run starts from exactly them.
    static func snapshot(_ sapu: SapuRunner) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["sapu.sqlite", "PWT.key", "PWT.pub"] {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: sapu.directory + "/" + name))
        }
        #expect(!FileManager.default.fileExists(atPath: sapu.database + "-wal"), "the snapshot must be one file")
        return files
    }

    /// A new site directory holding a copy of a snapshot, the private key owner-only.
    static func restore(_ files: [String: Data]) throws -> SapuRunner {
        let sapu = try SapuRunner()
        for (name, data) in files {
            try data.write(to: URL(fileURLWithPath: sapu.directory + "/" + name))
        }
        #expect(chmod(sapu.directory + "/PWT.key", 0o600) == 0)
        return sapu
    }
}
