import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu maker`: the workers, known outside the site only by their codes.
struct MakerCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "maker", abstract: Message.helpMaker.helpText,
        subcommands: [Add.self, List.self, Deactivate.self]) }

    struct Add: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpMakerAdd.helpText) }
        @Argument(help: Message.helpMakerNewCode.help) var code: String
        @Option(help: Message.helpMakerName.help) var name: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .maker)
            try context.store().addMaker(Maker(code: code, name: name, active: true))
            if context.json { context.emit(["code": code]) }
            context.say(.added(kind: .maker, code: code))
        }
    }

    struct List: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpMakerList.helpText) }
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let makers = try context.store().makers()
            if context.json {
                context.emit(makers.map(MakerOutput.init))
            } else {
                context.table([.columnCode, .columnName, .columnActive], makers.map {
                    [$0.code, $0.name ?? "", ($0.active ? Message.yes : Message.no).text(context.language)]
                })
            }
        }
    }

    struct Deactivate: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpMakerDeactivate.helpText) }
        @Argument(help: Message.helpMakerCode.help) var code: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .maker)
            try context.store().deactivateMaker(code)
            if context.json { context.emit(["code": code]) }
            context.say(.makerDeactivated(code))
        }
    }
}
