import Foundation
import SapuCore
import SapuLabels
import SapuStore

/// Closing a shipment: the signed manifest, its signature, the CSV and the surat jalan,
/// all in place together with the closed shipment, or none of them and the shipment open.
///
/// The store keeps the closing all or nothing across crashes (`SQLiteStore.closeShipment`);
/// this workflow decides what the documents are.
public enum ShipmentClosing {
    /// A closed shipment and its four files, as paths under the directory the user gave.
    public struct Closed: Sendable {
        public var shipment: Shipment
        public var manifest: String
        public var signature: String
        public var csv: String
        public var pdf: String
        /// Closed by an earlier run (one a crash interrupted, say): its documents were checked, and put back if needed.
        public var alreadyClosed = false

        public var files: [String] { [manifest, signature, csv, pdf] }
    }

    /// The four file names of a shipment: `001-SJ-PWT-XI-2025.manifest.json` and so on.
    public static func fileNames(_ id: String) -> [String] {
        let stem = ShipmentID(typed: id)?.fileStem ?? id
        return [stem + ".manifest.json", stem + ".manifest.sig", stem + ".csv", stem + ".pdf"]
    }

    /// Closes the open shipment `id`, writing its documents into `directory`; the CSV and
    /// the surat jalan are in `language`. Run again on a shipment it closed into the same
    /// directory, it makes sure the documents are there and succeeds.
    public static func close(_ id: String, store: SQLiteStore, into directory: String, language: Language,
                             at now: Instant) throws(SapuError) -> Closed {
        let names = fileNames(id)
        let paths = names.map { (directory as NSString).appendingPathComponent($0) }
        if let shipment = try store.confirmClosed(id, documents: DocumentPlan(directory: directory, names: names)) {
            return Closed(shipment: shipment, manifest: paths[0], signature: paths[1], csv: paths[2], pdf: paths[3],
                          alreadyClosed: true)
        }
        let site = try store.site()
        let key = try SiteSigner.current(store: store)
        let products = try store.products()
        let shipment = try store.closeShipment(id, documents: DocumentPlan(directory: directory, names: names), at: now) {
            (shipment, bundles) throws(SapuError) -> ClosingDocuments in
            let manifest = try Manifest(shipment: shipment, site: site, bundles: bundles, products: products,
                                    key: key.publicKey, closed: now)
            let bytes = ShipmentFiles.encode(manifest)
            let signature = DetachedSignature(signing: bytes, with: key)
            let digest = Digest.sha256Hex(bytes)
            let document = ShipmentDocuments.suratJalan(manifest, digest: digest, language: language)
            return ClosingDocuments(manifestSHA256: digest, files: [
                bytes,
                Array(signature.text.utf8),
                ShipmentFiles.csv(manifest, header: ShipmentDocuments.csvHeader(language)),
                try SuratJalanRenderer.pdf(document),
            ])
        }
        return Closed(shipment: shipment, manifest: paths[0], signature: paths[1], csv: paths[2], pdf: paths[3])
    }
}
