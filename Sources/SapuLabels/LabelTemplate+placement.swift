import Foundation
import SapuCore

/// Where one label is drawn on its page, and the part of it that may carry ink.
struct LabelPlacement: Equatable {
    /// The label's top left corner on the page, in millimetres, calibration shift included.
    var xMM: Double
    var yMM: Double
    /// The printable part of the label, in the label's own dots.
    var region: LabelRegion
}

extension LabelTemplate {
    /// The page a PDF of this template has: the sheet, or one label.
    var pageWidthMM: Double { sheet?.pageWidthMM ?? label.widthMM }
    var pageHeightMM: Double { sheet?.pageHeightMM ?? label.heightMM }
    /// Nothing is drawn this close to the page's edges; a roll label is printed to its edges.
    var unprintableMM: Double { sheet?.unprintableMM ?? 0 }

    /// Where the label in position `slot` of a PDF page goes, shifted by `offset`.
    ///
    /// The printable part is what of the shifted label lies at least `unprintableMM` from
    /// the page's edges; the layout keeps its margin inside it, so a sticker near an edge
    /// has its content moved inward.
    func placement(slot: Int, offset: LabelOffset) -> LabelPlacement {
        var x = offset.xMM, y = offset.yMM
        if let sheet {
            x += sheet.originXMM + Double(slot % sheet.columns) * sheet.pitchXMM
            y += sheet.originYMM + Double(slot / sheet.columns) * sheet.pitchYMM
        }
        let perMM = Double(dpi) / 25.4
        let margin = unprintableMM
        // A millionth of a dot of slack keeps rounding from costing a whole dot.
        func inward(_ millimetres: Double) -> Int { max(0, Int((millimetres * perMM - 1e-6).rounded(.up))) }
        func outward(_ millimetres: Double) -> Int { Int((millimetres * perMM + 1e-6).rounded(.down)) }
        let region = LabelRegion(
            left: inward(margin - x), top: inward(margin - y),
            right: min(widthDots, outward(pageWidthMM - margin - x)),
            bottom: min(heightDots, outward(pageHeightMM - margin - y)))
        return LabelPlacement(xMM: x, yMM: y, region: region)
    }

    /// Where a single label's content goes on an image or ZPL label of the template's size,
    /// shifted by `offset` rounded to whole dots: the shift in dots and the printable part.
    func canvasPlacement(offset: LabelOffset) -> (dx: Int, dy: Int, region: LabelRegion) {
        let dx = dots(offset.xMM), dy = dots(offset.yMM)
        return (dx, dy, LabelRegion(left: max(0, -dx), top: max(0, -dy),
                                    right: min(widthDots, widthDots - dx), bottom: min(heightDots, heightDots - dy)))
    }

    /// The top left corner of the symbol's quiet zone in a label laid out in `region`: the
    /// template's own place (vertically centred, left by the smaller of its top gap and the
    /// margin), moved inward only as far as the region requires.
    func qrOrigin(in region: LabelRegion) -> (x: Int, y: Int) {
        let side = qrSideDots
        let nominalY = (heightDots - side) / 2
        let y = max(region.top, min(nominalY, region.bottom - side))
        let x = max(region.left, min(min(nominalY, dots(marginMM)), region.right - side))
        return (x, y)
    }

    /// Whether a label laid out in `region` keeps its whole code and a readable text column.
    func holdsLabel(in region: LabelRegion) -> Bool {
        let side = qrSideDots, margin = dots(marginMM)
        guard region.bottom - region.top >= side, region.right - region.left >= side else { return false }
        return region.right - margin - (qrOrigin(in: region).x + side) >= dots(Self.minimumTextWidthMM)
    }

    /// How many labels of a page (of a roll template: the one label) do not move by the
    /// whole of `offset`, because their content is kept out of the unprintable margin or on
    /// the label: what `sapu label calibrate` says when it stores such a shift.
    public func labelsMovedInward(by offset: LabelOffset) -> Int {
        let perMM = Double(dpi) / 25.4
        func moved(_ placement: LabelPlacement, from still: LabelPlacement) -> Bool {
            let now = qrOrigin(in: placement.region), before = qrOrigin(in: still.region)
            let dx = (placement.xMM - still.xMM) * perMM + Double(now.x - before.x)
            let dy = (placement.yMM - still.yMM) * perMM + Double(now.y - before.y)
            return abs(dx - offset.xMM * perMM) > 0.5 || abs(dy - offset.yMM * perMM) > 0.5
        }
        if sheet == nil {
            let shifted = canvasPlacement(offset: offset)
            let now = qrOrigin(in: shifted.region), before = qrOrigin(in: LabelRegion.whole(self))
            return (now.x + shifted.dx - before.x, now.y + shifted.dy - before.y) == (dots(offset.xMM), dots(offset.yMM))
                ? 0 : 1
        }
        return (0..<slotsPerPage).count {
            moved(placement(slot: $0, offset: offset), from: placement(slot: $0, offset: .zero))
        }
    }

    /// Refuses a shift that would push any label's code or text off the printable part of
    /// its sticker (PDF pages, PNG and ZPL alike).
    public func check(_ offset: LabelOffset) throws(SapuError) {
        let fits = (0..<slotsPerPage).allSatisfy { holdsLabel(in: placement(slot: $0, offset: offset).region) }
            && holdsLabel(in: canvasPlacement(offset: offset).region)
        guard fits else { throw .labelOffsetTooLarge(template: name, xMM: offset.xMM, yMM: offset.yMM) }
    }
}
