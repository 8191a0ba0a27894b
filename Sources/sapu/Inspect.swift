import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu inspect`: records QC results, creating bundles or re-inspecting reworked ones.
struct Inspect: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        abstract: Message.helpInspect.helpText, discussion: Message.helpInspectDiscussion.helpText) }

    @Argument(help: Message.helpInspectBundles.help) var bundles: [String] = []
    @Option(help: Message.helpInspectBatch.help) var batch: String?
    @Option(help: Message.helpInspectMaker.help) var maker: String?
    @Flag(help: Message.helpInspectPass.help) var pass = false
    @Option(help: Message.helpInspectGrade.help) var grade: String?
    @Flag(help: Message.helpInspectFail.help) var fail = false
    @Option(help: Message.helpInspectDefect.help) var defect: [String] = []
    @Option(help: Message.helpInspectCount.help) var count: String?
    @Option(help: Message.helpInspectInspector.help) var inspector: String?
    @Option(help: Message.helpOptionStation.help) var station: String?
    @Flag(help: Message.helpInspectYes.help) var yes = false
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let result = try InspectionDesk.result(pass: pass, fail: fail, grade: grade, defects: defect)
        let actor = try context.actor(operatorCode: inspector, station: station, as: .inspector)
        let store = try context.store()
        let inspected: [Bundle]
        if bundles.isEmpty {
            guard let batch, let maker else { throw .inspectNeedsBundles }
            let new = try InspectionDesk.NewBundles(batch: batch, maker: maker, result: result, count: count)
            if let question = try InspectionDesk.confirmation(for: new, store: store) {
                try Confirm.ask(question, yes: yes, refusal: .inspectNeedsConfirmation(count: new.count), context: context)
            }
            inspected = try InspectionDesk.inspect(new, confirmed: true, actor: actor, at: context.now, store: store)
        } else {
            // An existing bundle keeps its maker and batch: an option describing new ones is a mistake, not a no-op.
            for (option, given) in [("--maker", maker != nil), ("--batch", batch != nil), ("--count", count != nil)] where given {
                throw .optionForNewBundlesOnly(option)
            }
            inspected = try InspectionDesk.reinspect(try InspectionDesk.bundleIDs(bundles), result: result, actor: actor,
                                                     at: context.now, store: store)
        }
        if context.json {
            context.emit(inspected.map(BundleOutput.init))
        } else {
            for bundle in inspected { Console.out(bundle.id.description) }
            // Stdout stays one id per line for scripts; the inspector reads where the bundles went.
            let quarantined = inspected.count { $0.state == .quarantined }
            if quarantined > 0 { Console.error(Message.inspectionQuarantined(count: quarantined).text(context.language)) }
        }
    }
}
