import CCairo
import SapuCore

/// Draws labels for one template as PNG (one label), PDF (pages of labels) or ZPL II.
///
/// Fonts are loaded once per process, so a renderer is cheap to make and to use for
/// thousands of labels. A renderer may be used from several threads at once: the text
/// part of each label runs one at a time (see `FontLibrary.withText`), the rest in
/// parallel.
public struct LabelRenderer: Sendable {
    public let template: LabelTemplate
    /// How far everything is shifted on the page (`sapu label calibrate`).
    public let offset: LabelOffset
    let fonts: LabelFonts
    /// One meter for every label of this renderer; used only inside `FontLibrary.withText`.
    let meter: TextMeter

    /// A renderer for `template`, shifted by `offset`, with DejaVu Sans from `fontDirectory`;
    /// an offset that would push a label's code or text off its printable part is refused.
    public init(template: LabelTemplate, offset: LabelOffset = .zero,
                fontDirectory: String = "/usr/share/fonts/truetype/dejavu") throws(SapuError) {
        try template.validate()
        try template.check(offset)
        self.template = template
        self.offset = offset
        let directory = fontDirectory.hasSuffix("/") ? String(fontDirectory.dropLast()) : fontDirectory
        fonts = LabelFonts(regular: try FontLibrary.shared.face(atPath: directory + "/DejaVuSans.ttf"),
                           bold: try FontLibrary.shared.face(atPath: directory + "/DejaVuSans-Bold.ttf"))
        meter = FontLibrary.shared.withText { [fonts] in TextMeter(fonts: fonts) }
    }

    /// The face's QR symbol: at the template's exact version and the strongest level that
    /// holds the payload (never below the template's `qr.level`), or for a control code
    /// the smallest version at level H that is no bigger than the template's.
    func matrix(for face: LabelFace) throws(SapuError) -> QRMatrix {
        if face.symbol == .smallest, let matrix = try? QRMatrix.smallest(face.payload, level: .H),
           matrix.version <= template.qr.version {
            return matrix
        }
        do {
            return try QRMatrix.strongest(face.payload, version: template.qr.version, floor: template.qr.level)
        } catch {
            throw .payloadTooLong(template: template.name, version: template.qr.version)
        }
    }

    /// The light modules around `matrix` so that it sits centred in the template's
    /// reserved square: the template's quiet zone, plus half the difference for a smaller
    /// symbol (sizes differ by 4 modules a version, so the half is whole).
    func quietZone(around matrix: QRMatrix) -> Int {
        template.qr.quietZone + (template.qrModules - matrix.size) / 2
    }

    /// Draws the text and the reversed boxes of a layout; the QR is drawn by each output
    /// in its own way.
    func drawText(of layout: LabelLayout, on context: OpaquePointer) {
        cairo_set_source_rgb(context, 0, 0, 0)
        for box in layout.boxes {
            cairo_rectangle(context, box.x, box.y, box.width, box.height)
        }
        cairo_fill(context)
        for text in layout.texts {
            fonts.draw(text, on: context)
        }
    }
}
