import CCairo

/// A font whose glyphs are rows of QR modules, so a PDF carries each symbol as a few
/// short strings instead of hundreds of rectangles.
///
/// Glyph `g` (1...255) is eight modules wide and one module tall: bit 7 is the leftmost
/// module, a set bit a dark one, and each run of dark modules is one filled rectangle.
/// In PDF this becomes a Type 3 font: still vector squares of exactly the module size,
/// drawn once per pattern and then referenced. cairo spends about a microsecond per
/// number it writes, and a version 10 symbol is some 740 rectangles; as glyphs it is 57
/// rows of 8 codes, which makes a 10,000-label PDF several times faster and smaller.
enum QRGlyphFont {
    /// Modules per glyph.
    static let width = 8

    /// The font, made once per process; cairo font faces are reference counted and
    /// thread-safe.
    static let face: FontFace = {
        let face = cairo_user_font_face_create()!
        cairo_user_font_face_set_init_func(face) { _, _, extents in
            extents?.pointee.ascent = 1
            extents?.pointee.descent = 0
            extents?.pointee.height = 1
            extents?.pointee.max_x_advance = Double(QRGlyphFont.width)
            extents?.pointee.max_y_advance = 0
            return CAIRO_STATUS_SUCCESS
        }
        cairo_user_font_face_set_render_glyph_func(face) { _, glyph, context, extents in
            guard let context else { return CAIRO_STATUS_SUCCESS }
            var column = 0
            while column < QRGlyphFont.width {
                guard glyph & (0x80 >> UInt(column)) != 0 else { column += 1; continue }
                let start = column
                while column < QRGlyphFont.width, glyph & (0x80 >> UInt(column)) != 0 { column += 1 }
                cairo_rectangle(context, Double(start), -1, Double(column - start), 1)
            }
            cairo_fill(context)
            extents?.pointee.x_advance = Double(QRGlyphFont.width)
            return CAIRO_STATUS_SUCCESS
        }
        return FontFace(cairoFace: face)
    }()

    /// The glyphs that draw `matrix` with its top left module at (`x`, `y`), each module
    /// `module` units square; light groups of eight are left out.
    static func glyphs(for matrix: QRMatrix, x: Double, y: Double, module: Double) -> [cairo_glyph_t] {
        var glyphs: [cairo_glyph_t] = []
        glyphs.reserveCapacity(matrix.size * (matrix.size + width - 1) / width)
        for row in 0..<matrix.size {
            var group = 0
            while group * width < matrix.size {
                var code: UInt = 0
                for bit in 0..<width {
                    let column = group * width + bit
                    if column < matrix.size, matrix.isDark(x: column, y: row) { code |= 0x80 >> UInt(bit) }
                }
                if code != 0 {
                    glyphs.append(cairo_glyph_t(index: code, x: x + Double(group * width) * module,
                                                y: y + Double(row + 1) * module))
                }
                group += 1
            }
        }
        return glyphs
    }
}
