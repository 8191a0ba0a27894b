import Foundation
import SapuLabels
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["SAPU_BENCH"] != nil))
struct ZZBenchTemp {
    @Test func bench() throws {
        let count = Int(ProcessInfo.processInfo.environment["SAPU_BENCH"]!)!
        let faces = (1...count).map { $0 % 5 == 0 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
        for name in ["thermal-50x30", "a4-3x8"] {
            let renderer = try LabelRenderer(template: try Fixtures.template(name))
            var clock = ContinuousClock.now
            var bytes = 0
            for face in faces { bytes += try renderer.png(face).count }
            print("PNG \(name): \(ContinuousClock.now - clock) for \(count), \(bytes / count) bytes avg")
            clock = ContinuousClock.now
            let pdf = try renderer.pdf(faces, skip: 0)
            print("PDF \(name): \(ContinuousClock.now - clock) for \(count), \(pdf.count) bytes")
            try Data(pdf).write(to: URL(fileURLWithPath: "/tmp/bench-\(name).pdf"))
            clock = ContinuousClock.now
            let zpl = try renderer.zpl(faces)
            print("ZPL \(name): \(ContinuousClock.now - clock) for \(count), \(zpl.utf8.count) bytes")
        }
    }
}
