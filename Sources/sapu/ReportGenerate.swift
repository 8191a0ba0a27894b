import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// `sapu report generate`: fills a new database with a large made-up history, for benchmarks.
struct ReportGenerate: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "generate", abstract: Message.helpReportGenerate.helpText, shouldDisplay: false) }

    @Option(help: Message.helpReportGenerateBundles.help) var bundles: Int = 1_000_000
    @Option(help: Message.helpReportGenerateMakers.help) var makers: Int = 40
    @Option(help: Message.helpReportGenerateDays.help) var days: Int = 730
    @Option(help: Message.helpReportGenerateSeed.help) var seed: UInt64 = 42
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let now = context.now
        // The first simulated day must be a date Sapu can write (from 2000-01-01).
        let daysSince2000 = Int(Instant.localDay(of: now.date) - Instant.localDay(of: CalendarDate(year: 2000, month: 1, day: 1)!)) + 1
        for (option, value, range) in [("--bundles", bundles, 1...10_000_000), ("--makers", makers, 1...999),
                                       ("--days", days, 1...min(3650, max(1, daysSince2000)))]
            where !range.contains(value) {
            throw .numberOutOfRange(option: option, value: String(value), range: range)
        }
        let store = try context.store()
        let site: Site
        site = try store.site()
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
