import ArgumentParser
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
        let result = try qcResult()
        let actor = try context.actor(operatorCode: inspector, station: station, as: .inspector)
        let store = try context.store()
        let inspected: [Bundle]
        if bundles.isEmpty {
            guard let batch, let maker else { throw .inspectNeedsBundles }
            let batchCode = try Code.normalise(batch, as: .batch)
            let makerCode = try Code.normalise(maker, as: .maker)
            let countText = count ?? "1"
            guard let number = Int(countText.trimmingSpaces()), number > 0, number <= 100_000 else {
                throw .invalidCount(countText)
            }
            if Confirmation.needed(creating: number) {
                // Nothing to confirm when the batch or maker would be refused anyway.
                _ = try store.batch(batchCode)
                guard let known = try store.makers().first(where: { $0.code == makerCode }) else {
                    throw .unknown(kind: .maker, value: makerCode)
                }
                guard known.active else { throw .inactiveMaker(makerCode) }
                try Confirm.ask(.confirmInspect(count: number, batch: batchCode, maker: makerCode, result: Message.result(result, defects: DefectNames(try store.defects()))),
                                yes: yes, refusal: .inspectNeedsConfirmation(count: number), context: context)
            }
            inspected = try store.inspect(batch: batchCode, maker: makerCode, result: result, count: number,
                                          actor: actor, at: context.now)
        } else {
            // An existing bundle keeps its maker and batch: an option describing new ones is a mistake, not a no-op.
            for (option, given) in [("--maker", maker != nil), ("--batch", batch != nil), ("--count", count != nil)] where given {
                throw .optionForNewBundlesOnly(option)
            }
            var ids: [BundleID] = []
            for text in bundles {
                ids.append(try BundleID.parse(typed: text))
            }
            inspected = try store.reinspect(ids, result: result, actor: actor, at: context.now)
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

    /// The result the flags describe, with codes checked.
    private func qcResult() throws(SapuError) -> QCResult {
        switch (pass, fail) {
        case (true, false):
            guard let grade else { throw .gradeRequired }
            guard defect.isEmpty else { throw .gradeRequired }
            return .pass(try Grade(code: grade))
        case (false, true):
            guard grade == nil else { throw .gradeRequired }
            var codes: [String] = []
            for item in defect.flatMap({ $0.split(separator: ",") }) {
                let code = try Code.normalise(String(item), as: .defect)
                if !codes.contains(code) { codes.append(code) }
            }
            guard !codes.isEmpty else { throw .defectsRequired }
            guard codes.count <= LabelPayload.maximumDefects else { throw .tooManyDefects(limit: LabelPayload.maximumDefects) }
            return .fail(codes)
        default:
            throw .gradeRequired
        }
    }
}

/// A bundle as JSON output shows it.
struct BundleOutput: Encodable {
    var id: String
    var batch: String
    var serial: Int
    var product: String
    var maker: String
    var result: String
    var grade: String?
    var defects: [String]
    var inspected: String
    var inspections: Int
    var state: String
    var labelRevision: Int
    var shipment: String?

    init(_ bundle: Bundle) {
        id = bundle.id.description
        batch = bundle.batch
        serial = bundle.id.serial
        product = bundle.product
        maker = bundle.maker
        result = bundle.result.passed ? "pass" : "fail"
        grade = bundle.result.grade?.rawValue
        defects = bundle.result.defects
        inspected = bundle.inspected.iso
        inspections = bundle.inspections
        state = bundle.state.rawValue
        labelRevision = bundle.labelRevision
        shipment = bundle.shipment
    }
}
