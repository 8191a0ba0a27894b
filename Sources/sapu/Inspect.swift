import ArgumentParser
import SapuCore
import SapuStore

/// `sapu inspect`: records QC results, creating bundles or re-inspecting reworked ones.
struct Inspect: SapuCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record QC: create N inspected bundles, or re-inspect bundles after rework.",
        discussion: """
            New bundles:  sapu inspect --batch PWT251121A --maker M042 --pass --grade A --count 5
            Re-inspect:   sapu inspect PWT251121A-0003 --pass --grade B
            """)

    @Argument(help: "Bundle ids to re-inspect after rework.") var bundles: [String] = []
    @Option(help: "Batch code for new bundles.") var batch: String?
    @Option(help: "Maker code for new bundles.") var maker: String?
    @Flag(help: "The bundle passed QC (needs --grade).") var pass = false
    @Option(help: "Grade of a passed bundle: A or B.") var grade: String?
    @Flag(help: "The bundle failed QC (needs --defect).") var fail = false
    @Option(help: "Defect codes of a failed bundle, comma-separated or repeated.") var defect: [String] = []
    @Option(help: "How many bundles with this result (default 1).") var count: String = "1"
    @Option(help: "Inspector's code.") var inspector: String?
    @Option(help: "Station name (default: $SAPU_STATION, else the host name).") var station: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let result = try qcResult()
        let actor = try context.actor(operatorCode: inspector, station: station)
        let store = try context.store()
        let inspected: [Bundle]
        if bundles.isEmpty {
            guard let batch, let maker else { throw .gradeRequired }
            let batchCode = try Code.normalise(batch, as: .batch)
            let makerCode = try Code.normalise(maker, as: .maker)
            guard let number = Int(count.trimmingSpaces()), number > 0, number <= 100_000 else {
                throw .invalidCount(count)
            }
            inspected = try store.inspect(batch: batchCode, maker: makerCode, result: result, count: number,
                                          actor: actor, at: context.now)
        } else {
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
