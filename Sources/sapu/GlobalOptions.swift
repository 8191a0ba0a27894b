import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// The broom bundle, not Foundation's resource bundle.
typealias Bundle = SapuCore.Bundle

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: Message.helpOptionDatabase.help)
    var db: String?

    @Option(help: Message.helpOptionLanguage.help)
    var lang: String?

    @Flag(help: Message.helpOptionJSON.help)
    var json = false

    /// The database path the user means.
    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["SAPU_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "./sapu.sqlite"
    }
}

/// A command that does its work through a `Context` and reports a `SapuError` as one line.
protocol SapuCommand: ParsableCommand {
    var global: GlobalOptions { get }
    func execute(_ context: Context) throws(SapuError)
}

extension SapuCommand {
    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let language = Language.resolve(option: global.lang, environment: environment["SAPU_LANG"]) else {
            // Said like every other refusal, in the standard language: the chosen one is unknown.
            Console.error(Message.errorPrefix.text(.standard) + SapuError.invalidLanguage(global.lang ?? "").message.text(.standard))
            throw ExitCode(2)
        }
        let context = Context(options: global, language: language)
        do {
            try execute(context)
        } catch {
            context.fail(error)
            throw ExitCode(1)
        }
        if let status = Console.finish(language: language, saved: context.saved) ?? context.exitStatus { throw ExitCode(status) }
    }
}
