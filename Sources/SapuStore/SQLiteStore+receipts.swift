import Foundation
import GRDB
import SapuCore

/// A partner's receipt whose signature and fields the reconcile workflow has checked.
public struct VerifiedReceipt: Sendable {
    public var shipment: String
    public var partner: String
    /// The registered key whose signature checked out.
    public var key: PublicKey
    /// SHA-256 of the receipt file's exact bytes, hex.
    public var sha256: String
    public var manifestSHA256: String
    public var finished: Instant
    public var bytes: [UInt8]
    /// The `.sig` file's text.
    public var signature: String
    public var outcomes: Receipt.Outcomes
    /// True when nothing was missing, extra, forged or mismatched.
    public var clean: Bool
    /// Set when the shipment was opened before partners were registered and the clerk
    /// named its partner: the shipment then records it.
    public var adoptsPartner: Bool

    public init(shipment: String, partner: String, key: PublicKey, sha256: String, manifestSHA256: String, finished: Instant,
                bytes: [UInt8], signature: String, outcomes: Receipt.Outcomes, clean: Bool, adoptsPartner: Bool = false) {
        self.shipment = shipment
        self.partner = partner
        self.key = key
        self.sha256 = sha256
        self.manifestSHA256 = manifestSHA256
        self.finished = finished
        self.bytes = bytes
        self.signature = signature
        self.outcomes = outcomes
        self.clean = clean
        self.adoptsPartner = adoptsPartner
    }
}

/// A receipt as the database keeps it: every receipt applied stays, superseded or not.
public struct StoredReceipt: Sendable, Equatable {
    public var sha256: String
    public var shipment: String
    public var partner: String
    public var keyID: String
    public var finished: Instant
    public var applied: Instant
    /// The newer receipt that replaced this one.
    public var supersededBy: String?
    public var bytes: [UInt8]
    public var signature: String
}

/// One `extra` entry of a receipt and what became of the bundle of that id.
public struct ExtraBundle: Sendable, Equatable {
    public var bundle: BundleID
    public var effect: ExtraEffect
}

/// What applying a receipt did, bundle by bundle where the clerk must see it.
public struct AppliedReceipt: Sendable, Equatable {
    public var shipment: Shipment
    public var effect: ReceiptEffect
    /// Bundles whose state changed.
    public var changed: Int
    /// Each `extra` id of the receipt with what became of it, in receipt order (empty when
    /// nothing was applied).
    public var extras: [ExtraBundle]
    /// The bundles whose history got a forged-label note now (not those that had one from
    /// an earlier receipt of the shipment).
    public var forgedNoted: [BundleID]
    /// Bundles an earlier receipt of the shipment made `extra` that this one no longer names:
    /// they stay `extra` until a scan says where they are (return mode), and the clerk is told.
    public var extrasNoLongerNamed: [BundleID] = []
}

/// What applying a receipt did.
public enum ReceiptEffect: Sendable, Equatable {
    /// The shipment's first receipt.
    case applied
    /// A newer receipt replaced this older one.
    case superseded(StoredReceipt)
    /// This very receipt was applied before: nothing changed.
    case alreadyApplied
}

extension SQLiteStore {
    /// Applies a checked receipt in one transaction: each bundle becomes what the receipt says
    /// (received, missing or disputed), the shipment `delivered` when the receipt is clean,
    /// else `disputed`, and the receipt is kept.
    ///
    /// A newer receipt (later `finished`) supersedes the one applied before; the receipt in
    /// force again changes nothing; an older one, or one already superseded, is refused. Bundles received by hand get a manual
    /// delivery event. The key must still be registered for the partner and not retired.
    ///
    /// Bundles of this workshop the receipt calls extra become `extra` where they were still
    /// the workshop's (docs/states.md); those that forged labels claimed get a note in their
    /// history, once per shipment.
    public func applyReceipt(_ receipt: VerifiedReceipt, actor: Actor, at now: Instant) throws(SapuError)
        -> AppliedReceipt {
        try write { db in
            let shipment = try Self.fetchShipment(db, receipt.shipment)
            guard [.shipped, .delivered, .disputed].contains(shipment.status) else {
                throw SapuError.shipmentWrongStatus(id: shipment.id, status: shipment.status, action: "reconcile")
            }
            let current = try Row.fetchOne(db, sql: """
                SELECT sha256 FROM receipt WHERE shipment = ? AND superseded_by IS NULL
                """, arguments: [shipment.id]).flatMap { row in try Self.fetchReceipt(db, row["sha256"]) }
            if let kept = try Self.fetchReceipt(db, receipt.sha256), kept.shipment == shipment.id {
                // The receipt in force again: nothing to do. One a newer receipt replaced: say so.
                guard kept.supersededBy != nil, let current else {
                    return AppliedReceipt(shipment: shipment, effect: .alreadyApplied, changed: 0, extras: [], forgedNoted: [])
                }
                throw SapuError.receiptNotNewer(finished: kept.finished.iso8601, applied: current.finished.iso8601)
            }
            switch shipment.partner {
            case receipt.partner?: break
            case nil where receipt.adoptsPartner:
                try db.execute(sql: "UPDATE shipment SET partner = ? WHERE id = ? AND partner IS NULL",
                               arguments: [receipt.partner, shipment.id])
            case nil: throw SapuError.shipmentHasNoPartner(shipment.id)
            case let other?:
                throw SapuError.receiptFromOtherPartner(signer: receipt.partner, shipment: shipment.id, partner: other)
            }
            try Self.checkKeyAccepted(db, receipt.key, partner: receipt.partner)
            if let current, receipt.finished.unixSeconds <= current.finished.unixSeconds {
                throw SapuError.receiptNotNewer(finished: receipt.finished.iso8601, applied: current.finished.iso8601)
            }

            var changed = 0
            let outcomes = receipt.outcomes
            for (ids, move) in [(outcomes.received, Move.deliver), (outcomes.missing, .markMissing), (outcomes.disputed, .dispute)] {
                for id in ids {
                    let bundle: SapuCore.Bundle
                    do {
                        bundle = try Self.fetchBundle(db, id)
                    } catch SapuError.unknownBundle {
                        throw SapuError.receiptNamesOtherBundle(bundle: id.description, shipment: shipment.id)
                    }
                    guard bundle.shipment == shipment.id else {
                        throw SapuError.receiptNamesOtherBundle(bundle: id.description, shipment: shipment.id)
                    }
                    if bundle.state == Lifecycle.target(of: move, from: bundle.state) { continue }
                    let state: BundleState
                    switch Lifecycle.apply(move, to: bundle.facts) {
                    case .success(let next): state = next
                    case .failure(let refusal):
                        throw SapuError.illegalMove(bundle: id.description, move: move, state: bundle.state, reason: refusal)
                    }
                    try db.execute(sql: "UPDATE bundle SET state = ?, updated_at = ? WHERE id = ?",
                                   arguments: [state.rawValue, now.iso8601, id.description])
                    try Self.appendEvent(db, bundle: id, move: move, state: state, at: now, actor: actor, shipment: shipment.id,
                                         manual: move == .deliver && outcomes.byHand.contains(id))
                    changed += 1
                }
            }
            let extras = try Self.reportExtras(db, outcomes.extra, shipment: shipment.id, actor: actor, at: now)
            changed += extras.count { $0.effect == .marked }
            let forgedNoted = try Self.noteForgedClaims(db, outcomes.forged, shipment: shipment.id, actor: actor, at: now)
            let named = Set(outcomes.extra)
            let noLongerNamed = try String.fetchAll(db, sql: """
                SELECT DISTINCT e.bundle FROM event e JOIN bundle b ON b.id = e.bundle
                WHERE e.move = ? AND e.shipment = ? AND b.state = ? ORDER BY e.bundle
                """, arguments: [Move.reportExtra.rawValue, shipment.id, BundleState.extra.rawValue])
                .compactMap(BundleID.init(typed:)).filter { !named.contains($0) }
            try db.execute(sql: """
                INSERT INTO receipt (sha256, shipment, manifest_sha256, partner, key_id, finished, finished_unix, bytes,
                                     signature, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [receipt.sha256, shipment.id, receipt.manifestSHA256, receipt.partner, receipt.key.keyID,
                                 receipt.finished.iso8601, receipt.finished.unixSeconds, Data(receipt.bytes),
                                 receipt.signature, now.iso8601])
            if let current {
                try db.execute(sql: "UPDATE receipt SET superseded_by = ? WHERE sha256 = ?",
                               arguments: [receipt.sha256, current.sha256])
            }
            let status: ShipmentStatus = receipt.clean ? .delivered : .disputed
            try db.execute(sql: "UPDATE shipment SET status = ?, reconciled_at = ? WHERE id = ?",
                           arguments: [status.rawValue, now.iso8601, shipment.id])
            let effect: ReceiptEffect = current.map { .superseded($0) } ?? .applied
            return AppliedReceipt(shipment: try Self.fetchShipment(db, shipment.id), effect: effect, changed: changed,
                                  extras: extras, forgedNoted: forgedNoted, extrasNoLongerNamed: noLongerNamed)
        }
    }

    /// Every receipt applied to the shipment, oldest first.
    public func receipts(forShipment id: String) throws(SapuError) -> [StoredReceipt] {
        try read { db in
            _ = try Self.fetchShipment(db, id)
            return try String.fetchAll(db, sql: "SELECT sha256 FROM receipt WHERE shipment = ? ORDER BY finished_unix, applied_at",
                                       arguments: [id]).compactMap { try Self.fetchReceipt(db, $0) }
        }
    }

    /// The receipt in force for the shipment (the partner's latest statement), read back from
    /// the bytes kept when it was applied; nil before any receipt, and for one kept in a
    /// format this Sapu no longer reads (`sapu-receipt-1`, applied by an older Sapu).
    public func receiptInForce(forShipment id: String) throws(SapuError) -> (stored: StoredReceipt, receipt: Receipt)? {
        let stored = try read { db -> StoredReceipt? in
            _ = try Self.fetchShipment(db, id)
            return try Self.receiptInForce(db, shipment: id)
        }
        guard let stored, let receipt = try? ShipmentFiles.decodeReceipt(stored.bytes, path: id) else { return nil }
        return (stored, receipt)
    }

    static func receiptInForce(_ db: Database, shipment id: String) throws -> StoredReceipt? {
        try String.fetchOne(db, sql: "SELECT sha256 FROM receipt WHERE shipment = ? AND superseded_by IS NULL",
                            arguments: [id]).flatMap { try fetchReceipt(db, $0) }
    }

    // MARK: Helpers

    /// Moves the workshop's own bundles that the receipt calls extra to `extra`, each with an event.
    private static func reportExtras(_ db: Database, _ ids: [BundleID], shipment: String, actor: Actor, at now: Instant)
        throws -> [ExtraBundle] {
        var effects: [ExtraBundle] = []
        for id in ids {
            guard let bundle = try fetchBundleIfAny(db, id) else {
                effects.append(ExtraBundle(bundle: id, effect: .unknown))
                continue
            }
            guard case .success(let state) = Lifecycle.apply(.reportExtra, to: bundle.facts) else {
                effects.append(ExtraBundle(bundle: id, effect: bundle.state == .extra ? .alreadyExtra : .unchanged(bundle.state)))
                continue
            }
            try db.execute(sql: "UPDATE bundle SET state = ?, updated_at = ? WHERE id = ?",
                           arguments: [state.rawValue, now.iso8601, id.description])
            try appendEvent(db, bundle: id, move: .reportExtra, state: state, at: now, actor: actor, shipment: shipment)
            effects.append(ExtraBundle(bundle: id, effect: .marked))
        }
        return effects
    }

    /// Notes in each claimed bundle's history that the partner scanned a forged label naming
    /// it, once per shipment; the state stays. Ids of no bundle here are skipped.
    private static func noteForgedClaims(_ db: Database, _ ids: [BundleID], shipment: String, actor: Actor, at now: Instant)
        throws -> [BundleID] {
        var noted: [BundleID] = []
        for id in ids {
            guard let bundle = try fetchBundleIfAny(db, id),
                  case .success(let state) = Lifecycle.apply(.reportForged, to: bundle.facts) else { continue }
            let earlier = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM event WHERE bundle = ? AND move = ? AND shipment = ?)
                """, arguments: [id.description, Move.reportForged.rawValue, shipment]) ?? false
            if earlier { continue }
            try db.execute(sql: "UPDATE bundle SET updated_at = ? WHERE id = ?", arguments: [now.iso8601, id.description])
            try appendEvent(db, bundle: id, move: .reportForged, state: state, at: now, actor: actor, shipment: shipment)
            noted.append(id)
        }
        return noted
    }

    private static func fetchBundleIfAny(_ db: Database, _ id: BundleID) throws -> SapuCore.Bundle? {
        do {
            return try fetchBundle(db, id)
        } catch SapuError.unknownBundle {
            return nil
        }
    }

    /// The key must be registered for the partner with these very bytes and not be retired.
    private static func checkKeyAccepted(_ db: Database, _ key: PublicKey, partner: String) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT public_key, retired_at FROM partner_key WHERE partner = ? AND key_id = ?
            """, arguments: [partner, key.keyID]),
              [UInt8](row["public_key"] as Data) == key.rawRepresentation else {
            throw SapuError.receiptKeyNotRegistered(partner: partner, keyID: key.keyID)
        }
        let retired: String? = row["retired_at"]
        if retired != nil { throw SapuError.receiptKeyRetired(partner: partner, keyID: key.keyID) }
    }

    private static func fetchReceipt(_ db: Database, _ sha256: String) throws -> StoredReceipt? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM receipt WHERE sha256 = ?", arguments: [sha256]) else {
            return nil
        }
        let finished: String = row["finished"]
        let applied: String = row["applied_at"]
        guard let finishedAt = Instant(iso8601: finished), let appliedAt = Instant(iso8601: applied) else {
            throw SapuError.storageFailure("unreadable receipt row")
        }
        return StoredReceipt(sha256: row["sha256"], shipment: row["shipment"], partner: row["partner"], keyID: row["key_id"],
                             finished: finishedAt, applied: appliedAt, supersededBy: row["superseded_by"],
                             bytes: [UInt8](row["bytes"] as Data), signature: row["signature"])
    }
}
