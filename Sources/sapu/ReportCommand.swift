import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// `sapu report`: stock, QC, output per maker and shipments, for workshop management.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "report", abstract: Message.helpReport.helpText, discussion: Message.helpReportDiscussion.helpText,
        subcommands: [ReportStock.self, ReportQC.self, ReportMakers.self, ReportShipments.self, ReportGenerate.self]) }
}

/// A report subcommand: reads its options, asks the store, prints one report.
protocol ReportSubcommand: SapuCommand {
    func produce(_ context: Context) throws(SapuError)
}

extension ReportSubcommand {
    func execute(_ context: Context) throws(SapuError) {
        try produce(context)
    }
}
