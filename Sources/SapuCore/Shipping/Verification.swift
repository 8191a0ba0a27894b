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
        /// An older label revision than the manifest lists: the bundle is accepted by its
        /// current label, scanned before or after.
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
        /// The receipt's `field` value of a bundle that arrived with an older label only.
        public static let labelRevisionField = "labelRevision"

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
    /// Bundles whose label disagrees with the manifest, then bundles seen only with an older
    /// label revision than the manifest lists: each bundle's current label, once scanned,
    /// settles it, so an older label scanned before or after it leaves no entry.
    public var mismatched: [Mismatch] { disputes + oldLabelOnly }
    /// Labels whose grade, maker, product or inspection date differ from the manifest.
    public private(set) var disputes: [Mismatch] = []
    /// Bundles that arrived carrying only an older label than the manifest lists (never their
    /// current one, nor typed by hand), in the order their first old label was scanned.
    public var oldLabelOnly: [Mismatch] {
        supersededOnly.filter { entry in !seen.contains(entry.bundle) && !disputes.contains { $0.bundle == entry.bundle } }
    }
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

    /// Scans refused as forged for the receipt: a label under a key the partner lacks is not
    /// proven genuine, so it counts with the forged ones unless the partner gets the key and
    /// verifies again before finishing.
    public var forgedCount: Int { forged.count + unknownKeyLabels.count }

    /// The bundle ids those scans claimed, each once.
    public var forgedClaims: [String] {
        let forged = Set(forgedBundles)
        return forgedBundles + unknownKeyBundles.filter { !forged.contains($0) }
    }

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
        // An older label than the manifest lists never changes what was counted: the bundle
        // is accepted by its current label, before or after this one.
        if let label, let item = items[id], label.revision < item.labelRevision {
            return oldLabel(id, scanned: label.revision, current: item.labelRevision)
        }
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

    /// A genuine label of a bundle the manifest lists, of an older revision than the manifest's.
    private mutating func oldLabel(_ id: String, scanned: Int, current: Int) -> Answer {
        if receivedByHand.contains(id) {
            return answer(.superseded, id, .partnerOldLabelAfterTyped(scanned: scanned, current: current))
        }
        if seen.contains(id) || disputes.contains(where: { $0.bundle == id }) {
            return answer(.superseded, id, .partnerOldLabelAfterCurrent(scanned: scanned, current: current))
        }
        if !supersededOnly.contains(where: { $0.bundle == id }) {
            supersededOnly.append(Mismatch(bundle: id, field: Mismatch.labelRevisionField, manifest: "R\(current)",
                                           label: "R\(scanned)"))
        }
        return answer(.superseded, id, .partnerOldLabel(scanned: scanned, current: current))
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
        forged = verification.forgedCount
        forgedBundles = verification.forgedClaims
        mismatched = verification.mismatched
    }

    /// True when everything arrived as the manifest says.
    public var isClean: Bool { missing.isEmpty && extra.isEmpty && forged == 0 && mismatched.isEmpty }
}
