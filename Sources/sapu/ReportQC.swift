import ArgumentParser
import SapuCore
import SapuStore

/// `sapu report qc`: pass rates by group, first-pass versus final yield, and the defect Pareto.
struct ReportQC: ReportSubcommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "qc", abstract: Message.helpReportQC.helpText) }

    @OptionGroup var period: ReportPeriodOptions
    @Option(help: Message.helpReportQCBy.help) var by: String = "batch"
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var global: GlobalOptions

    func produce(_ context: Context) throws(SapuError) {
        let period = try self.period.period()
        let grouping = try context.word(by, option: "--by", as: ReportGrouping.self)
        _ = try output.resolved(context)
        let store = try context.store()
        let history = try store.inspectionHistory(period, detail: grouping == .maker ? .makers : .batches)
        let defects = try store.defects()
        let report = QCReport(history, by: grouping)
        let document = report.document(context.language, heading: try context.reportHeading(store), defects: defects)
        try output.deliver(document, json: QCJSON(report, defects: defects, language: context.language),
                           empty: report.isEmpty ? .reportNoData : nil, context: context)
    }
}

/// The QC report as JSON; percentages carry one decimal, like the table.
struct QCJSON: Encodable {
    struct Counts: Encodable {
        var group: String?
        var inspected, gradeA, gradeB, failed: Int
        var passPercent: Double?
        var reworks: Int
        var finalPercent: Double?
        var regrades: Int

        init(group: String?, _ tally: QCTally) {
            self.group = group
            inspected = tally.inspected
            gradeA = tally.gradeA
            gradeB = tally.gradeB
            failed = tally.failed
            passPercent = tally.passRate.map(percent)
            reworks = tally.reworks
            finalPercent = tally.finalYield.map(percent)
            regrades = tally.regrades
        }
    }

    struct Defect: Encodable {
        var code, name: String
        var count: Int
        var sharePercent, cumulativePercent: Double
    }

    var report = "qc"
    var from, to: String?
    var by: String
    var rows: [Counts]
    var total: Counts
    var defects: [Defect]
    var failedInspections: Int

    init(_ report: QCReport, defects catalogue: [SapuCore.Defect], language: Language) {
        from = report.period.from?.iso
        to = report.period.to?.iso
        by = report.grouping.rawValue
        rows = report.rows.map { Counts(group: $0.group, $0.tally) }
        total = Counts(group: nil, report.total)
        let names = Dictionary(catalogue.map { ($0.code, $0.name(language)) }, uniquingKeysWith: { first, _ in first })
        defects = report.defects.map {
            Defect(code: $0.code, name: names[$0.code] ?? "", count: $0.count, sharePercent: percent($0.share),
                   cumulativePercent: percent($0.cumulative))
        }
        failedInspections = report.failedInspections
    }
}

/// A share as a percentage with one decimal, as a number.
func percent(_ share: Double) -> Double { (share * 1000).rounded() / 10 }
