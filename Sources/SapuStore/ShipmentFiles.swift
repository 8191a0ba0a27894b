import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// The files that travel with a shipment: manifest, its signature, CSV; and the receipt.
public enum ShipmentFiles {
    /// The manifest's exact bytes: sorted keys, two-space indent, a final newline.
    public static func encode<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain structs cannot fail.
        guard let data = try? encoder.encode(value) else { return [] }
        return Array(data) + [0x0A]
    }

    public static func decodeManifest(_ bytes: [UInt8], path: String) throws(SapuError) -> Manifest {
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)), manifest.format == Manifest.format,
              manifest.bundleCount == manifest.bundles.count, manifest.numbersAreConsistent, manifest.bundlesAreConsistent else {
            throw .manifestUnreadable(path)
        }
        return manifest
    }

    public static func decodeReceipt(_ bytes: [UInt8], path: String) throws(SapuError) -> Receipt {
        struct Format: Decodable { var format: String }
        if let format = try? JSONDecoder().decode(Format.self, from: Data(bytes)), Receipt.formerFormats.contains(format.format) {
            throw .receiptFormerFormat(path: path, format: format.format)
        }
        guard let receipt = try? JSONDecoder().decode(Receipt.self, from: Data(bytes)), receipt.format == Receipt.format,
              receipt.expected >= 0, receipt.forged >= 0 else {
            throw .receiptUnreadable(path)
        }
        return receipt
    }

    /// The bundle list for a spreadsheet set to Indonesian: UTF-8 with BOM, `;` between
    /// fields (the comma is the decimal separator there), CRLF line ends.
    public static func csv(_ manifest: Manifest, header: [String]) -> [UInt8] {
        var lines = [header.map(field).joined(separator: ";")]
        for (index, item) in manifest.bundles.enumerated() {
            lines.append([String(index + 1), item.id, item.product, item.batch, String(item.serial), item.maker, item.grade,
                          item.inspected, String(item.labelRevision)].map(field).joined(separator: ";"))
        }
        return [0xEF, 0xBB, 0xBF] + Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Reads a whole file, or says which file could not be read.
    public static func read(_ path: String) throws(SapuError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .fileUnreadable(path: path) }
        return Array(data)
    }

    /// The signature file beside a signed file: `X.manifest.json` → `X.manifest.sig`.
    public static func signaturePath(for path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".sig"
    }
}

/// The partner's verification progress on disk: one JSON line per scan, each synced
/// before its answer is shown, so an interrupted verification resumes where it stopped.
public final class VerificationLog {
    struct Header: Codable {
        var format: String
        var shipment: String
        var manifestSHA256: String
    }

    struct Entry: Codable {
        var input: String
        var at: String
    }

    public let path: String
    private let handle: FileHandle
    /// The lines scanned in earlier sessions, in order.
    public let previous: [String]

    /// Opens (or starts) the log for a manifest; refuses a log made for another manifest.
    public init(path: String, shipment: String, manifestSHA256: String) throws(SapuError) {
        self.path = path
        var previous: [String] = []
        if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
            let lines = data.split(separator: 0x0A)
            guard let first = lines.first, let header = try? JSONDecoder().decode(Header.self, from: Data(first)),
                  header.format == "sapu-verify-1" else {
                throw .stateFromOtherManifest(path)
            }
            guard header.manifestSHA256 == manifestSHA256 else { throw .stateFromOtherManifest(path) }
            for line in lines.dropFirst() {
                // A line cut short by a crash was never acknowledged: drop it.
                if let entry = try? JSONDecoder().decode(Entry.self, from: Data(line)) { previous.append(entry.input) }
            }
        } else {
            let header = ShipmentFiles.encodeLine(Header(format: "sapu-verify-1", shipment: shipment, manifestSHA256: manifestSHA256))
            guard FileManager.default.createFile(atPath: path, contents: Data(header)) else { throw .fileUnwritable(path: path) }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw .fileUnwritable(path: path) }
        self.handle = handle
        self.previous = previous
        do {
            // Drop a torn last line, then append after the good ones.
            let good = try Self.lengthOfCompleteLines(path)
            try handle.truncate(atOffset: good)
            try handle.seekToEnd()
        } catch {
            throw .fileUnwritable(path: path)
        }
    }

    deinit { try? handle.close() }

    /// Appends scanned lines and syncs them to disk.
    public func append(_ inputs: [String], at: Instant) throws(SapuError) {
        var bytes: [UInt8] = []
        for input in inputs { bytes += ShipmentFiles.encodeLine(Entry(input: input, at: at.iso8601)) }
        do {
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
        } catch {
            throw .fileUnwritable(path: path)
        }
    }

    private static func lengthOfCompleteLines(_ path: String) throws -> UInt64 {
        let data = FileManager.default.contents(atPath: path) ?? Data()
        guard let last = data.lastIndex(of: 0x0A) else { return 0 }
        return UInt64(last + 1)
    }
}

extension ShipmentFiles {
    /// One compact JSON object and a newline.
    static func encodeLine<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data()) + [0x0A]
    }
}
