import Foundation
@testable import SapuLabels
import Testing

/// What a person reads on a label: the big grade or TIDAK LULUS, the workshop and the
/// bundle's content, and the bundle id never smaller than the lines around it.
@Suite("Label face layout")
struct LabelFaceLayoutTests {
    /// Faces with everything long: product, workshop, defects, and a bundle id, in both languages.
    static func hostileFaces() -> [(String, LabelFace)] {
        var faces: [(String, LabelFace)] = []
        for english in [false, true] {
            for failed in [false, true] {
                var face = failed ? Fixtures.failed() : Fixtures.passed()
                face.title = "Sapu Glagah Panjang Bertangkai Bambu Kualitas Ekspor Nomor Satu"
                face.workshop = ["Lapas Kelas IIA Purwokerto Bengkel Kerja Sapu dan Kerajinan Tangan", "PWT"]
                if english {
                    face.lines = ["Batch PWT251121A", "Maker M042", "QC date 2025-11-21"]
                    face.result = failed ? "FAIL" : "QC PASS"
                    face.content = "10 pcs"
                }
                face.defects = english
                    ? "Loose binding, Damp / not dry, Too short, Broken ribs, Dirty, Wrong count"
                    : "Ikatan longgar, Lembap / belum kering, Terlalu pendek, Lidi patah, Kotor, Jumlah salah"
                faces.append(("\(english ? "en" : "id") \(failed ? "failed" : "passed")", face))
                var longID = face
                longID.bundleID = "PWT251121ABCDEFG-1234567"
                faces.append(("\(english ? "en" : "id") \(failed ? "failed" : "passed") long id", longID))
            }
        }
        return faces
    }

    static func layout(_ face: LabelFace, on template: LabelTemplate, ascii: Bool = false) throws -> LabelLayout {
        let renderer = try LabelRenderer(template: template)
        return FontLibrary.shared.withText {
            LabelLayout(face: face, template: template, meter: renderer.meter, ascii: ascii)
        }
    }

    @Test("the bundle id is never set smaller than any other line", arguments: Fixtures.templateNames)
    func theBundleIDIsNeverSmallerThanAnyOtherLine(name: String) throws {
        let template = try Fixtures.template(name)
        for (what, face) in Self.hostileFaces() {
            for ascii in [false, true] {
                let layout = try Self.layout(face, on: template, ascii: ascii)
                let id = try #require(layout.bundleIDIndex, "\(name) \(what)")
                #expect(layout.texts[id].string == face.bundleID, "\(name) \(what): the id is never cut")
                for (index, text) in layout.texts.enumerated() where index != id && !layout.bigIndices.contains(index) {
                    #expect(text.size <= layout.texts[id].size + 1e-9,
                            "\(name) \(what): \"\(text.string)\" at \(text.size) dots, id at \(layout.texts[id].size)")
                }
            }
        }
    }

    @Test("the grade letter and TIDAK LULUS have capitals at least 5 mm high", arguments: Fixtures.templateNames)
    func theResultIsReadableFromAMetre(name: String) throws {
        let template = try Fixtures.template(name)
        let fiveMM = 5.0 * Double(template.dpi) / 25.4
        for (what, face) in Self.hostileFaces() {
            let layout = try Self.layout(face, on: template)
            #expect(!layout.bigIndices.isEmpty, "\(name) \(what)")
            for index in layout.bigIndices {
                let text = layout.texts[index]
                #expect(text.size * LabelLayout.capHeight >= fiveMM - 1e-9, "\(name) \(what): \(text.string)")
                #expect(text.reversed == face.failed)
            }
            let words = layout.bigIndices.map { layout.texts[$0].string }.joined(separator: " ")
            #expect(words == (face.failed ? face.result : face.grade!), "\(name) \(what)")
            // Everything stays on the label, inside its margins.
            let margin = Double(template.dots(template.marginMM))
            for text in layout.texts {
                #expect(text.baseline <= Double(template.heightDots) - margin + 1, "\(name) \(what): \(text.string)")
                #expect(text.baseline - LabelLayout.ascent * text.size >= margin - 1, "\(name) \(what): \(text.string)")
            }
        }
    }

    @Test func theGradeLetterInkIsAtLeastFiveMillimetresTallOnTheSmallestThermalLabel() throws {
        let template = try Fixtures.template("thermal-50x30")
        let image = try LabelRenderer(template: template).image(Fixtures.passed())
        let layout = try Self.layout(Fixtures.passed(), on: template)
        let letter = layout.texts[layout.bigIndices[0]]
        // The ink of the letter's column, measured in the printed dots.
        let column = Int(letter.x + letter.size * 0.38)
        let rows = (0..<image.height).filter { image[column, $0] < 128 }
        let height = try #require(rows.max()) - (try #require(rows.min())) + 1
        #expect(Double(height) >= 5.0 * 203 / 25.4 - 1, "letter \(height) dots tall")
    }

    @Test("an ordinary label keeps every line at 2 mm or more", arguments: Fixtures.templateNames)
    func anOrdinaryLabelKeepsEveryLineReadable(name: String) throws {
        let template = try Fixtures.template(name)
        let smallest = LabelLayout.smallestMM * Double(template.dpi) / 25.4
        var english = Fixtures.failed()
        english.lines = ["Batch PWT251121A", "Maker M042", "QC date 2025-11-21"]
        english.result = "FAIL"
        english.content = "10 pcs"
        english.defects = "Loose binding, Damp / not dry"
        for face in [Fixtures.passed(), Fixtures.failed(), english] {
            let layout = try Self.layout(face, on: template)
            for text in layout.texts {
                #expect(text.size >= smallest - 1e-9, "\(name): \"\(text.string)\" at \(text.size) dots")
                #expect(!text.string.hasSuffix("\u{2026}"), "\(name): \"\(text.string)\" cut")
            }
        }
    }

    @Test func theWorkshopNameIsPrintedWhenItFitsElseItsCode() throws {
        let wide = try Self.layout(Fixtures.passed(), on: try Fixtures.template("a4-3x8"))
        #expect(wide.texts.contains { $0.string == "Lapas Purwokerto \u{00B7} isi 10" })
        var face = Fixtures.passed()
        face.workshop = ["Lapas Kelas IIA Purwokerto Bengkel Kerja Sapu", "PWT"]
        let narrow = try Self.layout(face, on: try Fixtures.template("thermal-50x30"))
        #expect(narrow.texts.contains { $0.string == "PWT \u{00B7} isi 10" })
    }

    @Test func aCrowdedFailedLabelLeavesOffTheBatchBeforeAnythingElse() throws {
        var face = Fixtures.failed()
        face.defects = "Ikatan longgar, Lembap / belum kering, Terlalu pendek, Lidi patah"
        let layout = try Self.layout(face, on: try Fixtures.template("thermal-50x30"))
        let strings = layout.texts.map(\.string)
        #expect(!strings.contains("Batch PWT251121A"))
        #expect(strings.contains("Pembuat M042") && strings.contains("Tgl QC 2025-11-21"))
        let roomy = try Self.layout(face, on: try Fixtures.template("a4-3x8"))
        #expect(roomy.texts.map(\.string).contains("Batch PWT251121A"))
    }
}
