import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

/// `sapu label commands`: a sheet of control QR codes so the clerk need not touch the keyboard.
struct LabelCommands: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "commands", abstract: Message.helpLabelCommands.helpText,
        discussion: Message.helpLabelCommandsDiscussion.helpText) }

    @Option(parsing: .upToNextOption, help: Message.helpLabelCommandsShipment.help) var shipment: [String] = []
    @Option(name: .customLong("operator"), parsing: .upToNextOption, help: Message.helpLabelCommandsOperator.help)
    var operators: [String] = []
    @Option(help: Message.helpLabelCommandsTemplate.help) var template: String = "a4-3x8"
    @Option(help: Message.helpLabelCommandsOut.help) var out: String = "."
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let sheet = try LabelTemplates.named(template, overrides: Templates.overrides)
        let store = try context.store()
        let renderer = try LabelRenderer(template: sheet, offset: try LabelCalibration.offset(for: sheet, store: store))
        let key = try store.controlKey()
        // No code for a destructive mode: a station refuses it anyway (docs/scanning.md).
        var controls: [ControlCode] = ScanMode.allCases.filter { !$0.isDestructive }.map { .mode($0) }
        for text in shipment {
            guard let id = ShipmentID(typed: text) else { throw .unknownShipment(text) }
            controls.append(.shipment(id.description))
        }
        for code in operators { controls.append(.operatorCode(try Code.normalise(code, as: .operator))) }
        let lang = context.language
        let faces = controls.map { control in
            LabelFace(payload: key.payload(control), title: Message.commandSheetTitle.text(lang),
                      bundleID: Message.controlHeadline(control).text(lang),
                      lines: [Message.controlSubtitle(control).text(lang)], result: "", defects: nil, failed: false,
                      symbol: .smallest)
        }
        let note = SheetNote(title: Message.commandSheetNoteTitle.text(lang),
                             lines: Message.commandSheetInstructions.map { $0.text(lang) })
        let output = try OutputDirectory(out)
        let staged = try output.stage([("sapu-commands.pdf", try renderer.pdf(faces, skip: 0, note: note))])
        let paths = try output.commit(staged)
        context.noteSaved()
        if context.json {
            context.emit(controls.map { ["payload": key.payload($0), "file": paths[0]] })
        } else {
            Console.out(paths[0].visible)
            context.say(.commandSheetWritten(count: controls.count))
        }
    }
}
