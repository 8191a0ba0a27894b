import Foundation
import SapuCore
import Testing

/// Receipts the genuine partner signed but that cannot all be true: the partner's key proves
/// who said it, not that it adds up, so the workshop checks the lists against the shipment.
@Suite("sapu: receipts whose lists do not fit the shipment")
struct ReceiptAttackTests {
    /// The receipt of a clean delivery, edited as JSON and signed again with the partner's own key.
    static func signedByPartner(_ shop: ShippedWorkshop, edit: (inout [String: Any]) -> Void) throws -> String {
        let partner = try shop.partner()
        let genuine = try PartnerTests.finishReceipt(shop, partner, labels: shop.packed, at: "2025-11-22T09:00:00+07:00")
        var receipt = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: genuine)))
            as? [String: Any])
        edit(&receipt)
        let bytes = try JSONSerialization.data(withJSONObject: receipt, options: [.sortedKeys, .prettyPrinted])
        let keys = try partner.privateKeys("own/PHC")
        let path = shop.sapu.directory + "/edited.receipt.json"
        try bytes.write(to: URL(fileURLWithPath: path))
        try Data(DetachedSignature(signing: [UInt8](bytes), with: try #require(keys.first)).text.utf8)
            .write(to: URL(fileURLWithPath: shop.sapu.directory + "/edited.receipt.sig"))
        return path
    }

    /// A receipt that leaves a bundle out altogether (and says it expected one fewer) once
    /// marked the shipment delivered with that bundle still `shipped`.
    @Test func aReceiptThatLeavesABundleOutIsRefused() throws {
        let shop = try ShippedWorkshop()
        let left = shop.packed[49]
        let receipt = try Self.signedByPartner(shop) { receipt in
            receipt["received"] = (receipt["received"] as? [String] ?? []).filter { $0 != left }
            receipt["expected"] = 49
        }
        let before = try shop.sapu.dump()
        let output = try shop.sapu.run("shipment", "reconcile", receipt, "--lang", "en")
        #expect(output.status != 0)
        #expect(output.stderr.contains("do not add up"), "\(output.stderr)")
        #expect(try shop.sapu.dump() == before)
    }

    /// Received and, at the same time, not in the manifest.
    @Test func aBundleBothReceivedAndExtraIsRefused() throws {
        let shop = try ShippedWorkshop()
        let receipt = try Self.signedByPartner(shop) { $0["extra"] = [shop.packed[0]] }
        let before = try shop.sapu.dump()
        let output = try shop.sapu.run("shipment", "reconcile", receipt, "--lang", "en")
        #expect(output.status != 0)
        #expect(output.stderr.contains("do not add up"), "\(output.stderr)")
        #expect(try shop.sapu.dump() == before)
    }

    /// A bundle the workshop never made is not in the shipment, and is named as such.
    @Test func aReceiptNamingABundleThatDoesNotExistSaysItIsNotInTheShipment() throws {
        let shop = try ShippedWorkshop()
        let stranger = String(shop.packed[0].dropLast(4)) + "9999"
        let receipt = try Self.signedByPartner(shop) { receipt in
            var received = receipt["received"] as? [String] ?? []
            received[received.count - 1] = stranger
            receipt["received"] = received
        }
        let before = try shop.sapu.dump()
        let output = try shop.sapu.run("shipment", "reconcile", receipt, "--lang", "en")
        #expect(output.status != 0)
        #expect(output.stderr.contains("names bundle \(stranger), which is not in shipment"), "\(output.stderr)")
        #expect(try shop.sapu.dump() == before)
    }

    /// Foundation's decoder kept the first of two `missing` keys, Python's `json` the last:
    /// one signed receipt said "delivered" to Sapu and "one missing" to a partner's own tool.
    @Test func aReceiptThatRepeatsAKeyIsRefused() throws {
        let shop = try ShippedWorkshop()
        let lost = shop.packed[49]
        let receipt = try Self.signedByPartner(shop) { receipt in
            receipt["received"] = (receipt["received"] as? [String] ?? []).filter { $0 != lost }
            receipt["missing"] = [lost]
        }
        // The same lists once more at the start of the object, saying everything arrived.
        var text = try String(contentsOfFile: receipt, encoding: .utf8)
        let listed = shop.packed.map { "\"\($0)\"" }.joined(separator: ",")
        text = "{\"missing\":[],\"received\":[\(listed)]," + text.dropFirst()
        let bytes = Array(text.utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: receipt))
        let keys = try shop.partner().privateKeys("own/PHC")
        try Data(DetachedSignature(signing: bytes, with: try #require(keys.first)).text.utf8)
            .write(to: URL(fileURLWithPath: shop.sapu.directory + "/edited.receipt.sig"))
        let before = try shop.sapu.dump()
        let output = try shop.sapu.run("shipment", "reconcile", receipt, "--lang", "en")
        #expect(output.status != 0)
        #expect(output.stderr.contains("is not a readable Sapu receipt"), "\(output.stderr)")
        #expect(try shop.sapu.dump() == before)
    }

    /// Signed JSON that parsers read differently (a byte-order mark, a comma before a closing
    /// bracket, `50.0` for a count), a receipt without `forgedBundles`, and a `finished` on a
    /// day the calendar does not have: Sapu accepted each, a verifier written from docs/ in
    /// Python refused it. docs/shipments.md, "Signed JSON" and "The receipt".
    @Test func aReceiptThatOtherReadersWouldReadDifferentlyIsRefused() throws {
        let shop = try ShippedWorkshop()
        let count = shop.packed.count
        let keys = try shop.partner().privateKeys("own/PHC")
        func resign(_ path: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            try Data(DetachedSignature(signing: Array(text.utf8), with: try #require(keys.first)).text.utf8)
                .write(to: URL(fileURLWithPath: shop.sapu.directory + "/edited.receipt.sig"))
        }
        let marked = try Self.signedByPartner(shop) { $0["expected"] = 123_456_789 }
        let text = try String(contentsOfFile: marked, encoding: .utf8).replacingOccurrences(of: "123456789", with: "\(count)")
        let end = try #require(text.lastIndex(of: "}"))
        let edits: [(String, () throws -> String)] = [
            ("byte-order mark", { try resign(marked, "\u{FEFF}" + text); return marked }),
            ("trailing comma", { try resign(marked, text[..<end].trimmingCharacters(in: .whitespacesAndNewlines) + ",\n}\n"); return marked }),
            ("fractional count", {
                try resign(marked, text.replacingOccurrences(of: "\(count)", with: "\(count).0", options: [],
                                                             range: text.range(of: "\"expected\"")!.upperBound..<text.endIndex))
                return marked
            }),
            ("no forgedBundles", { try Self.signedByPartner(shop) { $0["forgedBundles"] = nil } }),
            ("31 February", { try Self.signedByPartner(shop) { $0["finished"] = "2025-02-31T09:00:00+07:00" } }),
        ]
        let before = try shop.sapu.dump()
        for (what, edit) in edits {
            let path = try edit()
            let output = try shop.sapu.run("shipment", "reconcile", path, "--lang", "en")
            #expect(output.status != 0, "\(what)")
            #expect(output.stderr.contains("is not a readable Sapu receipt"), "\(what): \(output.stderr)")
            #expect(try shop.sapu.dump() == before, "\(what)")
        }
        // Signed the same way but unedited, the receipt is applied: the checks above are what refused.
        try resign(marked, text)
        let applied = try shop.sapu.run("shipment", "reconcile", marked, "--lang", "en")
        #expect(applied.status == 0, "\(applied.stderr)")
    }
}
