import Foundation
import Testing

/// The partner's verification state file: its scans are the evidence behind the receipt.
@Suite("sapu verify: the state file")
struct VerifyStateTests {
    /// A line in the middle that cannot be read was skipped without a word, losing a scan
    /// from the count; only a last line cut short by a crash (never acknowledged) may go.
    @Test func aDamagedLineInTheStateFileIsRefusedAndOnlyATornLastLineIsDropped() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.prefix(3).map { shop.labels[$0]! }.joined(separator: "\n"))
        let state = partner.file(shop.stem + ".verify.jsonl")
        let good = try Data(contentsOf: URL(fileURLWithPath: state))

        // Cut short by a crash: dropped, and the file is whole again after the next scan.
        try (good + Data("{\"at\":\"2025-11-2".utf8)).write(to: URL(fileURLWithPath: state))
        let torn = try partner.ok(contentsOf: shop.verifyArguments + ["--json"], input: shop.labels[shop.packed[3]]! + "\n")
        #expect(torn.stdout.contains("\"received\":4"), "\(torn.stdout)")
        let lines = try String(contentsOfFile: state, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6 && lines.last == "")

        // Damaged in the middle: refused, nothing counted, the file left as it was.
        var damaged = try String(contentsOfFile: state, encoding: .utf8).split(separator: "\n").map(String.init)
        damaged[2] = "x" + damaged[2]
        let text = damaged.joined(separator: "\n") + "\n"
        try text.write(toFile: state, atomically: true, encoding: .utf8)
        for finish in [false, true] {
            let output = try partner.run(shop.verifyArguments + (finish ? ["--finish"] : []) + ["--lang", "en"],
                                         input: shop.labels[shop.packed[4]]! + "\n")
            #expect(output.status != 0)
            #expect(output.stderr == "error: state file \(shop.stem).verify.jsonl is damaged or was edited (line 3 cannot be read); nothing used. Restore that file, or scan every bundle again with a new --state\n",
                    "\(output.stderr)")
        }
        #expect(try String(contentsOfFile: state, encoding: .utf8) == text)
        #expect(!FileManager.default.fileExists(atPath: partner.file(shop.stem + ".receipt.json")))
    }

    /// The state file was written by replacing whatever the path named: a symbolic link (or,
    /// run as root, a device such as /dev/full) was swapped for a regular file.
    @Test func aStatePathThatIsNotARegularFileIsRefusedAndLeftAlone() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try FileManager.default.createSymbolicLink(atPath: partner.file("state.jsonl"), withDestinationPath: "/dev/null")
        try FileManager.default.createDirectory(atPath: partner.file("folder.jsonl"), withIntermediateDirectories: false)
        for path in ["state.jsonl", "folder.jsonl"] {
            let output = try partner.run(shop.verifyArguments + ["--state", path, "--lang", "en"],
                                         input: shop.labels[shop.packed[0]]! + "\n")
            #expect(output.status != 0)
            #expect(output.stderr == "error: cannot write to \(path)\n", "\(output.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: partner.file("state.jsonl")) == "/dev/null")
    }
}
