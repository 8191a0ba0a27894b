import Foundation
import GRDB
import SapuCore
import Synchronization

/// Where a shipment's documents go: the directory as the user gave it, and the file names.
public struct DocumentPlan: Sendable, Equatable {
    public var directory: String
    public var names: [String]

    public init(directory: String, names: [String]) {
        self.directory = directory
        self.names = names
    }
}

/// What a closing produces: the manifest's SHA-256 and each file's bytes, in the plan's order.
public struct ClosingDocuments: Sendable, Equatable {
    public var manifestSHA256: String
    public var files: [[UInt8]]

    public init(manifestSHA256: String, files: [[UInt8]]) {
        self.manifestSHA256 = manifestSHA256
        self.files = files
    }
}

/// Where a closed shipment's documents were written.
public struct ShipmentDocumentRecord: Sendable, Equatable {
    public var shipment: String
    /// Absolute path of the directory.
    public var directory: String
    public var names: [String]
    /// False while a closing is under way or was interrupted.
    public var complete: Bool

    public var paths: [String] { names.map { directory + "/" + $0 } }
}

/// Closing a shipment is all or nothing (docs/database.md).
///
/// 1. Under the open lock, the intent is committed: directory, names and a token that
///    names the temporary files (`staging`).
/// 2. One transaction builds the documents, writes and syncs them under temporary names,
///    closes the shipment and keeps the documents' bytes (`writing`).
/// 3. The files are renamed into place, the directory is synced, and the closing is
///    marked `written`.
///
/// A crash in 1–2 leaves `staging`: the next command removes the temporaries and the
/// intent, and the shipment is open. A crash in 3 leaves `writing`: the next command
/// writes the files from the kept bytes (the PDF and CSV in the language they were made
/// in) and marks them written. If they cannot be written, the closing is undone: the
/// files it wrote are removed and the shipment is open again.
extension SQLiteStore {
    /// Closes an open shipment and puts its documents in place, or changes nothing.
    ///
    /// `render` builds the documents from the shipment and its bundles inside the closing
    /// transaction; if it throws, nothing changes.
    public func closeShipment(_ id: String, documents plan: DocumentPlan, at now: Instant,
                              render: (Shipment, [SapuCore.Bundle]) throws(SapuError) -> ClosingDocuments)
        throws(SapuError) -> Shipment {
        try admitWrite()
        return try OpenLock.holding(path, exclusive: true) { () throws(SapuError) in
            // A closing killed since this process opened the database is settled first.
            finishInterruptedClosings()
            let directory = try DocumentFiles.prepareDirectory(plan.directory)
            try DocumentFiles.checkNamesFree(directory, plan.names, shownAs: plan.directory)
            let token = String(format: "%08x", UInt32.random(in: .min ... .max))
            try write { db in
                let shipment = try Self.fetchShipment(db, id)
                guard shipment.status == .open else {
                    throw SapuError.shipmentWrongStatus(id: id, status: shipment.status, action: "close")
                }
                try Self.forgetDocuments(db, id)
                try db.execute(sql: "INSERT INTO shipment_documents (shipment, directory, token, state) VALUES (?, ?, ?, 'staging')",
                               arguments: [id, directory, token])
                for (position, name) in plan.names.enumerated() {
                    try db.execute(sql: "INSERT INTO shipment_document (shipment, position, name) VALUES (?, ?, ?)",
                                   arguments: [id, position, name])
                }
            }
            var files: [[UInt8]] = []
            let closed: Shipment
            do throws(SapuError) {
                closed = try write { db in
                    var shipment = try Self.fetchShipment(db, id)
                    guard shipment.status == .open else {
                        throw SapuError.shipmentWrongStatus(id: id, status: shipment.status, action: "close")
                    }
                    let bundles = try Row.fetchAll(db, sql: "SELECT \(Self.bundleColumns) FROM bundle WHERE shipment = ? ORDER BY batch, serial",
                                                   arguments: [id]).map(Self.bundle)
                    guard !bundles.isEmpty else { throw SapuError.shipmentEmpty(id) }
                    if let unfit = bundles.first(where: { $0.state != .packed || !$0.result.passed }) {
                        throw SapuError.shipmentHoldsUnfit(id: id, bundle: unfit.id.description)
                    }
                    shipment.status = .closed
                    shipment.closed = now
                    let documents = try Self.run { () throws(SapuError) in try render(shipment, bundles) }
                    guard documents.files.count == plan.names.count else { throw SapuError.storageFailure("documents") }
                    for (name, bytes) in zip(plan.names, documents.files) {
                        try Self.run { () throws(SapuError) in
                            try DocumentFiles.writeTemporary(directory, name, token: token, bytes: bytes)
                        }
                    }
                    try db.execute(sql: "UPDATE shipment SET status = ?, closed_at = ?, manifest_sha256 = ? WHERE id = ?",
                                   arguments: [ShipmentStatus.closed.rawValue, now.iso8601, documents.manifestSHA256, id])
                    for (position, bytes) in documents.files.enumerated() {
                        try db.execute(sql: "UPDATE shipment_document SET bytes = ? WHERE shipment = ? AND position = ?",
                                       arguments: [Data(bytes), id, position])
                    }
                    try db.execute(sql: "UPDATE shipment_documents SET state = 'writing' WHERE shipment = ?", arguments: [id])
                    files = documents.files
                    return try Self.fetchShipment(db, id)
                }
            } catch {
                // Nothing was committed: take back the temporaries and the intent.
                DocumentFiles.remove(directory, plan.names, token: token, bytes: nil)
                forgetStaging(id)
                throw error
            }
            do throws(SapuError) {
                try DocumentFiles.publish(directory, plan.names, token: token, bytes: files)
            } catch {
                reopen(id, directory: directory, names: plan.names, token: token, bytes: files)
                throw error
            }
            // If this mark is lost, the next command rewrites the same bytes and marks them.
            try? markWritten(id)
            return closed
        }
    }

    /// For a shipment this closing already closed into the same directory: puts any of its
    /// documents that went missing or changed back from the kept bytes, and returns it, so
    /// that running `close` again after a crash succeeds. Nil when the shipment is not in
    /// that state (it is then closed as usual, or refused).
    public func confirmClosed(_ id: String, documents plan: DocumentPlan) throws(SapuError) -> Shipment? {
        guard access == .readWrite else { return nil }
        return try OpenLock.holding(path, exclusive: true) { () throws(SapuError) -> Shipment? in
            finishInterruptedClosings()
            let shipment = try self.shipment(id)
            guard shipment.status == .closed, let record = try documentRecord(ofShipment: id), record.complete else { return nil }
            guard DocumentFiles.absolute(plan.directory) == record.directory, record.names == plan.names else {
                throw .shipmentAlreadyClosed(id: id, directory: record.directory)
            }
            let bytes = try documentBytes(ofShipment: id)
            let intact = zip(record.paths, bytes).allSatisfy { DocumentFiles.contents($0.0) == $0.1 }
            if !intact {
                try admitWrite()
                let token = String(format: "%08x", UInt32.random(in: .min ... .max))
                do throws(SapuError) {
                    try DocumentFiles.checkNamesFree(record.directory, record.names, shownAs: plan.directory)
                    try DocumentFiles.publish(record.directory, record.names, token: token, bytes: bytes)
                } catch {
                    DocumentFiles.remove(record.directory, record.names, token: token, bytes: nil)
                    throw error
                }
            }
            return shipment
        }
    }

    /// Where the shipment's documents were written, if Sapu recorded it (closings before
    /// this record existed have none).
    public func documentRecord(ofShipment id: String) throws(SapuError) -> ShipmentDocumentRecord? {
        try read { db in try Self.fetchRecords(db, shipment: id).first }
    }

    /// Every recorded closing's documents, in shipment order.
    public func documentRecords() throws(SapuError) -> [ShipmentDocumentRecord] {
        try read { db in try Self.fetchRecords(db, shipment: nil) }
    }

    /// The bytes a closing wrote, in the order of its names.
    public func documentBytes(ofShipment id: String) throws(SapuError) -> [[UInt8]] {
        try read { db in
            try Data?.fetchAll(db, sql: "SELECT bytes FROM shipment_document WHERE shipment = ? ORDER BY position", arguments: [id])
                .map { Array($0 ?? Data()) }
        }
    }

    /// Settles closings that a crash interrupted: finishes those that committed, takes back
    /// those that did not. Costs one indexed query when there are none.
    func finishInterruptedClosings() {
        guard access == .readWrite, health.withLock({ !$0.damaged }) else { return }
        let pending = (try? read { db -> [Row] in
            guard try db.tableExists("shipment_documents") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT shipment, directory, token, state FROM shipment_documents WHERE state != 'written'")
        }) ?? []
        for row in pending {
            let id: String = row["shipment"]
            let directory: String = row["directory"]
            let token: String = row["token"]
            guard let names = try? read({ db in
                try String.fetchAll(db, sql: "SELECT name FROM shipment_document WHERE shipment = ? ORDER BY position", arguments: [id])
            }) else { continue }
            if row["state"] == "staging" {
                DocumentFiles.remove(directory, names, token: token, bytes: nil)
                forgetStaging(id)
                continue
            }
            guard let bytes = try? documentBytes(ofShipment: id) else { continue }
            do {
                try DocumentFiles.publish(directory, names, token: token, bytes: bytes)
            } catch {
                reopen(id, directory: directory, names: names, token: token, bytes: bytes)
                continue
            }
            try? markWritten(id)
        }
    }

    /// Undoes a closing whose files could not all be put in place: removes what it wrote,
    /// then opens the shipment again. A crash in between leaves it `writing`, to be retried.
    private func reopen(_ id: String, directory: String, names: [String], token: String, bytes: [[UInt8]]) {
        DocumentFiles.remove(directory, names, token: token, bytes: bytes)
        try? write { db in
            guard try String.fetchOne(db, sql: "SELECT status FROM shipment WHERE id = ?", arguments: [id]) == ShipmentStatus.closed.rawValue,
                  try String.fetchOne(db, sql: "SELECT state FROM shipment_documents WHERE shipment = ?", arguments: [id]) == "writing" else {
                return
            }
            try db.execute(sql: "UPDATE shipment SET status = ?, closed_at = NULL, manifest_sha256 = NULL WHERE id = ?",
                           arguments: [ShipmentStatus.open.rawValue, id])
            try Self.forgetDocuments(db, id)
        }
    }

    /// Drops the intent of a closing that never committed.
    private func forgetStaging(_ id: String) {
        try? write { db in
            guard try String.fetchOne(db, sql: "SELECT state FROM shipment_documents WHERE shipment = ?", arguments: [id]) == "staging" else {
                return
            }
            try Self.forgetDocuments(db, id)
        }
    }

    private func markWritten(_ id: String) throws(SapuError) {
        try write { db in
            try db.execute(sql: "UPDATE shipment_documents SET state = 'written' WHERE shipment = ? AND state = 'writing'",
                           arguments: [id])
        }
    }

    private static func forgetDocuments(_ db: Database, _ id: String) throws {
        try db.execute(sql: "DELETE FROM shipment_document WHERE shipment = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM shipment_documents WHERE shipment = ?", arguments: [id])
    }

    /// Refuses to move a closed shipment on while its documents are not all in place.
    static func requireDocumentsWritten(_ db: Database, _ id: String) throws {
        guard try db.tableExists("shipment_documents") else { return }
        if let state = try String.fetchOne(db, sql: "SELECT state FROM shipment_documents WHERE shipment = ?", arguments: [id]),
           state != "written" {
            throw SapuError.shipmentDocumentsPending(id)
        }
    }

    private static func fetchRecords(_ db: Database, shipment: String?) throws -> [ShipmentDocumentRecord] {
        guard try db.tableExists("shipment_documents") else { return [] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.shipment, d.directory, d.state, s.created_at, s.number FROM shipment_documents d
            JOIN shipment s ON s.id = d.shipment
            WHERE ? IS NULL OR d.shipment = ?
            ORDER BY s.created_at, s.number
            """, arguments: [shipment, shipment])
        return try rows.map { row in
            let id: String = row["shipment"]
            let names = try String.fetchAll(db, sql: "SELECT name FROM shipment_document WHERE shipment = ? ORDER BY position",
                                            arguments: [id])
            return ShipmentDocumentRecord(shipment: id, directory: row["directory"], names: names, complete: row["state"] == "written")
        }
    }
}
