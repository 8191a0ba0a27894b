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
        guard StrictJSON.isStrict(bytes), !JSONKeys.hasDuplicateKey(bytes),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes)), manifest.format == Manifest.format,
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
        guard StrictJSON.isStrict(bytes), !JSONKeys.hasDuplicateKey(bytes),
              let receipt = try? JSONDecoder().decode(Receipt.self, from: Data(bytes)), receipt.format == Receipt.format,
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
    ///
    /// Bounded like every input: a plain file of at most `readLimitMiB` (a manifest of
    /// 10,000 bundles is about 2.3 MB), never a device, pipe or `/dev/zero` read without end.
    public static func read(_ path: String) throws(SapuError) -> [UInt8] {
        // Non-blocking: opening a named pipe would otherwise wait for a writer before its
        // type could be checked; a regular file reads the same either way.
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .fileUnreadable(path: path) }
        defer { Glibc.close(fd) }
        let limit = readLimitMiB << 20
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileUnreadable(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= limit else {
            throw .fileTooLarge(path: path, limitMiB: readLimitMiB)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .fileUnreadable(path: path) }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
            // The file grew while it was read.
            guard bytes.count <= limit else { throw .fileTooLarge(path: path, limitMiB: readLimitMiB) }
        }
    }

    /// The largest manifest, receipt, signature or key file Sapu reads.
    public static let readLimitMiB = 64

    /// The signature file beside a signed file: `X.manifest.json` → `X.manifest.sig`.
    public static func signaturePath(for path: String) -> String {
        (path.hasSuffix(".json") ? String(path.dropLast(5)) : path) + ".sig"
    }

    /// The detached signature of the document at `path`: the file `signature` names, else the
    /// one beside it. A missing one beside it is named with its document (the clerk gave a
    /// `.sig`, a CSV or a key file, or copied the `.json` alone), not as a file never typed.
    public static func readSignature(of path: String, at signature: String?) throws(SapuError) -> String {
        let signaturePath = signature ?? Self.signaturePath(for: path)
        do throws(SapuError) {
            return String(decoding: try read(signaturePath), as: UTF8.self)
        } catch .fileUnreadable(let unreadable) where signature == nil && unreadable == signaturePath {
            throw .signatureMissing(document: path, signature: signaturePath)
        }
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
    ///
    /// The file is opened in place, never replaced: a path naming a device, a directory or
    /// anything but a regular file is refused. A new log's header is synced with its
    /// directory entry. Only a last line without its newline (cut short by a crash, so never
    /// acknowledged) is dropped; any other line that cannot be read means the file was
    /// damaged or edited, and is refused rather than silently losing scans.
    public init(path: String, shipment: String, manifestSHA256: String) throws(SapuError) {
        self.path = path
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .fileUnwritable(path: path) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            Glibc.close(fd)
            throw .fileUnwritable(path: path)
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.handle = handle
        let header = ShipmentFiles.encodeLine(Header(format: Self.format, shipment: shipment, manifestSHA256: manifestSHA256))
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw .fileUnreadable(path: path)
        }
        guard let lastNewline = data.lastIndex(of: 0x0A) else {
            // Empty, or a header cut short while the log was being started: start it (again).
            guard header.starts(with: data) else { throw .stateFromOtherManifest(path) }
            do {
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: Data(header))
                try handle.synchronize()
            } catch {
                throw .fileUnwritable(path: path)
            }
            guard DurableFile.syncDirectory(containing: path) else { throw .fileUnwritable(path: path) }
            previous = []
            return
        }
        let lines = data[..<lastNewline].split(separator: 0x0A, omittingEmptySubsequences: false)
        guard let first = lines.first, let found = try? JSONDecoder().decode(Header.self, from: Data(first)),
              found.format == Self.format, found.manifestSHA256 == manifestSHA256 else {
            throw .stateFromOtherManifest(path)
        }
        var previous: [String] = []
        for (index, line) in lines.enumerated().dropFirst() {
            guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(line)) else {
                throw .stateFileDamaged(path: path, line: index + 1)
            }
            previous.append(entry.input)
        }
        self.previous = previous
        do {
            // Drop a torn last line, then append after the good ones.
            try handle.truncate(atOffset: UInt64(lastNewline - data.startIndex + 1))
            try handle.seekToEnd()
        } catch {
            throw .fileUnwritable(path: path)
        }
    }

    static let format = "sapu-verify-1"

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

}

extension ShipmentFiles {
    /// One compact JSON object and a newline.
    static func encodeLine<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(value)) ?? Data()) + [0x0A]
    }
}
