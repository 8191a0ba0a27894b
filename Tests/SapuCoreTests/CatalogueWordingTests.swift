import Foundation
import Testing

/// One word for one thing across the catalogue: a reader who meets "TIDAK LULUS" on a label
/// must not meet "GAGAL" in a report for the same result.
///
/// The catalogue is code, so its texts are read from the sources: every `Message(id: …, en: …)`
/// in the modules that print or draw something.
@Suite("Catalogue wording")
struct CatalogueWordingTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The text of every `id:` or `en:` argument in the sources that hold user-facing text.
    static func texts(_ label: String) throws -> [(file: String, text: String)] {
        let pattern = try NSRegularExpression(pattern: "\\b" + label + ":\\s*(\"\"\"[\\s\\S]*?\"\"\"|\"(?:[^\"\\\\]|\\\\.)*\")")
        var found: [(String, String)] = []
        for folder in ["Sources/SapuCore", "Sources/SapuApp", "Sources/SapuLabels", "Sources/sapu"] {
            let directory = root.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let name as String in files where name.hasSuffix(".swift") {
                let source = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                let range = NSRange(source.startIndex..., in: source)
                for match in pattern.matches(in: source, range: range) {
                    guard let text = Range(match.range(at: 1), in: source) else { continue }
                    found.append((folder + "/" + name, String(source[text])))
                }
            }
        }
        return found
    }

    /// Whole words only: "ikat" is wrong where "ikatan" is right.
    static func contains(_ text: String, word: String, caseSensitive: Bool = false) -> Bool {
        let options: NSRegularExpression.Options = caseSensitive ? [] : [.caseInsensitive]
        guard let regex = try? NSRegularExpression(pattern: "(?<![\\p{L}])" + word + "(?![\\p{L}])", options: options) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func theCatalogueIsFound() throws {
        #expect(try Self.texts("id").count > 300)
        #expect(try Self.texts("en").count > 300)
    }

    @Test func indonesianTextsUseOneWordForEachThing() throws {
        // A failed QC result is TIDAK LULUS; a bundle is an ikatan; the workshop is the Lapas or
        // the pengirim, and a site is a lokasi.
        let wrong = ["gagal", "ikat", "bengkel", "situs", "FAIL", "REJECT"]
        for (file, text) in try Self.texts("id") {
            for word in wrong where Self.contains(text, word: word, caseSensitive: word == word.uppercased()) {
                Issue.record("\(file): \"\(word)\" in \(text)")
            }
        }
    }

    @Test func englishTextsSayFailForAFailedResult() throws {
        for (file, text) in try Self.texts("en") where Self.contains(text, word: "REJECT", caseSensitive: true)
            || Self.contains(text, word: "GAGAL") || Self.contains(text, word: "TIDAK LULUS") {
            Issue.record("\(file): \(text)")
        }
    }
}
