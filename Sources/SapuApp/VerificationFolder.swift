import Foundation
import SapuCore
import SapuStore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The partner's verifications kept by `sapu serve`, one folder each under `<files>/verify/ID/`.
///
/// A folder holds the manifest and its signature as uploaded (`manifest.json`,
/// `manifest.sig`), the workshop's public key file last uploaded with them (`key.pub`), the
/// state file of `sapu verify` (`STEM.verify.jsonl`, one synced line per scan) and, once
/// finished, the signed receipt (`STEM.receipt.json`, `STEM.receipt.sig`). The id is the
/// shipment's file stem and the start of the manifest's SHA-256, so the same manifest
/// uploaded again resumes its verification and another manifest of the same shipment starts
/// its own. Every request on a verification goes through one lock, in order.
public final class VerificationFolder: Sendable {
    /// One verification as a page shows it.
    public struct Snapshot: Sendable {
        public var id: String
        public var verification: Verification
        /// The receipt's and its signature's file names in the folder, once finished.
        public var receipt: (receipt: String, signature: String)?
        /// When the receipt on disk was finished (ISO 8601).
        public var finished: String?
        /// Scans since that receipt was signed: finishing again makes a newer one.
        public var scansSinceReceipt: Bool

        public var manifest: Manifest { verification.manifest }
    }

    /// An uploaded file: the name the browser gave it (shown in messages, never a path) and its bytes.
    public struct Upload: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// `<files>/verify`.
    public let path: String
    private let cache = Mutex<[String: PartnerVerification]>([:])
    /// The verifications kept open (state file and replayed scans in memory); older ones are closed.
    static let openLimit = 16

    private static let shared = Mutex<[String: VerificationFolder]>([:])

    /// The one folder object for `path`, so that every request on a verification takes the same lock.
    public static func at(_ path: String) -> VerificationFolder {
        shared.withLock { folders in
            if let folder = folders[path] { return folder }
            let folder = VerificationFolder(path: path)
            folders[path] = folder
            return folder
        }
    }

    private init(path: String) {
        self.path = path
    }

    // MARK: Starting and resuming

    /// Checks the uploaded manifest exactly as `sapu verify` does (key file, then signature,
    /// then contents) and starts its verification, or resumes it when this manifest was
    /// uploaded before. Nothing is kept when the check fails.
    public func start(manifest: Upload, signature: Upload, key: Upload, at now: Instant) throws(SapuError) -> Snapshot {
        let (checked, ring) = try PartnerVerification.check(manifest: manifest.bytes, name: Self.shown(manifest.name),
                                                            signature: signature.bytes, keyFile: key.bytes,
                                                            keyName: Self.shown(key.name))
        let id = PartnerVerification.stem(of: checked.manifest) + "-" + String(checked.sha256.prefix(16))
        return try cache.withLock { (open: inout [String: PartnerVerification]) throws(SapuError) -> Snapshot in
            let directory = try self.createDirectory()
            let folder = (path as NSString).appendingPathComponent(id)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
                guard isDirectory.boolValue, (try? ShipmentFiles.read(folder + "/manifest.json")) == checked.bytes else {
                    throw .stateFromOtherManifest(id)
                }
                // The same manifest with a newer key file (after the workshop rotated its key):
                // the scans are answered again with the keys now given, as `sapu verify` does.
                if (try? ShipmentFiles.read(folder + "/key.pub")) != key.bytes {
                    open[id] = nil
                    try Self.replace(folder + "/key.pub", with: key.bytes)
                }
            } else {
                try Self.create(folder, in: directory, files: [
                    ("manifest.json", checked.bytes), ("manifest.sig", signature.bytes), ("key.pub", key.bytes),
                ])
            }
            let verification = try self.opened(id, checked: (checked, ring), in: &open)
            return self.snapshot(id, verification)
        }
    }

    /// The verification `id` as it stands.
    public func snapshot(_ id: String) throws(SapuError) -> Snapshot {
        try cache.withLock { (open: inout [String: PartnerVerification]) throws(SapuError) -> Snapshot in
            self.snapshot(id, try self.opened(id, in: &open))
        }
    }

    /// Scans `text` (one scan per line) into verification `id`: kept on disk before the answers.
    public func scan(_ id: String, text: String, at now: Instant) throws(SapuError)
        -> (scanned: [PartnerVerification.Scanned], snapshot: Snapshot) {
        try cache.withLock { (open: inout [String: PartnerVerification]) throws(SapuError) -> ([PartnerVerification.Scanned], Snapshot) in
            let verification = try self.opened(id, in: &open)
            let scanned = try verification.scan(text: text, at: now)
            return (scanned, self.snapshot(id, verification))
        }
    }

    /// Signs the receipt with this site's key and writes it, with its signature, into the folder.
    public func finish(_ id: String, store: SQLiteStore, at now: Instant) throws(SapuError) -> Snapshot {
        try cache.withLock { (open: inout [String: PartnerVerification]) throws(SapuError) -> Snapshot in
            let verification = try self.opened(id, in: &open)
            _ = try verification.finish(store: store, into: (self.path as NSString).appendingPathComponent(id), at: now)
            return self.snapshot(id, verification)
        }
    }

    /// Every verification in the folder, newest manifest first; one that cannot be read is left out.
    public func list() -> [Snapshot] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let snapshots = names.filter(Self.isID).compactMap { try? snapshot($0) }
        return snapshots.sorted { ($0.manifest.closed, $0.id) > ($1.manifest.closed, $1.id) }
    }

    /// The folder of verification `id`, for handing out its receipt.
    public func folder(_ id: String) throws(SapuError) -> String {
        guard Self.isID(id) else { throw .verificationUnknown(id) }
        let folder = (path as NSString).appendingPathComponent(id)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .verificationUnknown(id)
        }
        return folder
    }

    // MARK: Pieces

    /// `001-SJ-PWT-XI-2025-0123456789abcdef`: letters, digits and dashes only.
    static func isID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 96 && !text.hasPrefix("-")
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
    }

    /// A browser's file name as a message names it: short and visible.
    static func shown(_ name: String) -> String {
        let trimmed = String(name.prefix(80)).visible
        return trimmed.isEmpty ? "-" : trimmed
    }

    /// The open verification `id`, opening it (and replaying its scans) if needed.
    private func opened(_ id: String, checked given: (CheckedManifest, KeyRing)? = nil,
                        in open: inout [String: PartnerVerification]) throws(SapuError) -> PartnerVerification {
        if let verification = open[id] { return verification }
        let folder = try folder(id)
        let checked: (CheckedManifest, KeyRing)
        if let given {
            checked = given
        } else {
            // Checked again as it was on upload: what is on disk proves nothing by being there.
            let manifest = try ShipmentFiles.read(folder + "/manifest.json")
            let signature = try ShipmentFiles.read(folder + "/manifest.sig")
            let key = try ShipmentFiles.read(folder + "/key.pub")
            checked = try PartnerVerification.check(manifest: manifest, name: "manifest.json", signature: signature,
                                                    keyFile: key, keyName: "key.pub")
        }
        let stem = PartnerVerification.stem(of: checked.0.manifest)
        let verification = try PartnerVerification(checked: checked.0, keys: checked.1, state: folder + "/" + stem + ".verify.jsonl")
        if open.count >= Self.openLimit, let other = open.keys.first { open[other] = nil }
        open[id] = verification
        return verification
    }

    private func snapshot(_ id: String, _ verification: PartnerVerification) -> Snapshot {
        let folder = (path as NSString).appendingPathComponent(id)
        let names = verification.receiptNames
        var snapshot = Snapshot(id: id, verification: verification.verification, receipt: nil, finished: nil,
                                scansSinceReceipt: false)
        if let bytes = try? ShipmentFiles.read(folder + "/" + names.receipt),
           let receipt = try? ShipmentFiles.decodeReceipt(bytes, path: names.receipt),
           FileManager.default.fileExists(atPath: folder + "/" + names.signature) {
            snapshot.receipt = names
            snapshot.finished = receipt.finished
            snapshot.scansSinceReceipt = receipt.received != verification.verification.received
                || receipt.duplicates != verification.verification.duplicates || receipt.extra != verification.verification.extra
                || receipt.forged != verification.verification.forgedCount
                || receipt.mismatched != verification.verification.mismatched
        }
        return snapshot
    }

    /// The folder of verifications, created (owner only) when a verification is started.
    private func createDirectory() throws(SapuError) -> String {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .fileUnwritable(path: path)
        }
        return path
    }

    /// Makes the folder `target` with its files, all or nothing: written and synced in a
    /// hidden folder, then renamed into place. A hidden folder a crash left behind is removed first.
    private static func create(_ target: String, in directory: String, files: [(String, [UInt8])]) throws(SapuError) {
        let name = (target as NSString).lastPathComponent
        let staging = (directory as NSString).appendingPathComponent("." + name + ".tmp")
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o700) == 0 else { throw .fileUnwritable(path: target) }
        for (file, bytes) in files where !DurableFile.create(staging + "/" + file, bytes: bytes, mode: 0o600) {
            try? FileManager.default.removeItem(atPath: staging)
            throw .fileUnwritable(path: target)
        }
        guard DurableFile.syncDirectory(staging), rename(staging, target) == 0, DurableFile.syncDirectory(directory) else {
            try? FileManager.default.removeItem(atPath: staging)
            throw .fileUnwritable(path: target)
        }
    }

    /// Replaces one file: written and synced under a hidden name, then renamed over it.
    private static func replace(_ path: String, with bytes: [UInt8]) throws(SapuError) {
        let temporary = ((path as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("." + (path as NSString).lastPathComponent + ".tmp")
        guard DurableFile.create(temporary, bytes: bytes, mode: 0o600), rename(temporary, path) == 0,
              DurableFile.syncDirectory(containing: path) else {
            unlink(temporary)
            throw .fileUnwritable(path: path)
        }
    }
}
