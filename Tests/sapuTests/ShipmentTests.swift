import Foundation
import Testing

/// A workshop with 60 labelled bundles in stock (one failed bundle too), 50 of them packed into a closed shipment.
struct ShippedWorkshop {
    let sapu: SapuRunner
    let shipment: String
    let stem: String
    let labels: [String: String]
    let packed: [String]
    let unpacked: [String]
    let docs: String
    /// The partner's own site (its database and key files under `own/`), registered at the workshop.
    let partnerSite: SapuRunner

    init(ship: Bool = true) throws {
        let (sapu, batch) = try SapuRunner.workshop(partner: false)
        var partnerSite = try SapuRunner()
        partnerSite.environment["SAPU_DB"] = partnerSite.directory + "/own/phc.sqlite"
        try FileManager.default.createDirectory(atPath: partnerSite.directory + "/own", withIntermediateDirectories: true)
        try partnerSite.ok("init", "--site", "PHC", "--name", "CV. Pusat Handicraft")
        try sapu.ok("partner", "add", "PHC", "--name", "CV. Pusat Handicraft", "--key", partnerSite.directory + "/own/PHC.pub")
        self.partnerSite = partnerSite
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "40", "--yes")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--pass", "--grade", "B", "--count", "20")
        try sapu.ok("inspect", "--batch", batch, "--maker", "M043", "--fail", "--defect", "DAMP")
        try sapu.ok("label", "--batch", batch, "--out", "labels")
        let decoded = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + (1...61).map {
            sapu.directory + "/labels/\(batch)-\(String(format: "%04d", $0)).png"
        })
        var labels: [String: String] = [:]
        for line in decoded.stdout.split(separator: "\n") {
            let tokens = line.split(separator: " ")
            labels["\(tokens[3].dropFirst())-\(tokens[4].dropFirst())"] = String(line)
        }
        #expect(labels.count == 61)
        let ids = (1...60).map { "\(batch)-\(String(format: "%04d", $0))" }
        try sapu.ok("scan", "--mode", "receive", input: ids.map { labels[$0]! }.joined(separator: "\n") + "\n")
        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft", "--address", "Kroya, Cilacap",
                                   "--vehicle", "R 1234 AB", "--driver", "Darto").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        packed = Array(ids.prefix(50))
        unpacked = Array(ids.suffix(10))
        try sapu.ok("scan", "--mode", "pack", "--shipment", shipment, input: packed.map { labels[$0]! }.joined(separator: "\n"))
        try sapu.ok("shipment", "close", shipment, "--out", "docs")
        if ship { try sapu.ok("shipment", "ship", shipment) }
        self.sapu = sapu
        self.shipment = shipment
        self.stem = shipment.replacingOccurrences(of: "/", with: "-")
        self.labels = labels
        self.docs = sapu.directory + "/docs"
    }

    /// The partner's directory holding the manifest, its signature and the workshop's public key,
    /// with the partner's own database beside them (made by its `sapu init`).
    func partner() throws -> SapuRunner {
        let partner = partnerSite
        for (from, name) in [(docs, stem + ".manifest.json"), (docs, stem + ".manifest.sig"), (sapu.directory, "PWT.pub")] {
            try? FileManager.default.removeItem(atPath: partner.directory + "/" + name)
            try FileManager.default.copyItem(atPath: from + "/" + name, toPath: partner.directory + "/" + name)
        }
        return partner
    }

    var verifyArguments: [String] { ["verify", "--manifest", stem + ".manifest.json", "--key", "PWT.pub"] }
}

@Suite("sapu: shipments, partner verification and reconciliation")
struct ShipmentTests {
    @Test func thePartnerFindsExactlyWhatIsMissingExtraForgedAndDuplicated() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        // 48 of the 50, one from outside the shipment, one forged, one duplicate.
        var scans = shop.packed.prefix(48).map { shop.labels[$0]! }
        scans.append(shop.labels[shop.unpacked[0]]!)
        let genuine = shop.labels[shop.packed[49]]!
        let forged = String(genuine.dropLast(1)) + (genuine.hasSuffix("0") ? "1" : "0")
        scans.append(forged)
        scans.append(shop.labels[shop.packed[0]]!)

        // Scanning needs no database at all.
        var noDatabase = partner
        noDatabase.environment["SAPU_DB"] = partner.directory + "/none.sqlite"
        let scanned = try noDatabase.run(shop.verifyArguments + ["--json"], input: scans.joined(separator: "\n") + "\n")
        #expect(scanned.status == 0, "\(scanned.stderr)")
        let outcomes = scanned.lines.compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["outcome"] as? String
        }
        #expect(outcomes.filter { $0 == "expected" }.count == 48)
        #expect(outcomes.filter { $0 == "not-in-manifest" }.count == 1)
        #expect(outcomes.filter { $0 == "forged" }.count == 1)
        #expect(outcomes.filter { $0 == "duplicate" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: partner.directory + "/none.sqlite"))

        let finished = try partner.ok(contentsOf: shop.verifyArguments + ["--finish", "--json"])
        let report = try #require(try partner.json(finished) as? [String: Any])
        #expect(report["expected"] as? Int == 50)
        #expect(report["received"] as? Int == 48)
        #expect(report["missing"] as? Int == 2)
        #expect(report["extra"] as? Int == 1)
        #expect(report["forged"] as? Int == 1)
        #expect(report["duplicates"] as? Int == 1)
        #expect(report["mismatched"] as? Int == 0)
        #expect(Set(report["missingBundles"] as? [String] ?? []) == Set(shop.packed.suffix(2)))
        #expect(report["extraBundles"] as? [String] == [shop.unpacked[0]])

        // The workshop applies the receipt: exactly those states, and again changes nothing.
        let receipt = partner.directory + "/" + shop.stem + ".receipt.json"
        try shop.sapu.ok("shipment", "reconcile", receipt)
        let stock = try #require(try shop.sapu.json(try shop.sapu.ok("stock", "--all", "--json")) as? [[String: Any]])
        let counts = Dictionary(stock.map { ("\($0["state"]!)", $0["count"] as! Int) }, uniquingKeysWith: +)
        #expect(counts["received"] == 48)
        #expect(counts["missing"] == 2)
        // The extra one was still in the workshop's stock: it is at the partner now (issue 10, item 3).
        #expect(counts["in-stock"] == 9)
        #expect(counts["extra"] == 1)
        let shown = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "show", shop.shipment, "--json")) as? [String: Any])
        #expect(shown["status"] as? String == "disputed")
        let before = try shop.sapu.dump()
        let again = try shop.sapu.ok("shipment", "reconcile", receipt)
        #expect(again.stdout.contains("tidak ada yang berubah"))
        #expect(try shop.sapu.dump() == before)
    }

    @Test func stockShowsWhatIsOnHandAndAllAddsExactlyWhatHasLeft() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.dropLast(2).map { shop.labels[$0]! }.joined(separator: "\n"))
        try partner.ok(contentsOf: shop.verifyArguments + ["--finish"])
        try shop.sapu.ok("shipment", "reconcile", partner.directory + "/" + shop.stem + ".receipt.json")
        func counts(_ arguments: String...) throws -> [String: Int] {
            let rows = try #require(try shop.sapu.json(try shop.sapu.ok(contentsOf: ["stock", "--json"] + arguments)) as? [[String: Any]])
            return Dictionary(rows.map { ("\($0["state"]!)", $0["count"] as! Int) }, uniquingKeysWith: +)
        }
        let onHand = try counts()
        let all = try counts("--all")
        #expect(onHand == ["in-stock": 10, "quarantined": 1])
        #expect(all.filter { onHand[$0.key] == nil } == ["received": 48, "missing": 2])
        #expect(all.filter { onHand[$0.key] != nil } == onHand)

        let indonesian = try shop.sapu.ok("stock")
        #expect(indonesian.lines.first == "Stok di Lapas: diperiksa, di gudang, karantina, dikemas (semua ikatan: sapu stock --all)")
        #expect(!indonesian.stdout.contains("diterima") && indonesian.stdout.contains("Total: 11 ikatan"))
        let english = try shop.sapu.ok("stock", "--all", "--lang", "en")
        #expect(english.lines.first?.hasPrefix("Every bundle, including shipped") == true)
        #expect(english.stdout.contains("received") && english.stdout.contains("Total: 61 bundles"))
    }

    @Test func aCleanDeliveryMarksTheShipmentDelivered() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.map { shop.labels[$0]! }.joined(separator: "\n"))
        try partner.ok(contentsOf: shop.verifyArguments + ["--finish"])
        try shop.sapu.ok("shipment", "reconcile", partner.directory + "/" + shop.stem + ".receipt.json")
        let shown = try #require(try shop.sapu.json(try shop.sapu.ok("shipment", "show", shop.shipment, "--json")) as? [String: Any])
        #expect(shown["status"] as? String == "delivered")
    }

    @Test func anInterruptedVerificationResumesWhereItStopped() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.prefix(30).map { shop.labels[$0]! }.joined(separator: "\n"))
        let resumed = try partner.ok(contentsOf: shop.verifyArguments + ["--json"],
                                     input: shop.packed.suffix(25).map { shop.labels[$0]! }.joined(separator: "\n"))
        // 20 new ones count on from 30, the 5 overlapping ones are duplicates.
        #expect(resumed.stdout.contains("\"duplicate\""))
        #expect(resumed.stdout.contains("\"received\":50"))
        let report = try #require(try partner.json(try partner.ok(contentsOf: shop.verifyArguments + ["--finish", "--json"])) as? [String: Any])
        #expect(report["received"] as? Int == 50)
        #expect(report["missing"] as? Int == 0)
        #expect(report["duplicates"] as? Int == 5)
    }

    @Test func theSuratJalanIsAnA4PDFWithADecodableQRCode() throws {
        let shop = try ShippedWorkshop(ship: false)
        let pdf = shop.docs + "/" + shop.stem + ".pdf"
        let info = try SapuRunner.execute("pdfinfo", [pdf]).stdout
        #expect(info.contains("(A4)"))
        _ = try SapuRunner.execute("pdftoppm", ["-r", "200", "-png", "-f", "1", "-l", "1", pdf, shop.docs + "/page"])
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: shop.docs).first { $0.hasPrefix("page") })
        let decoded = try SapuRunner.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable", shop.docs + "/" + page]).stdout
        let digest = try SapuRunner.execute("sha256sum", [shop.docs + "/" + shop.stem + ".manifest.json"]).stdout.prefix(64)
        #expect(decoded.contains(shop.shipment.replacingOccurrences(of: "/", with: " ")))
        #expect(decoded.contains(digest.uppercased()))
        let text = try SapuRunner.execute("pdftotext", [pdf, "-"]).stdout
        for expected in ["SURAT JALAN", shop.shipment, "CV. Pusat Handicraft", "Kroya, Cilacap", "R 1234 AB", "Darto",
                         "Pengirim", "Sopir", "Penerima", shop.packed[0], shop.packed[49]] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test func theCSVOpensInAnIndonesianSpreadsheet() throws {
        let shop = try ShippedWorkshop(ship: false)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: shop.docs + "/" + shop.stem + ".csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 51)
        #expect(rows[0].split(separator: ";").count == 9)
        #expect(rows[1].hasPrefix("1;\(shop.packed[0]);LIDI;"))
    }

    @Test func makerNamesNeverLeaveTheSite() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.map { shop.labels[$0]! }.joined(separator: "\n"))
        try partner.ok(contentsOf: shop.verifyArguments + ["--finish"])
        let pdfText = try SapuRunner.execute("pdftotext", [shop.docs + "/" + shop.stem + ".pdf", "-"]).stdout
        var outgoing = [pdfText]
        for file in [shop.docs + "/" + shop.stem + ".manifest.json", shop.docs + "/" + shop.stem + ".csv",
                     partner.directory + "/" + shop.stem + ".receipt.json"] {
            outgoing.append(try String(contentsOfFile: file, encoding: .utf8))
        }
        for text in outgoing {
            #expect(!text.contains("Budi") && !text.contains("Santoso") && !text.contains("Slamet"))
        }
        #expect(outgoing[1].contains("M042"))
    }
}

@Suite("sapu: tampering and bad shipment input")
struct ShipmentTamperingTests {
    @Test func aManifestWithOneChangedByteIsRefused() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let path = partner.directory + "/" + shop.stem + ".manifest.json"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let index = try #require(bytes.firstRange(of: Data("\"grade\" : \"B\"".utf8))?.upperBound) - 2
        bytes[index] = UInt8(ascii: "A")
        try bytes.write(to: URL(fileURLWithPath: path))
        let output = try partner.run(shop.verifyArguments, input: shop.labels[shop.packed[0]]!)
        #expect(output.status != 0)
        #expect(output.stderr.contains("JANGAN diterima"))
        #expect(!FileManager.default.fileExists(atPath: partner.directory + "/" + shop.stem + ".verify.jsonl"))
    }

    @Test func aSignatureFileFromAnotherManifestIsRefused() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        // A second shipment's signature, put beside the first manifest.
        let second = try shop.sapu.ok("shipment", "create", "--to", "Toko Lain").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.sapu.ok("scan", "--mode", "pack", "--shipment", second, input: shop.labels[shop.unpacked[0]]!)
        try shop.sapu.ok("shipment", "close", second, "--out", "docs2")
        let otherSig = shop.sapu.directory + "/docs2/" + second.replacingOccurrences(of: "/", with: "-") + ".manifest.sig"
        let output = try partner.run(shop.verifyArguments + ["--signature", otherSig])
        #expect(output.status != 0)
        #expect(output.stderr.contains("tanda tangan manifest"))
    }

    @Test func theWrongPublicKeyIsRefused() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let output = try partner.run(["verify", "--manifest", shop.stem + ".manifest.json", "--key", "own/PHC.pub"])
        #expect(output.status != 0)
        // A file without the shipper's key: the manifest is signed with a key the partner lacks.
        #expect(output.stderr.contains("kunci K1 milik PWT"), "\(output.stderr)")
    }

    @Test func aStateFileFromAnotherManifestIsRefused() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let foreign = partner.directory + "/other.jsonl"
        try Data("{\"format\":\"sapu-verify-1\",\"manifestSHA256\":\"00\",\"shipment\":\"x\"}\n".utf8).write(to: URL(fileURLWithPath: foreign))
        let output = try partner.run(shop.verifyArguments + ["--state", foreign], input: shop.labels[shop.packed[0]]!)
        #expect(output.status != 0)
        #expect(output.stderr.contains("manifest lain"))
        try Data("bukan json\n".utf8).write(to: URL(fileURLWithPath: foreign))
        #expect(try partner.run(shop.verifyArguments + ["--state", foreign]).status != 0)
    }

    @Test func tamperedOrForeignReceiptsChangeNothing() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.packed.map { shop.labels[$0]! }.joined(separator: "\n"))
        try partner.ok(contentsOf: shop.verifyArguments + ["--finish"])
        let receipt = partner.directory + "/" + shop.stem + ".receipt.json"
        let before = try shop.sapu.dump()

        // One changed byte.
        let original = try Data(contentsOf: URL(fileURLWithPath: receipt))
        var altered = original
        let index = try #require(altered.firstRange(of: Data("\"missing\" : [".utf8))?.lowerBound)
        altered[index + 1] = UInt8(ascii: "n")
        try altered.write(to: URL(fileURLWithPath: receipt))
        var output = try shop.sapu.run("shipment", "reconcile", receipt)
        #expect(output.status != 0 && output.stderr.contains("tanda terima"))
        try original.write(to: URL(fileURLWithPath: receipt))

        // A key handed over with the receipt is never used: keys come from the partner registry.
        output = try shop.sapu.run("shipment", "reconcile", receipt, "--partner-key", shop.sapu.directory + "/PWT.pub")
        #expect(output.status != 0 && output.stderr.contains("sapu partner add"))
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(try shop.sapu.dump() == before)

        // A genuine receipt, but for another shipment's manifest.
        let second = try shop.sapu.ok("shipment", "create", "--to", "Toko Lain").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.sapu.ok("scan", "--mode", "pack", "--shipment", second, input: shop.labels[shop.unpacked[0]]!)
        try shop.sapu.ok("shipment", "close", second, "--out", "docs2")
        try shop.sapu.ok("shipment", "ship", second)
        let middle = try shop.sapu.dump()
        let otherStem = second.replacingOccurrences(of: "/", with: "-")
        var otherPartner = partner
        try FileManager.default.copyItem(atPath: shop.sapu.directory + "/docs2/" + otherStem + ".manifest.json",
                                         toPath: partner.directory + "/" + otherStem + ".manifest.json")
        try FileManager.default.copyItem(atPath: shop.sapu.directory + "/docs2/" + otherStem + ".manifest.sig",
                                         toPath: partner.directory + "/" + otherStem + ".manifest.sig")
        otherPartner.environment["SAPU_NOW"] = "2025-11-22T08:00:00+07:00"
        try otherPartner.ok("verify", "--manifest", otherStem + ".manifest.json", "--key", "PWT.pub", "--finish")
        // Rename the other receipt to look like this shipment's: the manifest hash gives it away.
        let swapped = partner.directory + "/swapped.receipt.json"
        try FileManager.default.copyItem(atPath: partner.directory + "/" + otherStem + ".receipt.json", toPath: swapped)
        try FileManager.default.copyItem(atPath: partner.directory + "/" + otherStem + ".receipt.sig",
                                         toPath: partner.directory + "/swapped.receipt.sig")
        var bytes = try String(contentsOfFile: swapped, encoding: .utf8)
        bytes = bytes.replacingOccurrences(of: second, with: shop.shipment)
        try bytes.write(toFile: swapped, atomically: true, encoding: .utf8)
        output = try shop.sapu.run("shipment", "reconcile", swapped)
        #expect(output.status != 0)
        #expect(try shop.sapu.dump() == middle)
        #expect(before != middle)
    }

    @Test func closingAnEmptyShipmentAndPackingIntoAClosedOneAreRefused() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        try sapu.ok("label", "--batch", batch, "--format", "zpl", "--out", "l")
        try sapu.ok("scan", "--mode", "receive", input: "\(batch)-0001\n\(batch)-0002\n")
        let empty = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try sapu.dump()
        let close = try sapu.run("shipment", "close", empty, "--out", "docs")
        #expect(close.status != 0 && close.stderr.contains("masih kosong"))
        #expect(try sapu.dump() == before)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/docs"))?.isEmpty ?? true)

        try sapu.ok("scan", "--mode", "pack", "--shipment", empty, input: "\(batch)-0001\n")
        try sapu.ok("shipment", "close", empty, "--out", "docs")
        let closed = try sapu.dump()
        let pack = try sapu.run("scan", "--mode", "pack", "--shipment", empty, input: "\(batch)-0002\n")
        #expect(pack.status != 0 && pack.stderr.contains("ditutup"))
        #expect(try sapu.dump() == closed)
    }

    @Test func cancellingReturnsBundlesToStockButNotAfterShipping() throws {
        let shop = try ShippedWorkshop(ship: false)
        try shop.sapu.ok("shipment", "cancel", shop.shipment)
        let stock = try #require(try shop.sapu.json(try shop.sapu.ok("stock", "--all", "--json")) as? [[String: Any]])
        #expect(stock.filter { $0["state"] as? String == "in-stock" }.reduce(0) { $0 + ($1["count"] as! Int) } == 60)
        let second = try shop.sapu.ok("shipment", "create", "--to", "X").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.sapu.ok("scan", "--mode", "pack", "--shipment", second, input: shop.labels[shop.packed[0]]!)
        try shop.sapu.ok("shipment", "close", second, "--out", "d2")
        try shop.sapu.ok("shipment", "ship", second)
        let refused = try shop.sapu.run("shipment", "cancel", second)
        #expect(refused.status != 0)
    }
}

extension SapuRunner {
    @discardableResult
    func ok(contentsOf arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
        let output = try run(arguments, input: input)
        #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)", sourceLocation: sourceLocation)
        return output
    }
}
