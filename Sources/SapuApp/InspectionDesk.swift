import SapuCore
import SapuStore

/// Recording QC results at the inspector's desk: new bundles of a batch and a maker, or the
/// same bundles again after rework. The CLI (`sapu inspect`) and the web page both read what
/// the inspector typed through here, so a result, a count or a code is checked one way only.
public enum InspectionDesk {
    /// Bundles to create: as typed, checked and normalised.
    public struct NewBundles: Sendable, Equatable {
        public var batch: String
        public var maker: String
        public var result: QCResult
        public var count: Int

        /// Reads the codes and the count as typed; a missing count is one bundle.
        public init(batch: String, maker: String, result: QCResult, count: String?) throws(SapuError) {
            self.batch = try Code.normalise(batch, as: .batch)
            self.maker = try Code.normalise(maker, as: .maker)
            self.result = result
            let countText = count ?? "1"
            guard let number = Int(countText.trimmingSpaces()), InspectionDesk.counts.contains(number) else {
                throw .invalidCount(countText)
            }
            self.count = number
        }
    }

    /// How many bundles one inspection may create.
    public static let counts = 1...100_000

    /// The result the inspector chose: pass with a grade, or fail with defect codes (each
    /// item may itself be a comma list; repeats count once).
    public static func result(pass: Bool, fail: Bool, grade: String?, defects: [String]) throws(SapuError) -> QCResult {
        switch (pass, fail) {
        case (true, false):
            guard let grade else { throw .gradeRequired }
            guard defects.isEmpty else { throw .gradeRequired }
            return .pass(try Grade(code: grade))
        case (false, true):
            guard grade == nil else { throw .gradeRequired }
            var codes: [String] = []
            for item in defects.flatMap({ $0.split(separator: ",") }) {
                let code = try Code.normalise(String(item), as: .defect)
                if !codes.contains(code) { codes.append(code) }
            }
            guard !codes.isEmpty else { throw .defectsRequired }
            guard codes.count <= LabelPayload.maximumDefects else { throw .tooManyDefects(limit: LabelPayload.maximumDefects) }
            return .fail(codes)
        default:
            throw .gradeRequired
        }
    }

    /// Bundle ids as typed, each checked.
    public static func bundleIDs(_ typed: [String]) throws(SapuError) -> [BundleID] {
        var ids: [BundleID] = []
        for text in typed { ids.append(try BundleID.parse(typed: text)) }
        return ids
    }

    /// The question to ask before creating `new`, or nil when it is small enough to go
    /// through. Asked only when the batch and maker would be accepted: nothing to confirm
    /// for a change that is refused anyway.
    public static func confirmation(for new: NewBundles, store: SQLiteStore) throws(SapuError) -> Message? {
        guard Confirmation.needed(creating: new.count) else { return nil }
        _ = try store.batch(new.batch)
        guard let known = try store.makers().first(where: { $0.code == new.maker }) else {
            throw .unknown(kind: .maker, value: new.maker)
        }
        guard known.active else { throw .inactiveMaker(new.maker) }
        return .confirmInspect(count: new.count, batch: new.batch, maker: new.maker,
                               result: Message.result(new.result, defects: DefectNames(try store.defects())))
    }

    /// Creates the bundles, each with its `inspect` event; a failed one goes to quarantine.
    ///
    /// `confirmed` says the person confirmed a large count (the question of `confirmation(for:)`);
    /// without it such a count is refused and nothing is created.
    public static func inspect(_ new: NewBundles, confirmed: Bool, actor: Actor, at now: Instant,
                               store: SQLiteStore) throws(SapuError) -> [SapuCore.Bundle] {
        if !confirmed, try confirmation(for: new, store: store) != nil { throw .inspectNeedsConfirmation(count: new.count) }
        return try store.inspect(batch: new.batch, maker: new.maker, result: new.result, count: new.count,
                                 actor: actor, at: now)
    }

    /// Records a new result for reworked bundles (a `reinspect` event each): all or none.
    public static func reinspect(_ ids: [BundleID], result: QCResult, actor: Actor, at now: Instant,
                                 store: SQLiteStore) throws(SapuError) -> [SapuCore.Bundle] {
        guard !ids.isEmpty else { throw .inspectNeedsBundles }
        return try store.reinspect(ids, result: result, actor: actor, at: now)
    }

    /// The batches an inspector chooses from: those of the last `days` days, newest first.
    public static func recentBatches(today: CalendarDate, days: Int = 7, store: SQLiteStore) throws(SapuError) -> [Batch] {
        let first = Instant.date(ofLocalDay: Instant.localDay(of: today) - Int64(max(1, days) - 1))
        return try store.batches().filter { $0.date >= first && $0.date <= today }
            .sorted { ($0.date, $0.code) > ($1.date, $1.code) }
    }

    /// Today's batch of `product` (a new run of the day), for the inspector who has none yet.
    public static func createBatch(product: String, today: CalendarDate, at now: Instant,
                                   store: SQLiteStore) throws(SapuError) -> Batch {
        try store.createBatch(product: try Code.normalise(product, as: .product), date: today, at: now)
    }
}
