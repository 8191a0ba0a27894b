import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuHub

/// `sapu hub`: setting up the hub and registering the sites that send to it (docs/hub.md).
struct HubCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "hub", abstract: Message.helpHub.helpText, subcommands: [Init.self, SiteCommand.self, Check.self]) }

    /// `--url`, else `SAPU_HUB`.
    static func url(_ option: String?) throws(SapuError) -> String {
        if let option, !option.trimmingSpaces().isEmpty { return option }
        if let environment = ProcessInfo.processInfo.environment["SAPU_HUB"], !environment.trimmingSpaces().isEmpty {
            return environment
        }
        throw .hub(.urlMissing)
    }

    struct Init: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpHubInit.helpText) }
        @Option(help: Message.helpHubURL.help) var url: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let text = try HubCommand.url(url)
            let shown = try HubURL(text).shown
            let done = try AsyncCommand.wait { () async throws(SapuError) in try await HubSetup.initialise(url: text) }
            if context.json {
                context.emit(["hub": done.hubID, "schema": String(done.to), "previous_schema": String(done.from)])
            } else if done.from == done.to {
                context.say(.hubUpToDate(shown, version: done.to))
            } else if done.from == 0 {
                context.say(.hubInitialised(shown, version: done.to))
            } else {
                context.say(.hubUpgraded(shown, from: done.from, to: done.to))
            }
        }
    }

    struct Check: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpHubCheck.helpText) }
        @Option(help: Message.helpHubURL.help) var url: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let url = try HubURL(try HubCommand.url(url))
            let results = try AsyncCommand.wait { () async throws(SapuError) in
                try await HubConnection.with(url) { hub throws(SapuError) in try await HubAudit.check(hub: hub) }
            }
            let failed = results.contains { !$0.problems.isEmpty }
            if failed { context.exitStatus = 1 }
            if context.json {
                context.emit(results.map { result in
                    CheckJSON(site: result.site, batches: result.batches, logEntries: result.entries, events: result.events,
                              problems: result.problems.map { Self.message($0).text(context.language).trimmingSpaces() })
                })
                return
            }
            for result in results {
                guard !result.problems.isEmpty else {
                    context.say(.hubCheckPassed(result.site, batches: result.batches, entries: result.entries,
                                                events: result.events))
                    continue
                }
                context.say(.hubCheckFailed(result.site, problems: result.problems.count))
                for problem in result.problems { context.say(Self.message(problem)) }
            }
            if results.isEmpty { context.say(.hubNoSites) }
        }

        static func message(_ problem: HubAudit.Problem) -> Message {
            switch problem {
            case .signature(let first): .hubCheckSignature(first: first)
            case .chain(let first): .hubCheckChain(first: first)
            case .unreadable(let first): .hubCheckUnreadable(first: first)
            case .end(let recorded, let batches): .hubCheckEnd(recorded: recorded, batches: batches)
            case .events(let rows, let inBatches): .hubCheckEvents(rows: rows, inBatches: inBatches)
            case .eventRows(let first): .hubCheckEventRows(first: first)
            }
        }

        private struct CheckJSON: Encodable {
            var site: String
            var batches: Int
            var logEntries: Int64
            var events: Int64
            /// Each problem in the user's language, as the table prints it (without the indent).
            var problems: [String]

            enum CodingKeys: String, CodingKey { case site, batches, logEntries = "log_entries", events, problems }
        }
    }

    struct SiteCommand: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "site", abstract: Message.helpHubSite.helpText, subcommands: [Add.self, List.self]) }

        struct Add: SapuCommand {
            static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpHubSiteAdd.helpText) }
            @Argument(help: Message.helpHubSiteCode.help) var code: String
            @Option(help: Message.helpHubSiteKey.help) var key: String
            @Option(help: Message.helpHubSiteFingerprint.help) var fingerprint: [String] = []
            @Option(help: Message.helpHubURL.help) var url: String?
            @OptionGroup var global: GlobalOptions

            func execute(_ context: Context) throws(SapuError) {
                let text = try HubCommand.url(url)
                let (code, key, fingerprints) = (code, key, fingerprint)
                let done = try AsyncCommand.wait { () async throws(SapuError) in
                    try await HubSetup.addSite(code, keyFile: key, fingerprints: fingerprints, url: text)
                }
                if context.json {
                    context.emit(RegisteredJSON(site: done.site, newSite: done.newSite, added: done.added.map(\.keyID),
                                                known: done.known.map(\.keyID)))
                    return
                }
                if done.newSite {
                    context.say(.hubSiteRegistered(done.site, keys: done.added.map(\.keyID)))
                } else if done.added.isEmpty {
                    context.say(.hubKeysAlreadyKnown(done.site))
                } else {
                    context.say(.hubKeysAdded(done.site, keys: done.added.map(\.keyID)))
                }
                for key in done.added { context.say(.hubKeyLine(key.keyID, fingerprint: key.fingerprint)) }
            }
        }

        private struct RegisteredJSON: Encodable {
            var site: String
            var newSite: Bool
            var added: [String]
            var known: [String]

            enum CodingKeys: String, CodingKey { case site, newSite = "new_site", added, known }
        }

        struct List: SapuCommand {
            static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpHubSiteList.helpText) }
            @Option(help: Message.helpHubURL.help) var url: String?
            @OptionGroup var global: GlobalOptions

            func execute(_ context: Context) throws(SapuError) {
                let url = try HubURL(try HubCommand.url(url))
                let sites = try AsyncCommand.wait { () async throws(SapuError) in
                    try await HubConnection.with(url) { hub throws(SapuError) in try await HubLedger.sites(hub: hub) }
                }
                if context.json {
                    context.emit(sites.map { SiteJSON(site: $0.site, keys: $0.keys, logEntries: $0.seq, events: $0.events,
                                                      syncedAt: $0.syncedAt) })
                    return
                }
                guard !sites.isEmpty else {
                    context.say(.hubNoSites)
                    return
                }
                context.table([.columnCode, .columnKeys, .columnLogEntries, .columnEvents, .columnLastSync], sites.map {
                    [$0.site, $0.keys.joined(separator: ", "), String($0.seq), String($0.events), $0.syncedAt ?? "-"]
                })
            }

            private struct SiteJSON: Encodable {
                var site: String
                var keys: [String]
                var logEntries: Int64
                var events: Int64
                var syncedAt: String?

                enum CodingKeys: String, CodingKey {
                    case site, keys, logEntries = "log_entries", events, syncedAt = "synced_at"
                }
            }
        }
    }
}

/// `sapu sync`: sends this site's log to the hub (docs/hub.md, "Sync").
struct Sync: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpSync.helpText) }
    @Option(help: Message.helpSyncHub.help) var hub: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let store = try context.store()
        let url = try Syncing.url(option: hub, environment: ProcessInfo.processInfo.environment["SAPU_HUB"], store: store)
        let now = context.now
        let language = context.language
        let quiet = context.json
        // Undocumented, for tests: a small batch size makes a small log span many batches.
        let batchSize = ProcessInfo.processInfo.environment["SAPU_SYNC_BATCH"].flatMap { Int($0) }
            .map { min(max($0, 1), 10_000) } ?? Syncing.defaultBatchSize
        let outcome = try AsyncCommand.wait { () async throws(SapuError) in
            try await Syncing.run(store: store, url: url, now: now, batchSize: batchSize) { sent, total in
                if !quiet, total > Int64(Syncing.defaultBatchSize) {
                    Console.error(Message.syncProgress(sent, of: total).text(language))
                }
            }
        }
        if context.json {
            context.emit(SyncJSON(hub: outcome.hub, site: outcome.site, sentEntries: outcome.entries,
                                  sentEvents: outcome.events, batches: outcome.batches, hubLogEntries: outcome.position.seq,
                                  hubEvents: outcome.position.events, siteEvents: outcome.siteEvents))
            return
        }
        context.say(outcome.entries == 0 ? .syncNothing(hub: outcome.hub)
            : .syncSent(entries: outcome.entries, events: outcome.events, batches: outcome.batches, hub: outcome.hub))
        context.say(.syncStanding(hubEvents: outcome.position.events, siteEvents: outcome.siteEvents))
    }

    private struct SyncJSON: Encodable {
        var hub: String
        var site: String
        var sentEntries: Int64
        var sentEvents: Int64
        var batches: Int
        var hubLogEntries: Int64
        var hubEvents: Int64
        var siteEvents: Int64

        enum CodingKeys: String, CodingKey {
            case hub, site, sentEntries = "sent_entries", sentEvents = "sent_events", batches
            case hubLogEntries = "hub_log_entries", hubEvents = "hub_events", siteEvents = "site_events"
        }
    }
}
