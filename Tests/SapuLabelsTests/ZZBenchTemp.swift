import Foundation
import SapuLabels
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["SAPU_BENCH"] != nil))
struct ZZBenchTemp {
    @Test func bench() throws {
        let count = Int(ProcessInfo.processInfo.environment["SAPU_BENCH"]!)!
        let what = ProcessInfo.processInfo.environment["SAPU_BENCH_WHAT"] ?? "all"
        let faces = (1...count).map { $0 % 5 == 0 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
        for name in ["thermal-50x30", "a4-3x8"] {
            let template = try Fixtures.template(name)
            let renderer = try LabelRenderer(template: template)
            var clock = ContinuousClock.now
            if what == "all" || what == "parts" {
                for face in faces { _ = try QRMatrix.encode(face.payload, version: template.qr.version, level: template.qr.level) }
                print("encode \(name): \(ContinuousClock.now - clock)")
                clock = ContinuousClock.now
                var images: [GrayImage] = []
                for face in faces { images.append(try renderer.image(face)) }
                print("image \(name): \(ContinuousClock.now - clock)")
                clock = ContinuousClock.now
                for image in images { _ = try image.png(dotsPerInch: 203) }
                print("png-encode \(name): \(ContinuousClock.now - clock)")
            }
            if what == "all" || what == "png" {
                clock = ContinuousClock.now
                var bytes = 0
                for face in faces { bytes += try renderer.png(face).count }
                print("PNG \(name): \(ContinuousClock.now - clock) for \(count), \(bytes / count) bytes avg")
            }
            if what == "all" || what == "pdf" {
                clock = ContinuousClock.now
                let pdf = try renderer.pdf(faces, skip: 0)
                print("PDF \(name): \(ContinuousClock.now - clock) for \(count), \(pdf.count) bytes")
                try Data(pdf).write(to: URL(fileURLWithPath: "/tmp/bench-\(name).pdf"))
            }
            if what == "all" || what == "zpl" {
                clock = ContinuousClock.now
                let zpl = try renderer.zpl(faces)
                print("ZPL \(name): \(ContinuousClock.now - clock) for \(count), \(zpl.utf8.count) bytes")
            }
        }
    }
}
