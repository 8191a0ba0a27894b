import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// `sapu report generate`: fills a new database with a large made-up history, for benchmarks.
struct ReportGenerate: ReportSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Fill a new database with a simulated history (benchmarks).",
        shouldDisplay: false)

    @Option(help: "How many bundles.") var bundles: Int = 1_000_000
    @Option(help: "How many makers.") var makers: Int = 40
    @Option(help: "How many days, ending today (or $SAPU_NOW).") var days: Int = 730
    @Option(help: "Random seed.") var seed: UInt64 = 42
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        guard bundles > 0, makers > 0, days > 0 else { throw .invalidCount("\(min(bundles, makers, days))") }
        let store = try context.store()
        let site: Site
        site = try store.site()
        let now = context.now
        let simulation = HistorySimulation(.init(site: site.code, bundles: bundles, makers: makers, days: days,
                                                 end: now.date, utcOffset: now.utcOffset, seed: seed))
        let started = Date()
        let (made, events) = try store.importHistory(simulation) { date in
            if !context.json { Console.error(Message.historyProgress(date).text(context.language)) }
        }
        let seconds = Date().timeIntervalSince(started)
        if context.json {
            context.emit(["bundles": made, "events": events, "shipments": simulation.shipments.count])
        } else {
            context.say(.historyGenerated(bundles: made, events: events, shipments: simulation.shipments.count,
                                          seconds: seconds))
        }
    }
}
