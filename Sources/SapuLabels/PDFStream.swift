import CCairo
import SapuCore

/// A PDF drawn with cairo straight into memory: the one place that owns the stream
/// surface, its metadata and its error checks, for label sheets and the surat jalan.
enum PDFStream {
    /// Draws pages of `width` × `height` points with `draw`, which ends each page itself
    /// (`cairo_show_page`), and returns the file's bytes.
    static func make(width: Double, height: Double, title: String,
                     draw: (OpaquePointer) throws(SapuError) -> Void) throws(SapuError) -> [UInt8] {
        let sink = Sink()
        let write: cairo_write_func_t = { closure, data, length in
            let sink = Unmanaged<Sink>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let closure = Unmanaged.passRetained(sink)
        defer { closure.release() }
        guard let surface = cairo_pdf_surface_create_for_stream(write, closure.toOpaque(), width, height),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw .renderFailed("PDF")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Sapu")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        guard let context = cairo_create(surface) else { throw .renderFailed("PDF") }
        defer { cairo_destroy(context) }
        LabelFonts.apply(to: context)
        try draw(context)
        cairo_surface_finish(surface)
        guard cairo_status(context) == CAIRO_STATUS_SUCCESS,
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw .renderFailed("PDF") }
        return sink.bytes
    }

    /// Collects what cairo writes; a class so cairo's C callback can reach it.
    private final class Sink {
        var bytes: [UInt8] = []
    }
}
