import Dispatch
import SapuCore
import Synchronization

extension LabelRenderer {
    /// Labels as TSPL for TSC and Xprinter-class thermal printers: one job per label,
    /// each `SIZE`, `GAP`, `DIRECTION`, `CLS`, `BITMAP`, `PRINT 1,1`, every command ended by
    /// CR LF (docs/label-templates.md, "TSPL").
    ///
    /// The whole label face is sent as one bitmap at the template's dots, the same pixels
    /// as the PNG: the printer's own fonts and QR generator are never used, so the symbol
    /// printed is exactly the one encoded here. Bitmap bits follow TSPL's `BITMAP` mode 0
    /// (overwrite): 0 prints a dot, 1 leaves it white. Labels render on every core.
    public func tspl(_ faces: [LabelFace], progress: WorkProgress = .silent) throws(SapuError) -> [UInt8] {
        let results = Mutex([Int: Result<[UInt8], SapuError>]())
        DispatchQueue.concurrentPerform(iterations: faces.count) { index in
            let result = Result { () throws(SapuError) -> [UInt8] in Self.tsplJob(try image(faces[index]), template: template) }
            results.withLock { $0[index] = result }
            progress.advance()
        }
        return try results.withLock { results throws(SapuError) -> [UInt8] in
            var document: [UInt8] = []
            for index in faces.indices { document += try results[index]!.get() }
            return document
        }
    }

    /// One label's job; `image` has the template's size in dots.
    static func tsplJob(_ image: GrayImage, template: LabelTemplate) -> [UInt8] {
        let widthBytes = (image.width + 7) / 8
        var job = Array(("SIZE \(millimetres(template.label.widthMM)) mm,\(millimetres(template.label.heightMM)) mm\r\n"
                         + "GAP 2 mm,0\r\n"
                         + "DIRECTION 1\r\n"
                         + "CLS\r\n"
                         + "BITMAP 0,0,\(widthBytes),\(image.height),0,").utf8)
        job.reserveCapacity(job.count + widthBytes * image.height + 16)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<image.height {
                // Every bit starts white (1), padding past the right edge included.
                var row = [UInt8](repeating: 0xFF, count: widthBytes)
                let start = y * image.width
                for x in 0..<image.width where pixels[start + x] < 128 {
                    row[x >> 3] &= ~(0x80 >> UInt8(x & 7))
                }
                job += row
            }
        }
        job += Array("\r\nPRINT 1,1\r\n".utf8)
        return job
    }

    /// `50`, or `63.5`: TSPL reads a decimal point, whatever the user's language.
    static func millimetres(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
