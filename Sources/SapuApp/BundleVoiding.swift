import SapuCore
import SapuStore

/// Voiding bundles created by mistake: by id, or a serial range of a batch.
///
/// A void is all or nothing: if any named bundle cannot be voided (packed, or ever
/// shipped), none is. A bundle already voided is a harmless repeat. Voiding many bundles,
/// or a range, is a large change that a person confirms first (`Confirmation`); the front
/// end asks between `plan` and `void`.
public enum BundleVoiding {
    /// Which bundles to void.
    public enum Selection: Sendable, Equatable {
        case bundles([BundleID])
        /// Serials `from ... to` of a batch; a nil end is its first or last bundle.
        case range(batch: String, from: Int?, to: Int?)
    }

    /// What a void would do, before anything is written.
    public struct Plan: Sendable, Equatable {
        /// Every bundle the selection names, in order.
        public var bundles: [BundleID]
        public var outcome: VoidPlan
        /// Whether a person must confirm it first.
        public var needsConfirmation: Bool
    }

    /// Resolves the selection and checks every bundle; throws `voidRefused` naming the
    /// bundles that cannot be voided.
    public static func plan(_ selection: Selection, store: SQLiteStore) throws(SapuError) -> Plan {
        let ids: [BundleID]
        var byRange = false
        switch selection {
        case .bundles(let named):
            guard !named.isEmpty else { throw .voidNeedsBundles }
            ids = named
        case .range(let batch, let from, let to):
            byRange = true
            ids = try resolve(batch: batch, from: from, to: to, store: store)
        }
        let outcome = try store.voidPlan(ids)
        return Plan(bundles: ids, outcome: outcome,
                    needsConfirmation: Confirmation.needed(voiding: outcome.toVoid.count, byRange: byRange))
    }

    /// Voids what `plan` named, checking every bundle again in the same transaction.
    public static func void(_ plan: Plan, reason: String, actor: Actor, at now: Instant, store: SQLiteStore)
        throws(SapuError) -> VoidPlan {
        try store.void(plan.bundles, reason: reason, actor: actor, at: now)
    }

    /// The bundles of `from ... to` in `batch`; every serial of an explicit range must exist.
    private static func resolve(batch: String, from: Int?, to: Int?, store: SQLiteStore) throws(SapuError) -> [BundleID] {
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, !LabelPayload.serials.contains(value) {
                throw .numberOutOfRange(option: option, value: String(value), range: LabelPayload.serials)
            }
        }
        if let from, let to, from > to { throw .reversedSerialRange(from: from, to: to) }
        let existing = try store.bundleIDs(batch: batch)
        let first = from ?? 1
        let last = to ?? existing.last?.serial ?? 0
        // `--from` past the batch's last bundle names none of its bundles.
        guard first <= last else { throw .unknownBundle(BundleID(batch: batch, serial: first).description) }
        let known = Set(existing.map(\.serial))
        if let missing = (first...last).first(where: { !known.contains($0) }) {
            throw .unknownBundle(BundleID(batch: batch, serial: missing).description)
        }
        return (first...last).map { BundleID(batch: batch, serial: $0) }
    }
}
