import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `sapu serve` process started by a test: its URL, and a stop that waits for it.
final class RunningServer {
    let process = Process()
    let out: String
    let err: String
    private(set) var url = ""

    init(_ sapu: SapuRunner, _ arguments: [String] = ["serve", "--listen", "127.0.0.1:0"]) throws {
        out = sapu.directory + "/serve-\(UUID().uuidString).out"
        err = out + ".err"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.executableURL = URL(fileURLWithPath: SapuRunner.binary)
        process.arguments = arguments
        process.environment = sapu.environment
        process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try process.run()
        // The URL line says the port is open; the test waits for it, not for a time.
        for _ in 0..<600 {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            if let range = text.range(of: "http://") {
                url = String(text[range.lowerBound...].prefix { !$0.isWhitespace })
                return
            }
            if !process.isRunning { return }
            usleep(50_000)
        }
    }

    var stdout: String { (try? String(contentsOfFile: out, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: err, encoding: .utf8)) ?? "" }

    /// Ctrl-C, then the exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGINT) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// `curl` against the server: status line and body.
    func curl(_ arguments: [String]) throws -> String {
        try SapuRunner.execute("curl", ["-s", "-i"] + arguments).stdout
    }
}

@Suite("sapu user and sapu serve")
struct ServeTests {
    @Test func usersAreAddedListedDisabledAndGivenPasswordsInBothLanguages() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        let added = try sapu.ok("user", "add", "admin", "--role", "admin", "--password-stdin", input: "rahasia123\n")
        #expect(added.stdout == "Pengguna ADMIN ditambahkan dengan peran admin.\n")
        let english = try sapu.ok("user", "add", "QC1", "--role", "qc", "--password-stdin", "--lang", "en", input: "rahasia123\n")
        #expect(english.stdout == "User QC1 added with role qc.\n")
        let list = try sapu.ok("user", "list").stdout
        #expect(list.contains("ADMIN") && list.contains("QC1") && list.contains("PERAN"))
        #expect(!list.contains("rahasia") && !list.contains("scrypt"))
        let json = try sapu.json(try sapu.ok("user", "list", "--json")) as? [[String: Any]]
        #expect(json?.map { $0["code"] as? String } == ["ADMIN", "QC1"])
        #expect(json?.last?["language"] as? String == "en")

        // Refusals: one line, exit 1, nothing changed.
        let duplicate = try sapu.run("user", "add", "qc1", "--role", "gudang", "--password-stdin", input: "rahasia123\n")
        #expect(duplicate.status == 1 && duplicate.stderr.split(separator: "\n").count == 1)
        let short = try sapu.run("user", "add", "G1", "--role", "gudang", "--password-stdin", input: "pendek\n")
        #expect(short.status == 1 && short.stderr.contains("8 sampai 128"))
        let role = try sapu.run("user", "add", "G1", "--role", "boss", "--password-stdin", input: "rahasia123\n")
        #expect(role.status == 1 && role.stderr.contains("gudang"))
        let none = try sapu.run("user", "add", "G1", "--role", "gudang", "--password-stdin", input: "")
        #expect(none.status == 1 && none.stderr.contains("--password-stdin"))
        let lastAdmin = try sapu.run("user", "disable", "ADMIN")
        #expect(lastAdmin.status == 1 && lastAdmin.stderr.contains("admin aktif terakhir"))
        #expect(try sapu.ok("user", "list", "--json").stdout.components(separatedBy: "\"active\":true").count == 3)

        #expect(try sapu.ok("user", "disable", "QC1").stdout.contains("dinonaktifkan"))
        let unknown = try sapu.run("user", "password", "NOBODY", "--password-stdin", input: "rahasia123\n")
        #expect(unknown.status == 1 && unknown.stderr.contains("NOBODY"))
        #expect(try sapu.ok("user", "password", "QC1", "--password-stdin", "--lang", "en", input: "rahasia-baru\n").stdout
            == "Password of QC1 changed; their sessions have ended.\n")
        #expect(try sapu.ok("user", "list", "--json").stdout.components(separatedBy: "\"active\":true").count == 3)
        // The database keeps a scrypt hash, never the password.
        let stored = try sapu.sql("SELECT password_hash FROM web_user ORDER BY code").joined(separator: "\n")
        #expect(stored.contains("scrypt$32768$8$1$") && !stored.contains("rahasia"))
    }

    @Test func serveAnswersOnTheURLItPrintsWhileTheCLIWritesAndStopsCleanlyOnCtrlC() throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        try sapu.ok("user", "add", "QC1", "--role", "qc", "--password-stdin", input: "rahasia123\n")
        let server = try RunningServer(sapu)
        #expect(server.url.hasPrefix("http://127.0.0.1:"), "\(server.stderr)")
        #expect(server.stdout.contains("Sapu berjalan di"))
        #expect(!server.stderr.contains("Peringatan"))
        let cookies = sapu.directory + "/cookies"
        let login = try server.curl(["-c", cookies, "-d", "code=qc1&password=rahasia123", server.url + "login"])
        #expect(login.hasPrefix("HTTP/1.1 303"))
        // The CLI writes to the same database while the server runs; the page sees it at once.
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
        let dashboard = try server.curl(["-b", cookies, server.url])
        #expect(dashboard.contains("<b id=\"inspections-today\">3</b>"))
        #expect(server.stop() == 0)
        #expect(server.stderr.contains("Sapu berhenti."))
    }

    @Test func listeningBeyondThisPCWarnsWhoCanReachIt() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        let server = try RunningServer(sapu, ["serve", "--listen", "0.0.0.0:0", "--lang", "en"])
        #expect(server.url.hasPrefix("http://0.0.0.0:"))
        #expect(server.stderr.contains("Warning: listening on 0.0.0.0:0, so every device that can reach this PC"))
        #expect(server.stderr.contains("There are no users yet"))
        #expect(server.stop(SIGTERM) == 0)
    }

    @Test func aBadListenAddressOrABusyPortIsOneLine() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        for address in ["8080", "localhost:99999", "127.0.0.1:http", "a b:80"] {
            let bad = try sapu.run("serve", "--listen", address)
            #expect(bad.status == 1 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("--listen"), "\(address)")
        }
        let first = try RunningServer(sapu)
        let port = first.url.split(separator: ":").last.map { String($0.dropLast()) } ?? ""
        let busy = try sapu.run("serve", "--listen", "127.0.0.1:" + port)
        #expect(busy.status == 1 && busy.stderr.contains("tidak bisa mendengarkan di 127.0.0.1:\(port)"), "\(busy.stderr)")
        #expect(!busy.stderr.contains("NIO") && !busy.stderr.contains("Error("))
        first.stop()
        let missing = try SapuRunner().run("serve")
        #expect(missing.status == 1 && missing.stderr.contains("sapu init"))
    }
}
