import Foundation
import SapuApp
import SapuCore
import Testing

@Suite("Output directory file names")
struct OutputDirectoryNameTests {
    @Test func onlyNamesMadeOfCodeCharactersAreWritten() throws {
        for name in ["PWT251121A-0001.png", "labels-PWT251121A-a4-3x8.pdf", "001-SJ-PWT-XI-2025.manifest.json",
                     "sapu-commands.pdf", "label_x.zpl"] {
            #expect(OutputDirectory.isSafeName(name), "\(name)")
        }
        for name in ["labels-PWT251121A\t-a4-3x8.pdf", "PWT251121A\n-0001.png", "../x.png", "a/b.png", ".hidden",
                     "", "é.png", "x\u{1B}[2J.pdf", String(repeating: "a", count: 201)] {
            #expect(!OutputDirectory.isSafeName(name), "\(name.debugDescription)")
        }
        let directory = NSTemporaryDirectory() + "sapu-names-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = try OutputDirectory(directory)
        #expect(throws: SapuError.unsafeFileName("labels-PWT\t.pdf")) {
            try output.stage([("ok.pdf", [1]), ("labels-PWT\t.pdf", [2])])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}
