import Foundation
import GRDB
import SapuCore
import SapuStore
import Testing

/// What a crash leaves at each stage of a closing, made by hand, and what the next open does with it.
@Suite("An interrupted closing is finished or undone by the next open")
struct InterruptedClosingTests {
    let names = ["x.manifest.json", "x.manifest.sig", "x.csv", "x.pdf"]
    let files: [[UInt8]] = [Array("{}\n".utf8), Array("sig\n".utf8), Array("csv\r\n".utf8), Array("%PDF\n".utf8)]

    /// A shipment of two packed bundles, still open.
    func packed() throws -> (TemporaryStore, Shipment) {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let ids = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 2,
                                       actor: TemporaryStore.actor, at: TemporaryStore.day).map(\.id)
        _ = try db.store.recordLabelPrints(ids, again: false, keyID: "K1", actor: TemporaryStore.actor, at: TemporaryStore.day)
        let requests = ids.map { ScanRequest(bundle: $0, label: nil) }
        _ = try db.store.applyScans(requests, mode: .receive, shipment: nil, actor: TemporaryStore.actor, at: TemporaryStore.day)
        let shipment = try db.store.createShipment(ShipmentDraft(consignee: "A"), at: TemporaryStore.day)
        _ = try db.store.applyScans(requests, mode: .pack, shipment: shipment.id, actor: TemporaryStore.actor, at: TemporaryStore.day)
        return (db, shipment)
    }

    func close(_ db: TemporaryStore, _ shipment: Shipment, through store: SQLiteStore? = nil) throws -> Shipment {
        try (store ?? db.store).closeShipment(shipment.id, documents: DocumentPlan(directory: db.directory + "/docs", names: names),
                                              at: TemporaryStore.day) { _, _ throws(SapuError) in
            ClosingDocuments(manifestSHA256: "hash", files: files)
        }
    }

    func sql(_ db: TemporaryStore, _ statements: String, _ arguments: StatementArguments = []) throws {
        let queue = try DatabaseQueue(path: db.path)
        try queue.write { try $0.execute(sql: statements, arguments: arguments) }
        try queue.close()
    }

    func listing(_ db: TemporaryStore) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: db.directory + "/docs")) ?? []).sorted()
    }

    @Test func aClosingThatCommittedIsFinishedFromTheKeptBytes() throws {
        let (db, shipment) = try packed()
        _ = try close(db, shipment)
        // The crash came after the commit: two files never reached their names, one is half written.
        try sql(db, "UPDATE shipment_documents SET state = 'writing'")
        try FileManager.default.removeItem(atPath: db.directory + "/docs/x.pdf")
        try FileManager.default.removeItem(atPath: db.directory + "/docs/x.csv")
        let token = try #require(try DatabaseQueue(path: db.path).read { try String.fetchOne($0, sql: "SELECT token FROM shipment_documents") })
        _ = FileManager.default.createFile(atPath: db.directory + "/docs/.x.csv.\(token).tmp", contents: Data("cs".utf8))

        let reopened = try SQLiteStore.open(at: db.path)
        #expect(listing(db) == names.sorted())
        for (name, bytes) in zip(names, files) {
            #expect(FileManager.default.contents(atPath: db.directory + "/docs/" + name) == Data(bytes))
        }
        #expect(try reopened.documentRecord(ofShipment: shipment.id)?.complete == true)
        #expect(try reopened.shipment(shipment.id).status == .closed)
    }

    @Test func aClosingThatNeverCommittedLeavesNothingAndTheShipmentOpen() throws {
        let (db, shipment) = try packed()
        try FileManager.default.createDirectory(atPath: db.directory + "/docs", withIntermediateDirectories: true)
        try sql(db, "INSERT INTO shipment_documents (shipment, directory, token, state) VALUES (?, ?, 'abcd1234', 'staging')",
                [shipment.id, db.directory + "/docs"])
        for (position, name) in names.enumerated() {
            try sql(db, "INSERT INTO shipment_document (shipment, position, name) VALUES (?, ?, ?)", [shipment.id, position, name])
        }
        for name in names.prefix(3) {
            _ = FileManager.default.createFile(atPath: db.directory + "/docs/.\(name).abcd1234.tmp", contents: Data("partial".utf8))
        }
        let reopened = try SQLiteStore.open(at: db.path)
        #expect(listing(db).isEmpty)
        #expect(try reopened.documentRecord(ofShipment: shipment.id) == nil)
        #expect(try reopened.shipment(shipment.id).status == .open)
        let closed = try close(db, shipment, through: reopened)
        #expect(closed.status == .closed && listing(db) == names.sorted())
    }

    @Test func aCommittedClosingWhoseFilesCannotBeWrittenIsUndone() throws {
        let (db, shipment) = try packed()
        _ = try close(db, shipment)
        try sql(db, "UPDATE shipment_documents SET state = 'writing'")
        // The folder is gone and a file has its name: nothing can be written there.
        try FileManager.default.removeItem(atPath: db.directory + "/docs")
        _ = FileManager.default.createFile(atPath: db.directory + "/docs", contents: Data("not a folder".utf8))

        let reopened = try SQLiteStore.open(at: db.path)
        let now = try reopened.shipment(shipment.id)
        #expect(now.status == .open && now.manifestSHA256 == nil && now.closed == nil)
        #expect(try reopened.documentRecord(ofShipment: shipment.id) == nil)
        #expect(FileManager.default.contents(atPath: db.directory + "/docs") == Data("not a folder".utf8))
    }

    @Test func aShipmentWhoseDocumentsAreNotWrittenCannotShipOrBeCancelled() throws {
        let (db, shipment) = try packed()
        _ = try close(db, shipment)
        try sql(db, "UPDATE shipment_documents SET state = 'writing'")
        #expect(throws: SapuError.shipmentDocumentsPending(shipment.id)) {
            try db.store.shipShipment(shipment.id, actor: TemporaryStore.actor, at: TemporaryStore.day)
        }
        #expect(throws: SapuError.shipmentDocumentsPending(shipment.id)) {
            try db.store.cancelShipment(shipment.id, actor: TemporaryStore.actor, at: TemporaryStore.day)
        }
    }
}
