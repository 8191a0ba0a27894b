import SapuCore
import SapuStore

/// Applies a partner's signed receipt to its shipment (`sapu shipment reconcile`).
///
/// A receipt counts only when signed by a key the workshop registered for the shipment's
/// partner; the key never comes with the receipt. The signature is checked before anything
/// in the receipt is read; then the receipt must name that partner as receiver, that key,
/// this site as shipper and this shipment's manifest. docs/shipments.md, "Reconciliation".
public enum Reconciliation {
    /// What reconciling did, for the clerk to read.
    public struct Outcome: Sendable {
        public var shipment: Shipment
        public var partner: Partner
        /// The registered key that signed the receipt.
        public var key: PublicKey
        public var receipt: Receipt
        /// SHA-256 of the receipt file, hex.
        public var sha256: String
        public var outcomes: Receipt.Outcomes
        public var effect: ReceiptEffect
        /// Bundles whose state changed.
        public var changed: Int
        /// Each `extra` id of the receipt with what became of the bundle (empty when nothing was applied).
        public var extras: [ExtraBundle]
        /// Bundles whose history got a note that a forged label claimed them.
        public var forgedNoted: [BundleID]
        /// Bundles an earlier receipt made `extra` that this one no longer names (they stay `extra`).
        public var extrasNoLongerNamed: [BundleID]
        /// When the partner finished the receipt.
        public var finished: Instant
    }

    /// Checks the receipt at `path` (signature beside it unless `signature` names it) and applies it.
    ///
    /// `partner` names the partner of a shipment opened before partners were registered;
    /// for any other shipment it must be the shipment's partner if given. `shipment`, when
    /// given, is the shipment the clerk means: a receipt for another one is refused.
    public static func apply(receipt path: String, signature: String? = nil, partner named: String? = nil,
                             shipment meant: String? = nil, store: SQLiteStore, actor: Actor, at now: Instant)
        throws(SapuError) -> Outcome {
        let bytes = try ShipmentFiles.read(path)
        let signatureText = try ShipmentFiles.readSignature(of: path, at: signature)
        return try apply(receipt: bytes, signature: signatureText, named: path, partner: named, shipment: meant, store: store,
                         actor: actor, at: now)
    }

    /// Checks and applies a receipt held in memory (uploaded with its signature's text);
    /// `path` is how refusals name the receipt.
    public static func apply(receipt bytes: [UInt8], signature signatureText: String, named path: String,
                             partner named: String? = nil, shipment meant: String? = nil, store: SQLiteStore, actor: Actor,
                             at now: Instant) throws(SapuError) -> Outcome {
        guard let detached = DetachedSignature(text: signatureText) else { throw .receiptTampered(path) }

        // The signature first, with the key the registry holds for the signing partner.
        let partner: Partner
        do throws(SapuError) {
            partner = try store.partner(detached.site)
        } catch .unknown(kind: .partner, _) {
            let own = try store.site().code
            throw detached.site == own ? .receiptSignedByThisSite(path: path, site: own)
                : .receiptSignerNotPartner(path: path, signer: detached.site)
        }
        guard let registered = partner.key(detached.keyID) else {
            throw .receiptKeyNotRegistered(partner: partner.code, keyID: detached.keyID)
        }
        do throws(SapuError) {
            try detached.verify(bytes, keys: try KeyRing([registered.key]))
        } catch {
            throw .receiptNotSignedByPartnerKey(path: path, partner: partner.code, keyID: registered.key.keyID,
                                                fingerprint: registered.key.fingerprint)
        }

        // Signed by the partner: now its statement is worth reading.
        let receipt = try ShipmentFiles.decodeReceipt(bytes, path: path)
        guard let finished = Instant(iso8601: receipt.finished) else { throw .receiptUnreadable(path) }
        guard receipt.receiver.site == partner.code else {
            throw .receiptReceiverDisagrees(path: path, receiver: receipt.receiver.site ?? "-", signer: partner.code)
        }
        guard receipt.keyID == detached.keyID else {
            throw .receiptKeyDisagrees(path: path, named: receipt.keyID, signed: detached.keyID)
        }
        let site = try store.site()
        guard receipt.shipper == site.code else {
            throw .receiptShipperDisagrees(path: path, shipper: receipt.shipper, site: site.code)
        }
        if let meant, meant != receipt.shipment {
            throw .receiptNotForShipment(receipt: receipt.shipment, shipment: meant)
        }
        let shipment = try store.shipment(receipt.shipment)
        let named = try named.map { (code) throws(SapuError) in try Code.normalise(code, as: .partner) }
        if let expected = shipment.partner ?? named, expected != partner.code {
            throw .receiptFromOtherPartner(signer: partner.code, shipment: shipment.id, partner: expected)
        }
        if shipment.partner == nil, named == nil { throw .shipmentHasNoPartner(shipment.id) }
        guard shipment.manifestSHA256 == receipt.manifestSHA256 else {
            // Name the shipment whose manifest the partner checked, when it is one of ours.
            let answered = try store.shipment(manifestSHA256: receipt.manifestSHA256)?.id ?? receipt.shipment
            throw .receiptForOtherShipment(receipt: answered, shipment: shipment.id)
        }
        let outcomes = try receipt.outcomes(path: path)
        // The lists name only bundles of this shipment (checked as they are applied), each
        // once: so they name every one of them exactly when they are as many.
        guard receipt.expected == shipment.bundleCount else { throw .receiptListsInconsistent(path) }
        let sha256 = Digest.sha256Hex(bytes)
        let applied: AppliedReceipt
        do throws(SapuError) {
            applied = try store.applyReceipt(
                VerifiedReceipt(shipment: shipment.id, partner: partner.code, key: registered.key, sha256: sha256,
                                manifestSHA256: receipt.manifestSHA256, finished: finished, bytes: bytes, signature: signatureText,
                                outcomes: outcomes, clean: receipt.isClean, adoptsPartner: shipment.partner == nil),
                actor: actor, at: now)
        } catch .receiptNotNewer(let finished, let applied) {
            // The store names both moments in ISO 8601; the clerk reads them on the site's clock.
            let clock = (try? SiteClock(identifier: site.timeZone)) ?? .standard
            func shown(_ text: String) -> String { Instant(iso8601: text).map(clock.shown) ?? text }
            throw .receiptNotNewer(finished: shown(finished), applied: shown(applied))
        }
        return Outcome(shipment: applied.shipment, partner: partner, key: registered.key, receipt: receipt, sha256: sha256,
                       outcomes: outcomes, effect: applied.effect, changed: applied.changed, extras: applied.extras,
                       forgedNoted: applied.forgedNoted, extrasNoLongerNamed: applied.extrasNoLongerNamed, finished: finished)
    }
}
