import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension SapuRunner {
    /// Runs `sapu ARGS` with stdout sent to /dev/full, where every write fails with ENOSPC.
    func runIntoFullDevice(_ arguments: [String], input: String? = nil) throws -> Output {
        try Self.execute("/bin/sh", ["-c", "exec \"$0\" \"$@\" >/dev/full", Self.binary] + arguments,
                         input: input.map { Data($0.utf8) }, environment: environment, directory: directory)
    }

    /// Runs `sapu ARGS` with stdout a pipe whose reader is gone before sapu starts: every
    /// write meets a closed pipe (SIGPIPE, EPIPE).
    func runIntoClosedPipe(_ arguments: [String], input: String? = nil) throws
        -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let scratch = NSTemporaryDirectory() + "sapu-pipe-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: scratch + ".in", contents: Data((input ?? "").utf8))
        _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer { for suffix in [".in", ".err"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
        let stdin = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch + ".in"))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        let stdout = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try? stdout.close()
        process.waitUntilExit()
        try? stdin.close()
        try? stderr.close()
        let errText = String(decoding: FileManager.default.contents(atPath: scratch + ".err") ?? Data(), as: UTF8.self)
        return (process.terminationReason, process.terminationStatus, errText)
    }
}

@Suite("sapu: output that cannot be written never crashes")
struct OutputFailureTests {
    @Test func inspectIntoAFullDiskSavesTheBundlesAndSaysSoOnce() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let output = try sapu.runIntoFullDevice(["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A",
                                                 "--count", "3", "--lang", "en"])
        // Before: SIGILL with a stack trace after the commit.
        #expect(output.status == 1)
        #expect(output.stderr == "error: the work was saved, but its output could not be written (disk full); do not run the command again\n")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle") == 3)
    }

    @Test func readCommandsIntoAFullDiskSayTheOutputCouldNotBeWritten() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        for arguments in [["stock"], ["bundle", "list"], ["report", "makers"], ["report", "qc", "--format", "csv"],
                          ["maker", "list", "--json"], ["bundle", "show", batch + "-0001"]] {
            let output = try sapu.runIntoFullDevice(arguments + ["--lang", "en"])
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr == "error: the output could not be written (disk full)\n", "\(arguments)")
        }
        let indonesian = try sapu.runIntoFullDevice(["stock"])
        #expect(indonesian.stderr == "galat: keluaran tidak bisa ditulis (disk penuh)\n")
    }

    @Test func helpIntoAFullDiskIsReportedToo() throws {
        let sapu = try SapuRunner()
        let output = try sapu.runIntoFullDevice(["--help", "--lang", "en"])
        #expect(output.status == 1)
        #expect(output.stderr == "error: the output could not be written (disk full)\n")
    }

    @Test func scanningIntoAFullDiskStopsAfterTheFirstAnswerItCouldNotShow() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        let output = try sapu.runIntoFullDevice(["scan", "--mode", "receive", "--lang", "en"],
                                                input: ids.joined(separator: "\n") + "\n")
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("error: the work was saved, but its output could not be written"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test func aClosedPipeEndsTheOutputWithoutASignal() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "5")
        for arguments in [["stock"], ["bundle", "list"], ["report", "stock"], ["report", "makers", "--format", "json"],
                          ["--help"], ["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "B"]] {
            let run = try sapu.runIntoClosedPipe(arguments)
            // Before: killed by SIGPIPE.
            #expect(run.reason == .exit, "\(arguments)")
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(arguments): \(run.stderr)")
        }
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle") == 6)
    }

    @Test func aScanningStationWithNoReaderStopsReadingScans() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        let run = try sapu.runIntoClosedPipe(["scan", "--mode", "receive"], input: ids.joined(separator: "\n") + "\n")
        #expect(run.reason == .exit)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
    }
}
