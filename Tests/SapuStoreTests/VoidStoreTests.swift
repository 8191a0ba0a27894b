import Foundation
import GRDB
import SapuCore
import SapuStore
import Testing

/// Every figure the reports are computed from, to compare a site before and after a void.
private struct Figures: Equatable {
    var stock: [StockCount]
    var stockAtDay: StockReport
    var byBatch: InspectionHistory
    var byMaker: InspectionHistory
    var shipments: ShipmentsReport
    var listed: [String]

    init(_ store: SQLiteStore) throws {
        stock = try store.stock()
        stockAtDay = try store.stockReport(asOf: TemporaryStore.day.date)
        byBatch = try store.inspectionHistory(try ReportPeriod(), detail: .batches)
        byMaker = try store.inspectionHistory(try ReportPeriod(from: TemporaryStore.day.date, to: TemporaryStore.day.date),
                                              detail: .makers)
        shipments = try store.shipmentsReport(try ReportPeriod())
        listed = try store.bundles(batch: nil, state: nil).map(\.id.description)
    }
}

@Suite("SQLite store: voids")
struct VoidStoreTests {
    let actor = TemporaryStore.actor
    let day = TemporaryStore.day

    private func inspect(_ db: TemporaryStore, _ batch: String, _ result: QCResult, count: Int) throws -> [BundleID] {
        try db.store.inspect(batch: batch, maker: "M042", result: result, count: count, actor: actor, at: day).map(\.id)
    }

    private func scan(_ db: TemporaryStore, _ ids: [BundleID], _ mode: ScanMode, shipment: String? = nil) throws -> [ScanResult] {
        try db.store.applyScans(ids.map { ScanRequest(bundle: $0, label: nil) }, mode: mode, shipment: shipment, actor: actor, at: day)
    }

    /// Bundles made by mistake in every voidable state (inspected, labelled, in stock,
    /// quarantined, re-inspected), then voided: every count is what it was before they existed.
    @Test func voidedBundlesLeaveEveryCountAsIfTheyNeverExisted() throws {
        let db = try TemporaryStore()
        let batch = try db.batch().code
        let passed = try inspect(db, batch, .pass(.a), count: 5)
        let failed = try inspect(db, batch, .fail(["LOOSE"]), count: 2)
        _ = try db.store.recordLabelPrints(passed, again: false, keyID: "K1", actor: actor, at: day)
        _ = try scan(db, Array(passed.prefix(3)), .receive)
        _ = try scan(db, [failed[0]], .quarantine)
        _ = try db.store.reinspect([failed[1]], result: .pass(.b), actor: actor, at: day)
        let before = try Figures(db.store)

        let extra = try inspect(db, batch, .pass(.a), count: 3) + (try inspect(db, batch, .fail(["DAMP"]), count: 1))
        _ = try db.store.recordLabelPrints(Array(extra.prefix(2)), again: false, keyID: "K1", actor: actor, at: day)
        _ = try scan(db, [extra[0]], .receive)
        _ = try scan(db, [extra[3]], .quarantine)
        _ = try db.store.reinspect([extra[2]], result: .fail(["SHORT"]), actor: actor, at: day)
        #expect(try Figures(db.store) != before)

        let plan = try db.store.void(extra, reason: "salah hitung", actor: actor, at: day)
        #expect(plan == VoidPlan(toVoid: extra, alreadyVoided: []))
        #expect(try Figures(db.store) == before)
        // Kept, with the void and its reason in the log; listed when asked for by state.
        #expect(try db.store.bundles(batch: batch, state: .voided).map(\.id) == extra)
        for id in extra {
            let last = try #require(try db.store.history(of: id).last)
            #expect(last.move == .void && last.state == .voided && last.reason == "salah hitung" && last.actor == actor)
        }
    }

    @Test func aVoidIsAllOrNothingAndNamesEveryBundleItRefuses() throws {
        let db = try TemporaryStore()
        let batch = try db.batch().code
        let ids = try inspect(db, batch, .pass(.a), count: 3)
        _ = try db.store.recordLabelPrints(Array(ids.dropFirst()), again: false, keyID: "K1", actor: actor, at: day)
        _ = try scan(db, Array(ids.dropFirst()), .receive)
        let shipment = try db.store.createShipment(ShipmentDraft(consignee: "A"), at: day)
        _ = try scan(db, Array(ids.dropFirst()), .pack, shipment: shipment.id)

        let refusal = SapuError.voidRefused(bundle: ids[1].description, state: .packed, reason: .voidPacked,
                                            others: [ids[2].description])
        #expect(throws: refusal) { try db.store.voidPlan(ids) }
        #expect(throws: refusal) { try db.store.void(ids, reason: "salah", actor: actor, at: day) }
        #expect(try db.store.bundle(ids[0]).state == .inspected)
        #expect(try db.store.history(of: ids[0]).map(\.move) == [.inspect])
        #expect(throws: SapuError.emptyText(field: .voidReason)) { try db.store.void([ids[0]], reason: "  ", actor: actor, at: day) }
        #expect(throws: SapuError.unknownBundle("\(batch)-0009")) {
            try db.store.void([ids[0], BundleID(batch: batch, serial: 9)], reason: "x", actor: actor, at: day)
        }
        #expect(try db.store.bundle(ids[0]).state == .inspected)
    }

    /// A bundle that left in a shipment and came back into stock is named by a signed
    /// manifest: it existed, so it is not voided.
    @Test func aBundleBackInStockAfterAShipmentCannotBeVoided() throws {
        let db = try TemporaryStore()
        let ids = try inspect(db, try db.batch().code, .pass(.a), count: 1)
        _ = try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: actor, at: day)
        _ = try scan(db, ids, .receive)
        let shipment = try db.store.createShipment(ShipmentDraft(consignee: "A"), at: day)
        _ = try scan(db, ids, .pack, shipment: shipment.id)
        _ = try db.store.closeShipment(shipment.id, documents: DocumentPlan(directory: db.directory + "/docs", names: ["m", "s", "c", "p"]),
                                       at: day) { _, _ throws(SapuError) in
            ClosingDocuments(manifestSHA256: "hash", files: [[1], [2], [3], [4]])
        }
        _ = try db.store.shipShipment(shipment.id, actor: actor, at: day)
        _ = try scan(db, ids, .return)
        _ = try scan(db, ids, .receive)
        #expect(try db.store.bundle(ids[0]).state == .inStock)
        #expect(throws: SapuError.voidRefused(bundle: ids[0].description, state: .inStock, reason: .voidShipped, others: [])) {
            try db.store.void(ids, reason: "salah", actor: actor, at: day)
        }
    }

    @Test func voidingAVoidedBundleAgainRecordsNothing() throws {
        let db = try TemporaryStore()
        let ids = try inspect(db, try db.batch().code, .pass(.a), count: 2)
        _ = try db.store.void([ids[0]], reason: "salah", actor: actor, at: day)
        let again = try db.store.void(ids, reason: "lagi", actor: actor, at: day)
        #expect(again == VoidPlan(toVoid: [ids[1]], alreadyVoided: [ids[0]]))
        #expect(try db.store.history(of: ids[0]).filter { $0.move == .void }.map(\.reason) == ["salah"])
    }

    /// A voided bundle is refused by every move, and its label at every station, with no event.
    @Test func aVoidedBundleIsRefusedEverywhere() throws {
        let db = try TemporaryStore()
        let ids = try inspect(db, try db.batch().code, .pass(.a), count: 1)
        _ = try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: actor, at: day)
        _ = try db.store.void(ids, reason: "salah", actor: actor, at: day)
        let shipment = try db.store.createShipment(ShipmentDraft(consignee: "A"), at: day)
        for mode in ScanMode.allCases {
            let results = try scan(db, ids, mode, shipment: shipment.id)
            #expect(results.map(\.outcome) == [.refused] && results.map(\.reason) == [.voidedLabel], "\(mode)")
        }
        let refused = SapuError.illegalMove(bundle: ids[0].description, move: .label, state: .voided, reason: .voided)
        #expect(throws: refused) { try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: actor, at: day) }
        #expect(throws: SapuError.illegalMove(bundle: ids[0].description, move: .reinspect, state: .voided, reason: .voided)) {
            try db.store.reinspect(ids, result: .pass(.b), actor: actor, at: day)
        }
        #expect(try db.store.history(of: ids[0]).map(\.move) == [.inspect, .label, .void])
        #expect(try db.store.bundles(inShipment: shipment.id).isEmpty)
    }
}

@Suite("SQLite store: labels written again")
struct ReprintStoreTests {
    @Test func aCurrentLabelIsWrittenAgainOnlyDeliberatelyAndAsAReprint() throws {
        let db = try TemporaryStore()
        let ids = try db.store.inspect(batch: try db.batch().code, maker: "M042", result: .pass(.a), count: 2,
                                       actor: TemporaryStore.actor, at: TemporaryStore.day).map(\.id)
        func record(_ ids: [BundleID], again: Bool) throws -> [SapuCore.Bundle] {
            try db.store.recordLabelPrints(ids, again: again, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)
        }
        #expect(throws: SapuError.nothingToReprint([ids[0].description])) { try record([ids[0]], again: true) }
        #expect(try record([ids[0]], again: false).map(\.labelRevision) == [1])
        // All or nothing: the second bundle is not labelled either.
        #expect(throws: SapuError.labelAlreadyCurrent([ids[0].description])) { try record([ids[1], ids[0]], again: false) }
        #expect(try db.store.bundle(ids[1]).labelRevision == 0)
        let reprinted = try record([ids[0]], again: true)
        #expect(reprinted.map(\.labelRevision) == [1] && reprinted.map(\.state) == [.inspected])
        let history = try db.store.history(of: ids[0])
        #expect(history.map(\.move) == [.inspect, .label, .reprint])
        #expect(history.last?.labelRevision == 1 && history.last?.state == .inspected)
        // After a re-inspection the old label is not current: a new label, not a reprint.
        _ = try db.store.reinspect([ids[0]], result: .pass(.b), actor: TemporaryStore.actor, at: TemporaryStore.day)
        #expect(throws: SapuError.nothingToReprint([ids[0].description])) { try record([ids[0]], again: true) }
        #expect(try record([ids[0]], again: false).map(\.labelRevision) == [2])
    }
}
