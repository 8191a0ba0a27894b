import SapuCore
import SapuHub
import SapuStore

/// `sapu sync`: sends the hub the part of this site's log it does not have yet, in order, in
/// signed batches (docs/hub.md, "Sync").
///
/// Before sending, the hub's copy is checked to be a prefix of this site's own log (the
/// chain's value at its end must match): a site restored from an older backup, or a database
/// that is not the one the hub knows, is refused instead of merged. Each stored batch is
/// acknowledged in the site's database, so a sync cut at any point continues where the hub is.
public enum Syncing {
    /// Entries per batch: one signed document and one hub transaction each.
    public static let defaultBatchSize = 2_000

    public struct Outcome: Sendable, Equatable {
        /// Where the hub is, without any password.
        public var hub: String
        public var site: String
        /// What this sync sent: log entries, of which events, in how many batches.
        public var entries: Int64
        public var events: Int64
        public var batches: Int
        /// The hub's position after it, and how many events the site has.
        public var position: HubPosition
        public var siteEvents: Int64
    }

    /// The hub's address: `--hub`, else `SAPU_HUB`, else the one this site last synced with.
    public static func url(option: String?, environment: String?, store: SQLiteStore) throws(SapuError) -> HubURL {
        if let option, !option.trimmingSpaces().isEmpty { return try HubURL(option) }
        if let environment, !environment.trimmingSpaces().isEmpty { return try HubURL(environment) }
        guard let kept = try store.lastHubURL() else { throw .hub(.urlMissing) }
        return try HubURL(kept)
    }

    /// Sends what the hub lacks; `progress` hears after each batch how many entries of how many are sent.
    public static func run(store: SQLiteStore, url: HubURL, now: Instant, batchSize: Int = defaultBatchSize,
                           progress: @Sendable (Int64, Int64) -> Void = { _, _ in }) async throws(SapuError) -> Outcome {
        let site = try store.site().code
        // The key is checked before the hub is asked anything: a site that cannot sign sends nothing.
        let key = try SiteSigner.current(store: store)
        return try await HubConnection.with(url) { hub throws(SapuError) -> Outcome in
            let hubID = try await HubSchema.check(hub)
            var position = try await HubLedger.position(site: site, hub: hub)
            try checkPrefix(position, site: site, hubID: hubID, url: url, store: store, now: now)
            var outcome = Outcome(hub: url.shown, site: site, entries: 0, events: 0, batches: 0, position: position,
                                  siteEvents: 0)
            let end = try store.logEnd()
            let total = max(0, end.last - position.seq)
            var refusedInARow = 0
            while true {
                let entries = try store.logEntries(after: position.seq, limit: batchSize)
                guard !entries.isEmpty else { break }
                let batch = LogBatch(site: site, previous: position.head, entries: entries)
                let bytes = batch.bytes
                let signature = DetachedSignature(signing: bytes, with: key)
                let answer: HubLedger.Answer
                do throws(SapuError) {
                    answer = try await HubLedger.store(bytes, signature: signature, hub: hub)
                } catch .hub(.outOfOrder) {
                    // Another sync of this site got there first: continue from where the hub is now.
                    refusedInARow += 1
                    if refusedInARow > 20 { throw .hub(.busy(site)) }
                    position = try await HubLedger.position(site: site, hub: hub)
                    try checkPrefix(position, site: site, hubID: hubID, url: url, store: store, now: now)
                    continue
                }
                refusedInARow = 0
                let stored = answer.position
                // Only what this sync stored counts as sent: a batch another sync stored first does not.
                if answer.stored {
                    outcome.entries += Int64(entries.count)
                    outcome.events += Int64(entries.count { $0.kind == .event })
                    outcome.batches += 1
                }
                if stored.seq != batch.last || stored.head != batch.head {
                    // The hub already had this part of the log (another sync stored it first): it is
                    // acknowledged only once this site's own chain gives the hub's value there; a copy
                    // of this site that wrote other entries under the same numbers is refused.
                    try checkPrefix(stored, site: site, hubID: hubID, url: url, store: store, now: now)
                } else {
                    try store.recordHubAcknowledgement(.init(hub: hubID, url: url.textWithoutPassword, seq: stored.seq,
                                                             head: stored.head), at: now)
                }
                position = stored
                progress(min(total, outcome.entries), total)
            }
            outcome.position = position
            outcome.siteEvents = try store.logEnd().events
            try store.recordHubAcknowledgement(.init(hub: hubID, url: url.textWithoutPassword, seq: position.seq,
                                                     head: position.head), at: now)
            return outcome
        }
    }

    /// Refuses unless the hub's copy of the log is exactly this site's log up to the hub's end,
    /// then records that the hub has it.
    static func checkPrefix(_ position: HubPosition, site: String, hubID: String, url: HubURL, store: SQLiteStore,
                            now: Instant) throws(SapuError) {
        let acknowledged = try store.hubAcknowledgement(hub: hubID)
        if let acknowledged, acknowledged.seq == position.seq {
            guard acknowledged.head == position.head else { throw .hub(.logDiverged(site: site, at: position.seq)) }
            return
        }
        let end = try store.logEnd().last
        guard position.seq <= end else { throw .hub(.siteBehindHub(site: site, hub: position.seq, own: end)) }
        // From what the hub acknowledged earlier if that is within its copy, else from the start.
        var seq: Int64 = 0
        var head = LogChain.start
        if let acknowledged, acknowledged.seq < position.seq {
            seq = acknowledged.seq
            head = acknowledged.head
        }
        while seq < position.seq {
            let entries = try store.logEntries(after: seq, limit: 5_000)
            guard !entries.isEmpty else { break }
            for entry in entries where entry.seq <= position.seq {
                head = LogChain.next(head, line: entry.line)
                seq = entry.seq
            }
            if entries.last.map({ $0.seq >= position.seq }) == true { break }
        }
        guard seq == position.seq, head == position.head else { throw .hub(.logDiverged(site: site, at: position.seq)) }
        if position.seq > 0 {
            try store.recordHubAcknowledgement(.init(hub: hubID, url: url.textWithoutPassword, seq: position.seq,
                                                     head: position.head), at: now)
        }
    }
}
