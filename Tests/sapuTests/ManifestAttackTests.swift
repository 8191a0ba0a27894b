import Foundation
import SapuCore
import Testing

/// Manifests whose signature is genuine but whose list Sapu never writes: a verified
/// signature proves who wrote the list, not that it can be true.
@Suite("sapu verify: genuinely signed manifests that cannot be true")
struct ManifestAttackTests {
    /// Edits the shipment's manifest as JSON, signs it with `key` and runs `sapu verify` on it with `ring`.
    static func verifyEdited(_ shop: ShippedWorkshop, _ partner: SapuRunner, ring: String, key: SigningKey,
                             state: String = UUID().uuidString + ".verify.jsonl", edit: (inout [String: Any]) -> Void) throws -> SapuRunner.Output {
        let genuine = try Data(contentsOf: URL(fileURLWithPath: partner.file(shop.stem + ".manifest.json")))
        var manifest = try #require(try JSONSerialization.jsonObject(with: genuine) as? [String: Any])
        edit(&manifest)
        let bytes = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys, .prettyPrinted])
        try bytes.write(to: URL(fileURLWithPath: partner.file("edited.manifest.json")))
        try DetachedSignature(signing: [UInt8](bytes), with: key).text
            .write(toFile: partner.file("edited.manifest.sig"), atomically: true, encoding: .utf8)
        let lines = shop.packed.map { shop.labels[$0]! }.joined(separator: "\n") + "\n"
        return try partner.run(["verify", "--manifest", "edited.manifest.json", "--key", ring, "--lang", "en",
                                "--state", state], input: lines)
    }

    /// BGR signs a manifest in its own name (its key, its fingerprint) that lists PWT's
    /// bundles: PWT's genuine labels then counted as expected in a BGR shipment.
    @Test func aWorkshopsManifestListingAnotherWorkshopsBundlesIsRefused() throws {
        let shop = try ShippedWorkshop()
        let (partner, bgr) = try CrossSiteTrustTests.partnerTrustingTwoWorkshops(shop)
        let bgrKey = try #require(try bgr.privateKeys("BGR").first)
        let output = try Self.verifyEdited(shop, partner, ring: "workshops.pub", key: bgrKey,
                                              state: "edited.verify.jsonl") { manifest in
            manifest["shipper"] = ["site": "BGR", "name": "Lapas Bogor"]
            manifest["keyFingerprint"] = bgrKey.publicKey.fingerprint
            manifest["shipment"] = "001/SJ/BGR/XI/2025"
        }
        #expect(output.status != 0)
        #expect(output.stderr.contains("is not a readable Sapu manifest"), "\(output.stderr)")
        #expect(!output.stdout.contains("EXPECTED"))
        #expect(!FileManager.default.fileExists(atPath: partner.file("edited.verify.jsonl")))
    }

    /// The same bundle twice, an id that is not its batch and serial, a failed grade: the
    /// partner's count could never come out right.
    @Test func aManifestWithABundleTwiceOrAnIdThatIsNotItsBatchAndSerialIsRefused() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let pwtKey = try #require(try shop.sapu.privateKeys().first)
        let edits: [(inout [String: Any]) -> Void] = [
            { manifest in
                var bundles = manifest["bundles"] as? [[String: Any]] ?? []
                bundles.append(bundles[0])
                manifest["bundles"] = bundles
                manifest["bundleCount"] = bundles.count
                var totals = manifest["totals"] as? [[String: Any]] ?? []
                totals[0]["bundles"] = (totals[0]["bundles"] as? Int ?? 0) + 1
                totals[0]["brooms"] = (totals[0]["brooms"] as? Int ?? 0) + 10
                manifest["totals"] = totals
                manifest["broomCount"] = (manifest["broomCount"] as? Int ?? 0) + 10
            },
            { manifest in
                var bundles = manifest["bundles"] as? [[String: Any]] ?? []
                bundles[0]["serial"] = 59
                manifest["bundles"] = bundles
            },
            { manifest in
                var bundles = manifest["bundles"] as? [[String: Any]] ?? []
                bundles[0]["id"] = (bundles[0]["id"] as? String ?? "").lowercased()
                manifest["bundles"] = bundles
            },
            { manifest in
                var bundles = manifest["bundles"] as? [[String: Any]] ?? []
                bundles[0]["grade"] = "FAIL"
                manifest["bundles"] = bundles
            },
        ]
        for edit in edits {
            let output = try Self.verifyEdited(shop, partner, ring: "PWT.pub", key: pwtKey, edit: edit)
            #expect(output.status != 0)
            #expect(output.stderr.contains("is not a readable Sapu manifest"), "\(output.stderr)")
        }
        // Signed the same way but unedited, the list is accepted: the checks above are what refused.
        let unedited = try Self.verifyEdited(shop, partner, ring: "PWT.pub", key: pwtKey) { _ in }
        #expect(unedited.status == 0, "\(unedited.stderr)")
    }

    /// A `.sig` naming the site in lower case was answered "signed with a key your file does
    /// not have (this does not mean it was altered)"; Sapu never writes one, so it was edited.
    /// A manifest with a comma before a closing bracket or `9.0` for a count was accepted by
    /// Sapu and refused by Python's `json`. docs/shipments.md, "Signature files", "Signed JSON".
    @Test func aSignatureFileOrManifestSapuNeverWritesIsRefused() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let signature = try String(contentsOfFile: partner.file(shop.stem + ".manifest.sig"), encoding: .utf8)
        try signature.replacingOccurrences(of: " PWT ", with: " pwt ")
            .write(toFile: partner.file(shop.stem + ".manifest.sig"), atomically: true, encoding: .utf8)
        let lowered = try partner.run(["verify", "--manifest", shop.stem + ".manifest.json", "--key", "PWT.pub", "--lang", "en",
                                       "--state", "lowered.verify.jsonl"], input: "")
        #expect(lowered.status != 0)
        #expect(lowered.stderr.contains("signature does not match"), "\(lowered.stderr)")
        #expect(!lowered.stderr.contains("does not have"), "\(lowered.stderr)")

        let pwtKey = try #require(try shop.sapu.privateKeys().first)
        let genuine = try String(contentsOfFile: partner.file(shop.stem + ".manifest.json"), encoding: .utf8)
        let end = try #require(genuine.lastIndex(of: "}"))
        let count = "\"bundleCount\" : \(shop.packed.count)"
        #expect(genuine.contains(count))
        for edited in [genuine[..<end].trimmingCharacters(in: .whitespacesAndNewlines) + ",\n}\n",
                       genuine.replacingOccurrences(of: count, with: count + ".0"), "\u{FEFF}" + genuine, genuine] {
            try edited.write(toFile: partner.file("edited.manifest.json"), atomically: true, encoding: .utf8)
            try DetachedSignature(signing: Array(edited.utf8), with: pwtKey).text
                .write(toFile: partner.file("edited.manifest.sig"), atomically: true, encoding: .utf8)
            let output = try partner.run(["verify", "--manifest", "edited.manifest.json", "--key", "PWT.pub", "--lang", "en",
                                          "--state", UUID().uuidString + ".verify.jsonl"], input: "")
            if edited == genuine {
                #expect(output.status == 0, "\(output.stderr)")
            } else {
                #expect(output.status != 0)
                #expect(output.stderr.contains("is not a readable Sapu manifest"), "\(output.stderr)")
            }
        }
    }

    /// Every file a partner or the workshop hands to sapu is bounded: a device read without
    /// end, or a file larger than any Sapu writes, is refused before it is read.
    @Test func aManifestKeyOrReceiptThatIsADeviceOrHugeIsRefusedBeforeItIsRead() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let huge = partner.file("huge.json")
        #expect(FileManager.default.createFile(atPath: huge, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
        try handle.truncate(atOffset: 65 << 20)
        try handle.close()
        let manifest = shop.stem + ".manifest.json"
        for arguments in [["verify", "--manifest", "/dev/zero", "--key", "PWT.pub"],
                          ["verify", "--manifest", huge, "--key", "PWT.pub"],
                          ["verify", "--manifest", manifest, "--key", "/dev/zero"],
                          ["verify", "--manifest", manifest, "--key", "PWT.pub", "--signature", "/dev/zero"]] {
            let output = try partner.run(arguments + ["--lang", "en"], input: "")
            #expect(output.status != 0, "\(arguments)")
            #expect(output.stderr.contains("is not a plain file of at most 64 MiB"), "\(arguments): \(output.stderr)")
        }
        let before = try shop.sapu.dump()
        let refused = try shop.sapu.run(["shipment", "reconcile", huge, "--signature", "/dev/zero", "--lang", "en"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is not a plain file of at most 64 MiB"), "\(refused.stderr)")
        #expect(try shop.sapu.dump() == before)
    }
}
