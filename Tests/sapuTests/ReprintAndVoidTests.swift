import Foundation
import Testing

/// The same day at two sites: one made only the real bundles, the other also made four by
/// mistake (in stock, labelled, quarantined, re-inspected) and voided them. After the void
/// every count and report of the two must be the same.
struct VoidTwins {
    let clean: SapuRunner
    let mistaken: SapuRunner
    let batch: String
    let shipment: String
    /// The mistaken site's voided bundles.
    let voided: [String]
    /// Each mistaken bundle's label text, as written before the void.
    let labels: [String: String]

    init() throws {
        var made: [(SapuRunner, String, String, [String: String])] = []
        for withMistakes in [false, true] {
            let (sapu, batch) = try SapuRunner.workshop()
            try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "6")
            try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "LOOSE", "--count", "2")
            if withMistakes {
                try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
                try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "DAMP")
            }
            let written = try #require(try sapu.json(try sapu.ok("label", "--batch", batch, "--format", "zpl", "--out", "zpl", "--json"))
                                       as? [[String: Any]])
            var labels: [String: String] = [:]
            for item in written { labels[item["bundle"] as! String] = item["payload"] as? String }
            func id(_ serial: Int) -> String { batch + "-" + String(format: "%04d", serial) }
            try sapu.ok("scan", "--mode", "receive", input: ([1, 2, 3, 4] + (withMistakes ? [9] : [])).map(id).joined(separator: "\n"))
            try sapu.ok("scan", "--mode", "quarantine", input: ([7] + (withMistakes ? [12] : [])).map(id).joined(separator: "\n"))
            try sapu.ok("inspect", id(8), "--pass", "--grade", "B")
            if withMistakes { try sapu.ok("inspect", id(10), "--fail", "--defect", "SHORT") }
            let shipment = try sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try sapu.ok("scan", "--mode", "pack", "--shipment", shipment, input: [1, 2, 3].map(id).joined(separator: "\n"))
            try sapu.ok("shipment", "close", shipment, "--out", "docs")
            try sapu.ok("shipment", "ship", shipment)
            made.append((sapu, batch, shipment, labels))
        }
        clean = made[0].0
        mistaken = made[1].0
        batch = made[1].1
        shipment = made[1].2
        labels = made[1].3
        voided = (9...12).map { made[1].1 + "-" + String(format: "%04d", $0) }
    }
}

@Suite("sapu bundle void: a bundle created by mistake counts nowhere and its label is refused everywhere")
struct VoidTests {
    static let reports: [[String]] = [
        ["stock"], ["stock", "--json"], ["bundle", "list"],
        ["report", "stock"], ["report", "stock", "--at", "2025-11-21"], ["report", "qc"], ["report", "qc", "--by", "maker"],
        ["report", "qc", "--by", "day"], ["report", "makers"], ["report", "makers", "--names"], ["report", "shipments"],
    ]

    @Test func aVoidedBundleIsGoneFromEveryCountAndReport() throws {
        let twins = try VoidTwins()
        let sapu = twins.mistaken
        // Before the void the mistakes show.
        #expect(try sapu.ok("stock").stdout != (try twins.clean.ok("stock").stdout))

        let voided = try sapu.ok("bundle", "void", "--batch", twins.batch, "--from", "9", "--to", "12", "--reason", "salah hitung", "--yes")
        #expect(voided.lines == twins.voided + ["4 ikatan dibatalkan (alasan: salah hitung); tidak dihitung lagi di stok dan laporan, riwayatnya tetap ada"])
        #expect(try sapu.sql("SELECT bundle, state, reason FROM event WHERE move = 'void' ORDER BY bundle")
                == twins.voided.map { "\($0)|voided|salah hitung" })
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle WHERE state = 'voided'") == 4)

        for arguments in Self.reports {
            for language in ["id", "en"] {
                let formats = arguments[0] == "report" ? ["table", "csv", "json", "html"] : ["table"]
                for format in formats {
                    let full = arguments + ["--lang", language] + (arguments[0] == "report" ? ["--format", format] : [])
                    let expected = try twins.clean.ok(contentsOfArguments: full).stdout
                    #expect(try sapu.ok(contentsOfArguments: full).stdout == expected, "\(full)")
                }
            }
        }
        // `batch show` counts the same bundles, and says how many were voided.
        let batchShow = try sapu.ok("batch", "show", twins.batch).stdout
        let cleanShow = try twins.clean.ok("batch", "show", twins.batch).stdout
        #expect(batchShow == cleanShow + "4 ikatan dibatalkan (tidak dihitung)\n")
        #expect(try sapu.ok("batch", "show", twins.batch, "--lang", "en").stdout.hasSuffix("\n4 bundles voided (not counted)\n"))
        let json = try #require(try sapu.json(try sapu.ok("batch", "show", twins.batch, "--json")) as? [String: Any])
        #expect(json["bundles"] as? Int == 8 && json["voided"] as? Int == 4)
        // Still there, with the void in their history.
        let listed = try sapu.ok("bundle", "list", "--state", "voided").lines.dropFirst(2)
        #expect(listed.map { String($0.prefix(15)) } == twins.voided)
        let history = try sapu.ok("bundle", "show", twins.voided[0], "--lang", "en").stdout
        #expect(history.contains("state: voided") && history.contains("reason: salah hitung"), "\(history)")
        #expect(try sapu.ok("bundle", "show", twins.voided[0]).stdout.contains("alasan: salah hitung"))
    }

    @Test func aVoidedBundlesLabelIsRefusedAtEveryStationInEveryMode() throws {
        let twins = try VoidTwins()
        let sapu = twins.mistaken
        try sapu.ok("bundle", "void", twins.voided[0], twins.voided[1], twins.voided[3], "--reason", "salah hitung")
        try sapu.ok("bundle", "void", twins.voided[2], "--reason", "salah hitung")
        let open = try sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try sapu.dump()
        // Each voided bundle's label (the one written before the void: current, or outdated by a
        // re-inspection) and its id typed by hand.
        let scanned = twins.voided.compactMap { twins.labels[$0] } + twins.voided
        #expect(scanned.count == 8)
        for mode in ["receive", "pack", "unpack", "return", "quarantine", "scrap", "check"] {
            let shipment = mode == "pack" || mode == "unpack" ? ["--shipment", open] : []
            let run = try sapu.scan(mode, scanned, shipment)
            #expect(run.outcomes == Array(repeating: "refused", count: 8), "\(mode): \(run.answers)")
            #expect(run.answers.allSatisfy { $0.state == "voided" && $0.reason == "this bundle was voided (created by mistake); its label is void, remove it" },
                    "\(mode): \(run.answers)")
            let indonesian = try sapu.run(["scan", "--mode", mode] + shipment, input: scanned.joined(separator: "\n") + "\n")
            let lines = indonesian.lines.dropLast()
            #expect(lines.count == 8 && lines.allSatisfy { $0.hasPrefix("DITOLAK") && $0.contains("dibatalkan")
                && $0.hasSuffix("— ikatan ini sudah dibatalkan (salah dibuat); labelnya tidak berlaku, singkirkan") }, "\(mode): \(lines)")
        }
        // Nor can it get a label, a re-inspection, or (never packed) a place on a manifest.
        for (arguments, english) in [(["label", twins.voided[0], "--out", "x"], "this bundle was voided (created by mistake); its label is void, remove it; it cannot be labelled"),
                                     (["label", twins.voided[0], "--again", "--out", "x"], "it cannot be labelled again"),
                                     (["inspect", twins.voided[0], "--pass", "--grade", "A"], "it cannot be re-inspected")] {
            let output = try sapu.run(arguments + ["--lang", "en"])
            #expect(output.status == 1 && output.stderr.contains(english) && output.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(output.stderr)")
            let indonesian = try sapu.run(arguments)
            #expect(indonesian.status == 1 && indonesian.stderr.contains("\(twins.voided[0]): ikatan ini sudah dibatalkan (salah dibuat)"),
                    "\(arguments): \(indonesian.stderr)")
        }
        #expect(try sapu.dump() == before)
        #expect(try sapu.run("shipment", "close", open, "--out", "d2", "--lang", "en").stderr.contains("empty"))
    }

    @Test func voidingAPackedOrShippedBundleIsRefusedAndTheWholeVoidChangesNothing() throws {
        let twins = try VoidTwins()
        let sapu = twins.mistaken
        let id4 = twins.batch + "-0004", shipped = twins.batch + "-0001"
        let second = try sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("scan", "--mode", "pack", "--shipment", second, input: id4 + "\n")
        let before = try sapu.dump()
        let cases: [([String], String, String)] = [
            ([twins.voided[0], id4], "\(id4) tidak bisa dibatalkan, status dikemas: ikatan sedang dikemas dalam pengiriman; bongkar dulu (sapu scan --mode bongkar) bila memang salah dibuat; tidak ada yang dibatalkan",
             "\(id4) cannot be voided, state packed: bundle is packed in a shipment; unpack it first (sapu scan --mode unpack) if it really was created by mistake; nothing was voided"),
            ([shipped, twins.voided[1], id4], "\(shipped) tidak bisa dibatalkan, status dikirim: ikatan sudah pernah dikirim dan tercantum di manifest yang ditandatangani; juga ditolak: \(id4); tidak ada yang dibatalkan",
             "\(shipped) cannot be voided, state shipped: bundle has been shipped and is listed on a signed manifest; also refused: \(id4); nothing was voided"),
        ]
        for (ids, indonesian, english) in cases {
            let id = try sapu.run(["bundle", "void"] + ids + ["--reason", "salah"])
            #expect(id.status == 1 && id.stderr == "galat: \(indonesian)\n", "\(id.stderr)")
            let en = try sapu.run(["bundle", "void"] + ids + ["--reason", "salah", "--lang", "en"])
            #expect(en.status == 1 && en.stderr == "error: \(english)\n", "\(en.stderr)")
        }
        // A range over shipped bundles: refused before anyone is asked.
        let range = try sapu.run("bundle", "void", "--batch", twins.batch, "--to", "2", "--reason", "salah", "--lang", "en")
        #expect(range.status == 1 && range.stderr.contains("cannot be voided, state shipped"), "\(range.stderr)")
        for (arguments, english) in [
            (["bundle", "void", twins.voided[0]], "--reason"),
            (["bundle", "void", twins.voided[0], "--reason", " "], "error: empty reason for the void"),
            (["bundle", "void", "--reason", "x"], "error: give bundle ids, or --batch CODE [--from N] [--to M] (one of them)"),
            (["bundle", "void", "--from", "2", "--reason", "x"], "error: --from and --to need --batch CODE"),
            (["bundle", "void", "--batch", twins.batch, "--from", "9", "--to", "3", "--reason", "x"], "error: reversed range: --from 9 is after --to 3"),
            (["bundle", "void", "--batch", twins.batch, "--from", "9", "--to", "99", "--reason", "x", "--yes"], "error: unknown bundle: \(twins.batch)-0013"),
            (["bundle", "void", "--batch", twins.batch, "--from", "0", "--reason", "x"], "error: --from must be a whole number from 1 to 9999999, not \"0\""),
            (["bundle", "void", "--batch", "PWT010101Z", "--reason", "x"], "error: unknown batch code: PWT010101Z"),
        ] {
            let output = try sapu.run(arguments + ["--lang", "en"])
            #expect(output.status != 0 && output.stderr.contains(english) && output.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(output.stderr)")
        }
        #expect(try sapu.dump() == before)
    }

    /// `batch show` listed the states in the alphabetical order of their internal names
    /// (`di gudang` before `diperiksa`), and an empty table for a batch voided whole.
    @Test func batchShowListsStatesInLifecycleOrderAndNoEmptyTable() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
        try sapu.ok("label", "--batch", batch, "--out", "l")
        try sapu.ok("scan", "--mode", "terima", input: "\(batch)-0002\n\(batch)-0003\n")
        try sapu.ok("scan", "--mode", "karantina", input: "\(batch)-0003\n")
        let rows = try sapu.ok("batch", "show", batch).lines.dropFirst(3).map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(rows == ["A diperiksa 1", "A di gudang 1", "A karantina 1"], "\(rows)")
        let english = try sapu.ok("batch", "show", batch, "--lang", "en").lines.dropFirst(3).map { $0.split(separator: " ").joined(separator: " ") }
        #expect(english == ["A inspected 1", "A in stock 1", "A quarantined 1"], "\(english)")

        let other = try sapu.ok("batch", "create", "--product", "GLAGAH").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", other, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        try sapu.ok("bundle", "void", "--batch", other, "--reason", "salah", "--yes")
        let voided = try sapu.ok("batch", "show", other).stdout
        #expect(voided.hasSuffix(", 0 ikatan, 0 lulus\n2 ikatan dibatalkan (tidak dihitung)\n") && !voided.contains("GRADE"), "\(voided)")
    }

    @Test func voidingTwiceSaysSoAndRecordsOneEvent() throws {
        let twins = try VoidTwins()
        let sapu = twins.mistaken
        try sapu.ok("bundle", "void", twins.voided[0], "--reason", "salah hitung")
        let before = try sapu.dump()
        let again = try sapu.ok("bundle", "void", twins.voided[0], "--reason", "lagi")
        #expect(again.stdout == "1 ikatan sudah dibatalkan sebelumnya; tidak dicatat lagi\n")
        let english = try sapu.ok("bundle", "void", twins.voided[0], "--reason", "lagi", "--lang", "en", "--json")
        let json = try #require(try sapu.json(english) as? [String: Any])
        #expect(json["voided"] as? [String] == [] && json["alreadyVoided"] as? [String] == [twins.voided[0]])
        // One bundle is one bundle in English too (it was "1 bundles were already voided").
        let text = try sapu.ok("bundle", "void", twins.voided[0], "--reason", "lagi", "--lang", "en")
        #expect(text.stdout == "1 bundle was already voided; not recorded again\n", "\(text.stdout)")
        let single = try sapu.run("bundle", "void", "--batch", twins.batch, "--from", "12", "--to", "12", "--reason", "x", "--lang", "en")
        #expect(single.stderr.hasPrefix("error: voiding 1 bundle at once needs confirming"), "\(single.stderr)")
        #expect(try sapu.dump() == before)
    }

    /// A range, or more than 20 bundles, is a large change: piped without --yes it is refused.
    @Test func aLargeVoidPipedWithoutYesIsRefusedAndChangesNothing() throws {
        let twins = try VoidTwins()
        let sapu = twins.mistaken
        let before = try sapu.dump()
        let range = ["bundle", "void", "--batch", twins.batch, "--from", "9", "--to", "12", "--reason", "salah"]
        let indonesian = try sapu.run(range)
        #expect(indonesian.status == 1 && indonesian.stderr
                == "galat: membatalkan 4 ikatan sekaligus perlu dikonfirmasi, tetapi masukan bukan terminal; tambahkan --yes bila memang benar; tidak ada yang diubah\n")
        let english = try sapu.run(range + ["--lang", "en"])
        #expect(english.status == 1 && english.stderr
                == "error: voiding 4 bundles at once needs confirming, but input is not a terminal; add --yes if that is right; nothing changed\n")
        #expect(try sapu.dump() == before)
        // A few bundles named one by one need no confirmation.
        try sapu.ok("bundle", "void", twins.voided[0], twins.voided[1], "--reason", "salah")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle WHERE state = 'voided'") == 2)
    }

    @Test(.enabled(if: Terminal.available, "needs script(1) for a terminal"))
    func atATerminalALargeVoidAsksAndOnlyYesGoesOn() throws {
        let twins = try VoidTwins()
        let sapu = twins.mistaken
        let before = try sapu.dump()
        let range = ["bundle", "void", "--batch", twins.batch, "--from", "9", "--to", "12", "--reason", "salah", "--lang", "en"]
        let declined = try Terminal.run(sapu, range, answer: "no")
        #expect(declined.output.contains("This voids 4 bundles (\(twins.voided[0]) … \(twins.voided[3])), reason: salah."), "\(declined.output)")
        #expect(declined.output.contains("error: not confirmed; nothing changed") && declined.status == 1, "\(declined.output)")
        #expect(try sapu.dump() == before)
        let confirmed = try Terminal.run(sapu, range, answer: "yes")
        #expect(confirmed.status == 0 && confirmed.output.contains("4 bundles voided"), "\(confirmed.output)")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle WHERE state = 'voided'") == 4)
    }
}

@Suite("sapu inspect: large counts are confirmed, and an existing bundle keeps its maker")
struct InspectConfirmationTests {
    @Test func aCountOverTwentyPipedWithoutYesIsRefusedAndChangesNothing() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let before = try sapu.dump()
        let arguments = ["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "21"]
        let indonesian = try sapu.run(arguments)
        #expect(indonesian.status == 1 && indonesian.stdout.isEmpty && indonesian.stderr
                == "galat: 21 ikatan baru sekaligus (lebih dari 20) perlu dikonfirmasi, tetapi masukan bukan terminal; tambahkan --yes bila jumlahnya memang benar; tidak ada yang diubah\n")
        let english = try sapu.run(arguments + ["--lang", "en"])
        #expect(english.status == 1 && english.stderr
                == "error: 21 new bundles at once (more than 20) need confirming, but input is not a terminal; add --yes if the count is right; nothing changed\n")
        // A wrong maker is said first: there is nothing to confirm.
        let unknown = try sapu.run("inspect", "--batch", batch, "--maker", "M099", "--pass", "--grade", "A", "--count", "50", "--lang", "en")
        #expect(unknown.stderr == "error: unknown maker code: M099\n")
        #expect(try sapu.dump() == before)
        #expect(try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "20").lines.count == 20)
        #expect(try sapu.ok(contentsOfArguments: arguments + ["--yes"]).lines.count == 21)
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle") == 41)
    }

    @Test(.enabled(if: Terminal.available, "needs script(1) for a terminal"))
    func atATerminalALargeCountAsksAndOnlyYaGoesOn() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let before = try sapu.dump()
        let arguments = ["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "25"]
        let declined = try Terminal.run(sapu, arguments, answer: "tidak")
        #expect(declined.output.contains("Membuat 25 ikatan baru di batch \(batch), pembuat M042, LULUS A (lebih dari 20)."), "\(declined.output)")
        #expect(declined.output.contains("Ketik ya untuk melanjutkan:") && declined.output.contains("galat: tidak dikonfirmasi; tidak ada yang diubah"))
        #expect(declined.status == 1)
        #expect(try sapu.dump() == before)
        let confirmed = try Terminal.run(sapu, arguments, answer: "ya")
        #expect(confirmed.status == 0, "\(confirmed.output)")
        #expect(try sapu.count("SELECT COUNT(*) FROM bundle") == 25)
    }

    /// The maker (or batch) given with an existing bundle's id was silently ignored.
    @Test func reinspectingWithAMakerBatchOrCountIsRefused() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let id = try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--fail", "--defect", "LOOSE").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try sapu.dump()
        for (option, value) in [("--maker", "M043"), ("--batch", batch), ("--count", "2")] {
            let indonesian = try sapu.run("inspect", id, "--pass", "--grade", "A", option, value)
            #expect(indonesian.status == 1 && indonesian.stderr
                    == "galat: \(option) hanya untuk ikatan baru (dengan --batch dan --maker, tanpa id ikatan); pembuat dan batch ikatan yang sudah ada tidak berubah; tidak ada yang diubah\n")
            let english = try sapu.run("inspect", id, "--pass", "--grade", "A", option, value, "--lang", "en")
            #expect(english.status == 1 && english.stderr
                    == "error: \(option) applies only to new bundles (with --batch and --maker, no bundle ids); the maker and batch of an existing bundle do not change; nothing changed\n")
        }
        #expect(try sapu.dump() == before)
        let missing = try sapu.run("inspect", "--batch", batch, "--pass", "--grade", "A", "--lang", "en")
        #expect(missing.stderr == "error: give bundle ids to re-inspect, or --batch CODE and --maker CODE for new bundles\n")
        try sapu.ok("inspect", id, "--pass", "--grade", "A")
        #expect(try sapu.sql("SELECT maker, result FROM bundle") == ["M042|A"])
    }
}

@Suite("sapu label: labels are written once; writing one again is deliberate")
struct ReprintTests {
    @Test func aBatchLabelledTwiceWritesNothingTheSecondTime() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
        let first = try sapu.ok("label", "--batch", batch, "--out", "first")
        #expect(first.lines.last == "3 label ditulis (templat thermal-50x30, png)")
        let before = try sapu.dump()
        let indonesian = try sapu.ok("label", "--batch", batch, "--out", "second")
        #expect(indonesian.stdout == "Tidak ada label yang ditulis: 3 ikatan batch \(batch) sudah punya label yang berlaku; untuk menulis ulang: sapu label --batch \(batch) --again\n")
        let english = try sapu.ok("label", "--batch", batch, "--out", "second", "--lang", "en", "--format", "pdf")
        #expect(english.stdout == "No labels written: the 3 bundles of batch \(batch) already have a current label; to write them again: sapu label --batch \(batch) --again\n")
        #expect(try sapu.ok("label", "--batch", batch, "--out", "second", "--json").stdout == "[]\n")
        #expect(!FileManager.default.fileExists(atPath: sapu.directory + "/second"))
        #expect(try sapu.dump() == before)

        // A new bundle of the batch is labelled; the others are passed over, and counted.
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--pass", "--grade", "B")
        let more = try sapu.ok("label", "--batch", batch, "--out", "third")
        #expect(more.lines == ["third/\(batch)-0004.png", "1 label ditulis (templat thermal-50x30, png)",
                               "3 ikatan dilewati karena sudah punya label yang berlaku; untuk menulis ulang: sapu label --batch \(batch) --again"])
        #expect(try sapu.eventCounts("label") == Dictionary(uniqueKeysWithValues: (1...4).map { ("\(batch)-000\($0)", 1) }))
        // Nothing is printed yet, so nothing says it was.
        #expect(!(first.stdout + indonesian.stdout + more.stdout).contains("dicetak"))
    }

    @Test func againWritesTheSameLabelAndRecordsAReprint() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "DAMP")
        try sapu.ok("label", batch + "-0001", batch + "-0002", batch + "-0003", "--out", "first")
        let ids = (1...3).map { "\(batch)-000\($0)" }
        let states = try sapu.sql("SELECT id, state, label_revision, label_current FROM bundle ORDER BY id")

        let again = try sapu.ok("label", "--batch", batch, "--out", "again", "--again")
        #expect(again.lines.suffix(2) == ["3 label ditulis ulang, revisi yang sama (templat thermal-50x30, png)",
                                          "1 ikatan dilewati karena belum punya label yang berlaku; tulis labelnya tanpa --again: sapu label --batch \(batch)"])
        for id in ids {
            let original = try Data(contentsOf: URL(fileURLWithPath: sapu.directory + "/first/\(id).png"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: sapu.directory + "/again/\(id).png")) == original, "\(id)")
        }
        #expect(try sapu.sql("SELECT id, state, label_revision, label_current FROM bundle ORDER BY id") == states)
        #expect(try sapu.sql("SELECT bundle, state, label_revision FROM event WHERE move = 'reprint' ORDER BY bundle")
                == ids.map { "\($0)|inspected|1" })
        let english = try sapu.ok("label", ids[0], "--again", "--out", "one", "--lang", "en", "--json")
        let items = try #require(try sapu.json(english) as? [[String: Any]])
        #expect(items.first?["reprint"] as? Bool == true && items.first?["revision"] as? Int == 1)
        #expect(try sapu.ok("label", ids[1], "--again", "--out", "one", "--lang", "en").lines.last
                == "1 label written again, same revision (template thermal-50x30, png)")
        let history = try sapu.ok("bundle", "show", ids[0]).stdout
        #expect(history.contains("label ulang") && history.contains("beri label"), "\(history)")
    }

    @Test func againOnABundleWithoutACurrentLabelAndALabelledBundleWithoutAgainAreRefused() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
        let labelled = batch + "-0001", never = batch + "-0002", reinspected = batch + "-0003"
        try sapu.ok("label", labelled, reinspected, "--out", "l")
        try sapu.ok("inspect", reinspected, "--pass", "--grade", "B")
        let before = try sapu.dump()
        for (arguments, indonesian, english) in [
            (["label", never, "--again"], "galat: \(never) belum punya label yang berlaku untuk ditulis ulang (belum pernah diberi label, atau diperiksa ulang sesudahnya); tidak ada yang ditulis. Tulis labelnya tanpa --again\n",
             "error: \(never) has no current label to write again (never labelled, or re-inspected since); nothing was written. Write the label without --again\n"),
            (["label", labelled, reinspected, never, "--again"], "galat: \(reinspected), \(never) belum punya label yang berlaku untuk ditulis ulang (belum pernah diberi label, atau diperiksa ulang sesudahnya); tidak ada yang ditulis. Tulis labelnya tanpa --again\n",
             "error: \(reinspected), \(never) have no current label to write again (never labelled, or re-inspected since); nothing was written. Write the label without --again\n"),
            (["label", never, labelled], "galat: \(labelled) sudah punya label yang berlaku; tidak ada yang ditulis. Untuk menulis ulang label yang sama, tambahkan --again\n",
             "error: \(labelled) already has a current label; nothing was written. To write the same label again, add --again\n"),
        ] {
            let id = try sapu.run(arguments + ["--out", "o"])
            #expect(id.status == 1 && id.stderr == indonesian, "\(arguments): \(id.stderr)")
            let en = try sapu.run(arguments + ["--out", "o", "--lang", "en"])
            #expect(en.status == 1 && en.stderr == english, "\(arguments): \(en.stderr)")
        }
        #expect(try sapu.dump() == before)
        let newBatch = try sapu.ok("batch", "create", "--product", "GLAGAH").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("inspect", "--batch", newBatch, "--maker", "M042", "--pass", "--grade", "A")
        let unlabelled = try sapu.dump()
        let batchAgain = try sapu.run("label", "--batch", newBatch, "--again", "--out", "o", "--lang", "en")
        #expect(batchAgain.status == 1)
        #expect(batchAgain.stderr == "error: batch \(newBatch) has no bundle with a current label to write again; write its labels without --again\n")
        #expect(try sapu.dump() == unlabelled)
        #expect(!FileManager.default.fileExists(atPath: sapu.directory + "/o"))
    }

    /// After a re-inspection the bundle's old label is refused at every station; `bundle show`
    /// still said "label: R1", as if it had a label to use.
    @Test func aLabelWrittenBeforeTheLatestReinspectionIsShownAsNoLongerCurrent() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        let reinspected = batch + "-0002"
        try sapu.ok("label", "--batch", batch, "--out", "l")
        try sapu.ok("inspect", reinspected, "--pass", "--grade", "B")
        #expect(try sapu.ok("bundle", "show", reinspected).lines.first?.hasSuffix("label: R1 (tidak berlaku)") == true)
        #expect(try sapu.ok("bundle", "show", reinspected, "--lang", "en").lines.first?.hasSuffix("label: R1 (not current)") == true)
        let list = try sapu.ok("bundle", "list").lines
        #expect(list.contains { $0.hasPrefix(batch + "-0001") && $0.hasSuffix("  R1") }, "\(list)")
        #expect(list.contains { $0.hasPrefix(reinspected) && $0.hasSuffix("R1 (tidak berlaku)") }, "\(list)")
        try sapu.ok("label", reinspected, "--out", "l2")
        #expect(try sapu.ok("bundle", "show", reinspected).lines.first?.hasSuffix("label: R2") == true)
    }
}

/// Runs sapu with its input on a terminal (script(1) gives it a pseudo-terminal), typing `answer`.
enum Terminal {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/script")

    static func run(_ sapu: SapuRunner, _ arguments: [String], answer: String) throws -> (status: Int32, output: String) {
        let command = ([SapuRunner.binary] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        let result = try SapuRunner.execute("/usr/bin/script", ["-qec", command, "/dev/null"], input: Data((answer + "\n").utf8),
                                            environment: sapu.environment, directory: sapu.directory)
        return (result.status, result.stdout.replacingOccurrences(of: "\r\n", with: "\n"))
    }
}
