import Foundation
import Hummingbird
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

/// Labels: written into a new job folder under `<files>/labels/` and downloaded from there,
/// or sent to a CUPS queue, by the same workflow as `sapu label` (`LabelPrinting`).
extension WebServer {
    func addLabelRoutes(to router: Router<WebContext>) {
        router.get("/labels") { request, context in
            let typed = LabelForm(bundles: request.uri.queryParameters["bundles"].map(String.init) ?? "",
                                  batch: request.uri.queryParameters["batch"].map(String.init))
            return try await self.labelsPage(context, typed: typed)
        }
        router.post("/labels") { _, context in
            let typed = LabelForm(context.form)
            do {
                let made = try await self.makeLabels(context)
                let language = context.language
                return try await self.labelsPage(context, typed: typed, made: made,
                                                 notice: made.summary.map { $0.text(language) }.joined(separator: " "))
            } catch let error as SapuError {
                return try await self.labelsPage(context, typed: typed, error: error)
            }
        }
        router.get("/labels/{job}/{file}") { _, context in
            let job = context.parameters.get("job") ?? "", file = context.parameters.get("file") ?? ""
            guard Downloads.isSafe(job) else { throw SapuError.downloadMissing(file) }
            let folder = self.labelJobs + "/" + job
            let bytes = try await Blocking.run { () throws(SapuError) in try Downloads.read(file, in: folder) }
            return Reply.download(bytes, name: file, type: Downloads.contentType(file))
        }
        router.post("/api/v1/labels") { _, context in
            do {
                let made = try await self.makeLabels(context)
                return Reply.json(made.outcome.written.enumerated().map { index, written in
                    LabelOutput(written, file: made.file(of: index), printer: made.outcome.printer, job: made.outcome.job)
                }, status: .created)
            } catch let error as SapuError {
                return Reply.json(["error": error.deskMessage.text(context.language)], status: error.httpStatus)
            }
        }
    }

    /// Where label jobs are written, one folder each.
    var labelJobs: String { files + "/labels" }

    /// What one run made, and where its files can be downloaded.
    struct MadeLabels: Sendable {
        var outcome: LabelPrinting.Outcome
        var job: String
        var summary: [Message]

        /// The download address of each file, in order.
        var downloads: [(name: String, href: String)] {
            outcome.files.map { path in
                let name = (path as NSString).lastPathComponent
                return (name, "/labels/\(job)/\(name)")
            }
        }

        /// The download address of the written label at `index`.
        func file(of index: Int) -> String? {
            guard let path = outcome.written[index].file else { return nil }
            return "/labels/\(job)/" + (path as NSString).lastPathComponent
        }
    }

    private func makeLabels(_ context: WebContext) async throws(SapuError) -> MadeLabels {
        let form = context.form
        let again = DeskForm.ticked(form["again"])
        let selection = try LabelPrinting.Selection(typedBundles: DeskForm.ids(form.all("bundles")), batch: form["batch"])
        let formatText = form["format"] ?? LabelPrinting.Format.png.rawValue
        guard let format = LabelPrinting.Format(rawValue: formatText.lowercased()) else {
            throw .unknownOptionWord(option: Message.webLabelsFormat.text(context.language), value: formatText,
                                     words: LabelPrinting.Format.allCases.map { Message(id: $0.rawValue, en: $0.rawValue) })
        }
        let printer = form["printer"].map { LabelPrinting.Printer(queue: $0, language: nil) }
        let job = Self.newJobID()
        let request = LabelPrinting.Request(
            selection: selection, again: again, template: form["template"],
            templateOverrides: LabelTemplates.overrideDirectory(environment: ProcessInfo.processInfo.environment),
            format: format, skip: 0, directory: labelJobs + "/" + job, language: context.language,
            actor: try context.actor, now: now, printer: printer)
        let store = self.store, folder = labelJobs + "/" + job
        let outcome = try await Blocking.run { () throws(SapuError) in
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw .fileUnwritable(path: "labels")
            }
            do throws(SapuError) {
                let outcome = try LabelPrinting.run(request, store: store)
                if outcome.files.isEmpty { try? FileManager.default.removeItem(atPath: folder) }
                return outcome
            } catch {
                // Nothing was written: no empty job folder stays behind.
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
        }
        var summary = Self.webSummary(outcome, selection: selection, again: again)
        if outcome.sheetChosenForPDF { summary.insert(Message.webLabelsSheetChosen(template: outcome.template), at: 0) }
        return MadeLabels(outcome: outcome, job: job, summary: summary)
    }

    /// The outcome's summary, with the CLI's hints (which name its options) in the page's words.
    private static func webSummary(_ outcome: LabelPrinting.Outcome, selection: LabelPrinting.Selection, again: Bool) -> [Message] {
        outcome.summary(selection, again: again).map { line in
            guard case .batch(let code) = selection else { return line }
            let skipped = outcome.skipped.count
            if line == .labelsAllCurrent(count: skipped, batch: code) { return .webLabelsAllCurrent(count: skipped, batch: code) }
            if line == .labelsSkippedCurrent(count: skipped, batch: code) { return .webLabelsSkippedCurrent(count: skipped) }
            if line == .labelsSkippedNotCurrent(count: skipped, batch: code) { return .webLabelsSkippedNotCurrent(count: skipped) }
            return line
        }
    }

    /// A random folder name: nobody can guess another inspector's job.
    static func newJobID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(generator.next(upperBound: UInt8(16)), radix: 16) }.joined()
    }

    private func labelsPage(_ context: WebContext, typed: LabelForm, made: MadeLabels? = nil, notice: String? = nil,
                            error: SapuError? = nil) async throws(SapuError) -> Response {
        let store = self.store, today = now.date
        let choices = try await Blocking.run { () throws(SapuError) in
            try LabelChoices.read(batches: try InspectionDesk.recentBatches(today: today, store: store))
        }
        let language = context.language
        let files = made?.downloads ?? []
        let model: [String: Any] = [
            "hasFiles": !files.isEmpty, "filesHeading": Message.webLabelsFiles.text(language),
            "files": files.map { ["name": $0.name, "href": $0.href] },
            "labelForm": try labelForm(context, choices: choices, typed: typed),
        ]
        return page(Page("labels", title: .webLabelsTitle, body: try PageTemplate.labels.render(model),
                         status: error?.httpStatus ?? .ok, error: error.map { $0.deskMessage.text(language) },
                         notice: notice), context)
    }

    /// The label form, with what was typed kept.
    func labelForm(_ context: WebContext, choices: LabelChoices, typed: LabelForm) throws(SapuError) -> String {
        let language = context.language
        return try PageTemplate.labelForm.render([
            "csrf": context.session?.formToken ?? "",
            "bundlesLabel": Message.webLabelsBundles.text(language), "bundles": typed.bundles,
            "batchLabel": Message.webLabelsBatch.text(language), "noBatch": Message.webLabelsNoBatch.text(language),
            "batches": choices.batches.map { batch in
                ["code": batch.code, "text": "\(batch.code) · \(batch.product) · \(batch.date.iso)",
                 "selected": batch.code == typed.batch?.uppercased()] as [String: Any]
            },
            "templateLabel": Message.webLabelsTemplate.text(language), "usualTemplate": Message.webLabelsUsualTemplate.text(language),
            "templates": choices.templates.map { template in
                ["name": template.name, "description": Message.templateDescription(template.description).text(language),
                 "selected": template.name == typed.template] as [String: Any]
            },
            "formatLabel": Message.webLabelsFormat.text(language),
            "formats": LabelPrinting.Format.allCases.map { format in
                ["value": format.rawValue, "text": format.rawValue.uppercased(), "selected": format.rawValue == typed.format] as [String: Any]
            },
            "hasPrinters": !choices.printers.isEmpty, "printerLabel": Message.webLabelsPrinter.text(language),
            "noPrinter": Message.webLabelsNoPrinter.text(language), "printerHint": Message.webLabelsPrinterHint.text(language),
            "printers": choices.printers.map { ["name": $0, "selected": $0 == typed.printer] as [String: Any] },
            "againLabel": Message.webLabelsAgain.text(language), "again": typed.again,
            "button": Message.webLabelsButton.text(language),
        ] as [String: Any])
    }
}

/// What the label form offers: batches, templates, and the CUPS queues when there are any.
struct LabelChoices: Sendable {
    var batches: [Batch]
    var templates: [LabelTemplate]
    var printers: [String]

    static func read(batches: [Batch]) throws(SapuError) -> LabelChoices {
        let templates = try LabelTemplates.all(overrides: LabelTemplates.overrideDirectory(environment: ProcessInfo.processInfo.environment))
        // No CUPS, or none running: the form writes files only.
        let printers = ((try? CUPSQueue.all()) ?? []).map(\.name)
        return LabelChoices(batches: batches, templates: templates, printers: printers)
    }
}

/// The label form's fields as typed.
struct LabelForm {
    var bundles = ""
    var batch: String?
    var template: String?
    var format = LabelPrinting.Format.png.rawValue
    var printer: String?
    var again = false

    init(bundles: String = "", batch: String? = nil) {
        self.bundles = bundles
        self.batch = batch
    }

    init(_ form: Form) {
        bundles = form.all("bundles").joined(separator: "\n")
        batch = form["batch"]
        template = form["template"]
        format = form["format"]?.lowercased() ?? format
        printer = form["printer"]
        again = DeskForm.ticked(form["again"])
    }
}
