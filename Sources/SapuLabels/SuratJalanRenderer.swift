import CCairo
import Foundation
import SapuCore

/// Draws a surat jalan as an A4 PDF: letterhead, QR code, header fields, totals, the
/// bundle list over as many pages as it needs, and signature boxes on the last page.
public enum SuratJalanRenderer {
    /// Page geometry in PDF points (1/72 inch).
    private static let mm = 72 / 25.4
    private static let pageWidth = 210 * mm
    private static let pageHeight = 297 * mm
    private static let margin = 15 * mm
    private static let rowHeight = 3.9 * mm
    private static let listColumns = 2
    /// QR version 6 at level M holds the shipment number and the 64-hex-digit hash.
    private static let qrVersion = 6

    public static func pdf(_ document: SuratJalan,
                           fontDirectory: String = "/usr/share/fonts/truetype/dejavu") throws(SapuError) -> [UInt8] {
        let directory = fontDirectory.hasSuffix("/") ? String(fontDirectory.dropLast()) : fontDirectory
        let fonts = LabelFonts(regular: try FontLibrary.shared.face(atPath: directory + "/DejaVuSans.ttf"),
                               bold: try FontLibrary.shared.face(atPath: directory + "/DejaVuSans-Bold.ttf"))
        let matrix = try QRMatrix.encode(document.qrPayload, version: qrVersion, level: .M)
        // cairo 1.16's font caches are not safe across threads: text is drawn under the library's lock.
        return try FontLibrary.shared.withText { () throws(SapuError) -> [UInt8] in
            try draw(document, fonts: fonts, matrix: matrix)
        }
    }

    private static func draw(_ document: SuratJalan, fonts: LabelFonts, matrix: QRMatrix) throws(SapuError) -> [UInt8] {
        try PDFStream.make(width: pageWidth, height: pageHeight,
                           title: document.title + " " + document.number) { (context) throws(SapuError) in
            let page = Page(context: context, fonts: fonts)
            let pages = layout(document)
            for (index, content) in pages.enumerated() {
                var y = margin
                if index == 0 {
                    y = page.drawHeader(document, matrix: matrix, top: y)
                } else {
                    page.text(document.title + "  " + document.number, x: margin, y: y + 4 * mm, size: 9, bold: true)
                    y += 8 * mm
                }
                y = page.drawList(document.bundles, rows: content.rows, top: y)
                if index == pages.count - 1 {
                    page.drawSignatures(document.signatures, top: max(y + 6 * mm, pageHeight - margin - 48 * mm))
                }
                page.drawFooter(document.footer, label: pageLabel(document.pageLabel, index + 1, pages.count))
                cairo_show_page(context)
            }
        }
    }

    /// Which bundle rows go on which page.
    private struct PageContent { var rows: Range<Int> }

    private static func layout(_ document: SuratJalan) -> [PageContent] {
        let footerSpace = 18 * mm
        let signatureSpace = 52 * mm
        let firstTop = margin + headerHeight(document)
        let laterTop = margin + 8 * mm
        func capacity(top: Double, last: Bool) -> Int {
            let available = pageHeight - margin - footerSpace - top - rowHeight - (last ? signatureSpace : 0)
            return max(1, Int(available / rowHeight)) * listColumns
        }
        var pages: [PageContent] = []
        var start = 0
        let total = document.bundles.rows.count
        repeat {
            let top = pages.isEmpty ? firstTop : laterTop
            let remaining = total - start
            if remaining <= capacity(top: top, last: true) {
                pages.append(PageContent(rows: start..<total))
                break
            }
            let count = min(remaining, capacity(top: top, last: false))
            pages.append(PageContent(rows: start..<(start + count)))
            start += count
        } while start < total
        return pages
    }

    private static func headerHeight(_ document: SuratJalan) -> Double {
        let fieldRows = Double(document.fields.count)
        let totalsRows = Double(document.totals.rows.count + 1)
        return 34 * mm + fieldRows * 5 * mm + 4 * mm + totalsRows * rowHeight * 1.2 + 8 * mm
    }

    private static func pageLabel(_ format: String, _ page: Int, _ count: Int) -> String {
        var parts = format.components(separatedBy: "%d")
        guard parts.count == 3 else { return "\(page)/\(count)" }
        parts.insert(String(page), at: 1)
        parts.insert(String(count), at: 3)
        return parts.joined()
    }

    /// Drawing primitives on one cairo context, in points.
    private struct Page {
        let context: OpaquePointer
        let fonts: LabelFonts

        func text(_ string: String, x: Double, y: Double, size: Double, bold: Bool = false, maxWidth: Double? = nil,
                  alignRight: Bool = false, centered: Bool = false) {
            fonts.select(bold: bold, size: size, condense: 1, on: context)
            var shown = string
            var extents = cairo_text_extents_t()
            cairo_text_extents(context, shown, &extents)
            if let maxWidth, extents.x_advance > maxWidth {
                while !shown.isEmpty && extents.x_advance > maxWidth {
                    shown.removeLast()
                    cairo_text_extents(context, shown + "…", &extents)
                }
                shown += "…"
            }
            var left = x
            if alignRight { left = x - extents.x_advance }
            if centered { left = x - extents.x_advance / 2 }
            cairo_set_source_rgb(context, 0, 0, 0)
            cairo_move_to(context, left, y)
            cairo_show_text(context, shown)
        }

        func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, width: Double = 0.6) {
            cairo_set_source_rgb(context, 0, 0, 0)
            cairo_set_line_width(context, width)
            cairo_move_to(context, x1, y1)
            cairo_line_to(context, x2, y2)
            cairo_stroke(context)
        }

        func drawHeader(_ document: SuratJalan, matrix: QRMatrix, top: Double) -> Double {
            let right = pageWidth - margin
            // The QR code of the shipment number and manifest hash, 1 mm per module plus quiet zone.
            let module = 0.75 * mm
            let qrSide = Double(matrix.size + 8) * module
            let qrX = right - qrSide
            cairo_set_source_rgb(context, 0, 0, 0)
            for y in 0..<matrix.size {
                var x = 0
                while x < matrix.size {
                    guard matrix.isDark(x: x, y: y) else { x += 1; continue }
                    let start = x
                    while x < matrix.size && matrix.isDark(x: x, y: y) { x += 1 }
                    cairo_rectangle(context, qrX + Double(start + 4) * module, top + Double(y + 4) * module,
                                    Double(x - start) * module, module)
                }
            }
            cairo_fill(context)

            text(document.sender, x: margin, y: top + 6 * mm, size: 11, bold: true, maxWidth: qrX - margin - 4 * mm)
            line(margin, top + 9 * mm, qrX - 4 * mm, top + 9 * mm, width: 1.2)
            text(document.title, x: margin, y: top + 19 * mm, size: 20, bold: true)
            text(document.number, x: margin, y: top + 26 * mm, size: 11, bold: true)

            var y = max(top + 34 * mm, top + qrSide + 2 * mm)
            for field in document.fields {
                text(field.label, x: margin, y: y, size: 9.5)
                text(": " + field.value, x: margin + 28 * mm, y: y, size: 9.5, bold: true, maxWidth: pageWidth - 2 * margin - 30 * mm)
                y += 5 * mm
            }
            y += 4 * mm
            // Totals per product and grade; the last row is the grand total.
            let columns = [margin, margin + 60 * mm, margin + 85 * mm, margin + 115 * mm]
            let rights = [false, false, true, true]
            let widths = [58 * mm, 20 * mm, 0, 0]
            func row(_ cells: [String], bold: Bool) {
                for (index, cell) in cells.enumerated() where index < columns.count {
                    let x = rights[index] ? columns[index] + 10 * mm : columns[index]
                    text(cell, x: x, y: y, size: 9, bold: bold, maxWidth: rights[index] ? nil : widths[index], alignRight: rights[index])
                }
                y += rowHeight * 1.2
            }
            row(document.totals.header, bold: true)
            line(margin, y - rowHeight * 1.2 + 1.2 * mm, margin + 127 * mm, y - rowHeight * 1.2 + 1.2 * mm, width: 0.4)
            for (index, cells) in document.totals.rows.enumerated() {
                if index == document.totals.rows.count - 1 {
                    line(margin, y - rowHeight * 1.2 + 1.2 * mm, margin + 127 * mm, y - rowHeight * 1.2 + 1.2 * mm, width: 0.4)
                }
                row(cells, bold: index == document.totals.rows.count - 1)
            }
            return y + 4 * mm
        }

        /// The bundle list in two newspaper columns, each with its own heading.
        func drawList(_ table: SuratJalan.Table, rows: Range<Int>, top: Double) -> Double {
            let columnWidth = (pageWidth - 2 * margin) / Double(listColumns)
            let perColumn = Int((Double(rows.count) / Double(listColumns)).rounded(.up))
            let offsets = [0, 11, 41, 60, 75].map { $0 * mm }
            var bottom = top
            for column in 0..<listColumns {
                let start = rows.lowerBound + column * perColumn
                let end = min(rows.upperBound, start + perColumn)
                guard start < end else { break }
                let x = margin + Double(column) * columnWidth
                var y = top + rowHeight
                for (index, heading) in table.header.enumerated() where index < offsets.count {
                    text(heading, x: x + offsets[index], y: y, size: 7.5, bold: true)
                }
                line(x, y + 1.2 * mm, x + columnWidth - 3 * mm, y + 1.2 * mm, width: 0.4)
                for row in start..<end {
                    y += rowHeight
                    for (index, cell) in table.rows[row].enumerated() where index < offsets.count {
                        let limit = (index + 1 < offsets.count ? offsets[index + 1] : columnWidth - 3 * mm) - offsets[index] - 1 * mm
                        text(cell, x: x + offsets[index], y: y, size: 7.5, maxWidth: limit)
                    }
                }
                bottom = max(bottom, y)
            }
            return bottom
        }

        func drawSignatures(_ headings: [String], top: Double) {
            let count = Double(max(1, headings.count))
            let gap = 8 * mm
            let width = (pageWidth - 2 * margin - gap * (count - 1)) / count
            for (index, heading) in headings.enumerated() {
                let x = margin + Double(index) * (width + gap)
                cairo_set_line_width(context, 0.6)
                cairo_rectangle(context, x, top, width, 34 * mm)
                cairo_stroke(context)
                text(heading, x: x + width / 2, y: top + 5 * mm, size: 9.5, bold: true, centered: true)
                line(x + 6 * mm, top + 28 * mm, x + width - 6 * mm, top + 28 * mm, width: 0.4)
                text("(                                   )", x: x + width / 2, y: top + 32 * mm, size: 8, centered: true)
            }
        }

        func drawFooter(_ lines: [String], label: String) {
            var y = pageHeight - margin - Double(lines.count) * 3.6 * mm + 2 * mm
            line(margin, y - 4 * mm, pageWidth - margin, y - 4 * mm, width: 0.3)
            for footer in lines {
                text(footer, x: margin, y: y, size: 7, maxWidth: pageWidth - 2 * margin - 30 * mm)
                y += 3.6 * mm
            }
            text(label, x: pageWidth - margin, y: pageHeight - margin + 2 * mm, size: 7.5, alignRight: true)
        }
    }
}
