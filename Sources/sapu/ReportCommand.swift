import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// `sapu report`: stock, QC, output per maker and shipments, for workshop management.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for management: stock, QC pass rates and defects, output per maker, shipments.",
        discussion: """
            Every report prints as a table, or with --format csv|json|html (--out FILE to write a file).
            Dates are YYYY-MM-DD. Maker names appear only with `report makers --names`.
            """,
        subcommands: [ReportStock.self, ReportQC.self, ReportMakers.self, ReportShipments.self, ReportGenerate.self])
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
