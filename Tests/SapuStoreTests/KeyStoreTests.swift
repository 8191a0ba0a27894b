import Foundation
import GRDB
import SapuCore
@testable import SapuStore
import Testing

@Suite("Signing keys and label revisions in the store")
struct KeyStoreTests {
    static func raw(_ byte: UInt8) -> [UInt8] { Array(repeating: byte, count: 32) }

    @Test func aRotationRetiresTheCurrentKeyInTheSameTransaction() throws {
        let db = try TemporaryStore()
        #expect(try db.store.currentKey().keyID == "K1")
        try db.store.rotateKey(to: StoredKey(keyID: "K2", site: "PWT", raw: Self.raw(2)), replacing: "K1", at: TemporaryStore.day)
        #expect(try db.store.currentKey() == StoredKey(keyID: "K2", site: "PWT", raw: Self.raw(2), current: true))
        #expect(try db.store.publicKeys().map(\.current) == [false, true])
        // A second rotation that still believes K1 is current changes nothing.
        #expect(throws: SapuError.self) {
            try db.store.rotateKey(to: StoredKey(keyID: "K3", site: "PWT", raw: Self.raw(3)), replacing: "K1", at: TemporaryStore.day)
        }
        #expect(try db.store.publicKeys().map(\.keyID) == ["K1", "K2"])
    }

    @Test func keysAreOrderedByNumberSoK10ComesAfterK2() throws {
        let db = try TemporaryStore()
        for number in 2...10 {
            try db.store.rotateKey(to: StoredKey(keyID: "K\(number)", site: "PWT", raw: Self.raw(UInt8(number))),
                                   replacing: "K\(number - 1)", at: TemporaryStore.day)
        }
        #expect(try db.store.publicKeys().map(\.keyID) == (1...10).map { "K\($0)" })
        #expect(try db.store.currentKey().keyID == "K10")
    }

    /// A database made before keys had a status: the highest key number becomes current,
    /// whatever the times and the text order of the ids say.
    @Test func upgradingAnOlderDatabaseMakesTheHighestKeyCurrent() throws {
        let path = NSTemporaryDirectory() + "sapu-old-" + UUID().uuidString + ".sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for (index, sql) in Schema.migrations.prefix(2).enumerated() {
                try db.execute(sql: sql)
                try db.execute(sql: "PRAGMA user_version = \(index + 1)")
            }
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            try db.execute(sql: "INSERT INTO site (code, name, created_at) VALUES ('PWT', 'x', '2025-11-21T08:00:00+07:00')")
            for number in [1, 2, 10] {
                try db.execute(sql: "INSERT INTO signing_key (key_id, site, public_key, created_at) VALUES (?, 'PWT', ?, '2025-11-21T08:00:00+07:00')",
                               arguments: ["K\(number)", Data(Self.raw(UInt8(number)))])
            }
        }
        try queue.close()
        let store = try SQLiteStore.open(at: path)
        #expect(try store.currentKey().keyID == "K10")
        #expect(try store.publicKeys().map(\.keyID) == ["K1", "K2", "K10"])
        #expect(try store.publicKeys().filter(\.current).count == 1)
    }

    /// The reported bug: reprinted after a rotation, the label came out as R1 again under K2,
    /// and both R1 labels counted as current.
    @Test func aReprintSignedWithAnotherKeyIsANewRevision() throws {
        let db = try TemporaryStore()
        let batch = try db.batch()
        let bundle = try db.store.inspect(batch: batch.code, maker: "M042", result: .pass(.a), count: 1,
                                          actor: TemporaryStore.actor, at: TemporaryStore.day)[0]
        func print(_ key: String, again: Bool = true) throws -> Int {
            try db.store.recordLabelPrints([bundle.id], again: again, keyID: key, actor: TemporaryStore.actor,
                                           at: TemporaryStore.day)[0].labelRevision
        }
        #expect(try print("K1", again: false) == 1)
        #expect(try print("K1") == 1)
        #expect(try print("K2") == 2)
        #expect(try print("K2") == 2)
        let stored = try db.store.bundle(bundle.id)
        #expect(stored.labelRevision == 2 && stored.labelKey == "K2")
    }
}
