import CCairo
import Foundation
import SapuCore
import Synchronization

/// A TrueType face ready for cairo; use it inside `FontLibrary.withText`.
struct FontFace: @unchecked Sendable {
    let cairoFace: OpaquePointer
}

/// Loads each font file once per process and keeps it for the process's lifetime.
///
/// Labels are rendered by the thousand; opening DejaVu for each one would dominate the
/// time. Faces are never released: there are two of them, and cairo's caches may hold
/// them after any renderer is gone.
final class FontLibrary: Sendable {
    static let shared = FontLibrary()

    private struct State: ~Copyable {
        var library: OpaquePointer?
        var faces: [String: FontFace] = [:]
    }

    private let state = Mutex(State())
    private let textLock = NSLock()

    /// Runs `body`, which measures or draws text with these faces, alone.
    ///
    /// cairo 1.16 aborts (`! scaled_font->cache_frozen`) when threads share a scaled
    /// font, so everything that touches one, including destroying a context that drew
    /// with it, happens under this lock. The rest of a label, the QR code and the PNG
    /// compression, runs in parallel.
    func withText<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        textLock.lock()
        defer { textLock.unlock() }
        return try body()
    }

    func face(atPath path: String) throws(SapuError) -> FontFace {
        let loaded: FontFace? = state.withLock { state in
            if let face = state.faces[path] { return face }
            guard FileManager.default.isReadableFile(atPath: path) else { return nil }
            if state.library == nil {
                var library: OpaquePointer?
                guard FT_Init_FreeType(&library) == 0 else { return nil }
                state.library = library
            }
            var ftFace: FT_Face?
            guard FT_New_Face(state.library, path, 0, &ftFace) == 0, let ftFace else { return nil }
            guard let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, 0),
                  cairo_font_face_status(cairoFace) == CAIRO_STATUS_SUCCESS else {
                FT_Done_Face(ftFace)
                return nil
            }
            let face = FontFace(cairoFace: cairoFace)
            state.faces[path] = face
            return face
        }
        guard let loaded else { throw .fontMissing(path: path) }
        return loaded
    }
}
