import Foundation
import SapuCore
import Testing

/// A shipped shipment of three bundles; bundle 2 was re-graded to B and relabelled (R2) before
/// packing, so both its R1 and R2 labels exist. Bundle 4 stayed in stock at the workshop.
struct RelabelledShipment {
    let sapu: SapuRunner
    /// The partner's own site (`sapu init --site PHC`), with the manifest, signature and PWT.pub beside it.
    let partner: SapuRunner
    let shipment: String
    let stem: String
    let bundles: [String]
    /// Each bundle's label as first printed (R1), and bundle 2's current one.
    let r1: [String: String]
    let r2: String

    init(ship: Bool = true) throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        var partner = try SapuRunner()
        partner.environment["SAPU_DB"] = partner.directory + "/own/phc.sqlite"
        try FileManager.default.createDirectory(atPath: partner.directory + "/own", withIntermediateDirectories: true)
        try partner.ok("init", "--site", "PHC", "--name", "CV. Pusat Handicraft")
        try sapu.ok("partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--key", partner.directory + "/own/PHC.pub")
        let ids = try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "4").lines
        r1 = try sapu.printedLabels(ids, folder: "l1")
        try sapu.ok("inspect", ids[1], "--pass", "--grade", "B")
        r2 = try #require(try sapu.printedLabels([ids[1]], folder: "l2")[ids[1]])
        try sapu.ok("scan", "--mode", "receive", input: ids.joined(separator: "\n") + "\n")
        shipment = try sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("scan", "--mode", "pack", "--shipment", shipment, input: ids.prefix(3).joined(separator: "\n") + "\n")
        try sapu.ok("shipment", "close", shipment, "--out", "docs")
        if ship { try sapu.ok("shipment", "ship", shipment) }
        stem = shipment.replacingOccurrences(of: "/", with: "-")
        for (from, name) in [(sapu.directory + "/docs", stem + ".manifest.json"), (sapu.directory + "/docs", stem + ".manifest.sig"),
                             (sapu.directory, "PWT.pub")] {
            try FileManager.default.copyItem(atPath: from + "/" + name, toPath: partner.directory + "/" + name)
        }
        self.sapu = sapu
        self.partner = partner
        bundles = ids
    }

    var verify: [String] { ["verify", "--manifest", stem + ".manifest.json", "--key", "PWT.pub"] }
    var receipt: String { partner.directory + "/" + stem + ".receipt.json" }

    /// Scans `lines` at the partner (one run), in `language`.
    @discardableResult
    func scan(_ lines: [String], _ language: String = "id", json: Bool = false) throws -> SapuRunner.Output {
        try partner.ok(contentsOf: verify + ["--lang", language] + (json ? ["--json"] : []),
                       input: lines.joined(separator: "\n") + "\n")
    }

    /// `bundles[i]`'s R1 label with one signature character changed: it still names the bundle.
    func forged(_ index: Int) -> String {
        var text = Array(r1[bundles[index]]!)
        text[text.count - 10] = text[text.count - 10] == "0" ? "1" : "0"
        return String(text)
    }
}

/// The JSON answers of a `verify --json` run.
private func answers(_ output: SapuRunner.Output) -> [[String: Any]] {
    output.lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}

@Suite("sapu verify: the partner's session follows label revisions")
struct VerifyRevisionTests {
    /// Issue 10, item 2, as reported: R1 was answered "superseded ... (reprint if needed)", and
    /// R2 after it counted; R1 after R2 was a "duplicate".
    @Test func aPartnerScanningR1ThenR2OfOneBundleEndsWithItReceived() throws {
        let shop = try RelabelledShipment()
        let relabelled = shop.bundles[1]
        let old = try shop.scan([shop.r1[relabelled]!])
        #expect(old.stdout.contains("LABEL LAMA        \(relabelled)  — label lama R1; label berlaku ikatan ini R2: pindai label R2 pada ikatan untuk menerimanya (tidak perlu cetak ulang)"),
                "\(old.stdout)")
        let current = try shop.scan([shop.r2], "en")
        #expect(current.stdout.contains("EXPECTED          \(relabelled)  (1/3)"), "\(current.stdout)")
        // Later, the old label once more: old, not a duplicate, and the bundle stays received.
        let again = try shop.scan([shop.r1[relabelled]!], "en", json: true)
        let answer = try #require(answers(again).first { $0["outcome"] != nil })
        #expect(answer["outcome"] as? String == "superseded" && answer["received"] as? Int == 1)
        #expect(answer["reason"] as? String
                == "old label R1; this bundle was already recorded with its current label R2; the old label is ignored")
        let id = try shop.scan([shop.r1[relabelled]!])
        #expect(id.stdout.contains("LABEL LAMA        \(relabelled)  — label lama R1; ikatan ini sudah dicatat dengan label berlakunya R2; label lama ini diabaikan"),
                "\(id.stdout)")
        for output in [old, current, again, id] {
            #expect(!output.stdout.contains("labelRevision") && !output.stdout.contains("reprint if needed")
                    && !output.stdout.contains("cetak ulang jika perlu") && !output.stdout.contains("DUPLI"), "\(output.stdout)")
        }

        let report = try #require(try shop.partner.json(try shop.partner.ok(contentsOf: shop.verify + ["--finish", "--json"]))
            as? [String: Any])
        #expect(report["receivedBundles"] as? [String] == [relabelled])
        #expect(report["duplicates"] as? Int == 0 && report["mismatched"] as? Int == 0 && report["oldLabelOnly"] as? Int == 0)
        // The workshop sees it received.
        try shop.sapu.ok("shipment", "reconcile", shop.receipt)
        #expect(try shop.sapu.states()[relabelled] == "received")
    }

    /// It arrived, but carrying only its outdated label: the receipt disputes it once, and
    /// both sides say so in words.
    @Test func aBundleThatArrivedWithItsOldLabelOnlyIsReportedAsSuch() throws {
        let shop = try RelabelledShipment()
        let relabelled = shop.bundles[1]
        try shop.scan([shop.r1[shop.bundles[0]]!, shop.r1[relabelled]!, shop.r1[relabelled]!, shop.r1[shop.bundles[2]]!])
        let finished = try shop.partner.ok(contentsOf: shop.verify + ["--finish"])
        #expect(finished.stdout.contains("Tiba dengan label lama saja"), "\(finished.stdout)")
        #expect(finished.stdout.contains("\(relabelled) (R1, berlaku R2)"))
        let signed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: shop.receipt)))
            as? [String: Any])
        let mismatched = try #require(signed["mismatched"] as? [[String: String]])
        #expect(mismatched == [["bundle": relabelled, "field": "labelRevision", "label": "R1", "manifest": "R2"]])
        #expect(signed["missing"] as? [String] == [] && signed["duplicates"] as? [String] == [])
        let english = try shop.partner.ok(contentsOf: shop.verify + ["--finish", "--lang", "en"])
        #expect(english.stdout.contains("Arrived with an old label only") && english.stdout.contains("\(relabelled) (R1, current R2)"))

        let reconciled = try shop.sapu.ok("shipment", "reconcile", shop.receipt)
        #expect(reconciled.stdout.contains("Disengketakan 1: \(relabelled) (tiba dengan label lama R1 saja; berlaku R2)"),
                "\(reconciled.stdout)")
        #expect(try shop.sapu.states()[relabelled] == "disputed")
        let shown = try shop.sapu.ok("shipment", "show", shop.shipment, "--lang", "en")
        #expect(shown.stdout.contains("Disputed 1: \(relabelled) (arrived with old label R1 only; current R2)"), "\(shown.stdout)")
    }

    /// `--finish` failed first with "database ./sapu.sqlite does not exist" and showed nothing.
    @Test func finishingWithoutAnOwnSiteShowsTheReportAndSaysSigningNeedsInitOnce() throws {
        let shop = try RelabelledShipment()
        var guest = shop.partner
        guest.environment["SAPU_DB"] = shop.partner.directory + "/nowhere/phc.sqlite"
        try guest.ok(contentsOf: shop.verify, input: shop.bundles.map { shop.r1[$0]! }.joined(separator: "\n") + "\n")
        for (language, row, hint) in [("id", "Diterima sesuai", "Jalankan sekali sapu init --site KODE"),
                                      ("en", "Received", "Run sapu init --site CODE --name \"NAME\" once")] {
            let output = try guest.run(shop.verify + ["--finish", "--lang", language])
            #expect(output.status != 0)
            #expect(output.stdout.contains(row) && output.stdout.contains(shop.bundles[1] + " (R1, "), "\(output.stdout)")
            #expect(output.stderr.split(separator: "\n").count == 1 && output.stderr.contains(hint), "\(output.stderr)")
        }
        let json = try guest.run(shop.verify + ["--finish", "--json"])
        #expect(json.status != 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.lines[0].utf8)) as? [String: Any])
        #expect(report["received"] as? Int == 2 && report["receipt"] is NSNull)
        #expect(!FileManager.default.fileExists(atPath: shop.receipt))
        #expect(!FileManager.default.fileExists(atPath: shop.partner.directory + "/nowhere"))
        // A folder that cannot take the receipt: the report all the same, then the reason.
        try Data("x".utf8).write(to: URL(fileURLWithPath: shop.partner.directory + "/a-file"))
        let blocked = try shop.partner.run(shop.verify + ["--finish", "--out", "a-file", "--lang", "en"])
        #expect(blocked.status != 0 && blocked.stdout.contains("Received") && blocked.stderr == "error: cannot write to a-file\n",
                "\(blocked.stdout) \(blocked.stderr)")
        // After sapu init, the same scans sign a receipt.
        try shop.partner.ok(contentsOf: shop.verify + ["--finish"])
        #expect(FileManager.default.fileExists(atPath: shop.receipt))
    }

    /// Every line a session prints, for every kind of scan, in the user's language only.
    @Test func everyLineOfAVerifySessionIsInTheChosenLanguageWithoutInternalNames() throws {
        let shop = try RelabelledShipment()
        let scans = [shop.r1[shop.bundles[1]]!, shop.r1[shop.bundles[0]]!, shop.r1[shop.bundles[0]]!, shop.r2, shop.r1[shop.bundles[1]]!,
                     shop.r1[shop.bundles[3]]!, shop.forged(2), "", "hello", "   ", "sapu1 k1 tlidi", shop.bundles[2], "PWT-1"]
        var outputs: [String: [String]] = [:]
        for language in ["id", "en"] {
            var state = shop.partner
            state.environment["SAPU_LANG"] = language
            let run = try state.ok(contentsOf: shop.verify + ["--state", language + ".jsonl"],
                                   input: scans.joined(separator: "\n") + "\n")
            let finish = try state.ok(contentsOf: shop.verify + ["--state", language + ".jsonl", "--finish"])
            outputs[language] = run.lines + finish.lines
            #expect(run.lines.count == 2 + scans.count - 2, "\(run.stdout)")
            for line in run.lines + finish.lines {
                // An empty line is no scan: not answered.
                for name in ["labelRevision", "superseded", "notInManifest", "Verification", "SapuError", "Outcome",
                             "baris kosong", "empty line"] {
                    #expect(!line.contains(name), "\(language): \(line)")
                }
            }
        }
        // Apart from the table's rule, no line is the same in both languages.
        let shared = Set(outputs["id"]!).intersection(outputs["en"]!).filter { !$0.allSatisfy { "- ".contains($0) } }
        #expect(shared.isEmpty, "\(shared)")
    }
}

@Suite("sapu shipment reconcile: the bundles behind each result")
struct ReconcileFindingsTests {
    /// The partner: bundle 1 as listed, bundle 2 with its old label only, bundle 3 under a forged
    /// label, bundle 4 (still in stock at the workshop) and another site's bundle as extras.
    static func partnerFindings(_ shop: RelabelledShipment) throws {
        try shop.scan([shop.r1[shop.bundles[0]]!, shop.r1[shop.bundles[1]]!, shop.forged(2), shop.r1[shop.bundles[3]]!,
                       "TSM251121A-0001"])
        try shop.partner.ok(contentsOf: shop.verify + ["--finish"])
    }

    @Test(arguments: ["id", "en"])
    func reconcileListsTheIdsAndMarksExtraAndForgedBundles(language: String) throws {
        let shop = try RelabelledShipment()
        try Self.partnerFindings(shop)
        let (b1, b2, b3, b4) = (shop.bundles[0], shop.bundles[1], shop.bundles[2], shop.bundles[3])
        let output = try shop.sapu.ok("shipment", "reconcile", shop.receipt, "--lang", language)
        let expected = language == "id" ? [
            "Pengiriman \(shop.shipment) disengketakan: 1 diterima, 1 hilang, 1 disengketakan, 2 tanpa manifest, 1 label palsu",
            "Hilang 1: \(b3)",
            "Disengketakan 1: \(b2) (tiba dengan label lama R1 saja; berlaku R2)",
            "Ada di mitra tanpa manifest 2: \(b4) TSM251121A-0001 (tidak dikenal di sini); 1 ikatan kini berstatus \"ada di mitra tanpa manifest\"",
            "Label palsu: 1 pindaian, mengaku sebagai \(b3); dicatat di riwayat 1 ikatan",
        ] : [
            "Shipment \(shop.shipment) disputed: 1 received, 1 missing, 1 disputed, 2 extra, 1 forged",
            "Missing 1: \(b3)",
            "Disputed 1: \(b2) (arrived with old label R1 only; current R2)",
            "At the partner, not in the manifest 2: \(b4) TSM251121A-0001 (not known here); 1 bundle is now \"at partner, not in manifest\"",
            "Forged labels: 1 scan, claiming \(b3); noted in the history of 1 bundle",
        ]
        for line in expected { #expect(output.lines.contains(line), "\(line)\n\(output.stdout)") }

        // The database: the extra bundle is out of stock with an event; the forged claim is in the history.
        let states = try shop.sapu.states()
        #expect([states[b1], states[b2], states[b3], states[b4]] == ["received", "disputed", "missing", "extra"])
        #expect(try shop.sapu.sql("SELECT bundle, state, shipment FROM event WHERE move = 'report-extra'")
                == ["\(b4)|extra|\(shop.shipment)"])
        #expect(try shop.sapu.sql("SELECT bundle, state, shipment FROM event WHERE move = 'report-forged'")
                == ["\(b3)|missing|\(shop.shipment)"])
        let history = try shop.sapu.ok("bundle", "show", b4, "--lang", language).stdout
        #expect(history.contains(language == "id" ? "dilaporkan mitra tanpa manifest" : "reported extra by partner"))
        let stock = try #require(try shop.sapu.json(try shop.sapu.ok("stock", "--json")) as? [[String: Any]])
        #expect(!stock.contains { $0["state"] as? String == "in-stock" })

        // The same receipt again: no change, no new event.
        let before = try shop.sapu.dump()
        try shop.sapu.ok("shipment", "reconcile", shop.receipt, "--lang", language)
        #expect(try shop.sapu.dump() == before)

        // The extra bundle comes back with the driver: return mode, then into stock.
        try shop.sapu.ok("scan", "--mode", "return", input: shop.r1[b4]! + "\n")
        #expect(try shop.sapu.states()[b4] == "returned")
    }

    @Test func reconcileJSONListsTheBundles() throws {
        let shop = try RelabelledShipment()
        try Self.partnerFindings(shop)
        let json = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "reconcile", shop.receipt, "--json")) as? [String: Any])
        #expect(json["missingBundles"] as? [String] == [shop.bundles[2]])
        #expect(json["disputedBundles"] as? [String] == [shop.bundles[1]])
        #expect(json["extraBundles"] as? [String] == [shop.bundles[3], "TSM251121A-0001"])
        #expect(json["extraMarked"] as? [String] == [shop.bundles[3]])
        #expect(json["forgedBundles"] as? [String] == [shop.bundles[2]] && json["forgedNoted"] as? [String] == [shop.bundles[2]])
        #expect(json["extra"] as? Int == 2 && json["forged"] as? Int == 1 && json["changed"] as? Int == 4)
    }

    @Test func showAndTheShipmentsReportShowThePartnersFindings() throws {
        let shop = try RelabelledShipment()
        try Self.partnerFindings(shop)
        try shop.sapu.ok("shipment", "reconcile", shop.receipt)
        let shown = try shop.sapu.ok("shipment", "show", shop.shipment).stdout
        #expect(shown.contains("Tanda terima mitra PHC (selesai 2025-11-21 08:00:00 WIB): 1 diterima, 1 hilang, 1 disengketakan, 2 tanpa manifest, 1 label palsu"),
                "\(shown)")
        #expect(shown.contains("Hilang 1: \(shop.bundles[2])") && shown.contains("Ada di mitra tanpa manifest 2: \(shop.bundles[3]) TSM251121A-0001"))
        let english = try shop.sapu.ok("shipment", "show", shop.shipment, "--lang", "en").stdout
        #expect(english.contains("Missing 1: \(shop.bundles[2])") && english.contains("Forged labels: 1 scan, claiming \(shop.bundles[2])"))
        let json = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "show", shop.shipment, "--json")) as? [String: Any])
        let receipt = try #require(json["receipt"] as? [String: Any])
        #expect(["received", "missing", "disputed", "extra", "forged"].map { receipt[$0] as? Int } == [1, 1, 1, 2, 1])
        #expect(receipt["extraBundles"] as? [String] == [shop.bundles[3], "TSM251121A-0001"])

        let report = try #require(try shop.sapu.json(try shop.sapu.ok("report", "shipments", "--format", "json")) as? [String: Any])
        let row = try #require((report["shipments"] as? [[String: Any]])?.first)
        #expect(["sent", "received", "missing", "disputed", "extra", "forged"].map { row[$0] as? Int } == [3, 1, 1, 1, 2, 1])
        #expect((report["total"] as? [String: Any])?["extra"] as? Int == 2)
        let csv = try shop.sapu.ok("report", "shipments", "--format", "csv").stdout
        #expect(csv.contains("TANPA MANIFEST;LABEL PALSU") && csv.contains(";2;1\r\n"), "\(csv)")
        let html = try shop.sapu.ok("report", "shipments", "--format", "html", "--lang", "en").stdout
        #expect(html.contains("EXTRA") && html.contains("FORGED"))
        let table = try shop.sapu.ok("report", "shipments", "--lang", "en").stdout
        #expect(table.contains("EXTRA") && table.contains("FORGED"))
    }

    @Test func aReceiptForAnotherShipmentIsRefusedWithOneLineAndChangesNothing() throws {
        let shop = try RelabelledShipment()
        try shop.partner.ok(contentsOf: shop.verify + ["--finish"])
        // A second shipment of bundle 4, shipped and checked by the partner too.
        let second = try shop.sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.sapu.ok("scan", "--mode", "pack", "--shipment", second, input: shop.bundles[3] + "\n")
        try shop.sapu.ok("shipment", "close", second, "--out", "docs2")
        try shop.sapu.ok("shipment", "ship", second)
        let before = try shop.sapu.dump()

        let named = try shop.sapu.run("shipment", "reconcile", shop.receipt, "--shipment", second, "--lang", "en")
        #expect(named.status != 0)
        #expect(named.stderr == "error: this receipt is for shipment \(shop.shipment), not \(second); nothing was changed\n",
                "\(named.stderr)")
        let indonesian = try shop.sapu.run("shipment", "reconcile", shop.receipt, "--shipment", second)
        #expect(indonesian.status != 0 && indonesian.stderr.contains("tanda terima ini untuk pengiriman \(shop.shipment), bukan \(second)"))

        // The partner's genuine receipt of the second shipment, relabelled as the first one's and signed again.
        let otherStem = second.replacingOccurrences(of: "/", with: "-")
        for suffix in [".manifest.json", ".manifest.sig"] {
            try FileManager.default.copyItem(atPath: shop.sapu.directory + "/docs2/" + otherStem + suffix,
                                             toPath: shop.partner.directory + "/" + otherStem + suffix)
        }
        try shop.partner.ok("verify", "--manifest", otherStem + ".manifest.json", "--key", "PWT.pub", "--finish")
        var text = try String(contentsOfFile: shop.partner.directory + "/" + otherStem + ".receipt.json", encoding: .utf8)
        text = text.replacingOccurrences(of: second, with: shop.shipment)
        let path = shop.sapu.directory + "/swapped.receipt.json"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let key = try #require(try shop.partner.privateKeys("own/PHC").first)
        try Data(DetachedSignature(signing: Array(text.utf8), with: key).text.utf8)
            .write(to: URL(fileURLWithPath: shop.sapu.directory + "/swapped.receipt.sig"))
        let swapped = try shop.sapu.run("shipment", "reconcile", path, "--lang", "en")
        #expect(swapped.status != 0)
        #expect(swapped.stderr == "error: receipt for \(second) does not match the manifest of shipment \(shop.shipment)\n",
                "\(swapped.stderr)")
        #expect(try shop.sapu.dump() == before)
    }
}

@Suite("sapu shipment documents and ship: a closed shipment's files, an open one's refusals")
struct ShipmentDocumentsAgainTests {
    @Test func aClosedShipmentsDocumentsAreWrittenAgainByteForByte() throws {
        let shop = try RelabelledShipment()
        let output = try shop.sapu.ok("shipment", "documents", shop.shipment, "--out", "again")
        #expect(output.stdout.contains("Dokumen pengiriman \(shop.shipment) ditulis ulang"), "\(output.stdout)")
        for suffix in [".manifest.json", ".manifest.sig", ".csv", ".pdf"] {
            let original = try Data(contentsOf: URL(fileURLWithPath: shop.sapu.directory + "/docs/" + shop.stem + suffix))
            let copy = try Data(contentsOf: URL(fileURLWithPath: shop.sapu.directory + "/again/" + shop.stem + suffix))
            #expect(original == copy, "\(suffix)")
        }
        // The lost originals are no problem: the copy verifies at the partner like the first.
        try FileManager.default.removeItem(atPath: shop.sapu.directory + "/docs")
        let json = try shop.sapu.ok("shipment", "documents", shop.shipment, "--out", "third", "--json", "--lang", "en")
        let files = try #require((try shop.sapu.json(json) as? [String: Any])?["files"] as? [String])
        #expect(files.count == 4)
        for suffix in [".manifest.json", ".manifest.sig"] {
            try FileManager.default.removeItem(atPath: shop.partner.directory + "/" + shop.stem + suffix)
            try FileManager.default.copyItem(atPath: shop.sapu.directory + "/third/" + shop.stem + suffix,
                                             toPath: shop.partner.directory + "/" + shop.stem + suffix)
        }
        try shop.scan([shop.r2])
    }

    @Test func documentsOfAnOpenShipmentOrOfAlteredKeptBytesAreRefusedWritingNothing() throws {
        let shop = try RelabelledShipment()
        let open = try shop.sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try shop.sapu.dump()
        for (language, text) in [("id", "pengiriman \(open) masih terbuka; dokumennya baru ditulis saat ditutup: sapu shipment close \(open) --out FOLDER"),
                                 ("en", "shipment \(open) is still open; its documents are written when it is closed: sapu shipment close \(open) --out FOLDER")] {
            let refused = try shop.sapu.run("shipment", "documents", open, "--out", "nothing", "--lang", language)
            #expect(refused.status != 0)
            #expect(refused.stderr.split(separator: "\n") == [Substring((language == "id" ? "galat: " : "error: ") + text)],
                    "\(refused.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: shop.sapu.directory + "/nothing"))
        #expect(try shop.sapu.dump() == before)

        _ = try SapuRunner.execute("sqlite3", [shop.sapu.database,
                                               "UPDATE shipment_document SET bytes = CAST('{}' AS BLOB) WHERE position = 0"])
        let altered = try shop.sapu.run("shipment", "documents", shop.shipment, "--out", "nothing", "--lang", "en")
        #expect(altered.status != 0 && altered.stderr.contains("does not match the SHA-256 recorded at closing"), "\(altered.stderr)")
        #expect(!FileManager.default.fileExists(atPath: shop.sapu.directory + "/nothing"))
    }

    @Test func shippingAnOpenShipmentSaysToCloseItFirstAndChangesNothing() throws {
        let shop = try RelabelledShipment(ship: false)
        let open = try shop.sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.sapu.ok("scan", "--mode", "pack", "--shipment", open, input: shop.bundles[3] + "\n")
        let before = try shop.sapu.dump()
        for (language, text) in [("id", "galat: pengiriman \(open) masih terbuka; tutup dulu (menulis manifest dan surat jalan): sapu shipment close \(open)"),
                                 ("en", "error: shipment \(open) is still open; close it first (this writes the manifest and delivery note): sapu shipment close \(open)")] {
            let refused = try shop.sapu.run("shipment", "ship", open, "--lang", language)
            #expect(refused.status != 0)
            #expect(refused.stderr == text + "\n", "\(refused.stderr)")
        }
        #expect(try shop.sapu.dump() == before)
        // A closed one ships as before.
        try shop.sapu.ok("shipment", "ship", shop.shipment)
    }
}
