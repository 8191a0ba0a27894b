import CCairo

/// The two faces every label uses, and text set on a cairo context with them.
struct LabelFonts {
    let regular: FontFace
    let bold: FontFace

    /// Font options that make widths independent of the output, so PNG, PDF and ZPL
    /// share one layout: unhinted metrics, outlines lightly hinted for raster output.
    static func apply(to context: OpaquePointer) {
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    func select(bold isBold: Bool, size: Double, condense: Double, on context: OpaquePointer) {
        cairo_set_font_face(context, isBold ? bold.cairoFace : regular.cairoFace)
        var matrix = cairo_matrix_t()
        cairo_matrix_init_scale(&matrix, size * condense, size)
        cairo_set_font_matrix(context, &matrix)
    }

    func draw(_ text: PlacedText, on context: OpaquePointer) {
        select(bold: text.bold, size: text.size, condense: text.condense, on: context)
        let ink = text.reversed ? 1.0 : 0.0
        cairo_set_source_rgb(context, ink, ink, ink)
        cairo_move_to(context, text.x, text.baseline)
        cairo_show_text(context, text.string)
    }
}
