import Foundation
import Testing

/// Runs the built `sapu` binary in a temporary working directory, as a user would.
struct SapuRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
    }

    let directory: String
    var environment: [String: String]

    init(fixedNow: String? = "2025-11-21T08:00:00+07:00") throws {
        directory = NSTemporaryDirectory() + "sapu-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["SAPU_DB"] = directory + "/sapu.sqlite"
        environment["SAPU_LANG"] = nil
        environment["SAPU_STATION"] = "test-station"
        environment["SAPU_LABELS"] = Self.packageRoot + "/labels"
        environment["SAPU_NOW"] = fixedNow
        self.environment = environment
    }

    var database: String { directory + "/sapu.sqlite" }

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The binary: `$SAPU_BIN`, else beside the test bundle, else `.build/debug/sapu`.
    static let binary: String = {
        if let bin = ProcessInfo.processInfo.environment["SAPU_BIN"], FileManager.default.isExecutableFile(atPath: bin) {
            return bin
        }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sapu").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        for candidate in [".build/debug/sapu", ".build/x86_64-unknown-linux-gnu/debug/sapu"] {
            let path = packageRoot + "/" + candidate
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return packageRoot + "/.build/debug/sapu"
    }()

    /// Runs `sapu ARGS`, feeding `input` on stdin.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, inputData: Data? = nil) throws -> Output {
        try Self.execute(Self.binary, arguments, input: inputData ?? input.map { Data($0.utf8) },
                         environment: environment, directory: directory)
    }

    @discardableResult
    func run(_ arguments: String..., input: String? = nil) throws -> Output {
        try run(arguments, input: input)
    }

    /// Runs `sapu ARGS` and fails the test unless it succeeds.
    @discardableResult
    func ok(_ arguments: String..., input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
        let output = try run(arguments, input: input)
        #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)", sourceLocation: sourceLocation)
        return output
    }

    /// Runs any program, e.g. `zbarimg` or `sqlite3`.
    static func execute(_ program: String, _ arguments: [String], input: Data? = nil,
                        environment: [String: String]? = nil, directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        // Files rather than pipes: no reader threads, and no pipe read that a child's
        // SIGCHLD can interrupt.
        let scratch = NSTemporaryDirectory() + "sapu-io-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: scratch + ".in", contents: input ?? Data())
        _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            for suffix in [".in", ".out", ".err"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        }
        let stdin = try FileHandle(forReadingFrom: URL(fileURLWithPath: scratch + ".in"))
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try? stdin.close()
        try? stdout.close()
        try? stderr.close()
        let outData = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The database's full content as SQL text, to prove a command changed nothing.
    func dump() throws -> String {
        try Self.execute("sqlite3", [database, ".dump"]).stdout
    }

    /// Parses stdout as JSON.
    func json(_ output: Output) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
    }

    /// A database with a site, two makers (one with a local name) and a batch of LIDI.
    ///
    /// With `partner`, CV. Pusat Handicraft is registered as partner PHC with `partnerKeyFile`,
    /// so shipments can be opened (tests that apply receipts register a real partner site instead).
    static func workshop(partner: Bool = true) throws -> (SapuRunner, batch: String) {
        let sapu = try SapuRunner()
        try sapu.ok("init", "--site", "PWT", "--name", "Lapas Kelas IIA Purwokerto")
        if partner {
            try Data(partnerKeyFile.utf8).write(to: URL(fileURLWithPath: sapu.directory + "/PHC.pub"))
            try sapu.ok("partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--address", "Kroya, Cilacap",
                        "--key", "PHC.pub")
        }
        try sapu.ok("maker", "add", "M042", "--name", "Budi Santoso")
        try sapu.ok("maker", "add", "M043", "--name", "Slamet Riyadi")
        let batch = try sapu.ok("batch", "create", "--product", "LIDI", "--date", "2025-11-21").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return (sapu, batch)
    }

    /// A partner's public key file as its `sapu init --site PHC` writes it (its private key is not kept).
    static let partnerKeyFile = """
        # Sapu label keys: sapu-ed25519 SITE KEYID KEY
        # PHC K1 fingerprint YB7P-NKH5-TW24-G5F5
        sapu-ed25519 PHC K1 F7ZAWWG1C1MQWWF7G6TXT24032YNYQMSKW3YERV89V4QD65AAEXG

        """
}
