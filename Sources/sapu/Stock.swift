import ArgumentParser
import SapuCore
import SapuStore

/// `sapu stock`: how many bundles are on hand (or, with `--all`, anywhere), by product, grade and state.
struct Stock: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpStock.helpText) }
    @Flag(help: Message.helpStockAll.help) var all = false
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let every = try context.store().stock()
        let lines = every.filter { all || $0.state.isOnHand }
        if context.json {
            context.emit(lines.map { StockOutput(product: $0.product, grade: $0.grade, state: $0.state.rawValue, count: $0.count) })
            return
        }
        context.say(all ? .stockHeadingAll : .stockHeadingOnHand)
        if lines.isEmpty {
            context.say(every.isEmpty ? .noBundlesYet : .noBundlesOnHand)
            return
        }
        context.table([.columnProduct, .columnGrade, .columnState, .columnCount], lines.map {
            [$0.product, Message.grade($0.grade).text(context.language), $0.state.message.text(context.language),
             String($0.count)]
        })
        context.say(.total(lines.reduce(0) { $0 + $1.count }))
    }
}

struct StockOutput: Encodable {
    var product, grade, state: String
    var count: Int
}
