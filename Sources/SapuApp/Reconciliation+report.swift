import SapuCore
import SapuStore

extension Reconciliation.Outcome {
    /// What the clerk reads after reconciling, line by line, whichever front end asked:
    /// who signed, whether the receipt was new, replaced one or was applied already, the
    /// counts, the bundles received by hand, and one line per finding.
    public func report(clock: SiteClock) -> [Message] {
        var lines: [Message] = [.receiptSignedBy(partner: partner.code, name: partner.name, keyID: key.keyID,
                                                 fingerprint: key.fingerprint)]
        switch effect {
        case .alreadyApplied:
            return lines + [.receiptAlreadyApplied(shipment)]
        case .superseded(let previous):
            lines.append(.receiptSupersedes(finished: clock.shown(finished), previous: clock.shown(previous.finished),
                                            changed: changed))
        case .applied:
            break
        }
        lines.append(.reconciled(shipment, received: receipt.received.count, missing: receipt.missing.count,
                                 disputed: outcomes.disputed.count, extra: receipt.extra.count, forged: receipt.forged))
        lines.append(.receivedByHand(verified: outcomes.verified.count, typed: outcomes.typed.map(\.description)))
        lines += ReceiptFindings.lines(receipt, extras: extras, forgedNoted: forgedNoted.count)
        if !extrasNoLongerNamed.isEmpty {
            lines.append(.extraNoLongerNamed(extrasNoLongerNamed.map(\.description)))
        }
        return lines
    }
}

/// What a partner's receipt found, one line per kind: missing, disputed, extra, forged.
public enum ReceiptFindings {
    /// With `extras` (what reconciling did to each extra bundle) the extra ids say why a
    /// bundle's state did not change.
    public static func lines(_ receipt: Receipt, extras: [ExtraBundle]? = nil, forgedNoted: Int = 0) -> [Message] {
        var lines: [Message] = []
        if !receipt.missing.isEmpty { lines.append(.reconcileMissing(receipt.missing)) }
        let disputed = receipt.disputedBundles
        if !disputed.isEmpty {
            lines.append(.reconcileDisputed(count: disputed.count, details: receipt.mismatched.map {
                .disputeDetail(bundle: $0.bundle, field: $0.field, manifest: $0.manifest, label: $0.label)
            }))
        }
        let entries = extras?.map { Message.extraEntry($0.bundle.description, effect: $0.effect) }
            ?? receipt.extra.map { Message(id: $0, en: $0) }
        if !entries.isEmpty {
            lines.append(.reconcileExtra(entries: entries, marked: extras?.count { $0.effect == .marked } ?? 0))
        }
        if receipt.forged > 0 || !receipt.forgedBundles.isEmpty {
            lines.append(.reconcileForged(scans: receipt.forged, claimed: receipt.forgedBundles, noted: forgedNoted))
        }
        return lines
    }
}
