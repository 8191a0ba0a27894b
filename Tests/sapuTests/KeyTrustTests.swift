import Foundation
import SapuCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension SapuRunner {
    /// Prints `bundle`'s label as ZPL (`again`: a bundle that has a current label) and returns
    /// the exact signed text in its QR code.
    func labelPayload(_ bundle: String, folder: String, again: Bool = false, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> String {
        let output = try ok(contentsOfArguments: ["label", bundle, "--format", "zpl", "--out", folder, "--json"] + (again ? ["--again"] : []),
                            sourceLocation: sourceLocation)
        let items = try #require(try json(output) as? [[String: Any]], sourceLocation: sourceLocation)
        return try #require(items.first?["payload"] as? String, sourceLocation: sourceLocation)
    }

    /// The site's private keys, read from its key file as an attacker who copied it would.
    func privateKeys(_ site: String = "PWT") throws -> [SigningKey] {
        let path = directory + "/" + site + ".key"
        return try SigningKey.keys(fromKeyFile: try String(contentsOfFile: path, encoding: .utf8), path: path)
    }

    func file(_ name: String) -> String { directory + "/" + name }
}

/// The `verify` outcomes printed for each line, in order.
private func outcomes(_ output: SapuRunner.Output) -> [String] {
    output.lines.compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["outcome"] as? String
    }
}

@Suite("sapu: signing only with the registered current key")
struct SigningKeyTests {
    /// Another site's key file put in place signed labels and a manifest (the shipment closed for
    /// good); a key file others can read was used without a word.
    @Test func aForeignOrUnprotectedKeyFileSignsNothingAndChangesNothing() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        let ids = ["\(batch)-0001", "\(batch)-0002"]
        _ = try sapu.labelPayload(ids[0], folder: "l0")
        try sapu.ok("scan", "--mode", "receive", input: ids[0] + "\n")
        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("scan", "--mode", "pack", "--shipment", shipment, input: ids[0] + "\n")

        let own = try Data(contentsOf: URL(fileURLWithPath: sapu.file("PWT.key")))
        let other = try SapuRunner()
        try other.ok("init", "--site", "BGR", "--name", "Lapas Bogor")
        try Data(contentsOf: URL(fileURLWithPath: other.file("BGR.key"))).write(to: URL(fileURLWithPath: sapu.file("PWT.key")))
        #expect(chmod(sapu.file("PWT.key"), 0o600) == 0)

        let before = try sapu.dump()
        let label = try sapu.run("label", ids[1], "--out", "l1", "--lang", "en")
        #expect(label.status != 0 && label.stderr.contains("site BGR, not PWT"), "\(label.stderr)")
        let close = try sapu.run("shipment", "close", shipment, "--out", "docs", "--lang", "en")
        #expect(close.status != 0 && close.stderr.contains("site BGR"), "\(close.stderr)")
        #expect(try sapu.dump() == before)
        for folder in ["l1", "docs"] {
            #expect((try? FileManager.default.contentsOfDirectory(atPath: sapu.file(folder)))?.isEmpty ?? true)
        }

        // The site's own key, but readable by the group: refused as ssh refuses it, with the chmod to run.
        try own.write(to: URL(fileURLWithPath: sapu.file("PWT.key")))
        #expect(chmod(sapu.file("PWT.key"), 0o640) == 0)
        let open = try sapu.run("label", ids[1], "--out", "l2", "--lang", "en")
        #expect(open.status != 0 && open.stderr.contains("Run: chmod 600 \(sapu.file("PWT.key"))"), "\(open.stderr)")
        #expect(open.stderr.split(separator: "\n").count == 1)
        let closeOpen = try sapu.run("shipment", "close", shipment, "--out", "docs")
        #expect(closeOpen.status != 0 && closeOpen.stderr.contains("chmod 600"))
        #expect(try sapu.dump() == before)

        #expect(chmod(sapu.file("PWT.key"), 0o600) == 0)
        try sapu.ok("shipment", "close", shipment, "--out", "docs")
        #expect(try sapu.labelPayload(ids[1], folder: "l3").hasPrefix("SAPU1 K1 "))
    }

    /// "Current" was the last row of the database or the last line of the key file: after a
    /// rotation killed between the two, `key show` called a key current that the database did not know.
    @Test func keyShowSaysWhatTheDatabaseCallsCurrent() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let k1 = try sapu.privateKeys()
        let k2 = try SigningKey.generate(site: "PWT", keyID: "K2")
        try Data(SigningKey.keyFile(k1 + [k2]).utf8).write(to: URL(fileURLWithPath: sapu.file("PWT.key")))
        #expect(chmod(sapu.file("PWT.key"), 0o600) == 0)
        let shown = try #require(try sapu.json(try sapu.ok("key", "show", "--json")) as? [[String: Any]])
        #expect(shown.map { $0["keyID"] as? String } == ["K1"])
        #expect(shown.map { $0["current"] as? Bool } == [true])

        // Running rotate again registers that very K2 (no K3), and show follows.
        let rotated = try #require(try sapu.json(try sapu.ok("key", "rotate", "--json")) as? [String: Any])
        #expect(rotated["keyID"] as? String == "K2" && rotated["newKey"] as? Bool == false)
        #expect(rotated["fingerprint"] as? String == k2.publicKey.fingerprint)
        let after = try #require(try sapu.json(try sapu.ok("key", "show", "--json")) as? [[String: Any]])
        #expect(after.map { $0["keyID"] as? String } == ["K1", "K2"])
        #expect(after.map { $0["current"] as? Bool } == [false, true])
    }
}

@Suite("sapu verify: a signature counts only for the site it claims")
struct CrossSiteTrustTests {
    /// The partner keeps PWT's and BGR's keys in one file; both workshops have a K1.
    static func partnerTrustingTwoWorkshops(_ shop: ShippedWorkshop) throws -> (partner: SapuRunner, bgr: SapuRunner) {
        let partner = try shop.partner()
        let bgr = try SapuRunner()
        try bgr.ok("init", "--site", "BGR", "--name", "Lapas Bogor")
        let both = try String(contentsOfFile: shop.sapu.file("PWT.pub"), encoding: .utf8)
            + (try String(contentsOfFile: bgr.file("BGR.pub"), encoding: .utf8))
        try both.write(toFile: partner.file("workshops.pub"), atomically: true, encoding: .utf8)
        return (partner, bgr)
    }

    @Test func aManifestOrLabelSignedByAnotherWorkshopNeverCountsAsPWTs() throws {
        let shop = try ShippedWorkshop()
        let (partner, bgr) = try Self.partnerTrustingTwoWorkshops(shop)
        let bgrKey = try #require(try bgr.privateKeys("BGR").first)
        #expect(bgrKey.keyID == "K1")
        let manifest = shop.stem + ".manifest.json"
        let genuineBytes = try Data(contentsOf: URL(fileURLWithPath: partner.file(manifest)))

        // PWT's genuine manifest verifies with the two-workshop file, and PWT's labels are expected.
        let genuine = try partner.run(["verify", "--manifest", manifest, "--key", "workshops.pub", "--json", "--state", "g.jsonl"],
                                      input: shop.labels[shop.packed[0]]! + "\n")
        #expect(genuine.status == 0, "\(genuine.stderr)")
        #expect(outcomes(genuine) == ["expected"])

        // BGR's own label for a BPWT... batch, naming a bundle in the manifest with the manifest's maker and grade.
        let target = shop.labels[shop.packed[1]]!.split(separator: " ")
        let payload = try LabelPayload(keyID: "K1", product: String(target[2].dropFirst()), batch: String(target[3].dropFirst()),
                                       serial: Int(target[4].dropFirst())!, maker: String(target[5].dropFirst()),
                                       inspected: CalendarDate(compact: String(target[6].dropFirst()))!, result: .pass(.a),
                                       revision: Int(target[target.count - 2].dropFirst())!)
        let crossLabel = LabelCodec.sign(payload, with: bgrKey)
        let scanned = try partner.run(["verify", "--manifest", manifest, "--key", "workshops.pub", "--json", "--state", "g.jsonl"],
                                      input: crossLabel + "\n")
        #expect(outcomes(scanned) == ["forged"], "\(scanned.stdout)")
        let report = try #require(try partner.json(try partner.ok(contentsOf: [
            "verify", "--manifest", manifest, "--key", "workshops.pub", "--state", "g.jsonl", "--finish", "--json"])) as? [String: Any])
        #expect(report["received"] as? Int == 1 && report["forged"] as? Int == 1)

        // A manifest that claims shipper PWT, signed with BGR's key (a genuine BGR signature).
        try genuineBytes.write(to: URL(fileURLWithPath: partner.file("fake.manifest.json")))
        let bgrSigned = DetachedSignature(signing: [UInt8](genuineBytes), with: bgrKey)
        try bgrSigned.text.write(toFile: partner.file("fake.manifest.sig"), atomically: true, encoding: .utf8)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: partner.directory))
        let fooled = try partner.run("verify", "--manifest", "fake.manifest.json", "--key", "workshops.pub", "--lang", "en",
                                     input: shop.labels[shop.packed[0]]! + "\n")
        #expect(fooled.status != 0)
        #expect(fooled.stderr.contains("claims to be from PWT") && fooled.stderr.contains("signed by BGR K1")
                && fooled.stderr.contains("do NOT accept"), "\(fooled.stderr)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: partner.directory)) == before, "no state file")

        // The same signature under a .sig line that names PWT K1: PWT's key does not verify it.
        let renamed = "sapu-signature PWT K1 " + bgrSigned.text.split(separator: " ")[3]
        try renamed.write(toFile: partner.file("fake.manifest.sig"), atomically: true, encoding: .utf8)
        let tampered = try partner.run("verify", "--manifest", "fake.manifest.json", "--key", "workshops.pub", "--lang", "en")
        #expect(tampered.status != 0 && tampered.stderr.contains("signature does not match"), "\(tampered.stderr)")
    }

    /// A manifest claiming K2 but signed with K1 was accepted: whoever holds a retired key
    /// could pass a manifest off as signed with the current one.
    @Test func aManifestMustNameTheKeyThatSignedIt() throws {
        let shop = try ShippedWorkshop()
        try shop.sapu.ok("key", "rotate")
        let partner = try shop.partner()
        try FileManager.default.removeItem(atPath: partner.file("PWT.pub"))
        try shop.sapu.ok("key", "export", "--out", partner.file("PWT.pub"))
        let keys = try shop.sapu.privateKeys()
        let (k1, k2) = (keys[0], keys[1])
        #expect(k1.keyID == "K1" && k2.keyID == "K2")

        // The K1 manifest, edited to claim K2 and re-signed with K1.
        var text = try String(contentsOfFile: partner.file(shop.stem + ".manifest.json"), encoding: .utf8)
        #expect(text.contains("\"keyID\" : \"K1\""))
        text = text.replacingOccurrences(of: "\"keyID\" : \"K1\"", with: "\"keyID\" : \"K2\"")
            .replacingOccurrences(of: k1.publicKey.fingerprint, with: k2.publicKey.fingerprint)
        try text.write(toFile: partner.file("claims.manifest.json"), atomically: true, encoding: .utf8)
        try DetachedSignature(signing: Array(text.utf8), with: k1).text
            .write(toFile: partner.file("claims.manifest.sig"), atomically: true, encoding: .utf8)
        let refused = try partner.run("verify", "--manifest", "claims.manifest.json", "--key", "PWT.pub", "--lang", "en")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("claims to be from PWT K2") && refused.stderr.contains("signed by PWT K1"), "\(refused.stderr)")

        // The genuine K1 manifest still verifies under the retired K1: old documents stay valid.
        try partner.ok(contentsOf: shop.verifyArguments, input: shop.labels[shop.packed[0]]! + "\n")
    }

    /// A manifest signed with a key the partner's file lacked was reported as altered.
    @Test func aKeyThePartnerLacksIsReportedAsUnknownNotAsTampering() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()  // holds PWT.pub with K1 only
        try shop.sapu.ok("key", "rotate")

        // A bundle outside the shipment relabelled under K2: its label names a key the partner lacks.
        let relabelled = try shop.sapu.labelPayload(shop.unpacked[0], folder: "k2", again: true)
        #expect(relabelled.hasPrefix("SAPU1 K2 "))
        let scanned = try partner.run(shop.verifyArguments + ["--json", "--lang", "en", "--state", "u.jsonl"], input: relabelled + "\n")
        #expect(outcomes(scanned) == ["unknown-key"], "\(scanned.stdout)")
        #expect(scanned.stdout.contains("key K2 of PWT"), "\(scanned.stdout)")

        // A shipment closed after the rotation: its manifest is signed with K2.
        let second = try shop.sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try shop.sapu.ok("scan", "--mode", "pack", "--shipment", second, input: shop.unpacked[1] + "\n")
        try shop.sapu.ok("shipment", "close", second, "--out", "docs2")
        let stem = second.replacingOccurrences(of: "/", with: "-")
        for suffix in [".manifest.json", ".manifest.sig"] {
            try FileManager.default.copyItem(atPath: shop.sapu.file("docs2/" + stem + suffix), toPath: partner.file(stem + suffix))
        }
        for language in ["en", "id"] {
            let output = try partner.run("verify", "--manifest", stem + ".manifest.json", "--key", "PWT.pub", "--lang", language)
            #expect(output.status != 0)
            #expect(output.stderr.split(separator: "\n").count == 1)
            #expect(output.stderr.contains("K2") && output.stderr.contains("PWT"), "\(output.stderr)")
            #expect(!output.stderr.contains("JANGAN") && !output.stderr.contains("do NOT"), "reported as tampering: \(output.stderr)")
            #expect(output.stderr.contains(language == "en" ? "confirm its fingerprint" : "cocokkan sidik jarinya"), "\(output.stderr)")
        }

        // With the workshop's new key file (confirmed by fingerprint), both verify.
        try FileManager.default.removeItem(atPath: partner.file("PWT.pub"))
        try shop.sapu.ok("key", "export", "--out", partner.file("PWT.pub"))
        let shown = try #require(try partner.json(try partner.ok("key", "show", "--file", "PWT.pub", "--json")) as? [[String: Any]])
        let current = try #require(try shop.sapu.json(try shop.sapu.ok("key", "show", "--json")) as? [[String: Any]])
        #expect(shown.map { $0["fingerprint"] as? String } == current.map { $0["fingerprint"] as? String })
        try partner.ok("verify", "--manifest", stem + ".manifest.json", "--key", "PWT.pub", input: "")
        // The same state file: the scan answered "unknown key" is checked again, now as a genuine extra bundle.
        let again = try #require(try partner.json(try partner.ok(contentsOf: shop.verifyArguments + [
            "--state", "u.jsonl", "--finish", "--json"])) as? [String: Any])
        #expect(again["forged"] as? Int == 0 && again["extraBundles"] as? [String] == [shop.unpacked[0]], "\(again)")
    }
}

@Suite("sapu label: a reprint after a rotation is a new revision")
struct RotationRevisionTests {
    @Test func theOldLabelIsSupersededAtTheStationAndAtThePartner() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        let ids = ["\(batch)-0001", "\(batch)-0002"]
        let old = try sapu.labelPayload(ids[0], folder: "r1")
        let other = try sapu.labelPayload(ids[1], folder: "r1b")
        #expect(old.hasPrefix("SAPU1 K1 ") && old.contains(" R1 "))
        try sapu.ok("key", "rotate")
        let reprint = try sapu.labelPayload(ids[0], folder: "r2", again: true)
        #expect(reprint.hasPrefix("SAPU1 K2 ") && reprint.contains(" R2 "), "\(reprint)")
        // Printing again under the same key keeps the revision.
        #expect(try sapu.labelPayload(ids[0], folder: "r2b", again: true) == reprint)

        let station = try sapu.scan("receive", [old, reprint, other])
        #expect(station.outcomes == ["superseded", "accepted", "accepted"], "\(station.answers)")

        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu.ok("scan", "--mode", "pack", "--shipment", shipment, input: reprint + "\n" + other + "\n")
        try sapu.ok("shipment", "close", shipment, "--out", "docs")
        let stem = shipment.replacingOccurrences(of: "/", with: "-")
        let partner = try SapuRunner()
        for file in ["docs/" + stem + ".manifest.json", "docs/" + stem + ".manifest.sig", "PWT.pub"] {
            try FileManager.default.copyItem(atPath: sapu.file(file), toPath: partner.file((file as NSString).lastPathComponent))
        }
        let checked = try partner.run(["verify", "--manifest", stem + ".manifest.json", "--key", "PWT.pub", "--json"],
                                      input: [old, reprint, other].joined(separator: "\n") + "\n")
        #expect(outcomes(checked) == ["superseded", "expected", "expected"], "\(checked.stdout)")
    }
}

@Suite("sapu key export --format pem: OpenSSL verifies labels and manifests")
struct PEMExportTests {
    /// The `sh` blocks and the demo PEM of docs/keys.md's OpenSSL section, as written there.
    static func recipe() throws -> (decode: String, label: String, manifest: String, demoPEM: String) {
        let doc = try String(contentsOfFile: SapuRunner.packageRoot + "/docs/keys.md", encoding: .utf8)
        func blocks(_ language: String) -> [String] {
            doc.components(separatedBy: "```" + language + "\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        }
        let sh = blocks("sh")
        let text = blocks("text")
        try #require(sh.count == 3 && text.count == 1, "docs/keys.md lost its OpenSSL recipe")
        return (sh[0], sh[1], sh[2], text[0])
    }

    static func shell(_ script: String, in directory: String) throws -> SapuRunner.Output {
        try SapuRunner.execute("/bin/sh", ["-c", script], directory: directory)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl"))
    func theDocumentedCommandsVerifyExportedKeysWithOpenSSL() throws {
        let recipe = try Self.recipe()

        // The demo label and its PEM, exactly as docs/keys.md gives them.
        let demo = try SapuRunner()
        try recipe.demoPEM.write(toFile: demo.file("PWT-K1.pem"), atomically: true, encoding: .utf8)
        let demoRun = try Self.shell(recipe.decode + recipe.label, in: demo.directory)
        #expect(demoRun.status == 0 && demoRun.stdout.contains("Signature Verified Successfully"), "\(demoRun.stdout) \(demoRun.stderr)")
        // The documented decoding refuses what Sapu refuses: a non-zero trailing bit, an I.
        for (from, to) in [("M3C28'", "M3C29'"), ("68A8YEEQ", "6IA8YEEQ")] {
            let bad = try Self.shell(recipe.decode + recipe.label.replacingOccurrences(of: from, with: to), in: demo.directory)
            #expect(bad.status != 0 && !bad.stdout.contains("Verified Successfully"), "\(to): \(bad.stdout)")
        }

        // A real site after a rotation: one PEM file per key, named SITE-KEYID.pem.
        let shop = try ShippedWorkshop(ship: false)
        try shop.sapu.ok("key", "rotate")
        let exported = try shop.sapu.ok("key", "export", "--format", "pem", "--out", "docs", "--json")
        let paths = try #require(try shop.sapu.json(exported) as? [String: [String]])["publicKeys"]
        #expect(paths?.map { ($0 as NSString).lastPathComponent } == ["PWT-K1.pem", "PWT-K2.pem"])
        let pem = try String(contentsOfFile: shop.docs + "/PWT-K2.pem", encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n") && pem.hasSuffix("-----END PUBLIC KEY-----\n"))
        let parsed = try SapuRunner.execute("openssl", ["pkey", "-pubin", "-in", shop.docs + "/PWT-K2.pem", "-noout", "-text"])
        #expect(parsed.status == 0 && parsed.stdout.contains("ED25519 Public-Key"), "\(parsed.stdout) \(parsed.stderr)")

        // The manifest (signed with K1 before the rotation) with the documented commands, verbatim.
        #expect(shop.stem == "001-SJ-PWT-XI-2025")
        let manifestRun = try Self.shell(recipe.decode + recipe.manifest, in: shop.docs)
        #expect(manifestRun.status == 0 && manifestRun.stdout.contains("Signature Verified Successfully"),
                "\(manifestRun.stdout) \(manifestRun.stderr)")

        // A label printed after the rotation, with the documented label commands on its text.
        let label = try shop.sapu.labelPayload(shop.unpacked[0], folder: "docs/k2", again: true)
        let labelScript = recipe.label.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("label=") ? "label='\(label)'" : line.replacingOccurrences(of: "PWT-K1.pem", with: "PWT-K2.pem")
        }.joined(separator: "\n")
        let labelRun = try Self.shell(recipe.decode + labelScript, in: shop.docs)
        #expect(labelRun.status == 0 && labelRun.stdout.contains("Signature Verified Successfully"), "\(labelRun.stdout) \(labelRun.stderr)")
        // The other key does not verify it.
        let wrongKey = try Self.shell(recipe.decode + labelScript.replacingOccurrences(of: "PWT-K2.pem", with: "PWT-K1.pem"),
                                      in: shop.docs)
        #expect(wrongKey.status != 0)
    }
}
