import ArgumentParser
import SapuCore
import SapuStore

/// `sapu report stock`: bundles by product, grade and state, now or replayed to a past day.
struct ReportStock: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "stock", abstract: Message.helpReportStock.helpText) }

    @Option(help: Message.helpReportStockAt.help) var at: String?
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let day = try at.map { (text) throws(SapuError) -> CalendarDate in
            try CalendarDate(iso: text.trimmingSpaces())
        }
        _ = try output.resolved(context)
        let store = try context.store()
        let report = try store.stockReport(asOf: day)
        let document = report.document(context.language, heading: try context.reportHeading(store))
        let empty: Message? = report.isEmpty ? (day == nil ? .noBundlesYet : .reportNoDataOnDay) : nil
        try output.deliver(document, json: StockJSON(report), empty: empty, context: context)
    }
}

/// The stock report as JSON: every non-zero count, and the total.
struct StockJSON: Encodable {
    struct Line: Encodable {
        var product, grade, state: String
        var count: Int
    }

    var report = "stock"
    var asOf: String?
    var lines: [Line]
    var total: Int

    init(_ report: StockReport) {
        asOf = report.asOf?.iso
        lines = report.counts.map { Line(product: $0.product, grade: $0.grade, state: $0.state.rawValue, count: $0.count) }
        total = report.total
    }
}
