import SapuCore
import SapuStore

extension ShipmentDocuments {
    /// Writes a closed shipment's documents again into `directory`, byte for byte as closing
    /// wrote them, from the bytes the database kept (`sapu shipment documents`).
    ///
    /// The manifest is checked against the SHA-256 recorded at closing first: a copy that
    /// does not match is never written. All files appear together or none does. Returns
    /// their paths.
    public static func writeAgain(_ id: String, store: SQLiteStore, into directory: String) throws(SapuError) -> [String] {
        let shipment = try store.shipment(id)
        switch shipment.status {
        case .open: throw .shipmentHasNoDocumentsYet(id)
        case .cancelled: throw .shipmentWrongStatus(id: id, status: shipment.status, action: "documents")
        case .closed, .shipped, .delivered, .disputed: break
        }
        guard let record = try store.documentRecord(ofShipment: id) else { throw .shipmentDocumentsNotKept(id) }
        guard record.complete else { throw .shipmentDocumentsPending(id) }
        let bytes = try store.documentBytes(ofShipment: id)
        let files = Array(zip(record.names, bytes))
        guard bytes.count == record.names.count, files.allSatisfy({ !$0.1.isEmpty }),
              let manifest = files.first(where: { $0.0.hasSuffix(".manifest.json") })?.1 else {
            throw .shipmentDocumentsNotKept(id)
        }
        guard Digest.sha256Hex(manifest) == shipment.manifestSHA256 else { throw .shipmentDocumentsAltered(id) }
        let output = try OutputDirectory(directory)
        return try output.commit(try output.stage(files.map { (name: $0.0, bytes: $0.1) }))
    }
}
