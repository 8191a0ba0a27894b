import SapuCore
import SapuStore

/// The partner's receiving check (`sapu verify`, and `/verify` in `sapu serve`): the manifest
/// checked against the workshop's public key, every scan kept on disk before it is answered,
/// and the signed receipt.
///
/// The verification is replayed from its state file when it is opened, so an interrupted
/// one resumes where it stopped; a state file made for another manifest is refused.
public final class PartnerVerification {
    /// The manifest, its signature and claimed key checked.
    public let checked: CheckedManifest
    /// The workshop keys the partner was given: labels are checked against these.
    public let keys: KeyRing
    /// `001-SJ-PWT-XI-2025`: the stem of the state file's and the receipt's names.
    public let stem: String
    /// Scans loaded from the state file when it was opened.
    public let resumed: Int
    public private(set) var verification: Verification
    private let log: VerificationLog

    /// One scanned line and its answer.
    public struct Scanned: Sendable {
        public var input: String
        public var answer: Verification.Answer
    }

    /// A signed receipt, written.
    public struct Finished: Sendable {
        public var receipt: Receipt
        public var path: String
        public var signaturePath: String
    }

    public var manifest: Manifest { checked.manifest }

    /// Longer than any label a scanner can type, yet short enough that a line without end costs nothing.
    public static let maximumLineLength = 4 * LabelCodec.maximumLength

    /// Reads the key file, then the manifest and its signature (the one beside it unless
    /// `signature` names one), and checks the manifest; then opens the state file (by
    /// default `STEM.verify.jsonl` in the current folder) and replays it.
    public convenience init(manifest path: String, signature: String?, key: String, state: String?) throws(SapuError) {
        let ring = try KeyRing(keyFile: String(decoding: try ShipmentFiles.read(key), as: UTF8.self), path: key)
        // The signature first: nothing in a tampered manifest is worth reading.
        let bytes = try ShipmentFiles.read(path)
        let checked = try ManifestCheck.check(bytes, path: path, signature: try ShipmentFiles.readSignature(of: path, at: signature),
                                              keys: ring)
        try self.init(checked: checked, keys: ring, state: state ?? Self.stem(of: checked.manifest) + ".verify.jsonl")
    }

    /// Opens the state file at `state` for a checked manifest and replays it.
    public init(checked: CheckedManifest, keys: KeyRing, state: String) throws(SapuError) {
        self.checked = checked
        self.keys = keys
        stem = Self.stem(of: checked.manifest)
        log = try VerificationLog(path: state, shipment: checked.manifest.shipment, manifestSHA256: checked.sha256)
        var verification = Verification(manifest: checked.manifest, keys: keys)
        for line in log.previous { _ = verification.scan(line) }
        self.verification = verification
        resumed = log.previous.count
    }

    /// Checks a manifest given as bytes (an upload) against the key file's keys.
    public static func check(manifest bytes: [UInt8], name: String, signature: [UInt8], keyFile: [UInt8], keyName: String)
        throws(SapuError) -> (manifest: CheckedManifest, keys: KeyRing) {
        let ring = try KeyRing(keyFile: String(decoding: keyFile, as: UTF8.self), path: keyName)
        let checked = try ManifestCheck.check(bytes, path: name, signature: String(decoding: signature, as: UTF8.self), keys: ring)
        return (checked, ring)
    }

    /// `001-SJ-PWT-XI-2025`, the shipment number made a file name.
    public static func stem(of manifest: Manifest) -> String {
        ShipmentID(typed: manifest.shipment)?.fileStem ?? "manifest"
    }

    /// The receipt's file names: `STEM.receipt.json` and `STEM.receipt.sig`.
    public var receiptNames: (receipt: String, signature: String) {
        (stem + ".receipt.json", stem + ".receipt.sig")
    }

    /// Keeps the lines on disk (synced) and only then answers each one, in order.
    ///
    /// An empty line (Enter pressed twice) is no scan: neither kept nor answered.
    /// `lengths[i]` is the real length of line `i` when only its start was read: such a
    /// line is kept by its start and answered as too long.
    public func scan(_ lines: [String], lengths: [Int?] = [], at now: Instant) throws(SapuError) -> [Scanned] {
        func skipped(_ position: Int) -> Int? { position < lengths.count ? lengths[position] : nil }
        let scans = lines.indices.filter { !lines[$0].trimmingSpaces().isEmpty || (skipped($0) ?? 0) > 0 }
        if scans.isEmpty { return [] }
        try log.append(scans.map { lines[$0] }, at: now)
        return scans.map { position in
            var answer = verification.scan(lines[position])
            if let length = skipped(position) { answer.reason = .scanTooLong(length) }
            return Scanned(input: lines[position], answer: answer)
        }
    }

    /// Scans text typed or posted at once: one scan per line, an over-long line cut to its start.
    public func scan(text: String, at now: Instant) throws(SapuError) -> [Scanned] {
        var lines: [String] = [], lengths: [Int?] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let length = line.count
            lines.append(length > Self.maximumLineLength ? String(line.prefix(Self.maximumLineLength)) : String(line))
            lengths.append(length > Self.maximumLineLength ? length : nil)
        }
        return try scan(lines, lengths: lengths, at: now)
    }

    /// Signs the receipt with this site's own key and writes it with its signature into
    /// `directory`, both or neither; a receipt finished earlier there is replaced.
    public func finish(store: SQLiteStore, into directory: String, at now: Instant) throws(SapuError) -> Finished {
        let site = try store.site()
        let signer = try SiteSigner.current(store: store)
        let receipt = Receipt(verification: verification, manifestSHA256: checked.sha256, receiver: site, key: signer,
                              finished: now)
        let bytes = ShipmentFiles.encode(receipt)
        let signature = DetachedSignature(signing: bytes, with: signer)
        let output = try OutputDirectory(directory)
        let names = receiptNames
        let paths = try output.commit(try output.stage([
            (names.receipt, bytes), (names.signature, Array(signature.text.utf8)),
        ]))
        return Finished(receipt: receipt, path: paths[0], signaturePath: paths[1])
    }
}
