import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A workshop with one open shipment of two packed bundles, saved once and copied afresh
/// for every closing that a test kills.
struct OpenShipmentTemplate {
    let template: SapuRunner
    let shipment = "001/SJ/PWT/XI/2025"
    let stem = "001-SJ-PWT-XI-2025"
    var names: [String] { [".manifest.json", ".manifest.sig", ".csv", ".pdf"].map { stem + $0 } }

    init() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.labelledBundles(batch, count: 3)
        try sapu.scan("receive", ids)
        #expect(try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout.hasPrefix(shipment))
        try sapu.scan("pack", Array(ids.prefix(2)), ["--shipment", shipment])
        template = sapu
    }

    /// A fresh copy of the workshop: database and key files only.
    func copy() throws -> SapuRunner {
        var runner = try SapuRunner()
        for file in ["sapu.sqlite", "PWT.key", "PWT.pub"] {
            try FileManager.default.copyItem(atPath: template.directory + "/" + file, toPath: runner.directory + "/" + file)
        }
        runner.environment["SAPU_LABELS"] = template.environment["SAPU_LABELS"]
        return runner
    }

    /// The four files a closing writes when nothing goes wrong.
    func referenceFiles() throws -> [String: Data] {
        let run = try copy()
        try run.ok("shipment", "close", shipment, "--out", "docs")
        var files: [String: Data] = [:]
        for name in names { files[name] = FileManager.default.contents(atPath: run.directory + "/docs/" + name) }
        #expect(files.count == 4)
        return files
    }

    enum Outcome: Equatable { case open, closed }

    /// The PDF library stamps `/CreationDate (D:YYYYMMDDHHMMSSZ)` from the clock: blank the digits.
    static func withoutCreationTime(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let marker = Array("/CreationDate (D:".utf8)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else { return data }
        var index = start + marker.count
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            bytes[index] = 0x30
            index += 1
        }
        return Data(bytes)
    }

    /// The database and the documents agree: open with no file at all in the output
    /// directory, or closed with exactly the four files, byte for byte as a clean closing
    /// writes them, the manifest's hash the recorded one and its signature valid.
    func agreement(_ run: SapuRunner, reference: [String: Data], context: String,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome? {
        let status = try run.sql("SELECT status FROM shipment WHERE id = '\(shipment)'").first
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: run.directory + "/docs")) ?? []).sorted()
        switch status {
        case "open":
            #expect(files.isEmpty, "\(context): open shipment, but files left: \(files)", sourceLocation: sourceLocation)
            return .open
        case "closed":
            #expect(files == names.sorted(), "\(context): closed shipment with files \(files)", sourceLocation: sourceLocation)
            for name in names {
                let bytes = FileManager.default.contents(atPath: run.directory + "/docs/" + name)
                #expect(bytes.map(Self.withoutCreationTime) == reference[name].map(Self.withoutCreationTime),
                        "\(context): \(name) differs from a clean closing's", sourceLocation: sourceLocation)
            }
            let digest = try SapuRunner.execute("sha256sum", [run.directory + "/docs/" + names[0]]).stdout.prefix(64)
            #expect(try run.sql("SELECT manifest_sha256 FROM shipment WHERE id = '\(shipment)'") == [String(digest)],
                    "\(context): recorded manifest hash", sourceLocation: sourceLocation)
            let verified = try run.run(["verify", "--manifest", "docs/" + names[0], "--key", "PWT.pub", "--state", "verify.jsonl"],
                                       input: "")
            #expect(verified.status == 0, "\(context): \(verified.stderr)", sourceLocation: sourceLocation)
            return .closed
        default:
            Issue.record("\(context): shipment status \(status ?? "none")", sourceLocation: sourceLocation)
            return nil
        }
    }
}

@Suite("sapu shipment close: all four documents with the closed shipment, or none and still open")
struct ShipmentClosingTests {
    static let hasStrace = FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")

    /// Kills `shipment close` at the Nth call of every syscall that writes, for every N until
    /// it runs to the end; after each kill any next command settles the closing, and the
    /// database and the files must agree. An open shipment must then close normally.
    @Test(.enabled(if: hasStrace, "needs strace"))
    func aKillAtAnyWriteLeavesItOpenWithoutFilesOrClosedWithAllFour() throws {
        let setup = try OpenShipmentTemplate()
        let reference = try setup.referenceFiles()
        var outcomes: [OpenShipmentTemplate.Outcome: Int] = [:]
        let syscalls = ["write", "pwrite64", "fsync", "fdatasync", "rename", "renameat", "renameat2", "link", "linkat",
                        "unlink", "unlinkat", "openat", "ftruncate", "mkdir", "mkdirat"]
        for syscall in syscalls {
            for n in 1...5000 {
                let run = try setup.copy()
                let strace = ["-f", "-qq", "-o", "/dev/null", "-e", "trace=\(syscall)",
                              "-e", "inject=\(syscall):signal=KILL:when=\(n)",
                              SapuRunner.binary, "shipment", "close", setup.shipment, "--out", "docs"]
                let closing = try SapuRunner.execute("strace", strace, environment: run.environment, directory: run.directory)
                if closing.stderr.contains("invalid system call") { break }  // not on this architecture
                // strace dies by the same signal as its tracee (or exits 128 + 9 when run from a shell).
                let killed = closing.status == SIGKILL || closing.status == 128 + SIGKILL
                let context = "\(syscall) #\(n)\(killed ? " (killed)" : "")"
                // Any command that opens the database settles an interrupted closing.
                try run.ok("shipment", "show", setup.shipment)
                let outcome = try setup.agreement(run, reference: reference, context: context)
                if let outcome { outcomes[outcome, default: 0] += 1 }
                if outcome == .open { #expect(killed, "\(context): not killed, yet the shipment is open: \(closing.stderr)") }
                // Running the command again succeeds: it closes an open shipment, and confirms a closed one.
                try run.ok("shipment", "close", setup.shipment, "--out", "docs")
                #expect(try setup.agreement(run, reference: reference, context: context + ", closed again") == .closed)
                #expect(try run.sql("SELECT COUNT(*) FROM shipment_documents WHERE state != 'written'") == ["0"], "\(context)")
                try? FileManager.default.removeItem(atPath: run.directory)
                if !killed {
                    #expect(closing.status == 0, "\(context): \(closing.stderr)")
                    break
                }
            }
        }
        // Kills fell both before and after the commit: the test saw both ends.
        #expect((outcomes[.open] ?? 0) > 0 && (outcomes[.closed] ?? 0) > 0, "\(outcomes)")
    }

    @Test func aDirectoryInTheWayOfThePDFRefusesTheCloseAndLeavesItOpen() throws {
        let setup = try OpenShipmentTemplate()
        let reference = try setup.referenceFiles()
        let run = try setup.copy()
        let blocker = run.directory + "/docs/" + setup.stem + ".pdf"
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: true)
        let refused = try run.run("shipment", "close", setup.shipment, "--out", "docs", "--lang", "en")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("docs/\(setup.stem).pdf is in the way"), "\(refused.stderr)")
        #expect(try run.sql("SELECT status FROM shipment") == ["open"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.directory + "/docs") == [setup.stem + ".pdf"])
        try FileManager.default.removeItem(atPath: blocker)
        try run.ok("shipment", "close", setup.shipment, "--out", "docs")
        #expect(try setup.agreement(run, reference: reference, context: "after the directory was moved") == .closed)
    }

    @Test func aDirectoryThatCannotBeMadeRefusesTheCloseAndLeavesItOpen() throws {
        let setup = try OpenShipmentTemplate()
        let run = try setup.copy()
        _ = FileManager.default.createFile(atPath: run.directory + "/blocker", contents: Data("x".utf8))
        let refused = try run.run("shipment", "close", setup.shipment, "--out", "blocker/docs")
        #expect(refused.status == 1 && !refused.stderr.isEmpty)
        #expect(try run.sql("SELECT status FROM shipment") == ["open"])
        #expect(try run.sql("SELECT COUNT(*) FROM shipment_documents") == ["0"])
    }

    @Test func closingAgainPutsBackAMissingDocumentAndNamesTheDirectoryOfAnother() throws {
        let setup = try OpenShipmentTemplate()
        let reference = try setup.referenceFiles()
        let run = try setup.copy()
        try run.ok("shipment", "close", setup.shipment, "--out", "docs")
        try FileManager.default.removeItem(atPath: run.directory + "/docs/" + setup.stem + ".pdf")
        let again = try run.ok("shipment", "close", setup.shipment, "--out", "docs", "--lang", "en")
        #expect(again.stdout.contains("was already closed"), "\(again.stdout)")
        #expect(try setup.agreement(run, reference: reference, context: "closed again") == .closed)
        let elsewhere = try run.run("shipment", "close", setup.shipment, "--out", "other", "--lang", "en")
        #expect(elsewhere.status == 1 && elsewhere.stderr.contains("already closed; its documents are in \(run.directory)/docs"),
                "\(elsewhere.stderr)")
        #expect(!FileManager.default.fileExists(atPath: run.directory + "/other"))
    }

    @Test func showSaysWhereTheDocumentsAre() throws {
        let setup = try OpenShipmentTemplate()
        let run = try setup.copy()
        try run.ok("shipment", "close", setup.shipment, "--out", "docs")
        let shown = try run.ok("shipment", "show", setup.shipment, "--lang", "en").stdout
        #expect(shown.contains("Documents in \(run.directory)/docs: \(setup.stem).manifest.json"), "\(shown)")
        let json = try #require(try run.json(try run.ok("shipment", "show", setup.shipment, "--json")) as? [String: Any])
        let documents = try #require(json["documents"] as? [String: Any])
        #expect(documents["files"] as? [String] == setup.names.map { run.directory + "/docs/" + $0 })
        #expect(documents["complete"] as? Bool == true)
    }
}
