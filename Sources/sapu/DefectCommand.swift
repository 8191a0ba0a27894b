import ArgumentParser
import SapuCore
import SapuStore

/// `sapu defect`: the catalogue of reasons a bundle fails QC.
struct DefectCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "defect", abstract: Message.helpDefect.helpText, subcommands: [Add.self, List.self]) }

    struct Add: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpDefectAdd.helpText) }
        @Argument(help: Message.helpDefectCode.help) var code: String
        @Option(name: .customLong("name-id"), help: Message.helpDefectNameID.help) var nameID: String
        @Option(name: .customLong("name-en"), help: Message.helpDefectNameEN.help) var nameEN: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .defect)
            try context.store().addDefect(Defect(code: code, nameID: nameID, nameEN: nameEN))
            if context.json { context.emit(["code": code]) }
            context.say(.added(kind: .defect, code: code))
        }
    }

    struct List: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpDefectList.helpText) }
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let defects = try context.store().defects()
            if context.json {
                context.emit(defects.map { DefectOutput(code: $0.code, nameID: $0.nameID, nameEN: $0.nameEN) })
            } else {
                context.table([.columnCode, .columnName], defects.map { [$0.code, $0.name(context.language)] })
            }
        }
    }
}

struct DefectOutput: Encodable {
    var code: String
    var nameID: String
    var nameEN: String
}
