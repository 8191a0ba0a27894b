import ArgumentParser
import Dispatch
import Foundation
import SapuApp
import SapuCore
import SapuLabels
import SapuStore
import Synchronization

/// `sapu label`: prints signed QR labels, lists templates, prints the clerk's command sheet.
struct LabelCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "label", abstract: Message.helpLabel.helpText,
        subcommands: [LabelPrint.self, LabelTemplatesCommand.self, LabelCommands.self],
        defaultSubcommand: LabelPrint.self) }
}

/// Output formats for labels.
enum LabelFormat: String, ExpressibleByArgument, OptionWord {
    case png, pdf, zpl

    var word: Message { Message(id: rawValue, en: rawValue) }

    init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }
}

struct LabelPrint: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "print", abstract: Message.helpLabelPrint.helpText, discussion: Message.helpLabelPrintDiscussion.helpText) }

    @Argument(help: Message.helpLabelBundles.help) var bundles: [String] = []
    @Option(help: Message.helpLabelBatch.help) var batch: String?
    @Option(help: Message.helpLabelTemplate.help) var template: String?
    @Option(help: Message.helpLabelFormat.help) var format: LabelFormat = .png
    @Option(help: Message.helpLabelOut.help) var out: String = "."
    @Option(help: Message.helpLabelSkip.help) var skip: Int = 0
    @Option(help: Message.helpOptionOperator.help) var inspector: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let store = try context.store()
        let chosen = try LabelTemplates.named(template ?? (format == .pdf ? "a4-3x8" : "thermal-50x30"),
                                              overrides: Templates.overrides)
        let renderer = try LabelRenderer(template: chosen)
        // Only a PDF sheet has positions to skip; refuse before anything is signed or written.
        let slots = format == .pdf ? chosen.slotsPerPage : 1
        if slots == 1 && skip != 0 { throw .skipNeedsSheet }
        guard (0..<slots).contains(skip) else { throw .skipOutOfRange(skip: skip, slots: slots) }
        let targets = try selectBundles(store)
        let signer = try SiteSigner.current(store: store)
        let products = Dictionary(uniqueKeysWithValues: try store.products().map { ($0.code, $0.name) })
        let defects = DefectNames(try store.defects())
        let output = try OutputDirectory(out)

        // Draw everything first with the revisions the labels will carry; record the
        // prints; only then put the files in place. A failure leaves no files behind.
        var drafts: [(Bundle, LabelPayload)] = []
        for bundle in targets {
            var printed = bundle
            printed.labelRevision = bundle.nextLabelRevision(keyID: signer.keyID)
            guard LabelPayload.revisions.contains(printed.labelRevision) else {
                throw .labelRevisionsUsedUp(bundle: bundle.id.description)
            }
            drafts.append((printed, try LabelPayload(
                keyID: signer.keyID, product: bundle.product, batch: bundle.batch, serial: bundle.id.serial,
                maker: bundle.maker, inspected: bundle.inspected, result: bundle.result, revision: printed.labelRevision)))
        }
        let payloads = drafts
        // Signing is the costly part of a face; it runs on every core.
        let signed = Mutex([String?](repeating: nil, count: payloads.count))
        DispatchQueue.concurrentPerform(iterations: payloads.count) { index in
            let text = LabelCodec.sign(payloads[index].1, with: signer)
            signed.withLock { $0[index] = text }
        }
        let texts = signed.withLock { $0 }
        let faces: [(Bundle, LabelFace)] = payloads.enumerated().map { index, item in
            (item.0, LabelText.face(texts[index] ?? "", bundle: item.0, productName: products[item.0.product] ?? item.0.product,
                                    defects: defects, language: context.language))
        }
        var files: [(name: String, bytes: [UInt8])] = []
        switch format {
        case .png:
            // pngs draws on every core, in order.
            for ((bundle, _), png) in zip(faces, try renderer.pngs(faces.map(\.1))) {
                files.append((bundle.id.description + ".png", png))
            }
        case .pdf:
            files.append((outputStem(targets, templateName: chosen.name) + ".pdf", try renderer.pdf(faces.map(\.1), skip: skip)))
        case .zpl:
            files.append((outputStem(targets, templateName: chosen.name) + ".zpl", Array(try renderer.zpl(faces.map(\.1)).utf8)))
        }
        let staged = try output.stage(files)
        let recorded: [Bundle]
        do throws(SapuError) {
            recorded = try store.recordLabelPrints(targets.map(\.id), keyID: signer.keyID,
                                                   actor: try context.actor(operatorCode: inspector, station: nil), at: context.now)
            guard recorded.map(\.labelRevision) == faces.map(\.0.labelRevision) else {
                throw SapuError.labelChangedWhilePrinting
            }
        } catch {
            output.discard(staged)
            throw error
        }
        let paths = try output.commit(staged)
        if context.json {
            context.emit(recorded.enumerated().map { index, bundle in
                LabelOutput(bundle: bundle.id.description, revision: bundle.labelRevision,
                            file: paths[format == .png ? index : 0], payload: faces[index].1.payload)
            })
            return
        }
        for path in paths { Console.out(path.visible) }
        context.say(.labelsPrinted(count: recorded.count, template: chosen.name, format: format.rawValue))
    }

    private func selectBundles(_ store: SQLiteStore) throws(SapuError) -> [Bundle] {
        if let batch {
            guard bundles.isEmpty else { throw .bundlesOrBatch }
            let code = try Code.normalise(batch, as: .batch)
            let all = try store.bundles(batch: code, state: nil)
            let printable = all.filter { Lifecycle.sources(of: .label).contains($0.state) }
            guard !printable.isEmpty else { throw .nothingToLabel(code) }
            return printable
        }
        guard !bundles.isEmpty else { throw .bundlesOrBatch }
        var selected: [Bundle] = []
        for text in bundles {
            let id = try BundleID.parse(typed: text)
            let bundle = try store.bundle(id)
            if case .failure(let refusal) = Lifecycle.apply(.label, to: bundle.facts) {
                throw .illegalMove(bundle: id.description, move: .label, state: bundle.state, reason: refusal)
            }
            if !selected.contains(where: { $0.id == id }) { selected.append(bundle) }
        }
        return selected
    }

    /// The file name stem, from canonical codes only: never from the text as it was typed.
    private func outputStem(_ bundles: [Bundle], templateName: String) -> String {
        if batch != nil { return "labels-" + bundles[0].batch + "-" + templateName }
        let first = bundles[0].id.description
        return bundles.count == 1 ? "label-" + first : "labels-\(first)-\(bundles.count)"
    }
}

struct LabelOutput: Encodable {
    var bundle: String
    var revision: Int
    var file: String
    /// The exact signed text in the QR code.
    var payload: String
}

/// `sapu label templates`: the templates in labels/.
struct LabelTemplatesCommand: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(commandName: "templates", abstract: Message.helpLabelTemplates.helpText) }
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let templates = try LabelTemplates.all(overrides: Templates.overrides)
        if context.json {
            context.emit(templates.map {
                TemplateOutput(name: $0.name, description: $0.description, kind: $0.kind.rawValue, dpi: $0.dpi,
                               widthMM: $0.label.widthMM, heightMM: $0.label.heightMM, qrVersion: $0.qr.version,
                               qrLevel: $0.qr.level.rawValue, moduleDots: $0.qr.moduleDots)
            })
            return
        }
        context.table([.columnName, .columnSize, .columnDPI, .columnQR, .columnDescription], templates.map {
            [$0.name, "\(Self.mm($0.label.widthMM))×\(Self.mm($0.label.heightMM)) mm", String($0.dpi),
             "v\($0.qr.version)-\($0.qr.level.rawValue) \($0.qr.moduleDots) dot", $0.description]
        })
    }

    static func mm(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

struct TemplateOutput: Encodable {
    var name, description, kind: String
    var dpi: Int
    var widthMM, heightMM: Double
    var qrVersion: Int
    var qrLevel: String
    var moduleDots: Int
}

/// Where label templates come from besides the built-in ones.
enum Templates {
    /// `$SAPU_LABELS`, else `./labels` when there is one: its files add to and override
    /// the templates built into the binary, so `sapu label` works wherever it is installed.
    static var overrides: String? {
        LabelTemplates.overrideDirectory(environment: ProcessInfo.processInfo.environment)
    }
}
