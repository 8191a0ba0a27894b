import Foundation
import Testing

@Suite("sapu: numbers are bounded and totals never overflow")
struct NumberBoundsTests {
    @Test func aHugeBundleSizeIsRefusedWithItsRange() throws {
        let sapu = try SapuRunner()
        try sapu.ok("init", "--site", "PWT", "--name", "Lapas")
        let before = try sapu.dump()
        for size in ["9223372036854775807", "0", "-5", "1001", "+5", "1e3", "12abc"] {
            let output = try sapu.run("product", "add", "X", "--name", "Y", "--bundle-size=" + size, "--lang", "en")
            #expect(output.status == 1, "\(size)")
            #expect(output.stderr == "error: brooms per bundle must be a whole number from 1 to 1000, not \"\(size)\"\n")
        }
        // The reproduction, exactly.
        let exact = try sapu.run("product", "add", "X", "--name", "Y", "--bundle-size", "9223372036854775807")
        #expect(exact.status == 1)
        #expect(exact.stderr == "galat: isi per ikatan harus bilangan bulat 1 sampai 1000, bukan \"9223372036854775807\"\n")
        #expect(try sapu.dump() == before)
        try sapu.ok("product", "add", "X", "--name", "Y", "--bundle-size", "1000")
    }

    /// A product whose bundle size was stored before sizes were checked.
    static func workshopWithHugeBundleSize() throws -> (SapuRunner, shipment: String) {
        let (sapu, _) = try SapuRunner.workshop()
        _ = try sapu.sql("INSERT INTO product (code, name, bundle_size) VALUES ('X', 'Y', 9223372036854775807)")
        let batch = try sapu.ok("batch", "create", "--product", "X").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ids = try sapu.labelledBundles(batch, count: 2)
        try sapu.ok(contentsOfArguments: ["scan", "--mode", "receive"], input: ids.joined(separator: "\n") + "\n")
        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok(contentsOfArguments: ["scan", "--mode", "pack", "--shipment", shipment], input: ids.joined(separator: "\n") + "\n")
        return (sapu, shipment)
    }

    @Test func aHugeStoredBundleSizeStopsReportsAndClosingWithTheFix() throws {
        let (sapu, shipment) = try Self.workshopWithHugeBundleSize()
        let refusal = "error: product X has 9223372036854775807 brooms per bundle in the database, outside 1 to 1000; "
            + "correct it with `sapu product set X --bundle-size N`\n"
        // Before: both crashed on overflow, and the shipment could never close.
        let report = try sapu.run("report", "makers", "--lang", "en")
        #expect(report.status == 1)
        #expect(report.stderr == refusal)
        let close = try sapu.run("shipment", "close", shipment, "--out", "docs", "--lang", "en")
        #expect(close.status == 1)
        #expect(close.stderr == refusal)
        #expect(try sapu.sql("SELECT status FROM shipment") == ["open"])
        #expect(!FileManager.default.fileExists(atPath: sapu.directory + "/docs/" + shipment.replacingOccurrences(of: "/", with: "-") + ".pdf"))

        try sapu.ok("product", "set", "X", "--bundle-size", "12")
        try sapu.ok("shipment", "close", shipment, "--out", "docs")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath:
            sapu.directory + "/docs/" + shipment.replacingOccurrences(of: "/", with: "-") + ".manifest.json"))) as? [String: Any])
        #expect(manifest["broomCount"] as? Int == 24)
        let makers = try #require(try sapu.json(try sapu.ok("report", "makers", "--json")) as? [String: Any])
        #expect((makers["total"] as? [String: Any])?["brooms"] as? Int == 24)
    }

    @Test func serialsStopAtTheLabelsLimitInsteadOfWrapping() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        _ = try sapu.sql("UPDATE batch SET next_serial = 9999999 WHERE code = '\(batch)'")
        let refused = try sapu.run("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2",
                                   "--lang", "en")
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: batch \(batch) can take only 1 more bundles (serials end at 9999999); create a new batch\n")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        _ = try sapu.sql("UPDATE batch SET next_serial = 9223372036854775807 WHERE code = '\(batch)'")
        let wrapped = try sapu.run("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--lang", "en")
        #expect(wrapped.status == 1)
        #expect(wrapped.stderr.hasPrefix("error: batch \(batch) can take only 0 more bundles"))
    }

    @Test func storedCountersAtTheirLimitsAreRefusedNotCrashed() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let id = try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--fail", "--defect", "DAMP").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try sapu.sql("UPDATE bundle SET inspections = 9223372036854775807, label_revision = 9223372036854775807")
        let reinspect = try sapu.run("inspect", id, "--pass", "--grade", "A", "--lang", "en")
        #expect(reinspect.status == 1)
        #expect(reinspect.stderr == "error: a total is too large to compute: a stored number is out of range\n")
        _ = try sapu.sql("UPDATE bundle SET inspections = 1, result = 'A', grade = 'A'")
        let label = try sapu.run("label", id, "--lang", "en")
        #expect(label.status == 1)
        #expect(label.stderr == "error: bundle \(id) cannot get another label revision (the highest is R999)\n")
        _ = try sapu.sql("INSERT INTO shipment (id, number, status, consignee, created_at) "
                         + "VALUES ('99999/SJ/PWT/XI/2025', 9223372036854775807, 'open', 'X', '2025-11-21T08:00:00+07:00')")
        let shipment = try sapu.run("shipment", "create", "--to", "CV. Pusat Handicraft", "--lang", "en")
        #expect(shipment.status == 1)
        #expect(shipment.stderr == "error: every shipment number of 2025 is taken (the highest is 99999)\n")
    }

    @Test func otherNumbersAreRefusedWithTheirRange() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        let cases: [([String], String)] = [
            (["label", "--batch", batch, "--skip=-1", "--format", "pdf"], "error: --skip -1 is impossible: a sheet holds 24 labels (use 0 to 23)"),
            (["label", "--batch", batch, "--skip", "3"], "error: --skip applies only to a PDF sticker sheet (--format pdf with a sheet template)"),
            (["report", "generate", "--bundles", "9223372036854775807"], "error: --bundles must be a whole number from 1 to 10000000, not \"9223372036854775807\""),
            (["report", "generate", "--makers", "0"], "error: --makers must be a whole number from 1 to 999, not \"0\""),
            (["report", "generate", "--days", "100000"], "error: --days must be a whole number from 1 to 3650, not \"100000\""),
            (["report", "qc", "--from", "2025-+1-01"], "error: invalid date: \"2025-+1-01\" (use YYYY-MM-DD)"),
            (["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "100001"],
             "error: count must be a whole number from 1 to 100000, not \"100001\""),
            (["shipment", "show", "9223372036854775807/SJ/PWT/XI/2025"], "error: unknown shipment: 9223372036854775807/SJ/PWT/XI/2025"),
        ]
        let before = try sapu.dump()
        for (arguments, message) in cases {
            let output = try sapu.run(arguments + ["--lang", "en"])
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr == message + "\n", "\(arguments)")
        }
        #expect(try sapu.dump() == before)
    }

    /// `--count -5` was answered "option --count needs a value": the parser takes `-5` for an
    /// option. The user gave a value; they are told it is not a valid one.
    @Test func aNegativeNumberAfterAnOptionIsNamedAsAnInvalidValue() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        let cases: [([String], String, String)] = [
            (["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "-5"],
             "nilai '-5' tidak sah untuk --count; lihat 'sapu inspect --help'", "invalid value '-5' for --count; see 'sapu inspect --help'"),
            (["bundle", "void", "--batch", batch, "--from", "-1", "--to", "3", "--reason", "x", "--yes"],
             "nilai '-1' tidak sah untuk --from; lihat 'sapu bundle void --help'", "invalid value '-1' for --from; see 'sapu bundle void --help'"),
            (["bundle", "void", "--batch", batch, "--to", "-0", "--reason", "x"],
             "nilai '-0' tidak sah untuk --to; lihat 'sapu bundle void --help'", "invalid value '-0' for --to; see 'sapu bundle void --help'"),
            (["label", "--batch", batch, "--format", "pdf", "--skip", "-2"],
             "nilai '-2' tidak sah untuk --skip; lihat 'sapu label print --help'", "invalid value '-2' for --skip; see 'sapu label print --help'"),
        ]
        let before = try sapu.dump()
        for (arguments, indonesian, english) in cases {
            let id = try sapu.run(arguments)
            #expect(id.status != 0 && id.stderr == "galat: " + indonesian + "\n", "\(arguments): \(id.stderr)")
            let en = try sapu.run(arguments + ["--lang", "en"])
            #expect(en.status != 0 && en.stderr == "error: " + english + "\n", "\(arguments): \(en.stderr)")
        }
        // A value that is an option after all still says that the value is missing.
        let missing = try sapu.run("bundle", "void", "--batch", batch, "--from", "--reason", "x", "--lang", "en")
        #expect(missing.stderr == "error: option --from needs a value; see 'sapu bundle void --help'\n", "\(missing.stderr)")
        #expect(try sapu.dump() == before)
    }
}
