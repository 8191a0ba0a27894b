import Foundation

/// Where everything on one label goes, in printer dots from the label's top left corner.
///
/// The QR symbol with its quiet zone sits on the left, vertically centred; the text
/// column fills the rest and never enters the quiet zone. Text is sized to the column:
/// lines too wide are first squeezed a little, then set smaller, and only below the
/// smallest readable size cut short with an ellipsis. The bundle id is never cut; an
/// unusually long one is set smaller than the other lines' minimum instead.
struct LabelLayout {
    /// The top left corner of the quiet zone.
    var qrX: Int
    var qrY: Int
    var texts: [PlacedText]
    /// Black boxes behind reversed text: x, y, width, height.
    var boxes: [(x: Double, y: Double, width: Double, height: Double)]

    /// DejaVu Sans's ascent, descent and capital height, in ems.
    static let ascent = 0.928, descent = 0.236, capHeight = 0.729
    /// The narrowest squeeze applied before a smaller size is chosen.
    static let narrowest = 0.82
    /// Text is not set smaller than this, in millimetres, except an overlong bundle id.
    static let smallestMM = 2.0

    private enum Role { case title, bundleID, line, result, defects }

    private struct Row {
        var role: Role
        var text: String
        var bold: Bool
        var weight: Double
        var reversed: Bool
        var lineHeight: Double { reversed ? 1.4 : 1.2 }
    }

    /// Lays out `face` on `template`; `ascii` replaces what ZPL's built-in font cannot print.
    init(face: LabelFace, template: LabelTemplate, meter: TextMeter, ascii: Bool) {
        let side = template.qrSideDots
        qrY = (template.heightDots - side) / 2
        qrX = min(qrY, template.dots(template.marginMM))
        boxes = []
        texts = []

        let margin = Double(template.dots(template.marginMM))
        let left = Double(qrX + side)
        let right = Double(template.widthDots) - margin
        let top = margin, bottom = Double(template.heightDots) - margin
        let columnWidth = right - left
        let dotsPerMM = Double(template.dpi) / 25.4
        let smallest = Self.smallestMM * dotsPerMM
        let ellipsis = ascii ? "..." : "\u{2026}"
        func clean(_ text: String) -> String { ascii ? ZPLText.ascii(text) : text }

        var rows = [Row(role: .title, text: clean(face.title), bold: true, weight: 1.0, reversed: false),
                    Row(role: .bundleID, text: clean(face.bundleID), bold: true, weight: 1.45, reversed: false)]
        rows += face.lines.map { Row(role: .line, text: clean($0), bold: false, weight: 1.0, reversed: false) }
        rows.append(Row(role: .result, text: clean(face.result), bold: true, weight: 1.15, reversed: face.failed))
        if face.failed, let defects = face.defects, !defects.isEmpty {
            // Defects too many for one line at the smallest size take a second line,
            // broken after a comma, before anything is cut.
            let lines = Self.wrap(clean(defects), width: columnWidth, lines: 2, measure: {
                meter.width($0, bold: true, size: smallest, condense: Self.narrowest)
            })
            rows += lines.map { Row(role: .defects, text: $0, bold: true, weight: 1.0, reversed: false) }
        }
        rows.removeAll { $0.text.isEmpty && $0.role != .bundleID }

        // The size that fills the column's height; capped so a big label keeps a calm look.
        // Room is always kept for a reversed result and a defects line, so passed and
        // failed labels on one sheet share their sizes.
        let demand = rows.filter { $0.role != .result && $0.role != .defects }
            .reduce(0) { $0 + $1.weight * $1.lineHeight } + 1.15 * 1.4 + 1.0 * 1.2
        let base = min((bottom - top) / demand, 4.5 * dotsPerMM)

        struct Fitted { var text: String; var size: Double; var condense: Double }
        func padding(_ row: Row, _ size: Double) -> Double { row.reversed ? 0.35 * size : 0 }
        func fit(_ row: Row, size wanted: Double, floor: Double) -> Fitted {
            var size = wanted
            var room = columnWidth - 2 * padding(row, size)
            let natural = meter.width(row.text, bold: row.bold, size: size)
            if natural <= room { return Fitted(text: row.text, size: size, condense: 1) }
            // Widths are proportional to the size (metrics are unhinted); the factor 0.995
            // keeps rounding from tipping a line that just fits over the edge.
            let ratio = room / natural * 0.995
            if ratio >= Self.narrowest { return Fitted(text: row.text, size: size, condense: ratio) }
            size = max(floor, wanted * ratio / Self.narrowest)
            room = columnWidth - 2 * padding(row, size)
            if meter.width(row.text, bold: row.bold, size: size, condense: Self.narrowest) <= room {
                return Fitted(text: row.text, size: size, condense: Self.narrowest)
            }
            // Even the smallest readable size is too wide: cut the text.
            var keep = Array(row.text)
            var low = 0, high = keep.count
            while low < high {
                let middle = (low + high + 1) / 2
                let candidate = String(keep[..<middle]) + ellipsis
                if meter.width(candidate, bold: row.bold, size: size, condense: Self.narrowest) <= room {
                    low = middle
                } else {
                    high = middle - 1
                }
            }
            keep = Array(keep[..<low])
            while keep.last == " " { keep.removeLast() }
            return Fitted(text: String(keep) + ellipsis, size: size, condense: Self.narrowest)
        }

        // The bundle id first, as big as the column allows; nothing else but the result
        // is set larger, so it stays the line the eye finds.
        var fitted = [Fitted](repeating: Fitted(text: "", size: 0, condense: 1), count: rows.count)
        let idIndex = rows.firstIndex { $0.role == .bundleID }!
        // It is never cut: an unusually long one is set smaller instead.
        fitted[idIndex] = fit(rows[idIndex], size: base * rows[idIndex].weight, floor: 0)
        let idSize = fitted[idIndex].size
        for index in rows.indices where index != idIndex {
            let row = rows[index]
            let wanted = row.role == .result ? base * row.weight : min(base * row.weight, idSize)
            fitted[index] = fit(row, size: max(wanted, smallest), floor: smallest)
        }
        // Body lines share one size so the column reads evenly.
        let lineIndices = rows.indices.filter { rows[$0].role == .line }
        if let common = lineIndices.map({ fitted[$0].size }).min() {
            for index in lineIndices {
                fitted[index] = fit(rows[index], size: common, floor: smallest)
            }
        }

        // More lines than the column can hold at the smallest size: everything shrinks
        // alike rather than running off the label.
        let needed = zip(rows, fitted).reduce(0) { $0 + $1.0.lineHeight * $1.1.size }
        if needed > bottom - top {
            for index in fitted.indices { fitted[index].size *= (bottom - top) / needed }
        }

        // Stack the rows, spreading spare height a little between them, and centre the block.
        let heights = zip(rows, fitted).map { $0.lineHeight * $1.size }
        let spare = max(0, (bottom - top) - heights.reduce(0, +))
        let gap = rows.count > 1 ? min(spare / Double(rows.count - 1), 0.25 * base) : 0
        var y = top + (spare - gap * Double(rows.count - 1)) / 2
        for (index, row) in rows.enumerated() {
            let text = fitted[index]
            let height = heights[index]
            if row.reversed {
                boxes.append((x: left, y: y, width: columnWidth, height: height))
                let baseline = y + (height + Self.capHeight * text.size) / 2
                texts.append(PlacedText(string: text.text, bold: row.bold, size: text.size, condense: text.condense,
                                        x: left + padding(row, text.size), baseline: baseline, reversed: true))
            } else {
                let baseline = y + (height - (Self.ascent + Self.descent) * text.size) / 2 + Self.ascent * text.size
                texts.append(PlacedText(string: text.text, bold: row.bold, size: text.size, condense: text.condense,
                                        x: left, baseline: baseline, reversed: false))
            }
            y += height + gap
        }
    }

    /// Breaks a comma-separated list into at most `lines` lines no wider than `width`;
    /// the last line takes whatever is left.
    static func wrap(_ text: String, width: Double, lines: Int, measure: (String) -> Double) -> [String] {
        guard measure(text) > width else { return [text] }
        let items = text.components(separatedBy: ", ")
        var result: [String] = []
        var current = ""
        for (index, item) in items.enumerated() {
            let candidate = current.isEmpty ? item : current + ", " + item
            if current.isEmpty || measure(candidate + ",") <= width || result.count == lines - 1 {
                current = candidate
            } else {
                result.append(current + ",")
                current = item
            }
            if index == items.count - 1 { result.append(current) }
        }
        return result
    }
}

/// One piece of text with its font, placed in label dots.
struct PlacedText: Equatable {
    var string: String
    var bold: Bool
    /// The em size in dots.
    var size: Double
    /// Horizontal squeeze, 1 for the font's own widths.
    var condense: Double
    var x: Double
    var baseline: Double
    /// White on a black box.
    var reversed: Bool
}
