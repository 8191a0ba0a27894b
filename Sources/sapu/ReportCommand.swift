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
protocol ReportSubcommand: ParsableCommand {
    var global: GlobalOptions { get }
    func produce(_ context: Context) throws(SapuError)
}

extension ReportSubcommand {
    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let language = Language.resolve(option: global.lang, environment: environment["SAPU_LANG"]) else {
            Console.error(SapuError.invalidLanguage(global.lang ?? "").message.text(.standard))
            throw ExitCode(2)
        }
        let context = Context(options: global, language: language)
        do {
            try produce(context)
        } catch {
            let text = error.message.text(language)
            if context.json { context.emit(["error": text]) }
            Console.error(Message.errorPrefix.text(language) + text)
            throw ExitCode(1)
        }
    }
}

extension Context {
    /// The store, with its failure carried as a report error.
    func reportStore() throws(SapuError) -> SQLiteStore {
        try store()
    }
}
