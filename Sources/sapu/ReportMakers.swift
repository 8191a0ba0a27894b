import ArgumentParser
import SapuCore
import SapuStore

/// `sapu report makers`: output per maker over a period, by code; names only when asked.
struct ReportMakers: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "makers", abstract: Message.helpReportMakers.helpText,
        discussion: Message.helpReportMakersDiscussion.helpText) }

    @OptionGroup var period: ReportPeriodOptions
    @Flag(help: Message.helpReportMakersNames.help) var names = false
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let period = try self.period.period()
        _ = try output.resolved(context)
        let store = try context.store()
        let history = try store.inspectionHistory(period, detail: .makers)
        let localNames = names
            ? Dictionary(try store.makers().map { ($0.code, $0.name ?? "") }, uniquingKeysWith: { first, _ in first })
            : nil
        let report = try MakersReport(history, names: localNames)
        let document = report.document(context.language, heading: try context.reportHeading(store))
        try output.deliver(document, json: MakersJSON(report), empty: report.isEmpty ? .reportNoData : nil, context: context)
    }
}

/// The makers report as JSON; `name` is present only with `--names`.
struct MakersJSON: Encodable {
    struct Maker: Encodable {
        var maker: String?
        var name: String?
        var bundles, brooms, gradeA, gradeB, failed: Int
        var passPercent: Double?
        var reworks, regrades: Int

        init(maker: String?, name: String?, _ tally: QCTally, brooms: Int) {
            self.maker = maker
            self.name = name
            bundles = tally.inspected
            self.brooms = brooms
            gradeA = tally.gradeA
            gradeB = tally.gradeB
            failed = tally.failed
            passPercent = tally.passRate.map(percent)
            reworks = tally.reworks
            regrades = tally.regrades
        }
    }

    var report = "makers"
    var from, to: String?
    var makers: [Maker]
    var total: Maker

    init(_ report: MakersReport) {
        from = report.period.from?.iso
        to = report.period.to?.iso
        makers = report.rows.map { Maker(maker: $0.maker, name: $0.name, $0.tally, brooms: $0.brooms) }
        total = Maker(maker: nil, name: nil, report.total, brooms: report.brooms)
    }
}
