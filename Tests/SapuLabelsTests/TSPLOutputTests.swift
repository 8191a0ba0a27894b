import Foundation
import SapuCore
import SapuLabels
import Testing

@Suite("TSPL labels")
struct TSPLOutputTests {
    @Test("the bitmap is the label's PNG pixels, a 0 bit for each black dot", arguments: ["thermal-50x30", "thermal-60x40"])
    func theBitmapIsThePNGsPixels(name: String) throws {
        let template = try Fixtures.template(name)
        let renderer = try LabelRenderer(template: template)
        let faces = [Fixtures.passed(serial: 1), Fixtures.failed(serial: 2)]
        let bytes = try renderer.tspl(faces)
        let widthBytes = (template.widthDots + 7) / 8
        let header = Array("SIZE \(Int(template.label.widthMM)) mm,\(Int(template.label.heightMM)) mm\r\nGAP 2 mm,0\r\nDIRECTION 1\r\nCLS\r\nBITMAP 0,0,\(widthBytes),\(template.heightDots),0,".utf8)
        let trailer = Array("\r\nPRINT 1,1\r\n".utf8)
        let jobLength = header.count + widthBytes * template.heightDots + trailer.count
        #expect(bytes.count == 2 * jobLength)
        for (index, face) in faces.enumerated() {
            let job = Array(bytes[index * jobLength..<(index + 1) * jobLength])
            #expect(Array(job.prefix(header.count)) == header)
            #expect(Array(job.suffix(trailer.count)) == trailer)
            let image = try renderer.image(face)
            var mismatches = 0
            for y in 0..<template.heightDots {
                for x in 0..<widthBytes * 8 {
                    let bit = job[header.count + y * widthBytes + x / 8] & (0x80 >> UInt8(x % 8)) != 0
                    // Past the right edge: white.
                    let white = x >= image.width || image[x, y] >= 128
                    if bit != white { mismatches += 1 }
                }
            }
            #expect(mismatches == 0)
        }
    }

    @Test func aFractionalSizeIsWrittenWithADecimalPoint() throws {
        var template = try Fixtures.template("thermal-60x40")
        template.label.widthMM = 63.5
        template.name = "thermal-63"
        let bytes = try LabelRenderer(template: template).tspl([Fixtures.passed()])
        #expect(bytes.starts(with: Array("SIZE 63.5 mm,40 mm\r\n".utf8)))
    }
}
