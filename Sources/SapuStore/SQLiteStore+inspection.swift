import Foundation
import GRDB
import SapuCore

extension SQLiteStore {
    public func inspect(batch code: String, maker: String, result: QCResult, count: Int, actor: Actor, at now: Instant)
        throws(SapuError) -> [SapuCore.Bundle] {
        guard count > 0 else { throw .invalidCount(String(count)) }
        return try write { db in
            guard let batchRow = try Row.fetchOne(db, sql: "SELECT product, next_serial FROM batch WHERE code = ?",
                                                  arguments: [code]) else {
                throw SapuError.unknown(kind: .batch, value: code)
            }
            try Self.checkMakerActive(db, maker)
            try Self.checkDefects(db, result)
            let product: String = batchRow["product"]
            let first: Int = batchRow["next_serial"]
            // Serials stay within what a label and a typed id carry; a counter out of range
            // (a file edited by hand) must not wrap around.
            let remaining = first < LabelPayload.serials.lowerBound ? 0 : max(0, LabelPayload.serials.upperBound - first + 1)
            guard count <= remaining else { throw SapuError.batchFull(batch: code, remaining: remaining) }
            // The serial counter moves inside this IMMEDIATE transaction: no two
            // processes can take the same serial.
            try db.execute(sql: "UPDATE batch SET next_serial = ? WHERE code = ?", arguments: [first + count, code])
            let insertBundle = try db.cachedStatement(sql: """
                INSERT INTO bundle (id, batch, serial, product, maker, result, grade, inspected_on, state, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // A failed inspection quarantines the bundle at once: one `inspect` event, state `quarantined`.
            let state = Lifecycle.state(afterInspection: result)
            var bundles: [Bundle] = []
            bundles.reserveCapacity(count)
            for serial in first..<(first + count) {
                let bundle = Bundle(id: BundleID(batch: code, serial: serial), product: product, maker: maker,
                                    result: result, inspected: now.date, inspections: 1, state: state,
                                    labelRevision: 0, labelCurrent: false, shipment: nil)
                try insertBundle.execute(arguments: [
                    bundle.id.description, code, serial, product, maker, result.code, result.grade?.rawValue,
                    now.date.iso, bundle.state.rawValue, now.iso8601,
                ])
                try Self.appendEvent(db, bundle: bundle.id, move: .inspect, state: state, at: now, actor: actor,
                                     result: result)
                bundles.append(bundle)
            }
            return bundles
        }
    }

    public func reinspect(_ ids: [BundleID], result: QCResult, actor: Actor, at now: Instant) throws(SapuError) -> [SapuCore.Bundle] {
        try write { db in
            try Self.checkDefects(db, result)
            var bundles: [Bundle] = []
            for id in ids {
                var bundle = try Self.fetchBundle(db, id)
                // Passed: `inspected`, out of quarantine if it was there; failed: `quarantined`.
                switch Lifecycle.inspect(bundle.facts, result: result) {
                case .failure(let refusal):
                    throw SapuError.illegalMove(bundle: id.description, move: .reinspect, state: bundle.state, reason: refusal)
                case .success(let state):
                    bundle.state = state
                }
                bundle.result = result
                bundle.inspected = now.date
                bundle.inspections = try bundle.inspections.checkedAdding(1)
                bundle.labelCurrent = false
                try db.execute(sql: """
                    UPDATE bundle SET result = ?, grade = ?, inspected_on = ?, inspections = ?, state = ?,
                                      label_current = 0, updated_at = ?
                    WHERE id = ?
                    """, arguments: [result.code, result.grade?.rawValue, now.date.iso, bundle.inspections,
                                     bundle.state.rawValue, now.iso8601, id.description])
                try Self.appendEvent(db, bundle: id, move: .reinspect, state: bundle.state, at: now, actor: actor,
                                     result: result)
                bundles.append(bundle)
            }
            return bundles
        }
    }

    /// Records that label files signed with `keyID` were written for `ids`, all or none.
    ///
    /// Without `again` every bundle must lack a current label (its first, or the one after
    /// a re-inspection: a `label` event, a new revision). With `again` every bundle must have
    /// one: the same label is written again, a `reprint` event that changes neither the
    /// state nor the revision (unless the key changed since: then a `label` event with the
    /// next revision). Otherwise `labelAlreadyCurrent` or `nothingToReprint`, and nothing is recorded.
    public func recordLabelPrints(_ ids: [BundleID], again: Bool, keyID: String, actor: Actor, at now: Instant)
        throws(SapuError) -> [SapuCore.Bundle] {
        try recordLabelPrints(ids, again: again, keyID: keyID, actor: actor, at: now, beforeCommit: { _ in })
    }

    /// Records the prints like `recordLabelPrints`, then runs `beforeCommit` with the bundles as
    /// recorded, inside the same transaction: when it throws, nothing is recorded. A job handed
    /// to a printer there is recorded only if the printer's queue accepted it.
    public func recordLabelPrints(_ ids: [BundleID], again: Bool, keyID: String, actor: Actor, at now: Instant,
                                  beforeCommit: ([SapuCore.Bundle]) throws(SapuError) -> Void)
        throws(SapuError) -> [SapuCore.Bundle] {
        try write { db in
            var printed: [Bundle] = []
            printed.reserveCapacity(ids.count)
            for id in ids {
                var bundle = try Self.fetchBundle(db, id)
                let move: Move = again && bundle.nextLabelRevision(keyID: keyID) == bundle.labelRevision ? .reprint : .label
                if case .failure(let refusal) = Lifecycle.apply(move, to: bundle.facts) {
                    throw SapuError.illegalMove(bundle: id.description, move: move, state: bundle.state, reason: refusal)
                }
                if bundle.facts.labelled && !again { throw SapuError.labelAlreadyCurrent([id.description]) }
                if !bundle.facts.labelled && again { throw SapuError.nothingToReprint([id.description]) }
                bundle.labelRevision = bundle.nextLabelRevision(keyID: keyID)
                bundle.labelCurrent = true
                bundle.labelKey = keyID
                try db.execute(sql: "UPDATE bundle SET label_revision = ?, label_current = 1, label_key = ?, updated_at = ? WHERE id = ?",
                               arguments: [bundle.labelRevision, keyID, now.iso8601, id.description])
                try Self.appendEvent(db, bundle: id, move: move, state: bundle.state, at: now, actor: actor,
                                     labelRevision: bundle.labelRevision)
                printed.append(bundle)
            }
            try beforeCommit(printed)
            return printed
        }
    }

    // MARK: Checks

    static func checkMakerActive(_ db: Database, _ maker: String) throws {
        guard let active = try Bool.fetchOne(db, sql: "SELECT active FROM maker WHERE code = ?", arguments: [maker]) else {
            throw SapuError.unknown(kind: .maker, value: maker)
        }
        guard active else { throw SapuError.inactiveMaker(maker) }
    }

    static func checkDefects(_ db: Database, _ result: QCResult) throws {
        for defect in result.defects where try !exists(db, "defect", defect) {
            throw SapuError.unknown(kind: .defect, value: defect)
        }
    }

    /// Appends one event; called inside the same transaction that changes the bundle row.
    static func appendEvent(_ db: Database, bundle: BundleID, move: Move, state: BundleState, at now: Instant,
                            actor: Actor, result: QCResult? = nil, labelRevision: Int? = nil,
                            shipment: String? = nil, manual: Bool = false, reason: String? = nil) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event (bundle, move, state, at, at_unix, operator, station, result, label_revision, shipment, manual,
                               reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            bundle.description, move.rawValue, state.rawValue, now.iso8601, now.unixSeconds, actor.operatorCode,
            actor.station, result?.code, labelRevision, shipment, manual, reason,
        ])
    }
}
