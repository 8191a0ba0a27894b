import ArgumentParser
import SapuCore
import SapuStore

/// `sapu defect`: the catalogue of reasons a bundle fails QC.
struct DefectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defect", abstract: "Add or list defect codes.", subcommands: [Add.self, List.self])

    struct Add: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Add a defect code.")
        @Argument(help: "Defect code, 0-9 and A-Z.") var code: String
        @Option(name: .customLong("name-id"), help: "Name in Indonesian.") var nameID: String
        @Option(name: .customLong("name-en"), help: "Name in English.") var nameEN: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .defect)
            try context.store().addDefect(Defect(code: code, nameID: nameID, nameEN: nameEN))
            if context.json { context.emit(["code": code]) }
            context.say(.added(kind: .defect, code: code))
        }
    }

    struct List: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "List defect codes.")
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
