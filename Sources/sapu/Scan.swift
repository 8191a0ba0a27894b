import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

#if canImport(Glibc)
import Glibc
#endif

/// `sapu scan`: the warehouse clerk's scanning station.
struct Scan: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        abstract: Message.helpScan.helpText, discussion: Message.helpScanDiscussion.helpText) }

    @Option(help: Message.helpScanMode.help) var mode: String
    @Option(help: Message.helpScanShipment.help) var shipment: String?
    @Option(help: Message.helpOptionStation.help) var station: String?
    @Option(name: .customLong("operator"), help: Message.helpOptionOperator.help) var operatorCode: String?
    @Option(parsing: .upToNextOption, help: Message.helpScanImage.help) var image: [String] = []
    @OptionGroup var global: GlobalOptions

    /// Lines answered per transaction when a scanner's memory is piped in at once.
    static let chunkLimit = 500

    func execute(_ context: Context) throws(SapuError) {
        let scanMode = try context.word(mode, option: "--mode", as: ScanMode.self)
        let store = try context.store()
        let shipmentID = try shipment.map { (text) throws(SapuError) -> String in
            guard let id = ShipmentID(typed: text) else { throw .unknownShipment(text) }
            return id.description
        }
        let station = try ScanStation(store: store, keys: try KeyCommand.ring(context), mode: scanMode,
                                      shipment: shipmentID, actor: try context.actor(operatorCode: operatorCode, station: self.station),
                                      clock: { context.now })
        let printer = ScanPrinter(context: context, interactive: image.isEmpty && isatty(0) == 1,
                                  defects: DefectNames(try store.defects()))
        // Ctrl-C and SIGTERM end the session like Ctrl-D: what was answered is saved, the summary follows.
        let stopFD = StopSignal.install()
        printer.start(station)
        // Answers nobody sees as they come (stdout redirected) get a count at the terminal.
        let progress = TerminalProgress.watchingAnswers(context)
        defer { progress.end() }
        var unreadImages = 0
        if image.isEmpty {
            let reader = LineReader(stopFD: stopFD)
            printer.prompt(station)
            progress.begin(.applyingScans, total: nil)
            // A scan nobody can see answered is not read: the station stops with its output.
            while !Console.outputEnded, let chunk = reader.nextChunk(limit: printer.interactive ? 1 : Self.chunkLimit) {
                var lines: [String] = []
                for line in chunk {
                    guard let length = line.skippedLength else {
                        lines.append(line.text)
                        continue
                    }
                    // Only the start of an over-long line was kept: answer it in its place.
                    for report in station.process(lines) { printer.print(report, station: station) }
                    lines.removeAll()
                    printer.print(station.reject(line.text, reason: .scanTooLong(length)), station: station)
                }
                for report in station.process(lines) { printer.print(report, station: station) }
                progress.advance(by: chunk.count)
                printer.prompt(station)
            }
        } else {
            progress.begin(.readingImages, total: image.count)
            for file in image where !Console.outputEnded && StopSignal.signal == nil {
                defer { progress.advance() }
                let photo = PhotoScanning.scan(file: file, station: station)
                // A file that could not be read or held no code is answered on its own line; the next file is read.
                if !photo.read { unreadImages += 1 }
                for report in photo.reports { printer.print(report, station: station) }
            }
        }
        progress.end()
        if StopSignal.signal != nil { printer.interrupted() }
        printer.summary(station)
        // Every line was answered; still, a script must learn that some scans were not saved.
        if station.unsaved > 0 { throw .scansNotSaved(count: station.unsaved) }
        // Stopped by a signal: the conventional status (130 for Ctrl-C, 143 for SIGTERM). An
        // image that could not be read or held no code was answered on its own line; the
        // status tells a script that not every file was scanned, as `cat` does for a missing file.
        context.exitStatus = StopSignal.exitStatus ?? (unreadImages > 0 ? 1 : nil)
    }
}

/// Prints one line per scan: plain when piped, with colour and a bell at a terminal.
struct ScanPrinter {
    let context: Context
    let interactive: Bool
    /// For `check`: a failed bundle's defects by name.
    let defects: DefectNames

    /// At a terminal, the first line: the mode and how to end.
    func start(_ station: ScanStation) {
        guard interactive, !context.json else { return }
        Console.error(Message.scanStart(mode: station.mode, shipment: station.shipment).text(context.language))
    }

    func prompt(_ station: ScanStation) {
        guard interactive, !context.json else { return }
        // The shipment only where the mode uses it: pack and unpack.
        let shipment = [.pack, .unpack].contains(station.mode) ? station.shipment : nil
        Console.prompt(Message.scanPrompt(mode: station.mode, shipment: shipment).text(context.language))
    }

    /// After Ctrl-C or SIGTERM: on a line of its own (the terminal shows `^C` after the prompt).
    func interrupted() {
        Console.error((interactive ? "\n" : "") + Message.scanInterrupted.text(context.language))
    }

    func print(_ report: ScanStation.Report, station: ScanStation) {
        let lang = context.language
        if context.json {
            context.emit(ScanOutput(report, language: lang))
            return
        }
        let words = ScanAnswer.words(report, defects: defects, language: lang)
        let line = words.outcome.padding(toLength: 14, withPad: " ", startingAt: 0) + words.detail
        guard interactive else {
            Console.out(line.visible)
            return
        }
        switch ScanAnswer.tone(report) {
        case .ok: Console.styled(line, style: .good)
        case .repeated: Console.styled(line, style: .repeated)
        case .refused: Console.styled(line, style: .problem)
        }
    }

    func summary(_ station: ScanStation) {
        let counts = Dictionary(uniqueKeysWithValues: ScanOutcome.allCases.map { ($0.rawValue, station.counts[$0] ?? 0) })
        if context.json {
            context.emit(["summary": counts])
            return
        }
        let parts = ScanOutcome.allCases.compactMap { outcome -> String? in
            guard let count = station.counts[outcome], count > 0 else { return nil }
            return "\(Message.outcome(outcome).text(context.language)) \(count)"
        }
        context.say(.scanSummary(total: station.counts.values.reduce(0, +), parts: parts))
    }
}

struct ScanOutput: Encodable {
    var input: String
    var outcome: String
    var bundle: String?
    var state: String?
    var reason: String?
    var manual: Bool
    var mode: String?
    var shipment: String?
    /// After an accepted pack: how many bundles `shipment` holds now.
    var shipmentBundles: Int?
    var `operator`: String?

    init(_ report: ScanStation.Report, language: Language) {
        input = report.input
        outcome = report.result.outcome.rawValue
        bundle = report.result.bundle?.description
        state = report.result.state?.rawValue
        reason = report.result.reason?.message.text(language)
        manual = report.manual && report.result.bundle != nil
        switch report.control {
        case .mode(let mode): self.mode = mode.rawValue
        case .shipment(let id): shipment = id
        case .operatorCode(let code): `operator` = code
        case nil: break
        }
        if let packed = report.result.packed {
            shipment = packed.shipment
            shipmentBundles = packed.bundles
        }
    }
}
