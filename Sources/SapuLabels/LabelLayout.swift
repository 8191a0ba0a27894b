import Foundation

/// The part of a label that may carry ink, in the label's own dots: all of it, or less
/// where the label lies within the printer's unprintable margin or is shifted by a
/// calibration offset (`LabelTemplate.regions`).
struct LabelRegion: Equatable {
    var left: Int
    var top: Int
    var right: Int
    var bottom: Int

    /// The whole label.
    static func whole(_ template: LabelTemplate) -> LabelRegion {
        LabelRegion(left: 0, top: 0, right: template.widthDots, bottom: template.heightDots)
    }
}

/// Where everything on one label goes, in printer dots from the label's top left corner.
///
/// The QR symbol with its quiet zone sits on the left, vertically centred, moved inward
/// only where the label's printable region (`LabelRegion`) is smaller than the label; the
/// text column fills the rest and never enters the quiet zone. From top to bottom the
/// column holds the product, the bundle id, the further lines, the workshop with the
/// bundle's content, and then the result: a passed bundle's grade as one big letter, or a
/// failed bundle's result reversed in a black box in big letters, followed by its defects.
/// The big letters have a capital height of at least 5 mm (`bigCapitalMM`).
///
/// Text is sized to the column: lines too wide are first squeezed a little, then set
/// smaller, and only below the smallest readable size cut short with an ellipsis. The
/// bundle id is never cut and no other line is set larger than it; an unusually long one
/// is set smaller, and the other lines with it. A column too short for every line drops
/// the face's droppable lines first, then shrinks the small lines alike.
struct LabelLayout {
    /// The top left corner of the quiet zone.
    var qrX: Int
    var qrY: Int
    var texts: [PlacedText]
    /// Black boxes behind reversed text: x, y, width, height.
    var boxes: [(x: Double, y: Double, width: Double, height: Double)]
    /// Where the bundle id was placed in `texts`, and the big result letters.
    var bundleIDIndex: Int?
    var bigIndices: [Int] = []

    /// DejaVu Sans's ascent, descent and capital height, in ems.
    static let ascent = 0.928, descent = 0.236, capHeight = 0.729
    /// The narrowest squeeze applied before a smaller size is chosen.
    static let narrowest = 0.82
    /// The narrowest squeeze of the big result letters: capitals this size stay legible.
    static let bigNarrowest = 0.6
    /// Text is not set smaller than this, in millimetres, except beside an overlong bundle id.
    static let smallestMM = 2.0
    /// The big grade letter's and failed result's capital height, in millimetres: at least
    /// 5 mm, read from a metre; a taller label gets proportionately more.
    static func bigCapitalMM(labelHeightMM: Double) -> Double { max(5.0, 0.16 * labelHeightMM) }
    /// Small lines advance by this many ems.
    static let lineHeight = 1.15

    private enum Role { case title, bundleID, line, workshop, plainResult, defects }

    private struct Row {
        var role: Role
        var text: String
        var bold: Bool
        var weight: Double
    }

    private struct Fitted { var text: String; var size: Double; var condense: Double }

    /// Lays out `face` on `template` within `region`; `ascii` replaces what ZPL's built-in
    /// font cannot print.
    init(face: LabelFace, template: LabelTemplate, meter: TextMeter, ascii: Bool,
         region: LabelRegion? = nil) {
        let region = region ?? .whole(template)
        let side = template.qrSideDots
        let margin = template.dots(template.marginMM)
        (qrX, qrY) = template.qrOrigin(in: region)
        boxes = []
        texts = []

        let left = Double(qrX + side)
        // The margin is kept inside the printable region, which is the label or less.
        let right = Double(region.right - margin)
        let top = Double(region.top + margin), bottom = Double(region.bottom - margin)
        let columnWidth = max(1, right - left)
        let dotsPerMM = Double(template.dpi) / 25.4
        let smallest = Self.smallestMM * dotsPerMM
        let ellipsis = ascii ? "..." : "\u{2026}"
        func clean(_ text: String) -> String { ascii ? ZPLText.ascii(text) : text }

        // The result block at the foot of the column.
        let bigCap = Self.bigCapitalMM(labelHeightMM: template.label.heightMM) * dotsPerMM
        let bigSize = bigCap / Self.capHeight
        let result = clean(face.result)
        let grade = face.failed ? nil : face.grade.map(clean).flatMap { $0.isEmpty ? nil : $0 }
        var bigWords: [Fitted] = []
        var blockHeight = 0.0
        let boxPadding = 0.18 * bigCap, wordGap = 0.22 * bigCap
        // (The box's padding and gaps follow the letter's size, so passed and failed labels
        // of one template look alike.)
        if face.failed && !result.isEmpty {
            // One line when it fits at the big size or at 5 mm, else one word a line at
            // 5 mm: the box then leaves the small lines their readable size.
            let room = columnWidth - 2 * boxPadding
            let leastSize = Self.bigCapitalMM(labelHeightMM: 0) * dotsPerMM / Self.capHeight
            func fits(_ text: String, _ size: Double) -> Fitted? {
                let natural = meter.width(text, bold: true, size: size)
                let ratio = min(1, room / max(natural, 1) * 0.995)
                return ratio >= Self.bigNarrowest ? Fitted(text: text, size: size, condense: ratio) : nil
            }
            if let line = fits(result, bigSize) ?? fits(result, leastSize) {
                bigWords = [line]
            } else {
                bigWords = result.split(separator: " ").map { word in
                    let text = String(word)
                    if let fitted = fits(text, leastSize) { return fitted }
                    // A column narrower than the shipped templates': smaller, never cut.
                    let natural = meter.width(text, bold: true, size: leastSize, condense: Self.bigNarrowest)
                    return Fitted(text: text, size: leastSize * room / max(natural, 1) * 0.995,
                                  condense: Self.bigNarrowest)
                }
            }
            let caps = bigWords.map { $0.size * Self.capHeight }
            blockHeight = caps.reduce(0, +) + wordGap * Double(max(0, caps.count - 1)) + 2 * boxPadding
        } else if grade != nil {
            blockHeight = bigCap
        }

        var rows = [Row(role: .title, text: clean(face.title), bold: true, weight: 1.0),
                    Row(role: .bundleID, text: clean(face.bundleID), bold: true, weight: 1.45)]
        let droppable = min(max(0, face.droppableLines), face.lines.count)
        rows += face.lines.map { Row(role: .line, text: clean($0), bold: false, weight: 1.0) }
        let content = face.content.map(clean) ?? ""
        let workshops = face.workshop.map(clean).filter { !$0.isEmpty }
            .map { content.isEmpty ? $0 : $0 + " \u{00B7} " + content }.map(clean)
        let workshopForms = workshops.isEmpty ? (content.isEmpty ? [] : [content]) : workshops
        if let shortest = workshopForms.last {
            rows.append(Row(role: .workshop, text: shortest, bold: false, weight: 1.0))
        }
        if !face.failed && grade == nil && !result.isEmpty {
            rows.append(Row(role: .plainResult, text: result, bold: true, weight: 1.15))
        }
        if face.failed, let defects = face.defects, !defects.isEmpty {
            // Defects too many for one line at the smallest size take a second line,
            // broken after a comma, before anything is cut.
            let lines = Self.wrap(clean(defects), width: columnWidth, lines: 2, measure: {
                meter.width($0, bold: true, size: smallest, condense: Self.narrowest)
            })
            rows += lines.map { Row(role: .defects, text: $0, bold: true, weight: 1.0) }
        }
        rows.removeAll { $0.text.isEmpty && $0.role != .bundleID }

        func fit(_ row: Row, size wanted: Double, floor: Double) -> Fitted {
            Self.fit(row.text, bold: row.bold, size: wanted, floor: floor, room: columnWidth, meter: meter,
                     ellipsis: ellipsis)
        }

        // Sizes for a set of rows: the bundle id as big as the column allows, nothing else
        // larger; body lines share one size.
        // The block is spaced from the lines like any line, by what height is spare.
        let available = bottom - top - blockHeight
        func sized(_ rows: [Row]) -> [Fitted] {
            let demand = rows.reduce(0) { $0 + $1.weight * Self.lineHeight }
            let base = max(1, min(available / demand, 4.5 * dotsPerMM))
            var fitted = [Fitted](repeating: Fitted(text: "", size: 0, condense: 1), count: rows.count)
            let idIndex = rows.firstIndex { $0.role == .bundleID }!
            fitted[idIndex] = fit(rows[idIndex], size: base * rows[idIndex].weight, floor: 0)
            let idSize = fitted[idIndex].size
            let floor = min(smallest, idSize)
            for index in rows.indices where index != idIndex {
                let wanted = min(base * rows[index].weight, idSize)
                fitted[index] = fit(rows[index], size: max(wanted, floor), floor: floor)
            }
            let lineIndices = rows.indices.filter { rows[$0].role == .line || rows[$0].role == .workshop }
            if let common = lineIndices.map({ fitted[$0].size }).min() {
                for index in lineIndices { fitted[index] = fit(rows[index], size: common, floor: floor) }
            }
            return fitted
        }
        func needed(_ rows: [Row], _ fitted: [Fitted]) -> Double {
            fitted.reduce(0) { $0 + Self.lineHeight * $1.size }
        }

        var fitted = sized(rows)
        // Lines the face allows to be left off go first when the column is too short.
        var dropped = 0
        while needed(rows, fitted) > available && dropped < droppable {
            if let first = rows.firstIndex(where: { $0.role == .line }) { rows.remove(at: first) }
            dropped += 1
            fitted = sized(rows)
        }
        // The workshop's longest form that fits whole at the size its row got.
        if let index = rows.firstIndex(where: { $0.role == .workshop }) {
            let size = fitted[index].size
            if let form = workshopForms.first(where: {
                meter.width($0, bold: false, size: size, condense: Self.narrowest) <= columnWidth
            }) {
                rows[index].text = form
                fitted[index] = fit(rows[index], size: size, floor: size)
            }
        }
        // Still more than the column holds: the small lines shrink alike rather than run
        // off the label; the result block keeps its size.
        let total = needed(rows, fitted)
        if total > available {
            for index in fitted.indices { fitted[index].size *= max(available, 1) / total }
        }

        // Stack the rows, then the block, then the defects, spreading spare height a little
        // between them, and centre the whole.
        let defectsStart = rows.firstIndex { $0.role == .defects } ?? rows.count
        let heights = fitted.map { Self.lineHeight * $0.size }
        let items = rows.count + (blockHeight > 0 ? 1 : 0)
        let used = heights.reduce(0, +) + blockHeight
        let spare = max(0, (bottom - top) - used)
        let typical = fitted.map(\.size).max() ?? smallest
        let gap = items > 1 ? min(spare / Double(items - 1), 0.25 * typical) : 0
        var y = top + (spare - gap * Double(items - 1)) / 2
        func place(_ index: Int) {
            let row = rows[index], text = fitted[index], height = heights[index]
            let baseline = y + (height - (Self.ascent + Self.descent) * text.size) / 2 + Self.ascent * text.size
            if row.role == .bundleID { bundleIDIndex = texts.count }
            texts.append(PlacedText(string: text.text, bold: row.bold, size: text.size, condense: text.condense,
                                    x: left, baseline: baseline, reversed: false))
            y += height + gap
        }
        for index in 0..<defectsStart { place(index) }
        if blockHeight > 0 {
            if !bigWords.isEmpty {
                boxes.append((x: left, y: y, width: columnWidth, height: blockHeight))
                var baseline = y + boxPadding
                for word in bigWords {
                    baseline += word.size * Self.capHeight
                    let wordWidth = meter.width(word.text, bold: true, size: word.size, condense: word.condense)
                    bigIndices.append(texts.count)
                    texts.append(PlacedText(string: word.text, bold: true, size: word.size, condense: word.condense,
                                            x: left + max(boxPadding, (columnWidth - wordWidth) / 2),
                                            baseline: baseline, reversed: true))
                    baseline += wordGap
                }
            } else if let grade {
                let letterWidth = meter.width(grade, bold: true, size: bigSize)
                bigIndices.append(texts.count)
                texts.append(PlacedText(string: grade, bold: true, size: bigSize, condense: 1,
                                        x: left, baseline: y + bigCap, reversed: false))
                // The result in words beside the letter, no larger than the bundle id.
                let captionLeft = left + letterWidth + 0.35 * bigCap
                let room = right - captionLeft
                if !result.isEmpty && room > smallest {
                    let idSize = bundleIDIndex.map { texts[$0].size } ?? smallest
                    let caption = Self.fit(result, bold: true, size: min(idSize, bigCap * 0.6),
                                           floor: min(smallest, idSize), room: room, meter: meter, ellipsis: ellipsis)
                    texts.append(PlacedText(string: caption.text, bold: true, size: caption.size,
                                            condense: caption.condense, x: captionLeft,
                                            baseline: y + (bigCap + Self.capHeight * caption.size) / 2,
                                            reversed: false))
                }
            }
            y += blockHeight + gap
        }
        for index in defectsStart..<rows.count { place(index) }
    }

    /// `text` no wider than `room`: squeezed a little, then set smaller down to `floor`,
    /// and only then cut with an ellipsis. A `floor` of 0 never cuts.
    private static func fit(_ text: String, bold: Bool, size wanted: Double, floor: Double, room: Double,
                            meter: TextMeter, ellipsis: String) -> Fitted {
        let natural = meter.width(text, bold: bold, size: wanted)
        if natural <= room { return Fitted(text: text, size: wanted, condense: 1) }
        // Widths are proportional to the size (metrics are unhinted); the factor 0.995
        // keeps rounding from tipping a line that just fits over the edge.
        let ratio = room / natural * 0.995
        if ratio >= narrowest { return Fitted(text: text, size: wanted, condense: ratio) }
        let size = max(floor, wanted * ratio / narrowest)
        if meter.width(text, bold: bold, size: size, condense: narrowest) <= room {
            return Fitted(text: text, size: size, condense: narrowest)
        }
        // Even the smallest readable size is too wide: cut the text.
        var keep = Array(text)
        var low = 0, high = keep.count
        while low < high {
            let middle = (low + high + 1) / 2
            let candidate = String(keep[..<middle]) + ellipsis
            if meter.width(candidate, bold: bold, size: size, condense: narrowest) <= room {
                low = middle
            } else {
                high = middle - 1
            }
        }
        keep = Array(keep[..<low])
        while keep.last == " " { keep.removeLast() }
        return Fitted(text: String(keep) + ellipsis, size: size, condense: narrowest)
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
