import CCairo
import SapuCore

extension LabelRenderer {
    /// Labels as a PDF at their exact physical size and position.
    ///
    /// A sheet template fills its grid row by row, starting after `skip` slots on the
    /// first page (stickers already used on a partly used sheet), over as many pages as
    /// needed. A thermal template makes one page per label, the size of the label.
    /// QR modules are exactly `moduleDots` dots of the template's resolution, the same
    /// size as in PNG, drawn as a 1-bit stencil at an integer scale.
    ///
    /// A `note` (a title and a few lines of instructions) takes the first position used,
    /// before the labels: the control-code sheet says what its codes are for.
    public func pdf(_ faces: [LabelFace], skip: Int = 0, note: SheetNote? = nil,
                    progress: WorkProgress = .silent) throws(SapuError) -> [UInt8] {
        let slots = template.slotsPerPage
        guard (0..<slots).contains(skip) else { throw .skipOutOfRange(skip: skip, slots: slots) }
        let points = 72 / 25.4
        let pageWidth = template.pageWidthMM * points
        let pageHeight = template.pageHeightMM * points

        return try FontLibrary.shared.withText { () throws(SapuError) -> [UInt8] in
            try drawPages(faces, skip: skip, note: note, pageWidth: pageWidth, pageHeight: pageHeight, progress: progress)
        }
    }

    private func drawPages(_ faces: [LabelFace], skip: Int, note: SheetNote?, pageWidth: Double,
                           pageHeight: Double, progress: WorkProgress) throws(SapuError) -> [UInt8] {
        let slots = template.slotsPerPage
        let points = 72 / 25.4
        return try PDFStream.make(width: pageWidth, height: pageHeight,
                                  title: "Sapu labels (\(template.name))") { (context) throws(SapuError) in
            let scale = 72 / Double(template.dpi)
            let entries: [LabelFace?] = (note == nil ? [] : [nil]) + faces.map { $0 }
            for (index, entry) in entries.enumerated() {
                let slot = (skip + index) % slots
                let placement = template.placement(slot: slot, offset: offset)
                cairo_save(context)
                cairo_translate(context, placement.xMM * points, placement.yMM * points)
                cairo_scale(context, scale, scale)
                if let face = entry {
                    let matrix = try matrix(for: face)
                    let layout = LabelLayout(face: face, template: template, meter: meter, ascii: false,
                                             region: placement.region)
                    drawText(of: layout, on: context)
                    drawSymbol(matrix, on: context, atX: layout.qrX, y: layout.qrY)
                } else if let note {
                    draw(note, on: context, region: placement.region)
                }
                cairo_restore(context)
                if slot == slots - 1 || index == entries.count - 1 {
                    cairo_show_page(context)
                }
                if entry != nil { progress.advance() }
            }
        }
    }

    /// The symbol as a 1-bit stencil at the template's own dots: each module exactly
    /// `moduleDots` × `moduleDots` dots, painted at an integer scale and never
    /// interpolated. A viewer or printer rendering at another resolution samples real
    /// dots (a coarse screen averages them into grey edges, as it would vector squares),
    /// and the PDF carries a small compressed bitmap per label instead of hundreds of paths.
    private func drawSymbol(_ matrix: QRMatrix, on context: OpaquePointer, atX x: Int, y: Int) {
        let dots = template.qr.moduleDots
        let side = matrix.size * dots
        guard let stencil = cairo_image_surface_create(CAIRO_FORMAT_A1, Int32(side), Int32(side)) else { return }
        defer { cairo_surface_destroy(stencil) }
        cairo_surface_flush(stencil)
        let stride = Int(cairo_image_surface_get_stride(stencil))
        guard let bytes = cairo_image_surface_get_data(stencil) else { return }
        bytes.initialize(repeating: 0, count: stride * side)
        for row in 0..<matrix.size {
            for column in 0..<matrix.size where matrix.isDark(x: column, y: row) {
                for dy in 0..<dots {
                    let line = (row * dots + dy) * stride
                    for dx in 0..<dots {
                        // CAIRO_FORMAT_A1 holds 32-bit words in native order: on little-endian
                        // machines the leftmost pixel is the lowest bit of the first byte.
                        let pixel = column * dots + dx
                        bytes[line + pixel / 8] |= UInt8(1) << UInt8(pixel % 8)
                    }
                }
            }
        }
        cairo_surface_mark_dirty(stencil)
        let quiet = Double(quietZone(around: matrix) * dots)
        cairo_set_source_rgb(context, 0, 0, 0)
        guard let pattern = cairo_pattern_create_for_surface(stencil) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        var placement = cairo_matrix_t()
        cairo_matrix_init_translate(&placement, -(Double(x) + quiet), -(Double(y) + quiet))
        cairo_pattern_set_matrix(pattern, &placement)
        cairo_mask(context, pattern)
    }

    /// A note in one label's printable region: the title in bold, then the lines, broken
    /// between words and set as large as fits (at most 4 mm).
    private func draw(_ note: SheetNote, on context: OpaquePointer, region: LabelRegion) {
        let margin = Double(template.dots(template.marginMM))
        let left = Double(region.left) + margin, top = Double(region.top) + margin
        let width = Double(region.right - region.left) - 2 * margin
        let height = Double(region.bottom - region.top) - 2 * margin
        let perMM = Double(template.dpi) / 25.4
        let paragraphs = [(note.title, true)] + note.lines.map { ($0, false) }
        func broken(at size: Double) -> [(String, Bool)] {
            paragraphs.flatMap { text, bold -> [(String, Bool)] in
                var lines: [String] = [], current = ""
                for word in text.split(separator: " ") {
                    let candidate = current.isEmpty ? String(word) : current + " " + word
                    if current.isEmpty || meter.width(candidate, bold: bold, size: size) <= width {
                        current = candidate
                    } else {
                        lines.append(current)
                        current = String(word)
                    }
                }
                return (lines + [current]).map { ($0, bold) }
            }
        }
        var size = 4 * perMM
        var lines = broken(at: size)
        while size > 1.2 * perMM && (Double(lines.count) * 1.25 * size > height
                                     || lines.contains { meter.width($0.0, bold: $0.1, size: size) > width }) {
            size *= 0.93
            lines = broken(at: size)
        }
        var baseline = top + LabelLayout.ascent * size
        for (text, bold) in lines {
            let condense = min(1, width / max(1, meter.width(text, bold: bold, size: size)))
            fonts.draw(PlacedText(string: text, bold: bold, size: size, condense: condense, x: left,
                                  baseline: baseline, reversed: false), on: context)
            baseline += 1.25 * size
        }
    }
}

/// A title and a few lines printed in a label's place on a sheet, such as what the codes
/// of a control-code sheet are for; already in the user's language.
public struct SheetNote: Sendable, Equatable {
    public var title: String
    public var lines: [String]

    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}
