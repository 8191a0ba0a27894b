import Dispatch
import Foundation
import SapuCore
import SapuLabels
import SapuStore
import Synchronization

/// Writing label files for bundles: by bundle or by batch, first labels or, deliberately,
/// the current labels again.
///
/// Without `again`, only bundles without a current label get one (their first, or a new
/// revision after a re-inspection); with `again`, only bundles that have one get it written
/// again (same revision and signed text, a `reprint` event). A batch passes over the other
/// kind and says how many; named bundles of the other kind refuse the whole run. The files
/// appear all together or not at all, and only with the prints recorded (docs/database.md).
///
/// Sent to a printer instead (`printer`), the labels make one CUPS job, and the prints are
/// recorded only if CUPS accepted it (docs/printing.md).
public enum LabelPrinting {
    /// What kind of files the labels are written as.
    public enum Format: String, Sendable, CaseIterable {
        /// One PNG per label at the template's printer resolution.
        case png
        /// One PDF: an A4 sticker sheet, or one page per label for a thermal template.
        case pdf
        /// One ZPL file for a thermal printer.
        case zpl
        /// One TSPL file for a TSC or Xprinter-class thermal printer.
        case tspl

        /// The same kind of document as a printer language.
        init(_ language: LabelTemplate.PrinterLanguage) {
            switch language {
            case .zpl: self = .zpl
            case .tspl: self = .tspl
            case .pdf: self = .pdf
            case .png: self = .png
            }
        }

        /// ZPL and TSPL: commands for a thermal printer, which a sheet of stickers has none of.
        var isThermalOnly: Bool { self == .zpl || self == .tspl }
    }

    /// A CUPS queue to send the labels to instead of writing files.
    public struct Printer: Sendable {
        /// The CUPS queue's name.
        public var queue: String
        /// The job's language; nil for the template's (`printerLanguage`, else ZPL for
        /// thermal templates and PDF for sheets).
        public var language: LabelTemplate.PrinterLanguage?

        public init(queue: String, language: LabelTemplate.PrinterLanguage?) {
            self.queue = queue
            self.language = language
        }
    }

    /// Which bundles to label.
    public enum Selection: Sendable, Equatable {
        case bundles([BundleID])
        case batch(String)
    }

    public struct Request: Sendable {
        public var selection: Selection
        /// Write the current labels again instead of labels that are due.
        public var again: Bool
        /// A template name; nil for the format's usual one (`a4-3x8` for PDF, else `thermal-50x30`).
        public var template: String?
        /// A directory whose templates add to and override the built-in ones.
        public var templateOverrides: String?
        public var format: Format
        /// Label positions left empty on a partly used PDF sheet.
        public var skip: Int
        public var directory: String
        /// The language of the text beside the codes.
        public var language: Language
        public var actor: Actor
        public var now: Instant
        /// Where to print instead of writing files to `directory`; `format` is then not used.
        public var printer: Printer?

        public init(selection: Selection, again: Bool, template: String?, templateOverrides: String?, format: Format,
                    skip: Int, directory: String, language: Language, actor: Actor, now: Instant, printer: Printer? = nil) {
            self.selection = selection
            self.again = again
            self.template = template
            self.templateOverrides = templateOverrides
            self.format = format
            self.skip = skip
            self.directory = directory
            self.language = language
            self.actor = actor
            self.now = now
            self.printer = printer
        }
    }

    /// One label written.
    public struct Written: Sendable {
        /// The bundle with the revision written.
        public var bundle: SapuCore.Bundle
        /// The current label written again with its revision unchanged (`reprint`).
        public var sameRevision: Bool
        /// The file that holds it; nil when it was printed.
        public var file: String?
        /// The exact signed text in its QR code.
        public var payload: String
    }

    public struct Outcome: Sendable {
        public var written: [Written]
        /// The files, in the order they were written.
        public var files: [String]
        /// The template used.
        public var template: String
        /// True when no template was asked for and `pdf` made it the A4 sheet `a4-3x8`.
        public var sheetChosenForPDF: Bool
        /// What the labels were made as: the file format, or the printer job's language.
        public var format: Format
        /// The CUPS queue and the id CUPS gave the job, when printed.
        public var printer: String?
        public var job: String?
        /// Bundles of the batch passed over: with a current label (without `again`) or
        /// without one (with `again`).
        public var skipped: [BundleID]
    }

    /// - Parameter progress: told each label signed, drawn and written; ended before this returns.
    public static func run(_ request: Request, store: SQLiteStore, progress: WorkProgress = .silent) throws(SapuError) -> Outcome {
        defer { progress.end() }
        // Files in PDF without a template are an A4 sheet; everything else (a printer job
        // too, whatever its language) a thermal label. The command says which it took.
        let sheetChosenForPDF = request.template == nil && request.printer == nil && request.format == .pdf
        let template = try LabelTemplates.named(request.template ?? (sheetChosenForPDF ? "a4-3x8" : "thermal-50x30"),
                                                overrides: request.templateOverrides)
        let format = request.printer.map { Format($0.language ?? template.usualPrinterLanguage) } ?? request.format
        if template.kind == .sheet && format.isThermalOnly {
            throw .languageNeedsThermal(template: template.name, language: format.rawValue.uppercased())
        }
        let renderer = try LabelRenderer(template: template,
                                         offset: try LabelCalibration.offset(for: template, store: store))
        // Only a PDF sheet has positions to skip; refuse before anything is signed or written.
        let slots = format == .pdf ? template.slotsPerPage : 1
        if slots == 1 && request.skip != 0 { throw .skipNeedsSheet }
        guard (0..<slots).contains(request.skip) else { throw .skipOutOfRange(skip: request.skip, slots: slots) }
        let (targets, skipped) = try select(request.selection, again: request.again, store: store)
        guard !targets.isEmpty else {
            return Outcome(written: [], files: [], template: template.name, sheetChosenForPDF: sheetChosenForPDF,
                           format: format, printer: nil, job: nil, skipped: skipped)
        }
        // A queue that cannot print now refuses the run before anything is signed.
        if let printer = request.printer { _ = try CUPSQueue.ready(named: printer.queue) }
        let signer = try SiteSigner.current(store: store)
        let products = Dictionary(uniqueKeysWithValues: try store.products().map { ($0.code, $0) })
        let site = try store.site()
        let defects = DefectNames(try store.defects())
        // An output folder that cannot be written refuses the run before anything is signed.
        let folder = request.printer == nil ? try OutputDirectory(request.directory) : nil

        // Draw everything first with the revisions the labels will carry; record the
        // prints; only then put the files in place. A failure leaves no files behind.
        var drafts: [(SapuCore.Bundle, LabelPayload)] = []
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
        progress.begin(.signingLabels, total: payloads.count)
        DispatchQueue.concurrentPerform(iterations: payloads.count) { index in
            let text = LabelCodec.sign(payloads[index].1, with: signer)
            signed.withLock { $0[index] = text }
            progress.advance()
        }
        let texts = signed.withLock { $0 }
        let faces: [(SapuCore.Bundle, LabelFace)] = payloads.enumerated().map { index, item in
            (item.0, LabelText.face(texts[index] ?? "", bundle: item.0,
                                    productName: products[item.0.product]?.name ?? item.0.product,
                                    bundleSize: products[item.0.product]?.bundleSize, site: site,
                                    defects: defects, language: request.language))
        }
        var files: [(name: String, bytes: [UInt8])] = []
        progress.begin(.drawingLabels, total: faces.count)
        let stem = outputStem(request.selection, targets, template: template.name)
        switch format {
        case .png:
            // pngs draws on every core, in order.
            for ((bundle, _), png) in zip(faces, try renderer.pngs(faces.map(\.1), progress: progress)) {
                files.append((bundle.id.description + ".png", png))
            }
        case .pdf:
            files.append((stem + ".pdf", try renderer.pdf(faces.map(\.1), skip: request.skip, progress: progress)))
        case .zpl:
            files.append((stem + ".zpl", Array(try renderer.zpl(faces.map(\.1), progress: progress).utf8)))
        case .tspl:
            files.append((stem + ".tspl", try renderer.tspl(faces.map(\.1), progress: progress)))
        }
        // Another process may have labelled a bundle since the faces were drawn: then the
        // revisions differ, and nothing is recorded, written or printed.
        let drawn = faces.map(\.0.labelRevision)
        func unchanged(_ recorded: [SapuCore.Bundle]) throws(SapuError) {
            guard recorded.map(\.labelRevision) == drawn else { throw .labelChangedWhilePrinting }
        }
        func written(_ recorded: [SapuCore.Bundle], files paths: [String]) -> [Written] {
            recorded.enumerated().map { index, bundle in
                Written(bundle: bundle, sameRevision: request.again && bundle.labelRevision == targets[index].labelRevision,
                        file: paths.isEmpty ? nil : paths[format == .png ? index : 0], payload: faces[index].1.payload)
            }
        }

        if let printer = request.printer {
            let job = try PrintJob(files)
            defer { job.remove() }
            // The job is handed to CUPS inside the transaction that records the prints, as its
            // last step: a refused job rolls the records back. A process killed after CUPS took
            // the job but before the commit leaves printed labels unrecorded; the next run
            // prints the same revisions with the same signed text (Ed25519 signatures are
            // deterministic), so what is stuck on the bundles never disagrees with the database.
            var id = ""
            let recorded = try store.recordLabelPrints(targets.map(\.id), again: request.again, keyID: signer.keyID,
                                                       actor: request.actor, at: request.now) { recorded throws(SapuError) in
                try unchanged(recorded)
                id = try CUPSQueue.submit(job.paths, to: printer.queue, raw: format.isThermalOnly, title: stem)
            }
            return Outcome(written: written(recorded, files: []), files: [], template: template.name,
                           sheetChosenForPDF: false, format: format, printer: printer.queue, job: id, skipped: skipped)
        }

        let output: OutputDirectory
        if let folder { output = folder } else { output = try OutputDirectory(request.directory) }
        progress.begin(.writingFiles, total: files.count)
        let staged = try output.stage(files, progress: progress)
        let recorded: [SapuCore.Bundle]
        do throws(SapuError) {
            recorded = try store.recordLabelPrints(targets.map(\.id), again: request.again, keyID: signer.keyID,
                                                   actor: request.actor, at: request.now, beforeCommit: unchanged)
        } catch {
            output.discard(staged)
            throw error
        }
        let paths = try output.commit(staged)
        return Outcome(written: written(recorded, files: paths), files: paths, template: template.name,
                       sheetChosenForPDF: sheetChosenForPDF, format: format, printer: nil, job: nil, skipped: skipped)
    }

    /// The bundles to label, and those of a batch passed over.
    private static func select(_ selection: Selection, again: Bool, store: SQLiteStore) throws(SapuError)
        -> (targets: [SapuCore.Bundle], skipped: [BundleID]) {
        switch selection {
        case .batch(let code):
            let printable = try store.bundles(batch: code, state: nil).filter { Lifecycle.sources(of: .label).contains($0.state) }
            guard !printable.isEmpty else { throw .nothingToLabel(code) }
            let targets = printable.filter { $0.facts.labelled == again }
            if again && targets.isEmpty { throw .batchNothingToReprint(code) }
            return (targets, printable.filter { $0.facts.labelled != again }.map(\.id))
        case .bundles(let ids):
            guard !ids.isEmpty else { throw .bundlesOrBatch }
            var selected: [SapuCore.Bundle] = []
            var seen: Set<BundleID> = []
            for id in ids where seen.insert(id).inserted {
                let bundle = try store.bundle(id)
                if case .failure(let refusal) = Lifecycle.apply(.label, to: bundle.facts) {
                    throw .illegalMove(bundle: id.description, move: again ? .reprint : .label, state: bundle.state,
                                       reason: refusal)
                }
                selected.append(bundle)
            }
            let mismatched = selected.filter { $0.facts.labelled != again }.map(\.id.description)
            if !mismatched.isEmpty { throw again ? .nothingToReprint(mismatched) : .labelAlreadyCurrent(mismatched) }
            return (selected, [])
        }
    }

    /// The file name stem, from canonical codes only: never from the text as it was typed.
    private static func outputStem(_ selection: Selection, _ bundles: [SapuCore.Bundle], template: String) -> String {
        if case .batch(let code) = selection { return "labels-" + code + "-" + template }
        let first = bundles[0].id.description
        return bundles.count == 1 ? "label-" + first : "labels-\(first)-\(bundles.count)"
    }
}
