import Foundation
import GRDB
import SapuCore
import SapuStore
import Testing

/// A fresh database in its own temporary directory.
struct TemporaryStore {
    let directory: String
    let path: String
    let store: SQLiteStore
    /// Partner PHC's key: its public half is registered, its private half signs test receipts.
    let partnerKey: SigningKey
    static let day = Instant(iso8601: "2025-11-21T08:00:00+07:00")!
    static let actor = Actor(operatorCode: "QC1", station: "meja-qc")

    init() throws {
        directory = NSTemporaryDirectory() + "sapu-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/sapu.sqlite"
        store = try SQLiteStore.create(at: path, site: Site(code: "PWT", name: "Lapas Purwokerto"),
                                       key: StoredKey(keyID: "K1", site: "PWT", raw: Array(repeating: 7, count: 32)),
                                       at: Self.day)
        try store.addMaker(Maker(code: "M042", name: "Budi", active: true))
        partnerKey = try SigningKey.generate(site: "PHC", keyID: "K1")
        _ = try store.addPartner(PartnerDraft(code: "PHC", name: "CV. Pusat Handicraft", address: "Kroya"),
                                 keys: [partnerKey.publicKey], at: Self.day)
    }

    func batch(_ product: String = "LIDI") throws -> Batch {
        try store.createBatch(product: product, date: Self.day.date, at: Self.day)
    }
}

@Suite("SQLite store")
struct StoreTests {
    @Test func initStartsWithTheStandardProductsAndDefects() throws {
        let db = try TemporaryStore()
        #expect(try db.store.site() == Site(code: "PWT", name: "Lapas Purwokerto"))
        #expect(try db.store.products().map(\.code) == ["GLAGAH", "LIDI"])
        #expect(try db.store.defects().count == Defect.standard.count)
    }

    @Test func batchesOfOneDayGetSuccessiveLetters() throws {
        let db = try TemporaryStore()
        #expect(try db.batch("LIDI").code == "PWT251121A")
        #expect(try db.batch("GLAGAH").code == "PWT251121B")
        #expect(throws: SapuError.unknown(kind: .product, value: "IJUK")) {
            try db.store.createBatch(product: "IJUK", date: TemporaryStore.day.date, at: TemporaryStore.day)
        }
    }

    @Test func inspectingCreatesBundlesWithSerialsAndOneEventEach() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let passed = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 3,
                                          actor: TemporaryStore.actor, at: TemporaryStore.day)
        let failed = try db.store.inspect(batch: batch.code, maker: "M042", result: .fail(["LOOSE"]), count: 1,
                                          actor: TemporaryStore.actor, at: TemporaryStore.day)
        #expect(passed.map(\.id.description) == ["PWT251121A-0001", "PWT251121A-0002", "PWT251121A-0003"])
        #expect(failed.map(\.id.serial) == [4])
        let history = try db.store.history(of: failed[0].id)
        #expect(history.count == 1)
        #expect(history[0].move == .inspect && history[0].result == .fail(["LOOSE"]))
        // A failed inspection quarantines the bundle with that same event.
        #expect(history[0].state == .quarantined && failed[0].state == .quarantined)
        #expect(history[0].actor == TemporaryStore.actor)
        #expect(history[0].at.iso8601 == "2025-11-21T08:00:00+07:00")
        #expect(try db.store.stock() == [
            StockCount(product: "LIDI", grade: "A", state: .inspected, count: 3),
            StockCount(product: "LIDI", grade: "FAIL", state: .quarantined, count: 1),
        ])
    }

    @Test func refusedInspectionsWriteNothing() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        try db.store.addMaker(Maker(code: "M099", name: nil, active: true))
        try db.store.deactivateMaker("M099")
        #expect(throws: SapuError.inactiveMaker("M099")) {
            try db.store.inspect(batch: batch.code, maker: "M099", result: .pass(.a), count: 2,
                                 actor: TemporaryStore.actor, at: TemporaryStore.day)
        }
        #expect(throws: SapuError.unknown(kind: .defect, value: "RUSTY")) {
            try db.store.inspect(batch: batch.code, maker: "M042", result: .fail(["RUSTY"]), count: 2,
                                 actor: TemporaryStore.actor, at: TemporaryStore.day)
        }
        #expect(throws: SapuError.unknown(kind: .batch, value: "PWT990101A")) {
            try db.store.inspect(batch: "PWT990101A", maker: "M042", result: .pass(.a), count: 1,
                                 actor: TemporaryStore.actor, at: TemporaryStore.day)
        }
        #expect(try db.store.bundles(batch: nil, state: nil).isEmpty)
        // The serial counter did not move either.
        let first = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.b), count: 1,
                                         actor: TemporaryStore.actor, at: TemporaryStore.day)
        #expect(first[0].id.serial == 1)
    }

    @Test func aFailingReinspectionOfSeveralBundlesLeavesNoPartialWrite() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let bundles = try db.store.inspect(batch: batch.code, maker: "M042", result: .fail(["DAMP"]), count: 2,
                                           actor: TemporaryStore.actor, at: TemporaryStore.day)
        _ = try db.store.recordLabelPrints([bundles[1].id], again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)
        // Scrap the second one at a scanning station: its re-inspection is now illegal.
        let scrapped = try db.store.applyScans([ScanRequest(bundle: bundles[1].id, label: nil)], mode: .scrap, shipment: nil,
                                               actor: TemporaryStore.actor, at: TemporaryStore.day)
        #expect(scrapped.map(\.outcome) == [.accepted])
        #expect(throws: SapuError.self) {
            try db.store.reinspect([bundles[0].id, bundles[1].id], result: .pass(.a), actor: TemporaryStore.actor,
                                   at: TemporaryStore.day)
        }
        let first = try db.store.bundle(bundles[0].id)
        #expect(first.result == .fail(["DAMP"]) && first.inspections == 1)
        #expect(try db.store.history(of: bundles[0].id).count == 1)
    }

    @Test func reinspectionMakesTheNextLabelANewRevision() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let bundle = try db.store.inspect(batch: batch.code, maker: "M042", result: .fail(["DAMP"]), count: 1,
                                          actor: TemporaryStore.actor, at: TemporaryStore.day)[0]
        #expect(try db.store.recordLabelPrints([bundle.id], again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)[0].labelRevision == 1)
        #expect(try db.store.recordLabelPrints([bundle.id], again: true, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)[0].labelRevision == 1)
        _ = try db.store.reinspect([bundle.id], result: .pass(.b), actor: TemporaryStore.actor, at: TemporaryStore.day)
        #expect(try db.store.recordLabelPrints([bundle.id], again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)[0].labelRevision == 2)
        let moves = try db.store.history(of: bundle.id).map(\.move)
        #expect(moves == [.inspect, .label, .reprint, .reinspect, .label])
    }

    @Test func eventsCannotBeRewritten() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        _ = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 1,
                                 actor: TemporaryStore.actor, at: TemporaryStore.day)
        let queue = try DatabaseQueue(path: db.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM event") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE event SET move = 'scrap'") } }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event") } == 1)
    }

    @Test func duplicateCodesAreRefused() throws {
        let db = try TemporaryStore()
        #expect(throws: SapuError.duplicate(kind: .maker, value: "M042")) {
            try db.store.addMaker(Maker(code: "M042", name: nil, active: true))
        }
        #expect(throws: SapuError.duplicate(kind: .product, value: "LIDI")) {
            try db.store.addProduct(Product(code: "LIDI", name: "x", bundleSize: 3))
        }
        #expect(throws: SapuError.duplicate(kind: .defect, value: "DAMP")) {
            try db.store.addDefect(Defect(code: "DAMP", nameID: "x", nameEN: "y"))
        }
    }
}

@Suite("Opening databases")
struct OpeningTests {
    func temporaryPath(_ name: String) throws -> String {
        let directory = NSTemporaryDirectory() + "sapu-open-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/" + name
    }

    @Test func aMissingDatabaseAsksForInit() throws {
        let path = try temporaryPath("none.sqlite")
        #expect(throws: SapuError.databaseMissing(path: path)) { try SQLiteStore.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedUnchanged() throws {
        let path = try temporaryPath("notes.sqlite")
        let text = Data("daftar belanja: sapu, ember\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: SapuError.notSapuDatabase(path: path)) { try SQLiteStore.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func anotherApplicationsSQLiteIsRefusedUnchanged() throws {
        let path = try temporaryPath("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer (name) VALUES ('Ani')") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: SapuError.notSapuDatabase(path: path)) { try SQLiteStore.open(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = try temporaryPath("newer.sqlite")
        _ = try SQLiteStore.create(at: path, site: Site(code: "PWT", name: "x"),
                                   key: StoredKey(keyID: "K1", site: "PWT", raw: Array(repeating: 1, count: 32)),
                                   at: TemporaryStore.day)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "PRAGMA user_version = 99") }
        try queue.close()
        #expect(throws: SapuError.self) { try SQLiteStore.open(at: path) }
        do {
            _ = try SQLiteStore.open(at: path)
        } catch {
            guard case .newerSchema(_, let found, _) = error else { Issue.record("\(error)"); return }
            #expect(found == 99)
        }
    }

    @Test func initRefusesAnExistingDatabase() throws {
        let path = try temporaryPath("twice.sqlite")
        let key = StoredKey(keyID: "K1", site: "PWT", raw: Array(repeating: 1, count: 32))
        _ = try SQLiteStore.create(at: path, site: Site(code: "PWT", name: "x"), key: key, at: TemporaryStore.day)
        #expect(throws: SapuError.alreadyInitialised(path: path)) {
            try SQLiteStore.create(at: path, site: Site(code: "PWT", name: "y"), key: key, at: TemporaryStore.day)
        }
        #expect(try SQLiteStore.open(at: path).site().name == "x")
    }
}

@Suite("Scanning and shipments in the store")
struct ScanStoreTests {
    func stocked(_ count: Int) throws -> (TemporaryStore, [BundleID]) {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let ids = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: count,
                                       actor: TemporaryStore.actor, at: TemporaryStore.day).map(\.id)
        _ = try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)
        return (db, ids)
    }

    func scan(_ db: TemporaryStore, _ ids: [BundleID], _ mode: ScanMode, shipment: String? = nil) throws -> [ScanOutcome] {
        try db.store.applyScans(ids.map { ScanRequest(bundle: $0, label: nil) }, mode: mode, shipment: shipment,
                                actor: TemporaryStore.actor, at: TemporaryStore.day).map(\.outcome)
    }

    @Test func scanningTheSameBundleTwiceCountsOnce() throws {
        let (db, ids) = try stocked(2)
        #expect(try scan(db, [ids[0], ids[0], ids[1]], .receive) == [.accepted, .duplicate, .accepted])
        #expect(try db.store.history(of: ids[0]).filter { $0.move == .receive }.count == 1)
        #expect(try db.store.history(of: ids[0]).last?.manual == true)
    }

    @Test func aBundleIsNeverPackedIntoTwoShipments() throws {
        let (db, ids) = try stocked(1)
        _ = try scan(db, ids, .receive)
        let first = try db.store.createShipment(ShipmentDraft(consignee: "A"), at: TemporaryStore.day)
        let second = try db.store.createShipment(ShipmentDraft(consignee: "B"), at: TemporaryStore.day)
        #expect(first.id == "001/SJ/PWT/XI/2025" && second.id == "002/SJ/PWT/XI/2025")
        #expect(try scan(db, ids, .pack, shipment: first.id) == [.accepted])
        #expect(try scan(db, ids, .pack, shipment: first.id) == [.duplicate])
        #expect(try scan(db, ids, .pack, shipment: second.id) == [.refused])
        #expect(try db.store.bundle(ids[0]).shipment == first.id)
    }

    @Test func closingChecksContentAndAFailedManifestBuildChangesNothing() throws {
        let (db, ids) = try stocked(2)
        _ = try scan(db, ids, .receive)
        let shipment = try db.store.createShipment(ShipmentDraft(consignee: "A"), at: TemporaryStore.day)
        let plan = DocumentPlan(directory: db.directory + "/docs", names: ["x.manifest.json", "x.pdf"])
        #expect(throws: SapuError.shipmentEmpty(shipment.id)) {
            try db.store.closeShipment(shipment.id, documents: plan, at: TemporaryStore.day) { _, _ throws(SapuError) in
                ClosingDocuments(manifestSHA256: "x", files: [[1], [2]])
            }
        }
        _ = try scan(db, ids, .pack, shipment: shipment.id)
        #expect(throws: SapuError.fileUnwritable(path: "x")) {
            try db.store.closeShipment(shipment.id, documents: plan, at: TemporaryStore.day) { _, _ throws(SapuError) in
                throw SapuError.fileUnwritable(path: "x")
            }
        }
        #expect(try db.store.shipment(shipment.id).status == .open)
        #expect(try FileManager.default.contentsOfDirectory(atPath: db.directory + "/docs").isEmpty)
        #expect(try db.store.documentRecord(ofShipment: shipment.id) == nil)
        let closed = try db.store.closeShipment(shipment.id, documents: plan, at: TemporaryStore.day) { _, bundles throws(SapuError) in
            ClosingDocuments(manifestSHA256: "\(bundles.count)", files: [[1, 2, 3], [4]])
        }
        #expect(closed.status == .closed && closed.manifestSHA256 == "2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: db.directory + "/docs").sorted() == ["x.manifest.json", "x.pdf"])
        #expect(FileManager.default.contents(atPath: db.directory + "/docs/x.manifest.json") == Data([1, 2, 3]))
        let record = try #require(try db.store.documentRecord(ofShipment: shipment.id))
        #expect(record.complete && record.paths == [db.directory + "/docs/x.manifest.json", db.directory + "/docs/x.pdf"])
        // The signed manifest fixes the content: nothing can be unpacked from a closed shipment.
        #expect(try scan(db, ids, .unpack, shipment: shipment.id) == [.refused, .refused])
    }
}
