import Foundation
import SapuLabels
import Testing

/// Writes sample labels for a person to look at, when `SAPU_LABELS_PREVIEW` names a
/// directory: a passed and a failed label per template as PNG, a sheet PDF and ZPL.
@Suite("Label preview", .enabled(if: ProcessInfo.processInfo.environment["SAPU_LABELS_PREVIEW"] != nil))
struct LabelPreview {
    @Test func writeSamplesForVisualInspection() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["SAPU_LABELS_PREVIEW"]!)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var english = Fixtures.failed(serial: 1234)
        english.lines = ["Batch PWT251121A", "Maker M042", "QC date 2025-11-21"]
        english.result = "FAIL"
        english.content = "10 pcs"
        english.defects = "Loose binding, Damp / not dry, Too short, Broken ribs"
        var englishPassed = Fixtures.passed(serial: 1235)
        englishPassed.lines = english.lines
        englishPassed.result = "QC PASS"
        englishPassed.content = "10 pcs"
        englishPassed.grade = "B"
        var long = Fixtures.failed(serial: 1236)
        long.title = "Sapu Glagah Panjang Bertangkai Bambu Kualitas Ekspor"
        long.workshop = ["Lapas Kelas IIA Purwokerto Bengkel Kerja Utama", "PWT"]
        long.defects = "Ikatan longgar, Lembap / belum kering, Terlalu pendek, Lidi patah"
        for name in Fixtures.templateNames {
            let renderer = try LabelRenderer(template: try Fixtures.template(name))
            try Data(try renderer.png(Fixtures.passed())).write(to: directory.appendingPathComponent("\(name)-passed.png"))
            try Data(try renderer.png(Fixtures.failed())).write(to: directory.appendingPathComponent("\(name)-failed.png"))
            try Data(try renderer.png(english)).write(to: directory.appendingPathComponent("\(name)-english.png"))
            try Data(try renderer.png(englishPassed)).write(to: directory.appendingPathComponent("\(name)-english-passed.png"))
            try Data(try renderer.png(long)).write(to: directory.appendingPathComponent("\(name)-long.png"))
            // The text column three times bigger, dot for dot, to judge small text.
            let image = try renderer.image(Fixtures.failed())
            let left = image.width - image.width * 9 / 20
            var zoom = GrayImage(width: (image.width - left) * 3, height: image.height * 3)
            for y in 0..<zoom.height {
                for x in 0..<zoom.width { zoom[x, y] = image[left + x / 3, y / 3] }
            }
            try Data(try zoom.png(dotsPerInch: 600)).write(to: directory.appendingPathComponent("\(name)-zoom.png"))
            let faces = (1...30).map { $0 % 4 == 0 ? Fixtures.failed(serial: $0) : Fixtures.passed(serial: $0) }
            try Data(try renderer.pdf(faces, skip: name.hasPrefix("a4") ? 5 : 0))
                .write(to: directory.appendingPathComponent("\(name).pdf"))
            try renderer.zpl([Fixtures.passed(), Fixtures.failed()])
                .write(to: directory.appendingPathComponent("\(name).zpl"), atomically: true, encoding: .ascii)
        }
    }
}
