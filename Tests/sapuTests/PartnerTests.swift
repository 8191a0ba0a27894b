import Foundation
import Testing

/// Partners, their keys, and the receipts the workshop accepts from them (issue 9, breaks 1 and 9).
@Suite("sapu: partners and their receipts")
struct PartnerTests {
    /// The partner checks what arrived (labels scanned, ids typed) and signs a receipt at `time`.
    static func finishReceipt(_ shop: ShippedWorkshop, _ partner: SapuRunner, labels: [String], typed: [String] = [],
                              at time: String) throws -> String {
        var partner = partner
        partner.environment["SAPU_NOW"] = time
        let lines = labels.map { shop.labels[$0]! } + typed
        if !lines.isEmpty { try partner.ok(contentsOf: shop.verifyArguments, input: lines.joined(separator: "\n") + "\n") }
        try partner.ok(contentsOf: shop.verifyArguments + ["--finish"])
        return partner.directory + "/" + shop.stem + ".receipt.json"
    }

    /// Copies a receipt and its signature aside, as the workshop keeps what the partner emailed.
    static func keep(_ receipt: String, as name: String, in runner: SapuRunner) throws -> String {
        let copy = runner.directory + "/" + name + ".receipt.json"
        try FileManager.default.copyItem(atPath: receipt, toPath: copy)
        try FileManager.default.copyItem(atPath: String(receipt.dropLast(5)) + ".sig", toPath: runner.directory + "/" + name + ".receipt.sig")
        return copy
    }

    /// Break 1 as reported: someone who is not the partner makes its own "PHC" site, types two ids
    /// by hand, finishes, and hands the workshop its receipt and its own public key.
    @Test func aReceiptFromAnImpostorWithItsOwnPHCSiteIsRefusedAndChangesNothing() throws {
        let shop = try ShippedWorkshop()
        var impostor = try SapuRunner()
        for (from, name) in [(shop.docs, shop.stem + ".manifest.json"), (shop.docs, shop.stem + ".manifest.sig"),
                             (shop.sapu.directory, "PWT.pub")] {
            try FileManager.default.copyItem(atPath: from + "/" + name, toPath: impostor.directory + "/" + name)
        }
        impostor.environment["SAPU_DB"] = impostor.directory + "/own/phc.sqlite"
        try FileManager.default.createDirectory(atPath: impostor.directory + "/own", withIntermediateDirectories: true)
        try impostor.ok("init", "--site", "PHC", "--name", "CV. Pusat Handicraft")
        try impostor.ok(contentsOf: shop.verifyArguments, input: shop.packed.prefix(2).joined(separator: "\n") + "\n")
        try impostor.ok(contentsOf: shop.verifyArguments + ["--finish"])
        let receipt = impostor.directory + "/" + shop.stem + ".receipt.json"
        let registered = try #require(try shop.sapu.json(try shop.sapu.ok("partner", "list", "--json")) as? [[String: Any]])
        let keys = try #require(registered.first?["keys"] as? [[String: Any]])
        let fingerprint = try #require(keys.first?["fingerprint"] as? String)
        let before = try shop.sapu.dump()

        // Exactly the reported attack: its own key file handed over with the receipt.
        let withKey = try shop.sapu.run("shipment", "reconcile", receipt, "--partner-key", impostor.directory + "/own/PHC.pub")
        #expect(withKey.status != 0)
        #expect(withKey.stderr.contains("sapu partner add"), "\(withKey.stderr)")
        // Without it: the registry's key for PHC does not verify the impostor's signature.
        let plain = try shop.sapu.run("shipment", "reconcile", receipt, "--lang", "en")
        #expect(plain.status != 0)
        #expect(plain.stderr.contains("NOT signed by partner PHC's registered key (K1, fingerprint \(fingerprint))"), "\(plain.stderr)")
        #expect(plain.stderr.split(separator: "\n").count == 1)
        #expect(try shop.sapu.dump() == before)
        let shown = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "show", shop.shipment, "--json")) as? [String: Any])
        #expect(shown["status"] as? String == "shipped")
    }

    /// Break 9: the partner finds the two missing bundles and sends a corrected receipt.
    @Test func aCorrectedReceiptSupersedesTheFirstAndBothAreKept() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let first = try Self.keep(try Self.finishReceipt(shop, partner, labels: Array(shop.packed.prefix(48)),
                                                         at: "2025-11-22T09:00:00+07:00"), as: "first", in: shop.sapu)
        try shop.sapu.ok("shipment", "reconcile", first)
        #expect(try shop.sapu.states()[shop.packed[49]] == "missing")

        let corrected = try Self.finishReceipt(shop, partner, labels: Array(shop.packed.suffix(2)), at: "2025-11-23T10:00:00+07:00")
        let applied = try shop.sapu.ok("shipment", "reconcile", corrected, "--json")
        let output = try #require(try shop.sapu.json(applied) as? [String: Any])
        #expect(output["effect"] as? String == "superseded")
        #expect(output["status"] as? String == "delivered")
        #expect(output["changed"] as? Int == 2)
        #expect(output["received"] as? Int == 50 && output["missing"] as? Int == 0)
        let states = try shop.sapu.states()
        #expect(shop.packed.allSatisfy { states[$0] == "received" })
        // Both receipts are kept, the first marked as superseded by the second.
        let kept = try shop.sapu.sql("SELECT finished, superseded_by IS NOT NULL FROM receipt ORDER BY finished_unix")
        #expect(kept == ["2025-11-22T09:00:00+07:00|1", "2025-11-23T10:00:00+07:00|0"])

        // The same receipt again changes nothing and says so.
        let settled = try shop.sapu.dump()
        let again = try shop.sapu.ok("shipment", "reconcile", corrected)
        #expect(again.stdout.contains("sudah diterapkan; tidak ada yang berubah"))
        // The older one after the newer: refused with the reason, nothing changed.
        let older = try shop.sapu.run("shipment", "reconcile", first)
        #expect(older.status != 0)
        #expect(older.stderr == "galat: tanda terima ini (selesai 2025-11-22 09:00:00 WIB) tidak lebih baru dari tanda terima "
            + "yang sudah diterapkan (selesai 2025-11-23 10:00:00 WIB); tidak ada yang diubah\n", "\(older.stderr)")
        #expect(try shop.sapu.dump() == settled)
    }

    /// When the partner finished a receipt is read by the clerk on the site's clock, as every
    /// other time: `2025-11-22 09:00:00 WIB`, never ISO 8601 with its `T`.
    @Test func receiptTimesAreShownOnTheSiteClockInShowSupersedeAndRefusal() throws {
        let shop = try ShippedWorkshop()
        var sapu = shop.sapu
        sapu.environment["TZ"] = "America/New_York"
        let partner = try shop.partner()
        // The partner's clock as UTC: the workshop still reads Jakarta time.
        let first = try Self.keep(try Self.finishReceipt(shop, partner, labels: Array(shop.packed.prefix(48)),
                                                         at: "2025-11-22T02:00:00+00:00"), as: "first", in: sapu)
        try sapu.ok("shipment", "reconcile", first)
        let shown = try sapu.ok("shipment", "show", shop.shipment)
        #expect(shown.stdout.contains("Tanda terima mitra PHC (selesai 2025-11-22 09:00:00 WIB)"), "\(shown.stdout)")
        let english = try sapu.ok("shipment", "show", shop.shipment, "--lang", "en")
        #expect(english.stdout.contains("Partner PHC's receipt (finished 2025-11-22 09:00:00 WIB)"), "\(english.stdout)")

        let corrected = try Self.finishReceipt(shop, partner, labels: Array(shop.packed.suffix(2)), at: "2025-11-23T03:30:00+00:00")
        let superseding = try sapu.ok("shipment", "reconcile", corrected)
        #expect(superseding.stdout.contains("Tanda terima ini (selesai 2025-11-23 10:30:00 WIB) menggantikan tanda terima sebelumnya (selesai 2025-11-22 09:00:00 WIB)"),
                "\(superseding.stdout)")
        let before = try sapu.dump()
        let older = try sapu.run("shipment", "reconcile", first, "--lang", "en")
        #expect(older.status != 0)
        #expect(older.stderr == "error: this receipt (finished 2025-11-22 09:00:00 WIB) is not newer than the receipt already applied (finished 2025-11-23 10:30:00 WIB); nothing changed\n",
                "\(older.stderr)")
        #expect(try sapu.dump() == before)
        for output in [shown.stdout, english.stdout, superseding.stdout, older.stderr] {
            #expect(!output.contains("T09:00:00") && !output.contains("+07:00") && !output.contains("+00:00"), "\(output)")
        }
    }

    /// The clerk picks the wrong file: the workshop's own manifest was "signed by PWT, which is
    /// not a registered partner"; a `.sig` or the CSV was "file X.sig.sig cannot be read",
    /// a name never typed.
    @Test func theWrongFileGivenAsAReceiptOrManifestIsNamedForWhatItIs() throws {
        let shop = try ShippedWorkshop()
        let manifest = shop.docs + "/" + shop.stem + ".manifest.json"
        let before = try shop.sapu.dump()
        let own = try shop.sapu.run("shipment", "reconcile", manifest)
        #expect(own.status != 0)
        #expect(own.stderr == "galat: \(manifest) ditandatangani lokasi ini sendiri (PWT), bukan oleh mitra: itu manifest atau berkas lain dari sini, bukan tanda terima mitra (ID.receipt.json); tidak ada yang diubah\n",
                "\(own.stderr)")
        let ownEnglish = try shop.sapu.run("shipment", "reconcile", manifest, "--lang", "en")
        #expect(ownEnglish.stderr.hasPrefix("error: \(manifest) is signed by this site itself (PWT), not by a partner"),
                "\(ownEnglish.stderr)")
        for name in [shop.stem + ".manifest.sig", shop.stem + ".csv"] {
            let path = shop.docs + "/" + name
            let wrong = try shop.sapu.run("shipment", "reconcile", path, "--lang", "en")
            #expect(wrong.status != 0)
            #expect(wrong.stderr == "error: no signature for \(path): \(path).sig not found; give the .json file Sapu wrote, with its .sig file in the same folder; nothing changed\n",
                    "\(wrong.stderr)")
            #expect(try shop.sapu.run("shipment", "reconcile", path).stderr.hasPrefix("galat: tanda tangan \(path) tidak ada: "))
        }
        #expect(try shop.sapu.dump() == before)
        // The partner's side: a manifest without its signature beside it.
        let partner = try shop.partner()
        try FileManager.default.removeItem(atPath: partner.directory + "/" + shop.stem + ".manifest.sig")
        let alone = try partner.run(shop.verifyArguments + ["--lang", "en"])
        #expect(alone.status != 0)
        #expect(alone.stderr == "error: no signature for \(shop.stem).manifest.json: \(shop.stem).manifest.sig not found; give the .json file Sapu wrote, with its .sig file in the same folder; nothing changed\n",
                "\(alone.stderr)")
    }

    @Test func theWorkshopSeesWhichBundlesWereTypedByHand() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let typed = Array(shop.packed.suffix(3))
        let receipt = try Self.finishReceipt(shop, partner, labels: Array(shop.packed.prefix(47)), typed: typed,
                                             at: "2025-11-22T09:00:00+07:00")
        let signed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: receipt))) as? [String: Any])
        #expect(signed["receivedByHand"] as? [String] == typed)

        let json = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "reconcile", receipt, "--json")) as? [String: Any])
        #expect(json["received"] as? Int == 50)
        #expect(json["receivedVerified"] as? Int == 47)
        #expect(json["receivedByHand"] as? Int == 3)
        #expect(json["receivedByHandBundles"] as? [String] == typed)
        #expect(json["partner"] as? String == "PHC" && json["keyID"] as? String == "K1")
        #expect((json["fingerprint"] as? String)?.count == 19)
        // The deliveries of typed ids are manual entries in the event log, the others are not.
        #expect(try shop.sapu.sql("SELECT bundle FROM event WHERE move = 'deliver' AND manual = 1 ORDER BY bundle") == typed)
        #expect(try shop.sapu.count("SELECT COUNT(*) FROM event WHERE move = 'deliver' AND manual = 0") == 47)

        let text = try shop.sapu.ok("shipment", "reconcile", receipt, "--lang", "en")
        #expect(text.stdout.contains("Receipt genuinely signed by partner PHC (CV. Pusat Handicraft), key K1, fingerprint"))
        let fresh = try ShippedWorkshop()
        let freshPartner = try fresh.partner()
        let freshReceipt = try Self.finishReceipt(fresh, freshPartner, labels: Array(fresh.packed.prefix(48)),
                                                  typed: [fresh.packed[48]], at: "2025-11-22T09:00:00+07:00")
        let shown = try fresh.sapu.ok("shipment", "reconcile", freshReceipt, "--lang", "en")
        #expect(shown.stdout.contains("Received with a verified label 48; typed by hand, unverified 1: \(fresh.packed[48])"),
                "\(shown.stdout)")
    }

    /// The message once was "storage error: MoveRefusal".
    @Test func aReceiptThatWouldMoveAReturnedBundleIsRefusedWithItsReasonNotAnInternalName() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let lost = shop.packed[49]
        let first = try Self.finishReceipt(shop, partner, labels: Array(shop.packed.prefix(49)), at: "2025-11-22T09:00:00+07:00")
        try shop.sapu.ok("shipment", "reconcile", first)
        // The lost bundle turns up at the workshop and is taken back.
        try shop.sapu.ok("scan", "--mode", "return", input: shop.labels[lost]! + "\n")
        // Meanwhile the partner also "found" it and sends a newer receipt saying it arrived.
        let newer = try Self.finishReceipt(shop, partner, labels: [lost], at: "2025-11-23T09:00:00+07:00")
        let before = try shop.sapu.dump()
        let refused = try shop.sapu.run("shipment", "reconcile", newer, "--lang", "en")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(lost): this bundle has come back (returned); it cannot be recorded as received"),
                "\(refused.stderr)")
        #expect(!refused.stderr.contains("MoveRefusal") && !refused.stderr.contains("storage error"))
        #expect(try shop.sapu.dump() == before)
    }

    /// A database upgraded from before partners existed holds shipments that name none.
    @Test func aShipmentOpenedBeforePartnersTakesTheNamedPartnerWithItsReceipt() throws {
        let shop = try ShippedWorkshop()
        _ = try SapuRunner.execute("sqlite3", [shop.sapu.database, "UPDATE shipment SET partner = NULL"])
        let partner = try shop.partner()
        let receipt = try Self.finishReceipt(shop, partner, labels: shop.packed, at: "2025-11-22T09:00:00+07:00")
        let before = try shop.sapu.dump()
        let unnamed = try shop.sapu.run("shipment", "reconcile", receipt)
        #expect(unnamed.status != 0 && unnamed.stderr.contains("--partner KODE"), "\(unnamed.stderr)")
        let wrong = try shop.sapu.run("shipment", "reconcile", receipt, "--partner", "TSM")
        #expect(wrong.status != 0)
        #expect(try shop.sapu.dump() == before)
        try shop.sapu.ok("shipment", "reconcile", receipt, "--partner", "phc")
        let shown = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "show", shop.shipment, "--json")) as? [String: Any])
        #expect(shown["partner"] as? String == "PHC" && shown["status"] as? String == "delivered")
    }

    @Test func aPartnersRotatedKeyIsAddedAndItsRetiredKeySignsNoNewReceipt() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        // Signed with K1, but not yet sent to the workshop.
        let oldKey = try Self.keep(try Self.finishReceipt(shop, partner, labels: Array(shop.packed.prefix(49)),
                                                          at: "2025-11-22T09:00:00+07:00"), as: "k1", in: shop.sapu)
        try partner.ok("key", "rotate")
        let newKey = try Self.finishReceipt(shop, partner, labels: [shop.packed[49]], at: "2025-11-23T09:00:00+07:00")

        // Before the workshop registers K2, the new receipt is refused with what to do.
        let unknown = try shop.sapu.run("shipment", "reconcile", newKey)
        #expect(unknown.status != 0 && unknown.stderr.contains("sapu partner key add PHC"), "\(unknown.stderr)")
        let added = try shop.sapu.ok("partner", "key", "add", "PHC", "--key", partner.directory + "/own/PHC.pub")
        #expect(added.stdout.contains("Kunci PHC K2 didaftarkan, sidik jari"))
        #expect(added.stdout.contains("Kunci PHC K1 (sidik jari"))
        let repeated = try shop.sapu.ok("partner", "key", "add", "PHC", "--key", partner.directory + "/own/PHC.pub", "--json")
        #expect((try shop.sapu.json(repeated) as? [String: Any])?["added"] as? [String] == [])
        try shop.sapu.ok("partner", "key", "retire", "PHC", "K1")

        let before = try shop.sapu.dump()
        let retired = try shop.sapu.run("shipment", "reconcile", oldKey)
        #expect(retired.status != 0 && retired.stderr.contains("dipensiunkan"), "\(retired.stderr)")
        #expect(try shop.sapu.dump() == before)
        let json = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "reconcile", newKey, "--json")) as? [String: Any])
        #expect(json["keyID"] as? String == "K2" && json["status"] as? String == "delivered")
        let list = try shop.sapu.ok("partner", "list", "--lang", "en").stdout
        #expect(list.contains("K1") && list.contains("K2") && list.contains("no") && list.contains("yes"))
    }

    @Test func registeringAPartnerRefusesAKeyOfAnotherSiteTheWorkshopsOwnKeyOrAnotherPartnersKey() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        try Data(SapuRunner.partnerKeyFile.utf8).write(to: URL(fileURLWithPath: sapu.directory + "/PHC.pub"))
        let before = try sapu.dump()
        let wrongSite = try sapu.run("partner", "add", "TSM", "--name", "Toko", "--key", "PHC.pub")
        #expect(wrongSite.status != 0 && wrongSite.stderr.contains("bukan mitra TSM"))
        let own = try sapu.run("partner", "add", "PWT", "--name", "Lapas", "--key", "PWT.pub")
        #expect(own.status != 0 && own.stderr.contains("kode lokasi ini sendiri"))
        // The workshop's own key file relabelled as another site's.
        let ownLine = try #require(try String(contentsOfFile: sapu.directory + "/PWT.pub", encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("sapu-ed25519 ") })
        try Data(ownLine.replacingOccurrences(of: " PWT ", with: " TSM ").utf8).write(to: URL(fileURLWithPath: sapu.directory + "/TSM.pub"))
        let ownKey = try sapu.run("partner", "add", "TSM", "--name", "Toko", "--key", "TSM.pub")
        #expect(ownKey.status != 0 && ownKey.stderr.contains("kunci lokasi ini sendiri"), "\(ownKey.stderr)")
        let privateKey = try sapu.run("partner", "add", "PWT", "--name", "Lapas", "--key", "PWT.key")
        #expect(privateKey.status != 0)
        #expect(try sapu.dump() == before)

        // The fingerprint the partner read out over the phone must be the file's.
        let misheard = try sapu.run("partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--key", "PHC.pub",
                                    "--fingerprint", "YB7P-NKH5-TW24-G5F6")
        #expect(misheard.status != 0 && misheard.stderr.contains("YB7P-NKH5-TW24-G5F5"), "\(misheard.stderr)")
        #expect(try sapu.dump() == before)
        let added = try sapu.ok("partner", "add", "phc", "--name", "CV. Pusat Handicraft", "--key", "PHC.pub",
                                "--fingerprint", "yb7p nkh5 tw24 g5f5")
        #expect(added.stdout.contains("sidik jari YB7P-NKH5-TW24-G5F5"))
        let phcLine = try #require(SapuRunner.partnerKeyFile.split(separator: "\n").first { $0.hasPrefix("sapu-ed25519 ") })
        try Data(phcLine.replacingOccurrences(of: " PHC ", with: " TSM ").utf8).write(to: URL(fileURLWithPath: sapu.directory + "/TSM.pub"))
        let taken = try sapu.run("partner", "add", "TSM", "--name", "Toko", "--key", "TSM.pub")
        #expect(taken.status != 0 && taken.stderr.contains("sudah terdaftar untuk mitra PHC"), "\(taken.stderr)")
    }

    @Test func aShipmentNeedsARegisteredPartnerAndCarriesItsCode() throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        let before = try sapu.dump()
        let refused = try sapu.run("shipment", "create", "--to", "CV. Pusat Handicraft")
        #expect(refused.status != 0 && refused.stderr.contains("sapu partner add"))
        #expect(try sapu.dump() == before)

        try Data(SapuRunner.partnerKeyFile.utf8).write(to: URL(fileURLWithPath: sapu.directory + "/PHC.pub"))
        try sapu.ok("partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--address", "Kroya, Cilacap", "--key", "PHC.pub")
        let id = try sapu.ok("shipment", "create").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = try #require(try sapu.json(try sapu.ok("shipment", "show", id, "--json")) as? [String: Any])
        #expect(shown["partner"] as? String == "PHC")
        #expect(shown["consignee"] as? String == "CV. Pusat Handicraft" && shown["address"] as? String == "Kroya, Cilacap")
        #expect(try sapu.run("shipment", "create", "--partner", "XYZ").status != 0)

        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A")
        try sapu.ok("label", "--batch", batch, "--format", "zpl", "--out", "l")
        try sapu.ok("scan", "--mode", "receive", input: "\(batch)-0001\n")
        try sapu.ok("scan", "--mode", "pack", "--shipment", id, input: "\(batch)-0001\n")
        try sapu.ok("shipment", "close", id, "--out", "docs")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(
            fileURLWithPath: sapu.directory + "/docs/" + id.replacingOccurrences(of: "/", with: "-") + ".manifest.json"))) as? [String: Any])
        #expect((manifest["consignee"] as? [String: Any])?["site"] as? String == "PHC")
    }
}
