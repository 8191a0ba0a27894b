import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A workshop with three inspected (two passed, one failed), not yet labelled bundles, kept as files so that every
/// fault-injection run starts from a copy of exactly this state.
struct UnlabelledSiteSnapshot {
    let files: [String: Data]
    let batch: String

    init() throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "DAMP")
        self.batch = batch
        files = try FaultInjection.snapshot(sapu)
    }

    func restore() throws -> SapuRunner {
        try FaultInjection.restore(files)
    }
}

@Suite("Output files: killed runs leave nothing behind, a later run cleans up only dead runs")
struct OutputDirectoryFaultTests {
    /// Every file in `directory` with its bytes.
    static func contents(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
        }
        return files
    }

    /// `sapu label` killed anywhere, also between recording the labels as written and putting
    /// the files in place: writing them again (with `--again` once they are recorded, as
    /// docs/database.md says) gives exactly the files an uninterrupted run gives (same
    /// revision, same signed text, same bytes) and leaves no temporary file.
    @Test(.enabled(if: FaultInjection.available, "needs strace"), .timeLimit(.minutes(20)))
    func aLabelRunKilledAtAnyWriteGivesTheSameFilesWhenRunAgain() throws {
        let snapshot = try UnlabelledSiteSnapshot()
        let arguments = ["label", "--batch", snapshot.batch, "--out", "out"]
        let reference = try snapshot.restore()
        defer { try? FileManager.default.removeItem(atPath: reference.directory) }
        let openats = try FaultInjection.creatingOpenats(reference, arguments)
        let expected = try Self.contents(reference.directory + "/out")
        #expect(expected.keys.sorted() == (1...3).map { "\(snapshot.batch)-000\($0).png" })
        var recordedBeforeFiles = 0
        let kills = try FaultInjection.everyKillPoint(openats: openats) { syscall, n in
            let sapu = try snapshot.restore()
            defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
            let context = "killed at \(syscall) #\(n)"
            let killed = try FaultInjection.killed(sapu, arguments, at: syscall, n)
            if killed {
                let revisions = try sapu.sql("SELECT label_revision FROM bundle WHERE label_revision > 0")
                let placed = (try? FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/out"))?
                    .filter { !$0.hasPrefix(".") } ?? []
                if !revisions.isEmpty && placed.count < expected.count { recordedBeforeFiles += 1 }
                let again = try sapu.run(revisions.isEmpty ? arguments : arguments + ["--again"])
                #expect(again.status == 0, "\(context): printing again failed: \(again.stderr)")
            }
            let files = try Self.contents(sapu.directory + "/out")
            #expect(files == expected, "\(context): \(files.keys.sorted()) differ from an uninterrupted run's")
            #expect(try sapu.sql("SELECT label_revision FROM bundle WHERE label_revision > 0 ORDER BY id") == ["1", "1", "1"], "\(context)")
            #expect(try FaultInjection.leftovers(in: sapu.directory).isEmpty, "\(context)")
            return killed
        }
        #expect(kills >= 30, "only \(kills) kills")
        // The case that matters was hit: labels recorded as printed, files not all in place.
        #expect(recordedBeforeFiles > 0)
    }

    /// Temporaries of a killed run are removed by the next run in that folder; a live run's
    /// (its lock held) and files that are not a run's temporaries are never touched.
    @Test(.enabled(if: FaultInjection.available, "needs strace"))
    func aLaterRunRemovesTheTemporariesOfDeadRunsOnly() throws {
        let snapshot = try UnlabelledSiteSnapshot()
        let sapu = try snapshot.restore()
        defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
        let out = sapu.directory + "/out"
        let first = snapshot.batch + "-0001", second = snapshot.batch + "-0002"
        // Killed at its first rename: its temporary file and its lock file stay behind.
        #expect(try FaultInjection.killed(sapu, ["label", first, "--out", "out"], at: "rename,renameat,renameat2", 1))
        let dead = try FaultInjection.leftovers(in: out)
        #expect(dead.count == 2 && dead.contains { $0.hasPrefix(".sapu-run.") }, "\(dead)")

        // A run in progress: its lock file locked, its temporary file present.
        let liveLock = out + "/.sapu-run.4242-0badcafe.lock"
        let liveTemporary = out + "/.\(second).png.4242-0badcafe.tmp"
        let fd = open(liveLock, O_RDWR | O_CREAT, 0o600)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        try Data("live".utf8).write(to: URL(fileURLWithPath: liveTemporary))
        // Not a run's temporary: another program's, an older sapu's, a user's.
        let unrelated = [".notes.tmp", ".\(first).png.1A2B3C4D.tmp", ".sapu-run.README", "notes.txt"]
        for name in unrelated { try Data("keep".utf8).write(to: URL(fileURLWithPath: out + "/" + name)) }

        try sapu.ok("label", second, "--out", "out")
        var names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        for name in dead { #expect(!names.contains(name), "a dead run's \(name) was not removed") }
        #expect(names.contains((liveLock as NSString).lastPathComponent) && names.contains((liveTemporary as NSString).lastPathComponent),
                "a live run's files were removed")
        for name in unrelated { #expect(names.contains(name), "\(name) was removed") }

        // The run ends without cleaning up (killed): the next run removes what it left.
        close(fd)
        // The killed run recorded its label before renaming: it is written again with --again.
        try sapu.ok("label", first, "--out", "out", "--again")
        names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(!names.contains((liveLock as NSString).lastPathComponent) && !names.contains((liveTemporary as NSString).lastPathComponent))
        for name in unrelated { #expect(names.contains(name), "\(name) was removed") }
        #expect(names.isSuperset(of: [first + ".png", second + ".png"]))
    }

    /// The other commands that write files the same way: the command sheet, the public key
    /// exports and a report written to a file, killed at every write, then run again.
    @Test(.enabled(if: FaultInjection.available, "needs strace"))
    func sheetsAndKeyExportsKilledMidWayLeaveNothingBehindOnceRunAgain() throws {
        let snapshot = try UnlabelledSiteSnapshot()
        let commands: [(arguments: [String], folder: String)] = [
            (["label", "commands", "--out", "sheet"], "sheet"),
            (["key", "export", "--format", "pem", "--out", "keys"], "keys"),
            (["key", "export", "--out", "pub/PWT-all.pub"], "pub"),
            (["report", "stock", "--format", "csv", "--out", "reports/stock.csv"], "reports"),
        ]
        var kills = 0
        for command in commands {
            let traced = try snapshot.restore()
            defer { try? FileManager.default.removeItem(atPath: traced.directory) }
            let openats = try FaultInjection.creatingOpenats(traced, command.arguments)
            kills += try FaultInjection.everyKillPoint(openats: openats) { syscall, n in
                let sapu = try snapshot.restore()
                defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
                let context = "\(command.arguments.joined(separator: " ")) killed at \(syscall) #\(n)"
                let killed = try FaultInjection.killed(sapu, command.arguments, at: syscall, n)
                if killed { try sapu.ok(contentsOf: command.arguments) }
                let folder = sapu.directory + "/" + command.folder
                #expect(try FaultInjection.leftovers(in: folder).isEmpty, "\(context)")
                #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count >= 1, "\(context)")
                return killed
            }
        }
        #expect(kills >= 20, "only \(kills) kills")
    }

    /// A partner's receipt: `sapu verify --finish` killed between its two files, then run again.
    @Test(.enabled(if: FaultInjection.available, "needs strace"))
    func aReceiptKilledBetweenItsFilesIsCompleteWhenFinishedAgain() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.map { shop.labels[$0]! }.joined(separator: "\n") + "\n")
        let finish = shop.verifyArguments + ["--finish"]
        #expect(try FaultInjection.killed(partner, finish, at: "rename,renameat,renameat2", 2))
        #expect(!(try FaultInjection.leftovers(in: partner.directory)).isEmpty)
        try partner.ok(contentsOf: finish)
        #expect(try FaultInjection.leftovers(in: partner.directory).isEmpty)
        for suffix in [".receipt.json", ".receipt.sig"] {
            #expect(FileManager.default.fileExists(atPath: partner.directory + "/" + shop.stem + suffix))
        }
    }
}
