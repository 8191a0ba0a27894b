/// The partner's check of what arrived against a signed manifest, scan by scan.
///
/// Pure and replayable: the state file keeps only the scanned lines, and replaying
/// them rebuilds exactly this value.
public struct Verification: Sendable {
    /// The answer to one scan at the partner's door.
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        /// In the manifest, as claimed.
        case expected
        /// A genuine label whose bundle the manifest does not list.
        case notInManifest = "not-in-manifest"
        /// Already scanned.
        case duplicate
        /// Signature fails or altered text.
        case forged
        /// Signed with a key the partner's key file does not have (of the site its batch
        /// names): not proven genuine, but not proven altered either. Get the workshop's
        /// new public key, confirm its fingerprint, and run `sapu verify` again.
        case unknownKey = "unknown-key"
        /// The label's QC result or maker differs from the manifest.
        case mismatch
        /// An older label revision than the manifest lists.
        case superseded
        /// Not a Sapu label at all.
        case notSapu = "not-sapu"
    }

    public struct Answer: Sendable, Equatable {
        public var outcome: Outcome
        public var bundle: String?
        public var reason: SapuError?
        /// Bundles received so far, for "n of N".
        public var progress: Int
        public var manual: Bool
    }

    /// A difference between a label and the manifest.
    public struct Mismatch: Sendable, Codable, Equatable {
        public var bundle: String
        public var field: String
        public var manifest: String
        public var label: String
    }

    public let manifest: Manifest
    public let keys: KeyRing
    private let items: [String: Manifest.Item]
    public private(set) var received: [String] = []
    /// The received bundles whose id was typed by hand: a typed id proves nothing, so these
    /// were not checked against a signed label. A subset of `received`.
    public private(set) var receivedByHand: [String] = []
    public private(set) var extra: [String] = []
    public private(set) var duplicates: [String] = []
    public private(set) var forged: [String] = []
    /// The bundle ids forged labels claimed to be, where the text still named one.
    public private(set) var forgedBundles: [String] = []
    /// Labels signed with a key the ring lacks, as scanned.
    public private(set) var unknownKeyLabels: [String] = []
    /// The bundle ids those labels name.
    public private(set) var unknownKeyBundles: [String] = []
    /// Bundles whose label disagrees with the manifest, and bundles seen only with an older
    /// label revision than the manifest lists (a current label scanned later settles those).
    public var mismatched: [Mismatch] { disputes + supersededOnly.filter { !seen.contains($0.bundle) } }
    /// Labels whose grade, maker or product differ from the manifest.
    private var disputes: [Mismatch] = []
    /// Bundles scanned with a superseded label, in scan order.
    private var supersededOnly: [Mismatch] = []
    public private(set) var notSapu = 0
    private var seen: Set<String> = []

    public init(manifest: Manifest, keys: KeyRing) {
        self.manifest = manifest
        self.keys = keys
        items = Dictionary(manifest.bundles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var expectedCount: Int { manifest.bundleCount }

    /// Bundles listed in the manifest that have not been scanned (nor disputed).
    public var missing: [String] {
        let disputed = Set(mismatched.map(\.bundle))
        return manifest.bundles.map(\.id).filter { !seen.contains($0) && !disputed.contains($0) }
    }

    /// Answers one scanned or typed line.
    public mutating func scan(_ line: String) -> Answer {
        switch ScannedCode.classify(line, keys: keys) {
        case .typed(let id):
            return accept(id.description, label: nil)
        case .label(let payload):
            return accept(payload.bundleID.description, label: payload)
        case .control:
            notSapu += 1
            return answer(.notSapu, nil, .notSapuLabel)
        case .rejected(let result):
            if case .unknownKey = result.reason, let id = result.bundle?.description {
                unknownKeyLabels.append(line.trimmingSpaces())
                if !unknownKeyBundles.contains(id) { unknownKeyBundles.append(id) }
                return answer(.unknownKey, id, result.reason)
            }
            if result.outcome == .forged {
                forged.append(line.trimmingSpaces())
                if let id = result.bundle?.description, !forgedBundles.contains(id) { forgedBundles.append(id) }
                return answer(.forged, result.bundle?.description, result.reason)
            }
            notSapu += 1
            return answer(.notSapu, nil, result.reason)
        }
    }

    private mutating func accept(_ id: String, label: LabelPayload?) -> Answer {
        // A genuine label scanned after its id was typed by hand replaces the typed entry:
        // the label is the evidence, and it may well disagree with the manifest.
        if label != nil, let typed = receivedByHand.firstIndex(of: id) {
            receivedByHand.remove(at: typed)
            received.removeAll { $0 == id }
            seen.remove(id)
        }
        guard let item = items[id] else {
            // A typed id is shown as one whether or not the manifest lists it.
            if extra.contains(id) {
                duplicates.append(id)
                return answer(.duplicate, id, nil, manual: label == nil)
            }
            extra.append(id)
            return answer(.notInManifest, id, nil, manual: label == nil)
        }
        if seen.contains(id) || disputes.contains(where: { $0.bundle == id }) {
            duplicates.append(id)
            return answer(.duplicate, id, nil, manual: label == nil)
        }
        if let label {
            if label.revision < item.labelRevision {
                // The old label of a relabelled bundle: the bundle still counts once its current label is scanned.
                if !supersededOnly.contains(where: { $0.bundle == id }) {
                    supersededOnly.append(Mismatch(bundle: id, field: "labelRevision", manifest: "R\(item.labelRevision)",
                                                   label: "R\(label.revision)"))
                }
                return answer(.superseded, id, .supersededLabel(scanned: label.revision, current: item.labelRevision))
            }
            let grade = label.result.grade?.rawValue ?? "FAIL"
            if grade != item.grade {
                disputes.append(Mismatch(bundle: id, field: "grade", manifest: item.grade, label: label.result.code))
                return answer(.mismatch, id, .manifestMismatch(bundle: id, field: "grade", manifest: item.grade, label: label.result.code))
            }
            if label.maker != item.maker || label.product != item.product {
                let field = label.maker != item.maker ? "maker" : "product"
                let values = field == "maker" ? (item.maker, label.maker) : (item.product, label.product)
                disputes.append(Mismatch(bundle: id, field: field, manifest: values.0, label: values.1))
                return answer(.mismatch, id, .manifestMismatch(bundle: id, field: field, manifest: values.0, label: values.1))
            }
            // The label the manifest lists carries the inspection date the manifest states.
            if label.revision == item.labelRevision, label.inspected.iso != item.inspected {
                disputes.append(Mismatch(bundle: id, field: "inspected", manifest: item.inspected, label: label.inspected.iso))
                return answer(.mismatch, id, .manifestMismatch(bundle: id, field: "inspected", manifest: item.inspected,
                                                               label: label.inspected.iso))
            }
        }
        seen.insert(id)
        received.append(id)
        if label == nil { receivedByHand.append(id) }
        return answer(.expected, id, nil, manual: label == nil)
    }

    private func answer(_ outcome: Outcome, _ bundle: String?, _ reason: SapuError?, manual: Bool = false) -> Answer {
        Answer(outcome: outcome, bundle: bundle, reason: reason, progress: received.count, manual: manual)
    }
}

/// What the partner signs and sends back: what arrived against the manifest.
///
/// docs/shipments.md documents every field; the workshop applies it with
/// `sapu shipment reconcile`.
public struct Receipt: Sendable, Codable, Equatable {
    /// `sapu-receipt-2` added `receivedByHand`; a `sapu-receipt-1` receipt cannot tell typed
    /// ids from verified labels and is refused.
    public static let format = "sapu-receipt-2"
    public static let formerFormats: Set<String> = ["sapu-receipt-1"]

    public var format: String
    public var shipment: String
    /// SHA-256 of the manifest file this receipt answers.
    public var manifestSHA256: String
    public var shipper: String
    public var receiver: Manifest.Party
    public var keyID: String
    public var finished: String
    public var expected: Int
    public var received: [String]
    /// The ids in `received` that were typed by hand rather than read from a verified label.
    public var receivedByHand: [String]
    public var missing: [String]
    public var extra: [String]
    public var duplicates: [String]
    public var forged: Int
    /// The bundle ids the forged labels claimed, where readable.
    public var forgedBundles: [String]
    public var mismatched: [Verification.Mismatch]

    public init(verification: Verification, manifestSHA256: String, receiver: Site, key: SigningKey, finished: Instant) {
        format = Self.format
        shipment = verification.manifest.shipment
        self.manifestSHA256 = manifestSHA256
        shipper = verification.manifest.shipper.site ?? ""
        self.receiver = Manifest.Party(site: receiver.code, name: receiver.name, address: nil)
        keyID = key.keyID
        self.finished = finished.iso8601
        expected = verification.expectedCount
        received = verification.received
        receivedByHand = verification.receivedByHand
        missing = verification.missing
        extra = verification.extra
        duplicates = verification.duplicates
        // A label under a key the partner lacks is not proven genuine: it counts with the
        // forged ones unless the partner gets the key and verifies again before finishing.
        forged = verification.forged.count + verification.unknownKeyLabels.count
        forgedBundles = verification.forgedBundles + verification.unknownKeyBundles.filter {
            !verification.forgedBundles.contains($0)
        }
        mismatched = verification.mismatched
    }

    /// True when everything arrived as the manifest says.
    public var isClean: Bool { missing.isEmpty && extra.isEmpty && forged == 0 && mismatched.isEmpty }
}
