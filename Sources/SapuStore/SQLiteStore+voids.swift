import GRDB
import SapuCore

extension SQLiteStore {
    public func bundleIDs(batch code: String) throws(SapuError) -> [BundleID] {
        try read { db in
            guard try Self.exists(db, "batch", code) else { throw SapuError.unknown(kind: .batch, value: code) }
            return try Int.fetchAll(db, sql: "SELECT serial FROM bundle WHERE batch = ? ORDER BY serial", arguments: [code])
                .map { BundleID(batch: code, serial: $0) }
        }
    }

    public func voidPlan(_ ids: [BundleID]) throws(SapuError) -> VoidPlan {
        try read { db in try Self.planVoid(db, ids) }
    }

    public func void(_ ids: [BundleID], reason: String, actor: Actor, at now: Instant) throws(SapuError) -> VoidPlan {
        let reason = try FreeText.required(reason, as: .voidReason)
        return try write { db in
            // Decided again inside the transaction: another station may have packed one since the plan.
            let plan = try Self.planVoid(db, ids)
            for id in plan.toVoid {
                try db.execute(sql: "UPDATE bundle SET state = ?, updated_at = ? WHERE id = ?",
                               arguments: [BundleState.voided.rawValue, now.iso8601, id.description])
                try Self.appendEvent(db, bundle: id, move: .void, state: .voided, at: now, actor: actor, reason: reason)
            }
            return plan
        }
    }

    /// Sorts `ids` into bundles to void and bundles voided before; refuses the whole void,
    /// naming every bundle that cannot be voided, if there is one.
    private static func planVoid(_ db: Database, _ ids: [BundleID]) throws -> VoidPlan {
        var plan = VoidPlan(toVoid: [], alreadyVoided: [])
        var refused: [(bundle: Bundle, reason: MoveRefusal)] = []
        var seen = Set<BundleID>()
        let shipped = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM event WHERE bundle = ? AND move = 'ship')")
        for id in ids where seen.insert(id).inserted {
            let bundle = try fetchBundle(db, id)
            if Lifecycle.isRepeat(.void, state: bundle.state) {
                plan.alreadyVoided.append(id)
                continue
            }
            var facts = bundle.facts
            facts.shipped = try Bool.fetchOne(shipped, arguments: [id.description]) ?? false
            switch Lifecycle.apply(.void, to: facts) {
            case .success:
                plan.toVoid.append(id)
            case .failure(let reason):
                refused.append((bundle, reason))
            }
        }
        if let first = refused.first {
            throw SapuError.voidRefused(bundle: first.bundle.id.description, state: first.bundle.state, reason: first.reason,
                                        others: refused.dropFirst().map(\.bundle.id.description))
        }
        return plan
    }
}
