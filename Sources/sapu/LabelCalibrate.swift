import ArgumentParser
import Foundation
import SapuApp
import SapuCore

/// `sapu label calibrate`: the page to measure a printer's shift on, and the shift stored per template.
struct LabelCalibrate: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "calibrate", abstract: Message.helpLabelCalibrate.helpText,
        discussion: Message.helpLabelCalibrateDiscussion.helpText) }

    @Option(help: Message.helpLabelCalibrateTemplate.help) var template: String
    // Unconditional, so that a negative shift (`--offset-x -1.5`) is read as the value.
    @Option(name: .customLong("offset-x"), parsing: .unconditional, help: Message.helpLabelCalibrateOffsetX.help)
    var offsetX: String?
    @Option(name: .customLong("offset-y"), parsing: .unconditional, help: Message.helpLabelCalibrateOffsetY.help)
    var offsetY: String?
    @Flag(help: Message.helpLabelCalibrateShow.help) var show = false
    @Option(help: Message.helpLabelCalibrateOut.help) var out: String = "."
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let x = try Self.millimetres(offsetX, option: "--offset-x")
        let y = try Self.millimetres(offsetY, option: "--offset-y")
        let store = try context.store()
        if x != nil || y != nil {
            let (offset, inward) = try LabelCalibration.store(template: template, overrides: Templates.overrides,
                                                              xMM: x, yMM: y, store: store, now: context.now)
            if context.json {
                context.emit(OffsetOutput(template: template, xMM: offset.xMM, yMM: offset.yMM, stored: true, file: nil,
                                          movedInward: inward))
            } else {
                context.say(.labelOffsetStored(template: template, offset: offset))
                if inward > 0 { context.say(.labelOffsetMovedInward(count: inward)) }
            }
            return
        }
        if show {
            let current = try LabelCalibration.current(template: template, overrides: Templates.overrides, store: store)
            if context.json {
                context.emit(OffsetOutput(template: current.template, xMM: current.offset.xMM, yMM: current.offset.yMM,
                                          stored: current.stored, file: nil))
            } else {
                context.say(.labelOffsetShown(template: current.template, offset: current.stored ? current.offset : nil))
            }
            return
        }
        let page = try LabelCalibration.writePage(template: template, overrides: Templates.overrides, directory: out,
                                                  language: context.language, store: store)
        context.noteSaved()
        if context.json {
            context.emit(OffsetOutput(template: page.current.template, xMM: page.current.offset.xMM,
                                      yMM: page.current.offset.yMM, stored: page.current.stored, file: page.file))
            return
        }
        Console.out(page.file.visible)
        context.say(.calibrationPageWritten(template: page.current.template))
        context.say(.calibrationTitle(template: page.current.template, offset: page.current.offset))
        for line in page.instructions { context.say(line) }
    }

    /// A number of millimetres as typed, with a decimal point or, as Indonesian writes it, a comma.
    static func millimetres(_ text: String?, option: String) throws(SapuError) -> Double? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !trimmed.isEmpty, trimmed.count <= 32,
              trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(trimmed), value.isFinite else {
            throw .labelOffsetNotANumber(option: option, value: String(text.prefix(40)))
        }
        return value
    }
}

struct OffsetOutput: Encodable {
    var template: String
    var xMM: Double
    var yMM: Double
    /// Whether a shift is stored for the template (else it prints unshifted).
    var stored: Bool
    /// The calibration page written, if any.
    var file: String?
    /// When a shift is stored: labels of a page it does not move whole (kept out of the
    /// unprintable margin, or on the label).
    var movedInward: Int?
}
