import CCairo
import SapuCore

/// The words on a calibration page, already in the user's language.
public struct CalibrationPage: Sendable, Equatable {
    /// The first line, e.g. "Kalibrasi templat a4-3x8 · geseran sekarang x 0 mm, y 0 mm".
    public var title: String
    /// What to measure and which command to run, one sentence a line.
    public var instructions: [String]

    public init(title: String, instructions: [String]) {
        self.title = title
        self.instructions = instructions
    }
}

extension LabelRenderer {
    /// A page for measuring how far a printer misplaces this template's labels.
    ///
    /// It has the page size of a sheet (or of one label for a roll template) and shows each
    /// label's outline with millimetre ticks from its top left corner, a millimetre ruler
    /// along the top and the left of the printable area numbered from the page's edges, and
    /// the instructions. Everything is drawn with the renderer's shift, exactly as labels
    /// are, so a page printed after a correct calibration shows outlines on the stickers'
    /// edges; nothing is drawn within the unprintable margin.
    public func calibrationPDF(_ page: CalibrationPage) throws(SapuError) -> [UInt8] {
        let points = 72 / 25.4
        return try FontLibrary.shared.withText { () throws(SapuError) -> [UInt8] in
            try PDFStream.make(width: template.pageWidthMM * points, height: template.pageHeightMM * points,
                               title: "Sapu calibration (\(template.name))") { (context) throws(SapuError) in
                cairo_scale(context, points, points)
                let margin = template.unprintableMM
                let pageWidth = template.pageWidthMM, pageHeight = template.pageHeightMM
                cairo_rectangle(context, margin, margin, pageWidth - 2 * margin, pageHeight - 2 * margin)
                cairo_clip(context)
                cairo_set_source_rgb(context, 0, 0, 0)
                cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)

                // Each label's outline, with ticks every millimetre for 10 mm from its corner.
                cairo_set_line_width(context, 0.2)
                for slot in 0..<template.slotsPerPage {
                    let placement = template.placement(slot: slot, offset: offset)
                    let x = placement.xMM, y = placement.yMM
                    cairo_rectangle(context, x, y, template.label.widthMM, template.label.heightMM)
                    for mm in 1...10 {
                        let length = mm % 5 == 0 ? 2.0 : 1.0
                        cairo_move_to(context, x + Double(mm), y)
                        cairo_line_to(context, x + Double(mm), y + length)
                        cairo_move_to(context, x, y + Double(mm))
                        cairo_line_to(context, x + length, y + Double(mm))
                    }
                    cairo_stroke(context)
                }

                // Rulers along the printable area's top and left, numbered in millimetres
                // from the page's edges; they move with the shift like everything else.
                let rulerX = margin + 0.5 + offset.xMM, rulerY = margin + 0.5 + offset.yMM
                let numberSize = min(2.2, max(1.4, pageHeight / 20))
                cairo_set_line_width(context, 0.15)
                for mm in 0...Int(pageWidth) {
                    let x = Double(mm) + offset.xMM
                    let length = mm % 10 == 0 ? 3.0 : mm % 5 == 0 ? 2.0 : 1.0
                    cairo_move_to(context, x, rulerY - 0.5)
                    cairo_line_to(context, x, rulerY - 0.5 + length)
                }
                for mm in 0...Int(pageHeight) {
                    let y = Double(mm) + offset.yMM
                    let length = mm % 10 == 0 ? 3.0 : mm % 5 == 0 ? 2.0 : 1.0
                    cairo_move_to(context, rulerX - 0.5, y)
                    cairo_line_to(context, rulerX - 0.5 + length, y)
                }
                cairo_stroke(context)
                fonts.select(bold: false, size: numberSize, condense: 1, on: context)
                for mm in stride(from: 10, through: Int(pageWidth) - 1, by: 10) {
                    cairo_move_to(context, Double(mm) + offset.xMM + 0.3, rulerY + 2.5 + numberSize)
                    cairo_show_text(context, String(mm))
                }
                for mm in stride(from: 10, through: Int(pageHeight) - 1, by: 10) {
                    cairo_move_to(context, rulerX + 3.3, Double(mm) + offset.yMM + numberSize * 0.36)
                    cairo_show_text(context, String(mm))
                }

                drawInstructions(page, on: context, within: (margin + 6, margin + 6,
                                                              pageWidth - 2 * margin - 12, pageHeight - 2 * margin - 12))
                cairo_show_page(context)
            }
        }
    }

    /// The title and instructions on a white panel in the middle of the page, as large as
    /// fits up to 4 mm, in millimetres.
    private func drawInstructions(_ page: CalibrationPage, on context: OpaquePointer,
                                  within area: (x: Double, y: Double, width: Double, height: Double)) {
        let lines = [page.title] + page.instructions
        var size = min(4.0, area.height / (Double(lines.count) * 1.35 + 0.6))
        for (index, line) in lines.enumerated() {
            let width = meter.width(line, bold: index == 0, size: size)
            if width > area.width { size = min(size, size * area.width / width) }
        }
        let height = Double(lines.count) * 1.35 * size + 0.6 * size
        let width = lines.enumerated().map { meter.width($1, bold: $0 == 0, size: size) }.max() ?? 0
        let x = area.x + (area.width - width) / 2 + offset.xMM
        let y = area.y + (area.height - height) / 2 + offset.yMM
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_rectangle(context, x - 0.4 * size, y, width + 0.8 * size, height)
        cairo_fill(context)
        cairo_set_source_rgb(context, 0, 0, 0)
        var baseline = y + 0.3 * size + LabelLayout.ascent * size
        for (index, line) in lines.enumerated() {
            fonts.draw(PlacedText(string: line, bold: index == 0, size: size, condense: 1, x: x, baseline: baseline,
                                  reversed: false), on: context)
            baseline += 1.35 * size
        }
    }
}
