import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu batch`: production runs of one product on one day.
struct BatchCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "batch", abstract: Message.helpBatch.helpText,
        subcommands: [Create.self, List.self, Show.self]) }

    struct Create: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpBatchCreate.helpText) }
        @Option(help: Message.helpBatchProduct.help) var product: String
        @Option(help: Message.helpBatchDate.help) var date: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let product = try Code.normalise(product, as: .product)
            let day = try date.map { (text) throws(SapuError) in try CalendarDate(iso: text) } ?? context.now.date
            let batch = try context.store().createBatch(product: product, date: day, at: context.now)
            if context.json {
                context.emit(BatchOutput(batch))
            } else {
                Console.out(batch.code)
            }
        }
    }

    struct List: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpBatchList.helpText) }
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let batches = try context.store().batches()
            if context.json {
                context.emit(batches.map(BatchOutput.init))
            } else {
                context.table([.columnBatch, .columnProduct, .columnDate], batches.map { [$0.code, $0.product, $0.date.iso] })
            }
        }
    }

    struct Show: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpBatchShow.helpText) }
        @Argument(help: Message.helpBatchCode.help) var code: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .batch)
            let store = try context.store()
            let batch = try store.batch(code)
            // Voided bundles were never made: they are left out of the counts, and only their number is said.
            let bundles = try store.bundles(batch: code, state: nil)
            let voided = try store.bundles(batch: code, state: .voided).count
            var counts: [String: Int] = [:]
            for bundle in bundles { counts["\(bundle.result.grade?.rawValue ?? "FAIL")|\(bundle.state.rawValue)", default: 0] += 1 }
            if context.json {
                var output = BatchOutput(batch)
                output.bundles = bundles.count
                output.passed = bundles.filter(\.result.passed).count
                output.failed = bundles.count - (output.passed ?? 0)
                output.voided = voided
                context.emit(output)
            } else {
                context.say(.batchSummary(code: batch.code, product: batch.product, date: batch.date,
                                          bundles: bundles.count, passed: bundles.filter(\.result.passed).count))
                // Grades in order, and within a grade the states in the order of a bundle's life,
                // whatever the language; a batch whose every bundle was voided has no table.
                let lifecycle = BundleState.allCases
                func order(_ key: String) -> (String, Int) {
                    let parts = key.split(separator: "|").map(String.init)
                    let state = parts.count == 2 ? BundleState(rawValue: parts[1]) : nil
                    return (parts.first ?? "", state.flatMap { lifecycle.firstIndex(of: $0) } ?? lifecycle.count)
                }
                let keys = counts.keys.sorted { order($0) < order($1) }
                if !keys.isEmpty {
                    context.table([.columnGrade, .columnState, .columnCount], keys.map { key in
                        let parts = key.split(separator: "|").map(String.init)
                        let state = parts.count == 2 ? BundleState(rawValue: parts[1])?.message.text(context.language) ?? parts[1] : key
                        return [Message.grade(parts.first ?? "").text(context.language), state, String(counts[key] ?? 0)]
                    })
                }
                if voided > 0 { context.say(.batchVoidedNote(voided)) }
            }
        }
    }
}
