import ArgumentParser
import Foundation
import SapuCore

/// `sapu`: inventory and quality control for hand-made brooms.
@main
struct Sapu: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "sapu",
        abstract: Message.helpSapu.helpText,
        subcommands: [
            Initialise.self, ProductCommand.self, MakerCommand.self, DefectCommand.self, BatchCommand.self,
            Inspect.self, BundleCommand.self, Stock.self, LabelCommand.self, Printers.self, Scan.self, ShipmentCommand.self, PartnerCommand.self, Verify.self,
            KeyCommand.self, ReportCommand.self, UserCommand.self, Serve.self, Sync.self, HubCommand.self, Doctor.self, Backup.self,
            Restore.self,
        ]
    ) }

    /// Parses and runs; a command line that cannot be parsed gets one line, not a page.
    static func main() {
        Console.prepare()
        HelpLanguage.choose(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment)
        do {
            var arguments = Array(CommandLine.arguments.dropFirst())
            // `sapu help PATH --lang en`, as the pages themselves suggest: argument-parser's help
            // command takes no options, and the language has been chosen already.
            if arguments.first == "help" { arguments = HelpLanguage.removingLanguage(arguments) }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            // The command has already said why.
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            let language = HelpLanguage.current
            if code == .success {
                // --help: printed through the same safe writer as everything else.
                Console.out(HelpPage.localised(fullMessage(for: error), language: language))
                Foundation.exit(Console.finish(language: language, saved: false) ?? code.rawValue)
            }
            Console.error(ParserProblem.line(for: message(for: error), arguments: Array(CommandLine.arguments.dropFirst()),
                                             language: language))
            Foundation.exit(code.rawValue)
        }
    }
}
