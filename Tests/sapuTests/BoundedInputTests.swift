import Foundation
import Testing

/// Every file Sapu reads is bounded: a named pipe or an oversized file is one line, at once,
/// never a wait for a writer or a read without end.
@Suite("Template and key files: a pipe or an oversized file is refused at once")
struct BoundedInputTests {
    /// Runs sapu under timeout(1): a command that waits on a pipe is killed (status 137), not a hung test.
    static func run(_ sapu: SapuRunner, _ arguments: [String]) throws -> SapuRunner.Output {
        try SapuRunner.execute("/usr/bin/timeout", ["-s", "KILL", "20", SapuRunner.binary] + arguments,
                               environment: sapu.environment, directory: sapu.directory)
    }

    @Test func aTemplateThatIsAPipeOrTooLargeIsOneLine() throws {
        let sapu = try SapuRunner()
        let labels = sapu.directory + "/mylabels"
        try FileManager.default.createDirectory(atPath: labels, withIntermediateDirectories: true)
        var own = sapu
        own.environment["SAPU_LABELS"] = labels

        #expect(mkfifo(labels + "/pipa.json", 0o600) == 0)
        let piped = try Self.run(own, ["label", "templates", "--lang", "en"])
        #expect(piped.status == 1 && piped.stderr == "error: file \(labels)/pipa.json cannot be read\n", "\(piped)")
        try FileManager.default.removeItem(atPath: labels + "/pipa.json")

        // Two mebibytes of spaces around an empty object: no template is that large.
        let padded = Data(repeating: 0x20, count: 2 << 20) + Data("{}".utf8)
        try padded.write(to: URL(fileURLWithPath: labels + "/besar.json"))
        let large = try Self.run(own, ["label", "templates"])
        #expect(large.status == 1 && large.stderr.hasPrefix("galat: \(labels)/besar.json bukan berkas biasa berukuran paling banyak 1 MiB"),
                "\(large)")
    }

    @Test func aPartnerKeyThatIsAPipeIsRefusedWithoutWaiting() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        #expect(mkfifo(sapu.directory + "/PHC.pub", 0o600) == 0)
        let before = try sapu.dump()
        let piped = try Self.run(sapu, ["partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--key", "PHC.pub",
                                        "--lang", "en"])
        #expect(piped.status == 1 && piped.stderr.contains("PHC.pub") && piped.stderr.components(separatedBy: "\n").count == 2,
                "\(piped)")
        #expect(try sapu.dump() == before)
    }
}
