import Foundation
import Testing

@Suite("sapu: control characters from users and files are refused or shown escaped")
struct EscapingTests {
    /// Characters a terminal acts on: ESC (a CSI sequence), BEL, CR, a C1 CSI, a bidi override, a line break.
    static let hostile = ["Budi\u{1B}[2J\u{1B}]0;owned\u{07}", "Slamet\rX", "Agus\u{9B}31m", "Joko\u{202E}kiri", "Darto\n"]

    /// True when the text holds a control character other than a line end (LF, or CR LF as in CSV).
    static func hasRawControl(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { index in
            let scalar = scalars[index]
            if scalar == "\n" || (scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") { return false }
            return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || [0x202E, 0x2066, 0x200F].contains(scalar.value)
        }
    }

    @Test func newNamesWithControlCharactersAreRefused() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let before = try sapu.dump()
        for name in Self.hostile {
            for arguments in [["maker", "add", "M050", "--name", name], ["product", "add", "P1", "--name", name],
                              ["defect", "add", "D1", "--name-id", name, "--name-en", "x"],
                              ["shipment", "create", "--to", name], ["shipment", "create", "--to", "CV", "--address", name],
                              ["shipment", "create", "--to", "CV", "--vehicle", name],
                              ["shipment", "create", "--to", "CV", "--driver", name]] {
                let output = try sapu.run(arguments + ["--lang", "en"])
                #expect(output.status == 1, "\(arguments)")
                #expect(output.stderr.contains("contains a control character"), "\(arguments): \(output.stderr)")
                #expect(!Self.hasRawControl(output.stderr), "\(arguments): \(output.stderr)")
                #expect(output.stderr.split(separator: "\n").count == 1)
            }
        }
        #expect(try sapu.dump() == before)
        let initialise = try SapuRunner().run("init", "--site", "PWT", "--name", Self.hostile[0], "--lang", "en")
        #expect(initialise.status == 1)
        #expect(initialise.stderr == "error: site name contains a control character: \"Budi\\u{1B}[2J\\u{1B}]0;owned\\u{07}\"; type it again without it\n")
    }

    @Test func namesStoredBeforeTheRuleAreShownEscaped() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        for (index, name) in Self.hostile.enumerated() {
            _ = try sapu.sql("INSERT INTO maker (code, name) VALUES ('E\(index)', '\(name)')")
        }
        _ = try sapu.sql("INSERT INTO shipment (id, number, status, consignee, address, created_at) VALUES "
                         + "('001/SJ/PWT/XI/2025', 1, 'open', '\(Self.hostile[0])', '\(Self.hostile[3])', '2025-11-21T08:00:00+07:00')")
        _ = try sapu.sql("UPDATE product SET name = '\(Self.hostile[2])' WHERE code = 'LIDI'")
        _ = try sapu.sql("UPDATE site SET name = '\(Self.hostile[1])'")
        for arguments in [["maker", "list"], ["shipment", "list"], ["shipment", "show", "001/SJ/PWT/XI/2025"],
                          ["product", "list"], ["report", "makers", "--names"], ["report", "makers", "--names", "--format", "csv"],
                          ["report", "stock", "--format", "html"], ["label", "templates"]] {
            let output = try sapu.ok(contentsOfArguments: arguments)
            #expect(!Self.hasRawControl(output.stdout), "\(arguments): \(output.stdout)")
        }
        let makers = try sapu.ok("maker", "list").stdout
        #expect(makers.contains("Budi\\u{1B}[2J\\u{1B}]0;owned\\u{07}"))
        #expect(makers.contains("Slamet\\u{0D}X"))
        #expect(makers.contains("Agus\\u{9B}31m"))
        #expect(makers.contains("Joko\\u{202E}kiri"))
        // JSON stays JSON, and decodes to the stored names exactly.
        for arguments in [["maker", "list", "--json"], ["shipment", "list", "--json"], ["report", "makers", "--names", "--json"]] {
            let output = try sapu.ok(contentsOfArguments: arguments)
            #expect(!Self.hasRawControl(output.stdout), "\(arguments)")
            #expect((try? sapu.json(output)) != nil, "\(arguments): \(output.stdout)")
        }
        let list = try #require(try sapu.json(try sapu.ok("maker", "list", "--json")) as? [[String: Any]])
        #expect(Set(list.compactMap { $0["name"] as? String }).isSuperset(of: Self.hostile))
    }

    @Test func scannedLinesAndTypedArgumentsAreShownEscaped() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        _ = try sapu.labelledBundles(batch, count: 1)
        let lines = ["\u{1B}[31mRED\u{1B}[0m", "\(batch)-0001\u{1B}[2J", "abc\u{202E}def", "\u{9B}2J"]
        let output = try sapu.run(["scan", "--mode", "check", "--lang", "en"], input: lines.joined(separator: "\n") + "\n")
        #expect(output.status == 0)
        #expect(!Self.hasRawControl(output.stdout), "\(output.stdout)")
        #expect(output.stdout.contains("\\u{1B}[31mRED"))
        let json = try sapu.scan("check", lines)
        #expect(json.answers.count == lines.count)
        for arguments in [["bundle", "show", "\u{1B}[2J"], ["batch", "show", "X\u{1B}[2J"], ["report", "qc", "--by", "\u{1B}[2J"],
                          ["scan", "--mode", "\u{1B}[2J"], ["stock", "--lang", "\u{1B}[2J"], ["stock", "--bogus\u{1B}[2J"]] {
            let refused = try sapu.run(arguments)
            #expect(refused.status != 0, "\(arguments)")
            #expect(!Self.hasRawControl(refused.stderr), "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("\\u{1B}[2J"), "\(arguments): \(refused.stderr)")
        }
    }
}

@Suite("sapu: the interactive station keeps its own colours")
struct InteractiveColourTests {
    static let hasScript = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    @Test(.enabled(if: hasScript, "needs script(1) from util-linux for a terminal"))
    func coloursAreSapusOwnAndScannedEscapesAreShownEscaped() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        // script(1) gives the station a terminal, as a clerk's scanner has.
        let output = try SapuRunner.execute("/usr/bin/script", ["-qec", SapuRunner.binary + " scan --mode check --lang en", "/dev/null"],
                                            input: Data("\(batch)-0001\n\u{1B}[2JX\n".utf8), environment: sapu.environment,
                                            directory: sapu.directory)
        #expect(output.status == 0, "\(output.stdout)")
        let answers = output.stdout.components(separatedBy: "\r\n").filter { $0.contains("scan> ") }
        #expect(answers.contains { $0.hasSuffix("scan> \u{1B}[32mOK            \(batch)-0001  inspected  LIDI M042 PASS A (typed by hand)\u{1B}[0m") },
                "\(answers)")
        #expect(answers.contains { $0.hasSuffix("scan> \u{1B}[31m\u{07}NOT SAPU      \\u{1B}[2JX  — not a Sapu label\u{1B}[0m") },
                "\(answers)")
    }
}
