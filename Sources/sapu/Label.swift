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
        subcommands: [LabelPrint.self, LabelTemplatesCommand.self, LabelCommands.self, LabelCalibrate.self],
        defaultSubcommand: LabelPrint.self) }
}

/// Output formats for labels.
enum LabelFormat: String, ExpressibleByArgument, OptionWord {
    case png, pdf, zpl, tspl

    var word: Message { Message(id: rawValue, en: rawValue) }

    init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }

    var printing: LabelPrinting.Format {
        switch self {
        case .png: .png
        case .pdf: .pdf
        case .zpl: .zpl
        case .tspl: .tspl
        }
    }
}

/// What a print job is made of (`--language`).
enum PrintLanguage: String, ExpressibleByArgument, OptionWord {
    case zpl, tspl, pdf, png

    var word: Message { Message(id: rawValue, en: rawValue) }

    init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }

    var printing: LabelTemplate.PrinterLanguage {
        switch self {
        case .zpl: .zpl
        case .tspl: .tspl
        case .pdf: .pdf
        case .png: .png
        }
    }
}

struct LabelPrint: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "print", abstract: Message.helpLabelPrint.helpText, discussion: Message.helpLabelPrintDiscussion.helpText) }

    @Argument(help: Message.helpLabelBundles.help) var bundles: [String] = []
    @Option(help: Message.helpLabelBatch.help) var batch: String?
    @Option(help: Message.helpLabelTemplate.help) var template: String?
    @Option(help: Message.helpLabelFormat.help) var format: LabelFormat?
    @Option(help: Message.helpLabelOut.help) var out: String?
    @Option(help: Message.helpLabelPrinter.help) var printer: String?
    @Option(help: Message.helpLabelLanguage.help) var language: PrintLanguage?
    @Option(help: Message.helpLabelSkip.help) var skip: Int = 0
    @Option(help: Message.helpOptionOperator.help) var inspector: String?
    @Flag(help: Message.helpLabelAgain.help) var again = false
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let selection = try LabelPrinting.Selection(typedBundles: bundles, batch: batch)
        let destination = try printerJob()
        let store = try context.store()
        let outcome = try LabelPrinting.run(.init(
            selection: selection, again: again, template: template, templateOverrides: Templates.overrides,
            format: (format ?? .png).printing, skip: skip, directory: out ?? ".", language: context.language,
            actor: try context.actor(operatorCode: inspector, station: nil, as: .inspector), now: context.now,
            printer: destination), store: store, progress: TerminalProgress.watching(context))
        if outcome.sheetChosenForPDF { Console.error(Message.labelsSheetChosen(template: outcome.template).text(context.language)) }
        if context.json {
            context.emit(outcome.written.map { LabelOutput($0, file: $0.file, printer: outcome.printer, job: outcome.job) })
            return
        }
        for path in outcome.files { Console.out(path.visible) }
        for line in outcome.summary(selection, again: again) { context.say(line) }
    }

    /// The CUPS queue to print to: `--printer`, else `$SAPU_PRINTER` unless `--out` or
    /// `--format` asks for files; nil to write files.
    func printerJob() throws(SapuError) -> LabelPrinting.Printer? {
        if let printer {
            if format != nil { throw .filesOptionWithPrinter(option: "--format") }
            if out != nil { throw .filesOptionWithPrinter(option: "--out") }
            return LabelPrinting.Printer(queue: printer, language: language?.printing)
        }
        if out == nil, format == nil, let queue = ProcessInfo.processInfo.environment["SAPU_PRINTER"], !queue.isEmpty {
            return LabelPrinting.Printer(queue: queue, language: language?.printing)
        }
        if language != nil { throw .printerLanguageWithoutPrinter }
        return nil
    }
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
                               qrLevel: $0.qr.level.rawValue, qrLevelPass: $0.passedLevel?.rawValue,
                               qrLevelFail: $0.failedLevel?.rawValue, moduleDots: $0.qr.moduleDots,
                               printerLanguage: $0.usualPrinterLanguage.rawValue)
            })
            return
        }
        context.table([.columnName, .columnSize, .columnDPI, .columnQR, .columnQRLevelPass, .columnQRLevelFail,
                       .columnPrinterLanguage, .columnDescription], templates.map {
            [$0.name, "\(Self.mm($0.label.widthMM, context.language))×\(Self.mm($0.label.heightMM, context.language)) mm",
             String($0.dpi),
             "v\($0.qr.version) \($0.qr.moduleDots) dot",
             // A dash: a typical label does not fit the template at all and would be refused.
             $0.passedLevel?.rawValue ?? "-", $0.failedLevel?.rawValue ?? "-",
             // What `--printer` sends its queue when no `--language` is given.
             $0.usualPrinterLanguage.rawValue,
             Message.templateDescription($0.description).text(context.language)]
        })
    }

    /// `63.5`, or `63,5` in Indonesian, as every number with a decimal is written there.
    static func mm(_ value: Double, _ language: Language) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(value)
        return language == .id ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

struct TemplateOutput: Encodable {
    var name, description, kind: String
    var dpi: Int
    var widthMM, heightMM: Double
    var qrVersion: Int
    /// The lowest level a label is encoded at (the template's `qr.level`).
    var qrLevel: String
    /// The level a typical passed / failed bundle's label gets; absent if it does not fit.
    var qrLevelPass, qrLevelFail: String?
    var moduleDots: Int
    /// What `--printer` sends the template's queue when no `--language` is given
    /// (`zpl`, `tspl`, `pdf` or `png`).
    var printerLanguage: String
}

/// Where label templates come from besides the built-in ones.
enum Templates {
    /// `$SAPU_LABELS`, else `./labels` when there is one: its files add to and override
    /// the templates built into the binary, so `sapu label` works wherever it is installed.
    static var overrides: String? {
        LabelTemplates.overrideDirectory(environment: ProcessInfo.processInfo.environment)
    }
}
