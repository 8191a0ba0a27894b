import CCairo

/// Measures text advances on a private 1 × 1 surface, in the units the font size is in.
///
/// Labels of one batch repeat most of their lines, so widths are remembered. Not
/// thread-safe by itself: use it only inside `FontLibrary.withText`, which serialises it.
final class TextMeter: @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var bold: Bool
        var size: Double
        var condense: Double
    }

    private var widths: [Key: Double] = [:]
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private let fonts: LabelFonts

    init(fonts: LabelFonts) {
        self.fonts = fonts
        // A 1 × 1 surface only fails to be made when memory is exhausted.
        surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)!
        context = cairo_create(surface)!
        LabelFonts.apply(to: context)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// The advance width of `text` at the given size and squeeze.
    func width(_ text: String, bold: Bool, size: Double, condense: Double = 1) -> Double {
        guard !text.isEmpty else { return 0 }
        let key = Key(text: text, bold: bold, size: size, condense: condense)
        if let known = widths[key] { return known }
        fonts.select(bold: bold, size: size, condense: condense, on: context)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        if widths.count > 50_000 { widths.removeAll(keepingCapacity: true) }
        widths[key] = extents.x_advance
        return extents.x_advance
    }
}
