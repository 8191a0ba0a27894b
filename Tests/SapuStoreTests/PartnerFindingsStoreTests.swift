import Foundation
import GRDB
import SapuCore
@testable import SapuStore
import Testing

/// What a receipt says beyond the manifest: extra bundles and forged labels (issue 10, item 3).
@Suite("SQLite store: extra bundles and forged labels from a receipt")
struct PartnerFindingsStoreTests {
    static let later = Instant(iso8601: "2025-11-22T09:00:00+07:00")!
    static let latest = Instant(iso8601: "2025-11-23T09:00:00+07:00")!

    /// Three bundles shipped to PHC, two more in stock, and one packed into a second, open shipment.
    struct Scene {
        let db: TemporaryStore
        let shipment: Shipment
        let shipped: [BundleID]
        let inStock: [BundleID]
        let packedElsewhere: BundleID
    }

    static func site() throws -> Scene {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let ids = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 6,
                                       actor: TemporaryStore.actor, at: TemporaryStore.day).map(\.id)
        _ = try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.applyScans(ids.map { ScanRequest(bundle: $0, label: nil) }, mode: .receive, shipment: nil,
                                    actor: TemporaryStore.actor, at: TemporaryStore.day)
        let shipment = try db.store.createShipment(ShipmentDraft(), at: TemporaryStore.day)
        _ = try db.store.applyScans(ids.prefix(3).map { ScanRequest(bundle: $0, label: nil) }, mode: .pack,
                                    shipment: shipment.id, actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.closeShipment(shipment.id, documents: DocumentPlan(directory: db.directory, names: ["manifest"]),
                                       at: TemporaryStore.day) { _, _ throws(SapuError) in
            ClosingDocuments(manifestSHA256: "manifest", files: [Array("manifest".utf8)])
        }
        let other = try db.store.createShipment(ShipmentDraft(), at: TemporaryStore.day)
        _ = try db.store.applyScans([ScanRequest(bundle: ids[5], label: nil)], mode: .pack, shipment: other.id,
                                    actor: TemporaryStore.actor, at: TemporaryStore.day)
        let shipped = try db.store.shipShipment(shipment.id, actor: TemporaryStore.actor, at: TemporaryStore.day)
        return Scene(db: db, shipment: shipped, shipped: Array(ids.prefix(3)), inStock: [ids[3], ids[4]], packedElsewhere: ids[5])
    }

    /// A receipt as the partner's Sapu writes it (real JSON, so that it reads back), all shipped bundles received.
    static func receipt(_ site: Scene, extra: [String], forgedBundles: [String] = [], forged: Int = 0,
                        finished: Instant) throws -> VerifiedReceipt {
        let object: [String: Any] = [
            "format": Receipt.format, "shipment": site.shipment.id, "manifestSHA256": "manifest", "shipper": "PWT",
            "receiver": ["name": "CV. Pusat Handicraft", "site": "PHC"], "keyID": "K1", "finished": finished.iso8601,
            "expected": 3, "received": site.shipped.map(\.description), "receivedByHand": [String](), "missing": [String](),
            "extra": extra, "duplicates": [String](), "forged": forged, "forgedBundles": forgedBundles,
            "mismatched": [[String: String]](),
        ]
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]))
        let decoded = try ShipmentFiles.decodeReceipt(bytes, path: "r")
        return VerifiedReceipt(shipment: site.shipment.id, partner: "PHC", key: site.db.partnerKey.publicKey,
                               sha256: Digest.sha256Hex(bytes), manifestSHA256: "manifest", finished: finished, bytes: bytes,
                               signature: "sapu-signature PHC K1 X\n", outcomes: try decoded.outcomes(path: "r"),
                               clean: decoded.isClean)
    }

    func events(_ site: Scene, _ move: Move) throws -> [String] {
        try site.db.store.read { db in
            try String.fetchAll(db, sql: "SELECT bundle || ' ' || state || ' ' || shipment FROM event WHERE move = ? ORDER BY seq",
                                arguments: [move.rawValue])
        }
    }

    @Test func aBundleStillInStockThatThePartnerHasBecomesExtraWithAnEvent() throws {
        let site = try Self.site()
        let stranger = "PWT251121A-0099"
        let applied = try site.db.store.applyReceipt(
            try Self.receipt(site, extra: [site.inStock[0].description, site.packedElsewhere.description, stranger],
                             finished: TemporaryStore.day),
            actor: TemporaryStore.actor, at: Self.later)
        #expect(applied.extras.map(\.effect) == [.marked, .unchanged(.packed), .unknown])
        #expect(applied.changed == 4)
        #expect(applied.shipment.status == .disputed)
        #expect(try site.db.store.bundle(site.inStock[0]).state == .extra)
        #expect(try site.db.store.bundle(site.inStock[1]).state == .inStock)
        #expect(try site.db.store.bundle(site.packedElsewhere).state == .packed)
        #expect(try events(site, .reportExtra) == ["\(site.inStock[0]) extra \(site.shipment.id)"])
        // It is not in stock any more, and return mode takes it back.
        let returned = try site.db.store.applyScans([ScanRequest(bundle: site.inStock[0], label: nil)], mode: .return,
                                                    shipment: nil, actor: TemporaryStore.actor, at: Self.latest)
        #expect(returned.first?.state == .returned)
    }

    @Test func forgedClaimsAreNotedOncePerShipmentAndExtrasOnce() throws {
        let site = try Self.site()
        let first = try Self.receipt(site, extra: [site.inStock[0].description],
                                     forgedBundles: [site.shipped[1].description, "PWT251121A-0099"], forged: 2,
                                     finished: TemporaryStore.day)
        let applied = try site.db.store.applyReceipt(first, actor: TemporaryStore.actor, at: Self.later)
        #expect(applied.forgedNoted == [site.shipped[1]])
        // The same receipt again: nothing, not even a note.
        let again = try site.db.store.applyReceipt(first, actor: TemporaryStore.actor, at: Self.latest)
        #expect(again.effect == .alreadyApplied && again.extras.isEmpty && again.forgedNoted.isEmpty)
        // A corrected receipt naming them again adds no event either.
        let corrected = try Self.receipt(site, extra: [site.inStock[0].description],
                                         forgedBundles: [site.shipped[1].description], forged: 1, finished: Self.later)
        let second = try site.db.store.applyReceipt(corrected, actor: TemporaryStore.actor, at: Self.latest)
        #expect(second.extras.map(\.effect) == [.alreadyExtra] && second.forgedNoted.isEmpty && second.changed == 0)
        #expect(try events(site, .reportForged) == ["\(site.shipped[1]) received \(site.shipment.id)"])
        #expect(try events(site, .reportExtra).count == 1)
        #expect(try site.db.store.bundle(site.shipped[1]).state == .received)
    }

    @Test func aNewerReceiptThatNoLongerNamesAnExtraBundleSaysSoAndLeavesIt() throws {
        let site = try Self.site()
        _ = try site.db.store.applyReceipt(try Self.receipt(site, extra: [site.inStock[0].description], finished: TemporaryStore.day),
                                           actor: TemporaryStore.actor, at: Self.later)
        let clean = try site.db.store.applyReceipt(try Self.receipt(site, extra: [], finished: Self.later),
                                                   actor: TemporaryStore.actor, at: Self.latest)
        #expect(clean.extrasNoLongerNamed == [site.inStock[0]])
        #expect(clean.shipment.status == .delivered)
        #expect(try site.db.store.bundle(site.inStock[0]).state == .extra)
    }

    @Test func theReceiptInForceGivesEachShipmentItsExtraAndForgedCounts() throws {
        let site = try Self.site()
        #expect(try site.db.store.receiptInForce(forShipment: site.shipment.id).map { _ in true } == nil)
        _ = try site.db.store.applyReceipt(
            try Self.receipt(site, extra: [site.inStock[0].description, "PWT251121A-0099"],
                             forgedBundles: [site.shipped[0].description], forged: 3, finished: TemporaryStore.day),
            actor: TemporaryStore.actor, at: Self.later)
        let report = try site.db.store.shipmentsReport(try ReportPeriod())
        let outcome = try #require(report.shipments.first { $0.id == site.shipment.id })
        #expect([outcome.sent, outcome.received, outcome.extra, outcome.forged] == [Int]([3, 3, 2, 3]))
        #expect(report.total.extra == 2 && report.total.forged == 3)
        let inForce = try #require(try site.db.store.receiptInForce(forShipment: site.shipment.id))
        #expect(inForce.receipt.extra == [site.inStock[0].description, "PWT251121A-0099"])
        #expect(inForce.stored.partner == "PHC")
    }
}
