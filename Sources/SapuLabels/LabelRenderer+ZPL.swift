import Dispatch
import SapuCore
import Synchronization

extension LabelRenderer {
    /// Labels as ZPL II for a Zebra-compatible printer, one `^XA … ^XZ` block per label.
    ///
    /// The QR symbol is sent as a graphic field built from Sapu's own matrix at
    /// `moduleDots` per module, so the printed symbol is exactly the one encoded here,
    /// not the printer's own idea of it. Text uses the built-in scalable font 0 and is
    /// kept to ASCII, which that font can print.
    ///
    /// The blocks are made on every core (encoding the symbol is the costly part; the text
    /// layout takes its turn at the fonts) and joined in order; the first failure (a
    /// payload too long for the template) is thrown once all are done.
    public func zpl(_ faces: [LabelFace], progress: WorkProgress = .silent) throws(SapuError) -> String {
        let shift = template.canvasPlacement(offset: offset)
        let results = Mutex([Int: Result<String, SapuError>]())
        DispatchQueue.concurrentPerform(iterations: faces.count) { index in
            let result = Result { () throws(SapuError) -> String in
                let matrix = try matrix(for: faces[index])
                let layout = FontLibrary.shared.withText {
                    LabelLayout(face: faces[index], template: template, meter: meter, ascii: true, region: shift.region)
                }
                return block(for: matrix, layout: layout, dx: shift.dx, dy: shift.dy)
            }
            results.withLock { $0[index] = result }
            progress.advance()
        }
        return try results.withLock { results throws(SapuError) -> String in
            var document = ""
            for index in faces.indices { document += try results[index]!.get() }
            return document
        }
    }

    /// One label, everything moved by (`dx`, `dy`) dots: the calibration shift.
    private func block(for matrix: QRMatrix, layout: LabelLayout, dx: Int, dy: Int) -> String {
        var lines = ["^XA", "^CI0", "^PW\(template.widthDots)", "^LL\(template.heightDots)", "^LH0,0"]
        let quiet = quietZone(around: matrix) * template.qr.moduleDots
        let graphic = ZPLGraphic(matrix, moduleDots: template.qr.moduleDots)
        lines.append("^FO\(layout.qrX + dx + quiet),\(layout.qrY + dy + quiet)" + graphic.command + "^FS")
        for box in layout.boxes {
            let height = Int(box.height.rounded())
            lines.append("^FO\(Int(box.x.rounded()) + dx),\(Int(box.y.rounded()) + dy)"
                         + "^GB\(Int(box.width.rounded())),\(height),\(height),B,0^FS")
        }
        for text in layout.texts {
            let height = max(10, Int(text.size.rounded()))
            let width = max(10, Int((text.size * text.condense).rounded()))
            // ^FT places the text by its baseline, as the layout does; ^FR prints it
            // reversed over the black box.
            lines.append("^FT\(Int(text.x.rounded()) + dx),\(Int(text.baseline.rounded()) + dy)"
                         + "^A0N,\(height),\(width)" + (text.reversed ? "^FR" : "")
                         + "^FH^FD" + ZPLText.escaped(text.string) + "^FS")
        }
        lines.append("^PQ1")
        lines.append("^XZ")
        return lines.joined(separator: "\n") + "\n"
    }
}
