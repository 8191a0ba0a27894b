import Foundation
import SapuCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `sapu init` all or nothing: killed anywhere, run again, a working site and nothing left over.
@Suite("sapu init: killed at any write, run again, a working site")
struct InitFaultTests {
    static let arguments = ["init", "--site", "PWT", "--name", "Lapas Kelas IIA Purwokerto"]
    /// Everything a site directory holds after `sapu init`, and nothing else.
    static let siteFiles = ["PWT.key", "PWT.key.lock", "PWT.pub", "sapu.sqlite", "sapu.sqlite.lock"]

    /// The one key in the private key file, after checking the file is owner-only.
    static func privateKey(_ sapu: SapuRunner, context: String) throws -> SigningKey? {
        let path = sapu.directory + "/PWT.key"
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600, "\(context): PWT.key mode \(String(mode ?? -1, radix: 8))")
        let keys = try SigningKey.keys(fromKeyFile: try String(contentsOfFile: path, encoding: .utf8), path: "PWT.key")
        #expect(keys.count == 1 && keys.first?.keyID == "K1" && keys.first?.site == "PWT", "\(context): \(keys.map(\.keyID))")
        return keys.first
    }

    /// A site that works: exactly the site files, the key file owner-only and holding the key
    /// the database calls current, the public file agreeing, and a printed label verifying at
    /// the site's own station.
    static func checkWorkingSite(_ sapu: SapuRunner, context: String) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: sapu.directory).sorted()
        #expect(names == siteFiles, "\(context): the directory holds \(names)")
        guard let key = try privateKey(sapu, context: context) else { return }
        let shown = try sapu.run(["key", "show", "--json"])
        let keys = try #require(try sapu.json(shown) as? [[String: Any]], "\(context): \(shown.stderr)")
        #expect(keys.count == 1 && keys[0]["keyID"] as? String == "K1" && keys[0]["current"] as? Bool == true
                && keys[0]["fingerprint"] as? String == key.publicKey.fingerprint,
                "\(context): the database's keys \(keys) are not the key file's \(key.publicKey.fingerprint)")
        let ring = try KeyRing(keyFile: try String(contentsOfFile: sapu.directory + "/PWT.pub", encoding: .utf8), path: "PWT.pub")
        #expect(ring.keys == [key.publicKey], "\(context): PWT.pub does not hold exactly the site's key")

        try sapu.ok("maker", "add", "M042")
        let batch = try sapu.ok("batch", "create", "--product", "LIDI", "--date", "2025-11-21").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        let printed = try sapu.ok("label", batch + "-0001", "--format", "zpl", "--out", "zpl", "--json")
        let items = try #require(try sapu.json(printed) as? [[String: Any]], "\(context)")
        let payload = try #require(items.first?["payload"] as? String, "\(context)")
        #expect(payload.hasPrefix("SAPU1 K1 "), "\(context): \(payload)")
        let check = ScanRun(try sapu.run(["scan", "--mode", "check", "--json", "--lang", "en"], input: payload + "\n"))
        #expect(check.outcomes == ["accepted"], "\(context): a new label does not verify at the site's station: \(check.answers)")
    }

    @Test(.enabled(if: FaultInjection.available, "needs strace"), .timeLimit(.minutes(20)))
    func anInitKilledAtAnyWriteSucceedsWhenRunAgain() throws {
        let traced = try SapuRunner()
        defer { try? FileManager.default.removeItem(atPath: traced.directory) }
        let openats = try FaultInjection.creatingOpenats(traced, Self.arguments)
        let kills = try FaultInjection.everyKillPoint(openats: openats) { syscall, n in
            let sapu = try SapuRunner()
            defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
            let context = "killed at \(syscall) #\(n)"
            let killed = try FaultInjection.killed(sapu, Self.arguments, at: syscall, n)
            if killed {
                // All or nothing: no database, or a complete one (its key is the key file's).
                if FileManager.default.fileExists(atPath: sapu.database) {
                    let shown = try sapu.run(["key", "show", "--json", "--lang", "en"])
                    #expect(shown.status == 0, "\(context): the database the kill left does not open: \(shown.stderr)")
                    let fingerprints = (try? sapu.json(shown) as? [[String: Any]])?.compactMap { $0["fingerprint"] as? String }
                    let key = try Self.privateKey(sapu, context: context)
                    #expect(fingerprints == [key?.publicKey.fingerprint ?? ""], "\(context): \(shown.stdout)")
                }
                let again = try sapu.run(Self.arguments + ["--lang", "en"])
                #expect(again.status == 0, "\(context): running init again failed: \(again.stderr)")
            }
            try Self.checkWorkingSite(sapu, context: context)
            return killed
        }
        #expect(kills >= 60, "only \(kills) kills")
    }

    /// Killed after the key file was written but before the database was put in place: the
    /// next run keeps that key (its temporary database proves an init made it).
    @Test(.enabled(if: FaultInjection.available, "needs strace"))
    func aKeyFileAnInterruptedInitLeftIsKeptWhenRunAgain() throws {
        let sapu = try SapuRunner()
        defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
        // The database's rename is init's first: the key file is in place by then.
        #expect(try FaultInjection.killed(sapu, Self.arguments, at: "rename,renameat,renameat2", 1))
        #expect(!FileManager.default.fileExists(atPath: sapu.database))
        let left = try #require(try Self.privateKey(sapu, context: "after the kill"))
        let again = try sapu.ok(contentsOf: Self.arguments + ["--lang", "en", "--json"])
        let made = try #require(try sapu.json(again) as? [String: Any])
        #expect(made["resumed"] as? String == "keptKey")
        #expect(made["fingerprint"] as? String == left.publicKey.fingerprint)
        try Self.checkWorkingSite(sapu, context: "kept key")
    }

    /// A key file with no database may be a live site's key whose database was lost: it is never
    /// taken over, and the one line says what to do.
    @Test func aKeyFileNoInterruptedInitLeftIsRefusedWithWhatToDo() throws {
        let sapu = try SapuRunner()
        defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
        try sapu.ok(contentsOf: Self.arguments)
        try sapu.ok("maker", "add", "M042")
        try FileManager.default.removeItem(atPath: sapu.database)
        let key = try String(contentsOfFile: sapu.directory + "/PWT.key", encoding: .utf8)
        let again = try sapu.run(Self.arguments + ["--lang", "en"])
        #expect(again.status == 1)
        let lines = again.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("sapu restore") && lines[0].contains("move"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sapu.database))
        #expect(try String(contentsOfFile: sapu.directory + "/PWT.key", encoding: .utf8) == key)
    }

    /// A killed init's temporary database alone proves the key file: without it, refused.
    @Test(.enabled(if: FaultInjection.available, "needs strace"))
    func aKeyFileWhoseInterruptedInitLeftNoDatabaseIsRefused() throws {
        let sapu = try SapuRunner()
        defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
        #expect(try FaultInjection.killed(sapu, Self.arguments, at: "rename,renameat,renameat2", 1))
        for name in try FileManager.default.contentsOfDirectory(atPath: sapu.directory) where name.hasPrefix(".sapu.sqlite.init-") {
            try FileManager.default.removeItem(atPath: sapu.directory + "/" + name)
        }
        let again = try sapu.run(Self.arguments + ["--lang", "en"])
        #expect(again.status == 1 && again.stderr.contains("sapu restore"), "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sapu.database))
    }

    /// Run again with the same arguments on a site where nothing happened yet (an init killed
    /// while printing its result): it says so and changes nothing; anything else is refused.
    @Test func initAgainOnAnUntouchedSiteChangesNothingAndRefusesOtherwise() throws {
        let sapu = try SapuRunner()
        defer { try? FileManager.default.removeItem(atPath: sapu.directory) }
        try sapu.ok(contentsOf: Self.arguments)
        func contents() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: sapu.directory) {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: sapu.directory + "/" + name))
            }
            return files
        }
        let before = try contents()
        let again = try sapu.ok(contentsOf: Self.arguments + ["--lang", "en"])
        #expect(again.stdout.contains("nothing changed"), "\(again.stdout)")
        #expect(try contents() == before)
        let otherName = try sapu.run(["init", "--site", "PWT", "--name", "Other", "--lang", "en"])
        #expect(otherName.status == 1 && otherName.stderr.contains("already exists"), "\(otherName.stderr)")
        try sapu.ok("maker", "add", "M042")
        let used = try sapu.run(Self.arguments + ["--lang", "en"])
        #expect(used.status == 1 && used.stderr.contains("already exists"), "\(used.stderr)")
    }
}
