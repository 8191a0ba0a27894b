import Foundation
import CCairo
import SapuCore

extension LabelRenderer {
    /// Labels as a PDF at their exact physical size and position.
    ///
    /// A sheet template fills its grid row by row, starting after `skip` slots on the
    /// first page (stickers already used on a partly used sheet), over as many pages as
    /// needed. A thermal template makes one page per label, the size of the label.
    /// QR modules are vector squares of `moduleDots / dpi` inch, the same size as in PNG.
    public func pdf(_ faces: [LabelFace], skip: Int = 0) throws(SapuError) -> [UInt8] {
        let slots = template.slotsPerPage
        guard (0..<slots).contains(skip) else { throw .templateInvalid(name: template.name, field: "skip") }
        let points = 72 / 25.4
        let pageWidth = (template.sheet?.pageWidthMM ?? template.label.widthMM) * points
        let pageHeight = (template.sheet?.pageHeightMM ?? template.label.heightMM) * points

        return try drawPages(faces, skip: skip, pageWidth: pageWidth, pageHeight: pageHeight)
    }

    private func drawPages(_ faces: [LabelFace], skip: Int, pageWidth: Double,
                           pageHeight: Double) throws(SapuError) -> [UInt8] {
        let sink = PDFSink()
        let write: cairo_write_func_t = { closure, data, length in
            let sink = Unmanaged<PDFSink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let closure = Unmanaged.passRetained(sink)
        defer { closure.release() }
        guard let surface = cairo_pdf_surface_create_for_stream(write, closure.toOpaque(), pageWidth, pageHeight),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .fileUnwritable(path: "PDF")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Sapu")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Sapu labels (\(template.name))")
        guard let context = cairo_create(surface) else { throw .fileUnwritable(path: "PDF") }
        defer { cairo_destroy(context) }
        LabelFonts.apply(to: context)

        let meter = TextMeter(fonts: fonts)
        let slots = template.slotsPerPage
        let points = 72 / 25.4
        let scale = 72 / Double(template.dpi)
        for (index, face) in faces.enumerated() {
            let slot = (skip + index) % slots
            let matrix = try matrix(for: face)
            let layout = LabelLayout(face: face, template: template, meter: meter, ascii: false)
            var x = 0.0, y = 0.0
            if let sheet = template.sheet {
                x = (sheet.originXMM + Double(slot % sheet.columns) * sheet.pitchXMM) * points
                y = (sheet.originYMM + Double(slot / sheet.columns) * sheet.pitchYMM) * points
            }
            cairo_save(context)
            cairo_translate(context, x, y)
            cairo_scale(context, scale, scale)
            if ProcessInfo.processInfo.environment["NOTEXT"] == nil { drawText(of: layout, on: context) }
            if ProcessInfo.processInfo.environment["NOQR"] == nil { drawVector(matrix, on: context, atX: layout.qrX, y: layout.qrY) }
            cairo_restore(context)
            if slot == slots - 1 || index == faces.count - 1 {
                cairo_show_page(context)
            }
        }
        cairo_surface_finish(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw .fileUnwritable(path: "PDF") }
        return sink.bytes
    }

    /// The dark modules, set in the QR glyph font: vector squares of `moduleDots` dots.
    private func drawVector(_ matrix: QRMatrix, on context: OpaquePointer, atX x: Int, y: Int) {
        let module = Double(template.qr.moduleDots)
        let quiet = Double(template.qr.quietZone) * module
        var glyphs = QRGlyphFont.glyphs(for: matrix, x: Double(x) + quiet, y: Double(y) + quiet, module: module)
        cairo_set_font_face(context, QRGlyphFont.face.cairoFace)
        var scale = cairo_matrix_t()
        cairo_matrix_init_scale(&scale, module, module)
        cairo_set_font_matrix(context, &scale)
        cairo_set_source_rgb(context, 0, 0, 0)
        // One cluster of no text for all the glyphs: a PDF reader extracting or searching
        // the page's text finds the label's words, not rows of meaningless characters.
        var cluster = cairo_text_cluster_t(num_bytes: 0, num_glyphs: Int32(glyphs.count))
        cairo_show_text_glyphs(context, "", 0, &glyphs, Int32(glyphs.count), &cluster, 1, cairo_text_cluster_flags_t(0))
    }

    /// Covers the dark modules with rectangles, in module units.
    static func rectangles(of matrix: QRMatrix) -> [(x: Int, y: Int, width: Int, height: Int)] {
        var done: [(x: Int, y: Int, width: Int, height: Int)] = []
        // Runs still growing downward, by their start and end column.
        var open: [Int: (x: Int, y: Int, width: Int, height: Int)] = [:]
        for row in 0..<matrix.size {
            var next: [Int: (x: Int, y: Int, width: Int, height: Int)] = [:]
            var column = 0
            while column < matrix.size {
                guard matrix.isDark(x: column, y: row) else { column += 1; continue }
                let start = column
                while column < matrix.size, matrix.isDark(x: column, y: row) { column += 1 }
                let key = start * 1000 + column
                if var growing = open.removeValue(forKey: key) {
                    growing.height += 1
                    next[key] = growing
                } else {
                    next[key] = (x: start, y: row, width: column - start, height: 1)
                }
            }
            done += open.values
            open = next
        }
        done += open.values
        // A fixed order makes the output reproducible and compress a little better.
        return done.sorted { ($0.y, $0.x) < ($1.y, $1.x) }
    }
}

/// Collects what cairo writes; a class so cairo's C callback can reach it.
private final class PDFSink {
    var bytes: [UInt8] = []
}
