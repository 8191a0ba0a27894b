/// The workshop's reading of a receipt whose signature already checked out.
extension Receipt {
    /// What the receipt says became of each bundle of the shipment.
    public struct Outcomes: Sendable, Equatable {
        /// Arrived as listed, in receipt order; `byHand` tells which were typed rather than scanned.
        public var received: [BundleID]
        public var byHand: Set<BundleID>
        public var missing: [BundleID]
        /// Arrived but not as the manifest claims (the distinct bundles of `mismatched`).
        public var disputed: [BundleID]
        /// At the partner but not in the manifest, in receipt order.
        public var extra: [BundleID]
        /// The canonical bundle ids that forged labels claimed, each once, in receipt order
        /// (`forgedBundles` is for information: other entries are left out, not refused).
        public var forged: [BundleID]

        public init(received: [BundleID], byHand: Set<BundleID>, missing: [BundleID], disputed: [BundleID],
                    extra: [BundleID] = [], forged: [BundleID] = []) {
            self.received = received
            self.byHand = byHand
            self.missing = missing
            self.disputed = disputed
            self.extra = extra
            self.forged = forged
        }

        /// The received bundles that were read from a verified label.
        public var verified: [BundleID] { received.filter { !byHand.contains($0) } }
        /// The received bundles whose id was typed by hand, in receipt order.
        public var typed: [BundleID] { received.filter { byHand.contains($0) } }
    }

    /// The bundles the receipt disputes, each once, in id order.
    public var disputedBundles: [String] {
        Array(Set(mismatched.map(\.bundle))).sorted()
    }

    /// Reads the receipt's bundle lists, refusing lists that cannot all be true at once.
    ///
    /// Every id is in canonical form; no bundle is in two of received, missing and
    /// disputed, nor twice in one; `receivedByHand` is part of `received`; together
    /// they account for exactly the `expected` bundles of the manifest; and no bundle of
    /// those is also called `extra` (not in the manifest), nor is an extra one listed twice.
    public func outcomes(path: String) throws(SapuError) -> Outcomes {
        func ids(_ texts: [String]) throws(SapuError) -> [BundleID] {
            var result: [BundleID] = []
            for text in texts {
                guard let id = BundleID(typed: text), id.description == text else { throw .receiptUnreadable(path) }
                result.append(id)
            }
            return result
        }
        let received = try ids(self.received)
        let byHand = try ids(receivedByHand)
        let missing = try ids(self.missing)
        let disputed = try ids(disputedBundles)
        let extra = try ids(self.extra)
        let all = received + missing + disputed
        guard Set(all).count == all.count, Set(byHand).count == byHand.count, Set(byHand).isSubset(of: Set(received)),
              all.count == expected, Set(extra).count == extra.count, Set(extra).isDisjoint(with: Set(all)) else {
            throw .receiptListsInconsistent(path)
        }
        var forged: [BundleID] = []
        var claimed: Set<BundleID> = []
        for text in forgedBundles {
            if let id = BundleID(typed: text), id.description == text, claimed.insert(id).inserted { forged.append(id) }
        }
        return Outcomes(received: received, byHand: Set(byHand), missing: missing, disputed: disputed, extra: extra,
                        forged: forged)
    }
}
