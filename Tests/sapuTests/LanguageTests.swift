import Foundation
import Testing

/// Indonesian all the way through, English as the other language: help pages, parser errors,
/// option values typed as the words the tables print, and defects by name.
@Suite("sapu in Indonesian and English, end to end")
struct LanguageTests {
    // MARK: Help

    /// Every command path, from the command tree the binary itself reports (hidden ones included).
    static func commandPaths(_ sapu: SapuRunner) throws -> [[String]] {
        let dump = try sapu.run("--experimental-dump-help")
        let root = try #require(try sapu.json(dump) as? [String: Any])
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                if let name = sub["commandName"] as? String { walk(sub, path + [name]) }
            }
        }
        walk(try #require(root["command"] as? [String: Any]), [])
        return paths
    }

    /// A line that holds nothing to translate: option names, `<values>`, codes, file names,
    /// command names and the format names that are the same in both languages.
    static func onlySyntax(_ line: String, commands: Set<String>) -> Bool {
        var rest = line
        for pattern in ["--?[A-Za-z][A-Za-z0-9-]*", "<[^>]*>", "\\$[A-Z_]+", "\\S*[0-9]\\S*", "\\S+\\.(json|pub|pem|sqlite|sig|jsonl)",
                        "\\b[A-Z]{2,}\\b", "\\b(png|pdf|zpl|tspl|csv|json|html|pem|id|en)\\b"] {
            rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = rest.split(whereSeparator: { !$0.isLetter }).map(String.init)
        return words.allSatisfy { $0.count < 2 || commands.contains($0) }
    }

    @Test func everyHelpPageIsInTheChosenLanguageLineByLine() throws {
        let sapu = try SapuRunner()
        let paths = try Self.commandPaths(sapu)
        #expect(paths.count > 50 && paths.contains(["report", "generate"]) && paths.contains(["help"]))
        let commands = Set(paths.flatMap { $0 } + ["sapu"])
        var wide = sapu
        wide.environment["COLUMNS"] = "10000"
        var checked = 0
        for path in paths where path != ["help"] {
            let indonesian = try wide.run(path + ["--help", "--lang", "id"])
            let english = try wide.run(path + ["--help", "--lang", "en"])
            #expect(indonesian.status == 0 && english.status == 0, "\(path)")
            let englishLines = Set(english.stdout.components(separatedBy: "\n"))
            let indonesianLines = Set(indonesian.stdout.components(separatedBy: "\n"))
            for line in indonesian.stdout.components(separatedBy: "\n")
            where englishLines.contains(line) && !Self.onlySyntax(line, commands: commands) {
                Issue.record("sapu \(path.joined(separator: " ")) --help: the same in both languages: \(line)")
            }
            for line in english.stdout.components(separatedBy: "\n")
            where indonesianLines.contains(line) && !Self.onlySyntax(line, commands: commands) {
                Issue.record("sapu \(path.joined(separator: " ")) --help --lang en: the same in both languages: \(line)")
            }
            checked += 1
        }
        #expect(checked == paths.count - 1)
    }

    /// A discussion is examples (`sapu ...`, each under its caption ending in `:`) and
    /// paragraphs that the page wraps. A paragraph broken by hand read as ragged half-lines
    /// ("... ikatan yang dikemas atau" / "pernah dikirim ditolak, ..."), and an example with its
    /// note beside it wrapped in the middle of the command.
    @Test func helpDiscussionsAreWrappedByThePageNotByHand() throws {
        var wide = try SapuRunner()
        wide.environment["COLUMNS"] = "10000"
        for path in try Self.commandPaths(wide) where path != ["help"] {
            for language in ["id", "en"] {
                let lines = try wide.run(path + ["--help", "--lang", language]).stdout.components(separatedBy: "\n")
                guard let usage = lines.firstIndex(where: { $0.hasPrefix("PENGGUNAAN:") || $0.hasPrefix("USAGE:") }) else {
                    continue
                }
                // After the overview, which is one line at this width.
                let discussion = Array(lines[1..<usage])
                for (line, next) in zip(discussion, discussion.dropFirst())
                where !line.isEmpty && !next.isEmpty && !line.hasPrefix("sapu ") && !line.hasSuffix(":") {
                    Issue.record("sapu \(path.joined(separator: " ")) --help --lang \(language): a line broken by hand: \(line)")
                }
                for line in discussion where line.hasPrefix("sapu ") {
                    #expect(line.count <= 80, "sapu \(path.joined(separator: " ")) --help: an example wider than the page: \(line)")
                }
            }
        }
        let void = try SapuRunner().run("bundle", "void", "--help").stdout
        #expect(void.contains("--station <station>     Nama stasiun (bawaan: $SAPU_STATION, jika tidak ada\n"), "\(void)")
    }

    @Test func argumentParsersOwnWordsAreTranslatedAtAnyWidth() throws {
        let sapu = try SapuRunner()
        let english = ["OVERVIEW:", "USAGE:", "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:", "Show help information", "detailed help",
                       "(default", "default:", "(values:", "<subcommand>", "Show subcommand help"]
        let indonesian = ["IKHTISAR:", "PENGGUNAAN:", "ARGUMEN:", "OPSI:", "SUBPERINTAH:", "Tampilkan bantuan", "bawaan", "(nilai:"]
        var narrow = sapu
        narrow.environment["COLUMNS"] = "60"
        for path in try Self.commandPaths(sapu) {
            // `sapu help PATH`, with the language from the environment, is the same page as `PATH --help`.
            var viaEnvironment = narrow
            viaEnvironment.environment["SAPU_LANG"] = "id"
            let page = try viaEnvironment.run(["help"] + path)
            #expect(page.status == 0)
            if path != ["help"] {
                #expect(try viaEnvironment.run(path + ["--help"]).stdout == page.stdout, "\(path)")
            }
            for phrase in english where page.stdout.contains(phrase) {
                Issue.record("sapu help \(path.joined(separator: " ")): \"\(phrase)\" in\n\(page.stdout)")
            }
            viaEnvironment.environment["SAPU_LANG"] = "en"
            let englishPage = try viaEnvironment.run(["help"] + path).stdout
            for phrase in indonesian where englishPage.contains(phrase) {
                Issue.record("sapu help \(path.joined(separator: " ")) in English: \"\(phrase)\" in\n\(englishPage)")
            }
        }
        let root = try sapu.run("--help").stdout
        #expect(root.hasPrefix("IKHTISAR: Inventaris dan pemeriksaan mutu (QC) sapu buatan tangan."))
        #expect(root.contains("  -h, --help              Tampilkan bantuan ini."))
        #expect(root.contains("Lihat 'sapu help <subperintah>' untuk bantuan lengkap."))
        let label = try sapu.run("label", "--help").stdout
        #expect(label.contains("  print (bawaan)          Buat label"))
        var wide = sapu
        wide.environment["COLUMNS"] = "200"
        let print = try wide.run("label", "print", "--help", "--lang", "en").stdout
        #expect(print.contains("(values: png, pdf, zpl, tspl)"))
        #expect(try wide.run("label", "print", "--help").stdout.contains("(nilai: png, pdf, zpl, tspl)"))
    }

    // MARK: Parser errors

    @Test func aCommandLineTheParserRefusesGetsOneLineInTheUsersLanguage() throws {
        let sapu = try SapuRunner()
        let cases: [([String], String, String)] = [
            (["scan", "--mode", "terima", "--zzzzz"], "galat: opsi tidak dikenal '--zzzzz'; lihat 'sapu scan --help'",
             "error: unknown option '--zzzzz'; see 'sapu scan --help'"),
            (["label", "x", "--bacth", "B"], "galat: opsi tidak dikenal '--bacth' (maksud Anda '--batch'?); lihat 'sapu label print --help'",
             "error: unknown option '--bacth' (did you mean '--batch'?); see 'sapu label print --help'"),
            (["scan"], "galat: opsi --mode wajib diisi; lihat 'sapu scan --help'", "error: option --mode is required; see 'sapu scan --help'"),
            (["report", "qc", "--by"], "galat: opsi --by butuh nilai; lihat 'sapu report qc --help'",
             "error: option --by needs a value; see 'sapu report qc --help'"),
            (["product", "add"], "galat: argumen <code> wajib diisi; lihat 'sapu product add --help'",
             "error: argument <code> is required; see 'sapu product add --help'"),
            (["maker", "add", "M1", "M2", "M3"], "galat: argumen tak terduga 'M2', 'M3'; lihat 'sapu maker add --help'",
             "error: unexpected arguments 'M2', 'M3'; see 'sapu maker add --help'"),
            (["label", "--skip", "x"], "galat: nilai 'x' tidak sah untuk --skip; lihat 'sapu label print --help'",
             "error: invalid value 'x' for --skip; see 'sapu label print --help'"),
            (["label", "--format", "gif"], "galat: --format tidak mengenal \"gif\"; pakai png, pdf, zpl atau tspl; lihat 'sapu label print --help'",
             "error: --format does not take \"gif\"; use png, pdf, zpl or tspl; see 'sapu label print --help'"),
            (["stock", "--json=yes"], "galat: opsi --json tidak menerima nilai (diberi 'yes'); lihat 'sapu stock --help'",
             "error: option --json takes no value (given 'yes'); see 'sapu stock --help'"),
            (["stok"], "galat: perintah tidak dikenal 'stok'; lihat 'sapu --help'", "error: unknown command 'stok'; see 'sapu --help'"),
            (["product", "lst"], "galat: perintah tidak dikenal 'lst'; lihat 'sapu product --help'",
             "error: unknown command 'lst'; see 'sapu product --help'"),
        ]
        for (arguments, indonesian, english) in cases {
            let inIndonesian = try sapu.run(arguments)
            #expect(inIndonesian.status != 0 && inIndonesian.stdout.isEmpty, "\(arguments)")
            #expect(inIndonesian.stderr == indonesian + "\n", "\(arguments)")
            var inEnglish = sapu
            inEnglish.environment["SAPU_LANG"] = "en"
            #expect(try inEnglish.run(arguments).stderr == english + "\n", "\(arguments)")
        }
        // --lang on the command line chooses the language of the parser's error too.
        #expect(try sapu.run("scan", "--lang", "en", "--mode", "receive", "--zzzzz").stderr
            == "error: unknown option '--zzzzz'; see 'sapu scan --help'\n")
    }

    // MARK: Option words

    /// A workshop with three labelled bundles: 0001 and 0002 passed, 0003 failed (DAMP, LOOSE).
    static func workshop() throws -> (SapuRunner, batch: String) {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "DAMP,LOOSE")
        try sapu.ok("label", "--batch", batch, "--out", "labels")
        return (sapu, batch)
    }

    @Test func optionValuesAreTheWordsTheTablesPrintInEitherLanguage() throws {
        let (sapu, batch) = try Self.workshop()
        let received = try sapu.run(["scan", "--mode", "terima"], input: "\(batch)-0001\n")
        #expect(received.status == 0, "\(received.stderr)")
        #expect(try sapu.states()["\(batch)-0001"] == "in-stock")
        try sapu.ok("scan", "--mode", "CHECK", input: "\(batch)-0002\n")
        let quarantined = try sapu.run(["scan", "--mode", "Karantina"], input: "\(batch)-0003\n")
        #expect(quarantined.status == 0)
        #expect(try sapu.states()["\(batch)-0003"] == "quarantined")

        for state in ["di-gudang", "di gudang", "DI_GUDANG", "in-stock", "in stock"] {
            let listed = try #require(try sapu.json(try sapu.ok("bundle", "list", "--state", state, "--json")) as? [[String: Any]])
            #expect(listed.compactMap { $0["id"] as? String } == ["\(batch)-0001"], "\(state)")
        }
        let table = try sapu.ok("bundle", "list", "--state", "karantina").stdout
        #expect(table.contains("\(batch)-0003") && table.contains("karantina") && !table.contains("\(batch)-0001"))

        let indonesian = try sapu.ok("report", "qc", "--by", "pembuat", "--format", "tabel").stdout
        #expect(indonesian.contains("PEMBUAT") && indonesian.contains("M043"))
        #expect(try sapu.ok("report", "qc", "--by", "maker", "--format", "table").stdout == indonesian)
        #expect(try sapu.ok("report", "qc", "--by", "batch", "--format", "tabel").stdout.contains("BATCH"))
        #expect(try sapu.ok("report", "qc", "--by", "hari", "--format", "csv").stdout.contains("HARI;DIPERIKSA;"))
        #expect(try sapu.ok("report", "qc", "--by", "day", "--format", "CSV", "--lang", "en").stdout.contains("DAY;INSPECTED;"))
    }

    @Test func anUnknownWordIsRefusedWithTheValidOnesAndChangesNothing() throws {
        let (sapu, batch) = try Self.workshop()
        let before = try sapu.dump()
        let refused = try sapu.run(["scan", "--mode", "kirim"], input: "\(batch)-0001\n")
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr
            == "galat: --mode tidak mengenal \"kirim\"; pakai terima, kemas, bongkar, retur, karantina, musnahkan atau cek\n")
        let english = try sapu.run(["scan", "--mode", "ship", "--lang", "en"], input: "\(batch)-0001\n")
        #expect(english.status != 0)
        #expect(english.stderr == "error: --mode does not take \"ship\"; use receive, pack, unpack, return, quarantine, scrap or check\n")
        let state = try sapu.run("bundle", "list", "--state", "gudang")
        #expect(state.status != 0)
        #expect(state.stderr == "galat: --state tidak mengenal \"gudang\"; pakai diperiksa, di-gudang, karantina, dikemas, dikirim, "
            + "diterima, hilang, disengketakan, ada-di-mitra-tanpa-manifest, dikembalikan, dimusnahkan atau dibatalkan\n")
        #expect(try sapu.dump() == before)
    }

    @Test func indonesianAndEnglishValuesInOneCommandAreRefused() throws {
        let (sapu, _) = try Self.workshop()
        let before = try sapu.dump()
        let mixed = try sapu.run("report", "qc", "--by", "pembuat", "--format", "table")
        #expect(mixed.status != 0 && mixed.stdout.isEmpty)
        #expect(mixed.stderr == "galat: nilai opsi dalam dua bahasa (--by pembuat, --format table); "
            + "pakai kata bahasa Indonesia saja atau bahasa Inggris saja\n")
        let english = try sapu.run("report", "makers", "--format", "tabel", "--lang", "en", "--json")
        #expect(english.status == 0, "one word alone is not a mix: \(english.stderr)")
        let mixedEnglish = try sapu.run("report", "qc", "--lang", "en", "--by", "maker", "--format", "tabel")
        #expect(mixedEnglish.status != 0)
        #expect(mixedEnglish.stderr == "error: option values in two languages (--format tabel, --by maker); "
            + "use only Indonesian or only English words\n")
        // Words both languages use (batch, csv) go with either.
        #expect(try sapu.run("report", "qc", "--by", "batch", "--format", "tabel").status == 0)
        #expect(try sapu.run("report", "qc", "--by", "pembuat", "--format", "csv").status == 0)
        #expect(try sapu.dump() == before)
    }

    // MARK: Defects and a failed result

    @Test func aPersonReadsDefectNamesAndOneWordForAFailedResult() throws {
        let (sapu, batch) = try Self.workshop()
        let failed = "\(batch)-0003"
        let show = try sapu.ok("bundle", "show", failed).stdout
        #expect(show.contains("TIDAK LULUS: Lembap / belum kering, Ikatan longgar"))
        #expect(!show.contains("DAMP"))
        let english = try sapu.ok("bundle", "show", failed, "--lang", "en").stdout
        #expect(english.contains("FAIL: Damp / not dry, Loose binding"))
        #expect(try sapu.ok("bundle", "list").stdout.contains("TIDAK LULUS: Lembap / belum kering, Ikatan longgar"))
        let check = try sapu.ok("scan", "--mode", "cek", input: failed + "\n").stdout
        #expect(check.contains("TIDAK LULUS: Lembap / belum kering, Ikatan longgar"), "\(check)")

        let stock = try sapu.ok("stock").stdout
        #expect(stock.contains("LIDI    TIDAK LULUS") && !stock.contains("FAIL"), "\(stock)")
        #expect(try sapu.ok("stock", "--lang", "en").stdout.contains("LIDI     FAIL"))
        let json = try #require(try sapu.json(try sapu.ok("stock", "--json")) as? [[String: Any]])
        #expect(json.contains { $0["grade"] as? String == "FAIL" }, "JSON keeps the format's value")
        #expect(try sapu.ok("batch", "show", batch).stdout.contains("TIDAK LULUS"))
        let report = try sapu.ok("report", "stock").stdout
        #expect(report.contains("LIDI    TIDAK LULUS") && !report.contains("FAIL"), "\(report)")
        let qc = try sapu.ok("report", "qc").stdout
        #expect(qc.contains("TIDAK LULUS") && !qc.contains("GAGAL"))
        #expect(try sapu.ok("report", "qc", "--lang", "en").stdout.contains("FAIL"))

        try sapu.ok("label", failed, "--format", "pdf", "--template", "thermal-60x40", "--out", "id", "--again")
        try sapu.ok("label", failed, "--format", "pdf", "--template", "thermal-60x40", "--out", "en", "--lang", "en", "--again")
        let labelID = try SapuRunner.execute("pdftotext", [sapu.directory + "/id/label-\(failed).pdf", "-"]).stdout
        let labelEN = try SapuRunner.execute("pdftotext", [sapu.directory + "/en/label-\(failed).pdf", "-"]).stdout
        // Big 5 mm capitals: one word a line on a roll label's column.
        #expect(labelID.contains("TIDAK\nLULUS") && labelID.contains("Lembap"), "\(labelID)")
        #expect(labelEN.contains("FAIL") && labelEN.contains("Damp"), "\(labelEN)")
    }

    /// One word for one thing: the clerk's `--operator` was refused as a "kode pemeriksa"
    /// (inspector code); the inspector's own code keeps that name.
    @Test func anOperatorsCodeIsCalledAnOperatorCodeAndAnInspectorsAnInspectorCode() throws {
        let (sapu, batch) = try Self.workshop()
        let before = try sapu.dump()
        let cases: [([String], String, String)] = [
            (["scan", "--mode", "terima", "--operator", "g 01"], "galat: kode operator tidak sah: \"g 01\" (hanya 0-9 dan A-Z)",
             "error: invalid operator code: \"g 01\" (only 0-9 and A-Z)"),
            (["bundle", "void", "\(batch)-0001", "--reason", "x", "--operator", "G-1"], "galat: kode operator tidak sah: \"G-1\" (hanya 0-9 dan A-Z)",
             "error: invalid operator code: \"G-1\" (only 0-9 and A-Z)"),
            (["label", "commands", "--operator", "a b"], "galat: kode operator tidak sah: \"a b\" (hanya 0-9 dan A-Z)",
             "error: invalid operator code: \"a b\" (only 0-9 and A-Z)"),
            (["inspect", "\(batch)-0001", "--pass", "--grade", "B", "--inspector", "q 1"],
             "galat: kode pemeriksa tidak sah: \"q 1\" (hanya 0-9 dan A-Z)", "error: invalid inspector code: \"q 1\" (only 0-9 and A-Z)"),
        ]
        for (arguments, indonesian, english) in cases {
            let id = try sapu.run(arguments, input: "")
            #expect(id.status != 0 && id.stderr == indonesian + "\n", "\(arguments): \(id.stderr)")
            let en = try sapu.run(arguments + ["--lang", "en"], input: "")
            #expect(en.status != 0 && en.stderr == english + "\n", "\(arguments): \(en.stderr)")
        }
        #expect(try sapu.dump() == before)
    }

    /// An unknown `--lang` was the one refusal printed without "galat: ".
    @Test func anUnknownLanguageIsRefusedLikeEveryOtherMistake() throws {
        let sapu = try SapuRunner()
        for value in ["xx", "english", "ID_ID"] {
            let refused = try sapu.run("stock", "--lang", value)
            #expect(refused.status != 0)
            #expect(refused.stderr == "galat: bahasa tidak dikenal: \"\(value)\" (pakai id atau en)\n", "\(refused.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: sapu.directory).isEmpty)
    }

    /// Every group's page ends "Lihat 'sapu help shipment <subperintah>'"; with `--lang en`
    /// that command was refused ("unknown option '--lang'").
    @Test func sapuHelpTakesTheLanguageOptionLikeEveryCommand() throws {
        let sapu = try SapuRunner()
        for path in [["bundle", "void"], ["shipment"], ["shipment", "reconcile"], []] {
            for language in [["--lang", "en"], ["--lang=en"], ["--lang", "id"]] {
                let help = try sapu.run(["help"] + path + language)
                #expect(help.status == 0 && help.stderr.isEmpty, "\(path) \(language): \(help.stderr)")
                #expect(help.stdout == (try sapu.run(path + ["--help"] + language)).stdout, "\(path) \(language)")
            }
        }
        #expect(try sapu.run("help", "stock", "--lang", "en").stdout.hasPrefix("OVERVIEW: "))
    }

    /// The shipped templates' descriptions were English in an Indonesian table.
    @Test func labelTemplatesAreDescribedInTheChosenLanguage() throws {
        let sapu = try SapuRunner()
        let indonesian = try sapu.ok("label", "templates").lines
        #expect(indonesian.contains { $0.hasPrefix("a4-3x7") && $0.contains("63,5×38,1 mm")
            && $0.hasSuffix("Lembar stiker A4, 3 x 7 label 63,5 x 38,1 mm dengan jarak kolom 2,5 mm (21 per halaman)") }, "\(indonesian)")
        #expect(indonesian.contains { $0.hasPrefix("thermal-50x30") && $0.contains("Label gulung 50 x 30 mm untuk printer termal 203 dpi") })
        #expect(!indonesian.joined().contains("sticker") && !indonesian.joined().contains("Roll label"))
        let english = try sapu.ok("label", "templates", "--lang", "en").lines
        #expect(english.contains { $0.hasPrefix("a4-3x7") && $0.contains("63.5×38.1 mm") && $0.hasSuffix("(21 per page)") }, "\(english)")
    }

    /// Each template names the error-correction level a typical passed and a typical
    /// failed label get, under headings in the chosen language.
    @Test func labelTemplatesShowTheLevelOfAPassedAndAFailedLabel() throws {
        let sapu = try SapuRunner()
        for (language, pass, fail) in [(["--lang", "id"], "QR LULUS", "QR TIDAK LULUS"), (["--lang", "en"], "QR PASS", "QR FAIL")] {
            let lines = try sapu.run(["label", "templates"] + language).lines
            let header = try #require(lines.first)
            let passColumn = try #require(header.range(of: pass)).lowerBound
            let failColumn = try #require(header.range(of: fail)).lowerBound
            func cell(_ row: String, at column: String.Index) -> String {
                let offset = header.distance(from: header.startIndex, to: column)
                return String(row.dropFirst(offset).prefix { $0 != " " })
            }
            let small = try #require(lines.first { $0.hasPrefix("thermal-50x30") })
            #expect(small.contains("v8 4 dot"), "\(small)")
            #expect((cell(small, at: passColumn), cell(small, at: failColumn)) == ("Q", "M"), "\(lines)")
            let large = try #require(lines.first { $0.hasPrefix("thermal-60x40") })
            #expect((cell(large, at: passColumn), cell(large, at: failColumn)) == ("H", "H"), "\(lines)")
            // What a printer queue gets without --language: ZPL for a roll, PDF for a sheet.
            let printsAs = try #require(header.range(of: language[1] == "id" ? "CETAK" : "PRINTS AS")).lowerBound
            let sheet = try #require(lines.first { $0.hasPrefix("a4-3x8") })
            #expect((cell(small, at: printsAs), cell(sheet, at: printsAs)) == ("zpl", "pdf"), "\(lines)")
        }
        let json = try sapu.ok("label", "templates", "--json").stdout
        let templates = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let small = try #require(templates.first { $0["name"] as? String == "thermal-50x30" })
        #expect(small["qrVersion"] as? Int == 8)
        #expect(small["qrLevel"] as? String == "M")
        #expect(small["qrLevelPass"] as? String == "Q")
        #expect(small["qrLevelFail"] as? String == "M")
        #expect(small["printerLanguage"] as? String == "zpl")
        #expect(templates.first { $0["name"] as? String == "a4-3x7" }?["printerLanguage"] as? String == "pdf")
    }
}
