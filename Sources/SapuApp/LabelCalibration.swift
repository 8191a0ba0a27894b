import SapuCore
import SapuLabels
import SapuStore

/// Calibrating a printer for a template: the page to measure the shift on, and the shift
/// stored per template that every later label of it is printed with (docs/label-templates.md).
public enum LabelCalibration {
    /// The template and its stored shift (zero when none was stored).
    public struct Current: Sendable {
        public var template: String
        public var offset: LabelOffset
        /// Whether a shift was stored at all.
        public var stored: Bool
    }

    /// The shift stored for `name`; the template must exist.
    public static func current(template name: String, overrides: String?, store: SQLiteStore) throws(SapuError) -> Current {
        let template = try LabelTemplates.named(name, overrides: overrides)
        let stored = try store.labelOffset(template: template.name)
        return Current(template: template.name, offset: stored ?? .zero, stored: stored != nil)
    }

    /// Stores a new shift for `name`: a value not given keeps the stored one. A shift beyond
    /// ±`LabelOffset.limitMM` or one that would push any label's code or text off the
    /// printable part of its sticker is refused and nothing is stored.
    ///
    /// Returns the shift stored and how many labels of a page it does not move whole,
    /// because their content is kept out of the unprintable margin or on the label.
    public static func store(template name: String, overrides: String?, xMM: Double?, yMM: Double?,
                             store: SQLiteStore, now: Instant) throws(SapuError) -> (offset: LabelOffset, movedInward: Int) {
        let template = try LabelTemplates.named(name, overrides: overrides)
        // Both given: the stored shift is not read, so that one the database holds damaged
        // can be replaced.
        let before = xMM != nil && yMM != nil ? .zero : try store.labelOffset(template: template.name) ?? .zero
        let offset = try LabelOffset.checked(xMM: xMM ?? before.xMM, yMM: yMM ?? before.yMM)
        try template.check(offset)
        try store.setLabelOffset(offset, template: template.name, at: now)
        return (offset, template.labelsMovedInward(by: offset))
    }

    /// The shift a template's labels are printed with: the stored one, or none. A stored shift
    /// the template no longer leaves room for (it was changed since) is refused with the way
    /// out, never used.
    public static func offset(for template: LabelTemplate, store: SQLiteStore) throws(SapuError) -> LabelOffset {
        let offset = try store.labelOffset(template: template.name) ?? .zero
        do {
            try template.check(offset)
        } catch {
            if case .labelOffsetTooLarge = error {
                throw .storedLabelOffsetDoesNotFit(template: template.name, xMM: offset.xMM, yMM: offset.yMM)
            }
            throw error
        }
        return offset
    }

    /// What `writePage` wrote.
    public struct Page: Sendable {
        public var file: String
        public var current: Current
        /// The instructions, also printed on the page of a sheet template.
        public var instructions: [Message]
    }

    /// Writes `calibrate-<template>.pdf` in `directory`, drawn with the stored shift.
    public static func writePage(template name: String, overrides: String?, directory: String, language: Language,
                                 store: SQLiteStore) throws(SapuError) -> Page {
        let template = try LabelTemplates.named(name, overrides: overrides)
        let current = try current(template: name, overrides: overrides, store: store)
        let renderer = try LabelRenderer(template: template, offset: try offset(for: template, store: store))
        let instructions = Message.calibrationInstructions(template: template.name, offset: current.offset)
        // A roll label is too small for the instructions; they are on the screen instead.
        let lines = template.sheet == nil ? [Message.calibrationSeeTerminal] : instructions
        let page = CalibrationPage(
            title: Message.calibrationTitle(template: template.name, offset: current.offset).text(language),
            instructions: lines.map { $0.text(language) })
        let output = try OutputDirectory(directory)
        let staged = try output.stage([("calibrate-" + template.name + ".pdf", try renderer.calibrationPDF(page))])
        let paths = try output.commit(staged)
        return Page(file: paths[0], current: current, instructions: instructions)
    }
}
