import Foundation
import GRDB
@testable import SapuStore
import SapuCore
import Testing

@Suite("SQLite store: partners and their receipts")
struct PartnerStoreTests {
    static let later = Instant(iso8601: "2025-11-22T09:00:00+07:00")!
    static let latest = Instant(iso8601: "2025-11-23T09:00:00+07:00")!

    // MARK: Registry

    @Test func aPartnerIsRegisteredWithItsKeysAndRotationAddsOnlyTheNewOnes() throws {
        let db = try TemporaryStore()
        let partner = try db.store.partner("PHC")
        #expect(partner.name == "CV. Pusat Handicraft" && partner.address == "Kroya")
        #expect(partner.keys.map(\.key) == [db.partnerKey.publicKey])
        #expect(partner.isActive)

        // The partner rotated: its exported file holds K1 and K2.
        let second = try SigningKey.generate(site: "PHC", keyID: "K2")
        let rotated = try db.store.addPartnerKeys("PHC", keys: [db.partnerKey.publicKey, second.publicKey], at: TemporaryStore.day)
        #expect(rotated.added == [second.publicKey])
        #expect(rotated.partner.keys.map(\.key.keyID) == ["K1", "K2"])
        let again = try db.store.addPartnerKeys("PHC", keys: [db.partnerKey.publicKey, second.publicKey], at: TemporaryStore.day)
        #expect(again.added.isEmpty)

        let retired = try db.store.retirePartnerKey("PHC", keyID: "K1", at: Self.later)
        #expect(retired.changed && retired.partner.key("K1")?.active == false && retired.partner.key("K2")?.active == true)
        #expect(try db.store.retirePartnerKey("PHC", keyID: "K1", at: Self.latest).changed == false)
        #expect(throws: SapuError.partnerKeyUnknown(partner: "PHC", keyID: "K9")) {
            try db.store.retirePartnerKey("PHC", keyID: "K9", at: Self.later)
        }
    }

    @Test func theWorkshopsOwnKeyAnotherPartnersKeyOrAChangedKeyIsRefused() throws {
        let db = try TemporaryStore()
        let own = try PublicKey(site: "PWT", keyID: "K1", rawRepresentation: try db.store.publicKeys()[0].raw)
        let ownAsPartner = try PublicKey(site: "TSM", keyID: "K1", rawRepresentation: own.rawRepresentation)
        let before = try db.store.partners()
        #expect(throws: SapuError.partnerKeyIsOwn(keyID: "K1", fingerprint: own.fingerprint)) {
            try db.store.addPartner(PartnerDraft(code: "TSM", name: "Toko"), keys: [ownAsPartner], at: TemporaryStore.day)
        }
        let stolen = try PublicKey(site: "TSM", keyID: "K1", rawRepresentation: db.partnerKey.publicKey.rawRepresentation)
        #expect(throws: SapuError.partnerKeyTaken(keyID: "K1", fingerprint: stolen.fingerprint, partner: "PHC")) {
            try db.store.addPartner(PartnerDraft(code: "TSM", name: "Toko"), keys: [stolen], at: TemporaryStore.day)
        }
        // Someone else's K1 for PHC: a partner's new key comes with a new id.
        let impostor = try SigningKey.generate(site: "PHC", keyID: "K1").publicKey
        #expect(throws: SapuError.partnerKeyConflict(partner: "PHC", keyID: "K1", fingerprint: db.partnerKey.publicKey.fingerprint)) {
            try db.store.addPartnerKeys("PHC", keys: [impostor], at: TemporaryStore.day)
        }
        #expect(throws: SapuError.partnerIsOwnSite("PWT")) {
            try db.store.addPartner(PartnerDraft(code: "PWT", name: "Lapas"), keys: [impostor], at: TemporaryStore.day)
        }
        #expect(throws: SapuError.duplicate(kind: .partner, value: "PHC")) {
            try db.store.addPartner(PartnerDraft(code: "PHC", name: "Lagi"), keys: [impostor], at: TemporaryStore.day)
        }
        #expect(try db.store.partners() == before)
    }

    @Test func aShipmentGoesToTheOnlyActivePartnerOrTheNamedOne() throws {
        let db = try TemporaryStore()
        let first = try db.store.createShipment(ShipmentDraft(), at: TemporaryStore.day)
        #expect(first.partner == "PHC" && first.consignee == "CV. Pusat Handicraft" && first.address == "Kroya")
        let named = try db.store.createShipment(ShipmentDraft(consignee: "Gudang Kroya", address: "Jl. Raya"), at: TemporaryStore.day)
        #expect(named.partner == "PHC" && named.consignee == "Gudang Kroya" && named.address == "Jl. Raya")

        let toko = try SigningKey.generate(site: "TSM", keyID: "K1")
        _ = try db.store.addPartner(PartnerDraft(code: "TSM", name: "Toko Sapu Makmur"), keys: [toko.publicKey], at: TemporaryStore.day)
        #expect(throws: SapuError.partnerAmbiguous(["PHC", "TSM"])) {
            try db.store.createShipment(ShipmentDraft(), at: TemporaryStore.day)
        }
        #expect(try db.store.createShipment(ShipmentDraft(partner: "TSM"), at: TemporaryStore.day).partner == "TSM")
        #expect(throws: SapuError.unknown(kind: .partner, value: "XYZ")) {
            try db.store.createShipment(ShipmentDraft(partner: "XYZ"), at: TemporaryStore.day)
        }
        _ = try db.store.retirePartnerKey("TSM", keyID: "K1", at: TemporaryStore.day)
        #expect(try db.store.createShipment(ShipmentDraft(), at: TemporaryStore.day).partner == "PHC")
        #expect(throws: SapuError.partnerHasNoActiveKey("TSM")) {
            try db.store.createShipment(ShipmentDraft(partner: "TSM"), at: TemporaryStore.day)
        }
    }

    @Test func withoutARegisteredPartnerNoShipmentOpens() throws {
        let directory = NSTemporaryDirectory() + "sapu-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore.create(at: directory + "/sapu.sqlite", site: Site(code: "PWT", name: "Lapas"),
                                           key: StoredKey(keyID: "K1", site: "PWT", raw: Array(repeating: 7, count: 32)),
                                           at: TemporaryStore.day)
        #expect(throws: SapuError.partnerRequired) { try store.createShipment(ShipmentDraft(consignee: "A"), at: TemporaryStore.day) }
        #expect(try store.shipments().isEmpty)
    }

    // MARK: Receipts

    /// Three bundles in a shipped shipment to PHC.
    func shipped() throws -> (TemporaryStore, Shipment, [BundleID]) {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let ids = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 3,
                                       actor: TemporaryStore.actor, at: TemporaryStore.day).map(\.id)
        _ = try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.applyScans(ids.map { ScanRequest(bundle: $0, label: nil) }, mode: .receive, shipment: nil,
                                    actor: TemporaryStore.actor, at: TemporaryStore.day)
        let shipment = try db.store.createShipment(ShipmentDraft(), at: TemporaryStore.day)
        _ = try db.store.applyScans(ids.map { ScanRequest(bundle: $0, label: nil) }, mode: .pack, shipment: shipment.id,
                                    actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.closeShipment(shipment.id, documents: DocumentPlan(directory: db.directory, names: ["manifest"]),
                                       at: TemporaryStore.day) { _, _ throws(SapuError) in
            ClosingDocuments(manifestSHA256: "manifest", files: [Array("manifest".utf8)])
        }
        return (db, try db.store.shipShipment(shipment.id, actor: TemporaryStore.actor, at: TemporaryStore.day), ids)
    }

    func receipt(_ db: TemporaryStore, _ shipment: Shipment, received: [BundleID], byHand: [BundleID] = [],
                 missing: [BundleID] = [], disputed: [BundleID] = [], finished: Instant, key: PublicKey? = nil) -> VerifiedReceipt {
        let text = "\(shipment.id) \(finished.iso8601) \(received) \(byHand) \(missing) \(disputed)"
        return VerifiedReceipt(shipment: shipment.id, partner: "PHC", key: key ?? db.partnerKey.publicKey,
                               sha256: Digest.sha256Hex(Array(text.utf8)), manifestSHA256: "manifest", finished: finished,
                               bytes: Array(text.utf8), signature: "sapu-signature PHC K1 X\n",
                               outcomes: Receipt.Outcomes(received: received, byHand: Set(byHand), missing: missing, disputed: disputed),
                               clean: missing.isEmpty && disputed.isEmpty)
    }

    func states(_ db: TemporaryStore, _ ids: [BundleID]) throws -> [BundleState] {
        try ids.map { try db.store.bundle($0).state }
    }

    @Test func theSameReceiptTwiceChangesNothingTheSecondTime() throws {
        let (db, shipment, ids) = try shipped()
        let first = receipt(db, shipment, received: [ids[0]], byHand: [ids[0]], missing: [ids[1]], disputed: [ids[2]],
                            finished: TemporaryStore.day)
        let applied = try db.store.applyReceipt(first, actor: TemporaryStore.actor, at: TemporaryStore.day)
        #expect(applied.effect == .applied && applied.changed == 3 && applied.shipment.status == .disputed)
        #expect(try states(db, ids) == [.received, .missing, .disputed])
        // The typed id is on record as a manual delivery.
        #expect(try db.store.history(of: ids[0]).last.map { ($0.move, $0.manual) } ?? (.inspect, false) == (.deliver, true))
        let again = try db.store.applyReceipt(first, actor: TemporaryStore.actor, at: Self.later)
        #expect(again.effect == .alreadyApplied && again.changed == 0)
        #expect(try db.store.receipts(forShipment: shipment.id).count == 1)
    }

    @Test func aNewerReceiptSupersedesTheOlderOneAndBothAreKept() throws {
        let (db, shipment, ids) = try shipped()
        let older = receipt(db, shipment, received: [ids[0]], missing: [ids[1]], disputed: [ids[2]], finished: TemporaryStore.day)
        _ = try db.store.applyReceipt(older, actor: TemporaryStore.actor, at: TemporaryStore.day)
        // The partner found the missing bundle and settled the dispute.
        let newer = receipt(db, shipment, received: ids, finished: Self.later)
        let applied = try db.store.applyReceipt(newer, actor: TemporaryStore.actor, at: Self.later)
        #expect(applied.changed == 2 && applied.shipment.status == .delivered)
        guard case .superseded(let previous) = applied.effect else {
            Issue.record("expected the older receipt to be superseded, got \(applied.effect)")
            return
        }
        #expect(previous.sha256 == older.sha256)
        #expect(try states(db, ids) == [.received, .received, .received])
        let kept = try db.store.receipts(forShipment: shipment.id)
        #expect(kept.map(\.sha256) == [older.sha256, newer.sha256])
        #expect(kept.map(\.supersededBy) == [newer.sha256, nil])
        #expect(kept[1].bytes == newer.bytes && kept[1].keyID == "K1")
        // The superseded receipt once more: refused, not quietly "already applied".
        #expect(throws: SapuError.receiptNotNewer(finished: TemporaryStore.day.iso8601, applied: Self.later.iso8601)) {
            try db.store.applyReceipt(older, actor: TemporaryStore.actor, at: Self.latest)
        }

        // And back again: a still newer receipt may say a bundle went missing after all.
        let latest = receipt(db, shipment, received: [ids[0], ids[2]], missing: [ids[1]], finished: Self.latest)
        #expect(try db.store.applyReceipt(latest, actor: TemporaryStore.actor, at: Self.latest).changed == 1)
        #expect(try states(db, ids) == [.received, .missing, .received])
        // The shipments report counts each bundle once, as the receipt in force says.
        let report = try db.store.shipmentsReport(try ReportPeriod())
        #expect(report.shipments.map { [$0.sent, $0.received, $0.missing, $0.disputed] } == [[3, 2, 1, 0]])
    }

    @Test func anOlderReceiptAfterANewerOneIsRefusedAndChangesNothing() throws {
        let (db, shipment, ids) = try shipped()
        let older = receipt(db, shipment, received: [ids[0]], missing: [ids[1], ids[2]], finished: TemporaryStore.day)
        let newer = receipt(db, shipment, received: ids, finished: Self.later)
        _ = try db.store.applyReceipt(newer, actor: TemporaryStore.actor, at: Self.later)
        let events = try db.store.history(of: ids[1]).count
        #expect(throws: SapuError.receiptNotNewer(finished: TemporaryStore.day.iso8601, applied: Self.later.iso8601)) {
            try db.store.applyReceipt(older, actor: TemporaryStore.actor, at: Self.latest)
        }
        #expect(try states(db, ids) == [.received, .received, .received])
        #expect(try db.store.history(of: ids[1]).count == events)
        #expect(try db.store.receipts(forShipment: shipment.id).count == 1)
    }

    @Test func aRetiredOrUnregisteredKeyAppliesNoNewReceipt() throws {
        let (db, shipment, ids) = try shipped()
        let first = receipt(db, shipment, received: ids, finished: TemporaryStore.day)
        _ = try db.store.applyReceipt(first, actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.retirePartnerKey("PHC", keyID: "K1", at: Self.later)
        // Applied before the retirement: still the same receipt, still nothing to do.
        #expect(try db.store.applyReceipt(first, actor: TemporaryStore.actor, at: Self.later).effect == .alreadyApplied)
        let newer = receipt(db, shipment, received: [ids[0]], missing: [ids[1], ids[2]], finished: Self.later)
        #expect(throws: SapuError.receiptKeyRetired(partner: "PHC", keyID: "K1")) {
            try db.store.applyReceipt(newer, actor: TemporaryStore.actor, at: Self.latest)
        }
        let stranger = try SigningKey.generate(site: "PHC", keyID: "K2").publicKey
        let unregistered = receipt(db, shipment, received: [ids[0]], missing: [ids[1], ids[2]], finished: Self.latest, key: stranger)
        #expect(throws: SapuError.receiptKeyNotRegistered(partner: "PHC", keyID: "K2")) {
            try db.store.applyReceipt(unregistered, actor: TemporaryStore.actor, at: Self.latest)
        }
        #expect(try states(db, ids) == [.received, .received, .received])
    }

    @Test func aBundleThatMovedOnRefusesTheReceiptWithItsReasonNotATypeName() throws {
        let (db, shipment, ids) = try shipped()
        _ = try db.store.applyReceipt(receipt(db, shipment, received: ids, finished: TemporaryStore.day),
                                      actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.applyScans([ScanRequest(bundle: ids[0], label: nil)], mode: .return, shipment: nil,
                                    actor: TemporaryStore.actor, at: TemporaryStore.day)
        let corrected = receipt(db, shipment, received: [ids[1], ids[2]], missing: [ids[0]], finished: Self.later)
        #expect(throws: SapuError.illegalMove(bundle: ids[0].description, move: .markMissing, state: .returned, reason: .notFromState)) {
            try db.store.applyReceipt(corrected, actor: TemporaryStore.actor, at: Self.later)
        }
        #expect(try states(db, ids) == [.returned, .received, .received])
        #expect(try db.store.receipts(forShipment: shipment.id).count == 1)
    }

    // MARK: Errors at the boundary

    struct Unforeseen: Error {}

    @Test func noStoreErrorShowsAnInternalTypeName() throws {
        let db = try TemporaryStore()
        #expect(throws: SapuError.moveRefused(.notFromState)) {
            try db.store.write { _ in throw MoveRefusal.notFromState }
        }
        #expect(throws: SapuError.unexpectedStorageError) {
            try db.store.read { _ in throw Unforeseen() }
        }
        for error in [SapuError.moveRefused(.notFromState), .unexpectedStorageError] {
            for language in [Language.id, .en] {
                let text = error.message.text(language)
                #expect(!text.contains("MoveRefusal") && !text.contains("Unforeseen") && !text.contains("notFromState"), "\(text)")
                #expect(text.contains(" "))
            }
        }
        #expect(SapuError.moveRefused(.notFromState).message.english.contains(MoveRefusal.notFromState.message.english))
    }
}
