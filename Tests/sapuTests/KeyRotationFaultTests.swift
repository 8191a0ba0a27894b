import Foundation
import SapuCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A site after one rotation (K1 retired, K2 current) with one labelled bundle, kept as files
/// so that each fault-injection run starts from a copy of exactly this state.
struct RotatedSiteSnapshot {
    let files: [String: Data]
    let bundle: String

    init() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "1")
        bundle = batch + "-0001"
        try sapu.ok("label", bundle, "--format", "zpl", "--out", "zpl")
        try sapu.ok("key", "rotate")
        files = try FaultInjection.snapshot(sapu)
    }

    /// A new site directory holding a copy of the snapshot, the private key owner-only.
    func restore() throws -> SapuRunner {
        try FaultInjection.restore(files)
    }
}

/// What the database, the private key file and the public key file say about the keys.
struct SiteKeyState: Equatable, CustomStringConvertible {
    var database: [String: [UInt8]] = [:]
    var current: [String] = []
    var privateFile: [String: [UInt8]]?
    var publicFile: [String: [UInt8]]?

    init(_ sapu: SapuRunner) throws {
        for row in try sapu.sql("SELECT key_id, status, hex(public_key) FROM signing_key") {
            let parts = row.split(separator: "|").map(String.init)
            database[parts[0]] = Self.bytes(hex: parts[2])
            if parts[1] == "current" { current.append(parts[0]) }
        }
        if let text = try? String(contentsOfFile: sapu.directory + "/PWT.key", encoding: .utf8) {
            let keys = try SigningKey.keys(fromKeyFile: text, path: "PWT.key")
            privateFile = Dictionary(uniqueKeysWithValues: keys.map { ($0.keyID, $0.publicKey.rawRepresentation) })
        }
        if let text = try? String(contentsOfFile: sapu.directory + "/PWT.pub", encoding: .utf8) {
            let ring = try KeyRing(keyFile: text, path: "PWT.pub")
            publicFile = Dictionary(uniqueKeysWithValues: ring.keys.map { ($0.keyID, $0.rawRepresentation) })
        }
    }

    /// Key ids K1..Kn without gaps, the highest current, and all three places holding the same keys.
    func agrees(upTo n: Int) -> Bool {
        let ids = Set((1...n).map { "K\($0)" })
        return Set(database.keys) == ids && current == ["K\(n)"] && privateFile == database && publicFile == database
    }

    var description: String {
        func ids(_ keys: [String: [UInt8]]?) -> String { keys.map { $0.keys.sorted().joined(separator: ",") } ?? "none" }
        return "database \(ids(database)) current \(current) private \(ids(privateFile)) public \(ids(publicFile))"
    }

    private static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16) ?? 0 }
    }
}

@Suite("sapu key rotate: killed at any write, run again, keys and files agree")
struct KeyRotationFaultTests {
    /// `sapu key rotate` killed at the `n`th call of `syscall`; true when it was killed.
    static func rotateKilled(_ sapu: SapuRunner, at syscall: String, _ n: Int) throws -> Bool {
        try FaultInjection.killed(sapu, ["key", "rotate"], at: syscall, n)
    }

    /// Which `openat` calls of a complete rotation create files.
    static func creatingOpenats(_ snapshot: RotatedSiteSnapshot) throws -> [Int] {
        try FaultInjection.creatingOpenats(try snapshot.restore(), ["key", "rotate"])
    }

    /// The label a signing command writes again now (the bundle has a current label, so
    /// `--again`), checked at the site's own station; nil when signing is refused, which
    /// must then be one clear line.
    static func printAndCheck(_ sapu: SapuRunner, bundle: String, folder: String, context: String) throws -> String? {
        let printed = try sapu.run(["label", bundle, "--format", "zpl", "--out", folder, "--again", "--json", "--lang", "en"])
        guard printed.status == 0 else {
            let lines = printed.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && !printed.stderr.contains("Fatal"),
                    "\(context): signing refused without one clear line: \(printed.stderr)")
            return nil
        }
        let items = try #require(try sapu.json(printed) as? [[String: Any]], "\(context)")
        let payload = try #require(items.first?["payload"] as? String, "\(context)")
        let check = ScanRun(try sapu.run(["scan", "--mode", "check", "--json", "--lang", "en"], input: payload + "\n"))
        #expect(check.outcomes == ["accepted"], "\(context): a label printed now does not verify at the site's station: \(check.answers)")
        return payload
    }

    @Test(.enabled(if: FaultInjection.available, "needs strace"), .timeLimit(.minutes(20)))
    func aRotationKilledAtAnyWriteCompletesWhenRunAgain() throws {
        let snapshot = try RotatedSiteSnapshot()
        var plans: [(syscall: String, points: [Int]?)] = [
            ("write", nil), ("fsync", nil), ("fdatasync", nil), ("rename,renameat,renameat2", nil), ("link,linkat", nil),
            ("unlink,unlinkat", nil), ("pwrite64", nil),
        ]
        plans.append(("openat", try Self.creatingOpenats(snapshot)))
        var kills = 0
        for plan in plans {
            var n = 0
            var points = plan.points?.makeIterator()
            while true {
                if points != nil {
                    guard let next = points?.next() else { break }
                    n = next
                } else {
                    n += 1
                }
                let context = "killed at \(plan.syscall) #\(n)"
                let sapu = try snapshot.restore()
                guard try Self.rotateKilled(sapu, at: plan.syscall, n) else {
                    // Ran to the end: the rotation is complete, and nothing more to kill.
                    let completed = try SiteKeyState(sapu)
                    #expect(completed.agrees(upTo: 3), "\(context): completed run: \(completed)")
                    if points == nil { break } else { continue }
                }
                kills += 1
                let killed = try SiteKeyState(sapu)
                // (a) Whatever the kill left, a signer signs with the key the database calls current, or refuses clearly.
                if let payload = try Self.printAndCheck(sapu, bundle: snapshot.bundle, folder: "a", context: context) {
                    #expect(killed.current.count == 1 && payload.hasPrefix("SAPU1 \(killed.current[0]) "),
                            "\(context): signed \(payload.prefix(9)) while the database says \(killed.current)")
                }
                // (b) Run again: the rotation completes to exactly the next key, files and database agree.
                let again = try sapu.run(["key", "rotate", "--lang", "en"])
                #expect(again.status == 0, "\(context): the second rotation failed: \(again.stderr)")
                let expected = killed.agrees(upTo: 3) ? 4 : 3
                let state = try SiteKeyState(sapu)
                #expect(state.agrees(upTo: expected), "\(context): after the kill \(killed); after running again \(state)")
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: sapu.directory).filter { $0.hasSuffix(".tmp") }
                #expect(leftovers.isEmpty, "\(context): temporary files left: \(leftovers)")
                let payload = try Self.printAndCheck(sapu, bundle: snapshot.bundle, folder: "b", context: context)
                #expect(payload?.hasPrefix("SAPU1 K\(expected) ") == true, "\(context): \(payload ?? "refused")")
                try? FileManager.default.removeItem(atPath: sapu.directory)
            }
        }
        // Every kind of write was hit: the test proved something.
        #expect(kills >= 30, "only \(kills) kills")
    }
}
