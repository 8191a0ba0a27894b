import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu bundle`: one bundle's state and history, or a list.
struct BundleCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "bundle", abstract: Message.helpBundle.helpText, subcommands: [Show.self, List.self, VoidBundles.self]) }

    struct Show: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpBundleShow.helpText) }
        @Argument(help: Message.helpBundleID.help) var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let bundleID = try BundleID.parse(typed: id)
            let store = try context.store()
            let bundle = try store.bundle(bundleID)
            let history = try store.history(of: bundleID)
            let defects = DefectNames(try store.defects())
            if context.json {
                context.emit(BundleShowOutput(bundle: BundleOutput(bundle), history: history.map(EventOutput.init)))
                return
            }
            let lang = context.language
            context.say(.bundleHeader(id: bundle.id.description, product: bundle.product, maker: bundle.maker,
                                      result: Message.result(bundle.result, defects: defects), state: bundle.state,
                                      labelRevision: bundle.labelRevision, labelCurrent: bundle.labelCurrent))
            context.table([.columnTime, .columnMove, .columnState, .columnDetail, .columnOperator, .columnStation],
                          history.map { event in
                              var detail: [String] = []
                              if let result = event.result { detail.append(Message.result(result, defects: defects).text(lang)) }
                              if let revision = event.labelRevision { detail.append("R\(revision)") }
                              if let shipment = event.shipment { detail.append(shipment) }
                              if event.manual { detail.append(Message.manualEntry.text(lang)) }
                              if let reason = event.reason { detail.append(Message.voidReasonDetail(reason).text(lang)) }
                              return [context.clock.shown(event.at), event.move.message.text(lang), event.state.message.text(lang),
                                      detail.joined(separator: " "), event.actor.operatorCode ?? "-", event.actor.station]
                          })
        }
    }

    struct List: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpBundleList.helpText) }
        @Option(help: Message.helpBundleListBatch.help) var batch: String?
        @Option(help: Message.helpBundleListState.help) var state: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let batchCode = try batch.map { (text) throws(SapuError) in try Code.normalise(text, as: .batch) }
            let wanted = try state.map { (text) throws(SapuError) in
                try context.word(text, option: "--state", as: BundleState.self)
            }
            let bundles = try context.store().bundles(batch: batchCode, state: wanted)
            let defects = DefectNames(try context.store().defects())
            if context.json {
                context.emit(bundles.map(BundleOutput.init))
            } else {
                let lang = context.language
                context.table([.columnBundle, .columnProduct, .columnMaker, .columnResult, .columnState, .columnLabel],
                              bundles.map {
                                  [$0.id.description, $0.product, $0.maker, Message.result($0.result, defects: defects).text(lang),
                                   $0.state.message.text(lang),
                                   $0.labelRevision == 0 ? "-" : Message.labelShown(revision: $0.labelRevision, current: $0.labelCurrent).text(lang)]
                              })
            }
        }
    }
}

extension BundleCommand {
    /// `sapu bundle void`: takes bundles created by mistake out of every count.
    struct VoidBundles: SapuCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "void", abstract: Message.helpBundleVoid.helpText,
                                 discussion: Message.helpBundleVoidDiscussion.helpText)
        }

        @Argument(help: Message.helpBundleVoidIDs.help) var bundles: [String] = []
        @Option(help: Message.helpBundleVoidBatch.help) var batch: String?
        @Option(help: Message.helpBundleVoidFrom.help) var from: Int?
        @Option(help: Message.helpBundleVoidTo.help) var to: Int?
        @Option(help: Message.helpBundleVoidReason.help) var reason: String
        @Flag(help: Message.helpBundleVoidYes.help) var yes = false
        @Option(name: .customLong("operator"), help: Message.helpOptionOperator.help) var operatorCode: String?
        @Option(help: Message.helpOptionStation.help) var station: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let reason = try FreeText.required(reason, as: .voidReason)
            let selection: BundleVoiding.Selection
            if let batch {
                guard bundles.isEmpty else { throw .voidNeedsBundles }
                selection = .range(batch: try Code.normalise(batch, as: .batch), from: from, to: to)
            } else {
                guard from == nil && to == nil else { throw .serialRangeNeedsBatch }
                var ids: [BundleID] = []
                for text in bundles { ids.append(try BundleID.parse(typed: text)) }
                selection = .bundles(ids)
            }
            let actor = try context.actor(operatorCode: operatorCode, station: station)
            let store = try context.store()
            let plan = try BundleVoiding.plan(selection, store: store)
            let toVoid = plan.outcome.toVoid
            if plan.needsConfirmation, let first = toVoid.first, let last = toVoid.last {
                try Confirm.ask(.confirmVoid(count: toVoid.count, first: first.description, last: last.description, reason: reason),
                                yes: yes, refusal: .voidNeedsConfirmation(count: toVoid.count), context: context)
            }
            let done = try BundleVoiding.void(plan, reason: reason, actor: actor, at: context.now, store: store)
            if context.json {
                context.emit(VoidOutput(voided: done.toVoid.map(\.description), alreadyVoided: done.alreadyVoided.map(\.description),
                                        reason: reason))
                return
            }
            for id in done.toVoid { Console.out(id.description) }
            if !done.toVoid.isEmpty { context.say(.bundlesVoided(count: done.toVoid.count, reason: reason)) }
            if !done.alreadyVoided.isEmpty { context.say(.bundlesAlreadyVoided(count: done.alreadyVoided.count)) }
        }
    }
}

struct VoidOutput: Encodable {
    var voided: [String]
    var alreadyVoided: [String]
    var reason: String
}
