import Foundation
import Testing

@Suite("sapu: an installed binary needs no file beside it")
struct InstalledBinaryTests {
    @Test func aCopiedBinaryRendersLabelsFromAnyDirectoryWithoutSapuLabels() throws {
        // As after `install -m 755 .build/release/sapu /usr/local/bin/sapu`: no labels/ near it.
        let root = NSTemporaryDirectory() + "sapu-installed-" + UUID().uuidString
        let bin = root + "/bin"
        let work = root + "/elsewhere"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: SapuRunner.binary, toPath: bin + "/sapu")

        var environment = ProcessInfo.processInfo.environment
        environment["SAPU_LABELS"] = nil
        environment["SAPU_DB"] = work + "/sapu.sqlite"
        environment["SAPU_NOW"] = "2025-11-21T08:00:00+07:00"
        environment["SAPU_LANG"] = "en"
        environment["PATH"] = bin + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        @discardableResult
        func sapu(_ arguments: String...) throws -> SapuRunner.Output {
            // Run through PATH, as a user types `sapu`.
            let output = try SapuRunner.execute("sapu", arguments, environment: environment, directory: work)
            #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)")
            return output
        }
        try sapu("init", "--site", "PWT", "--name", "Lapas Kelas IIA Purwokerto")
        try sapu("maker", "add", "M042")
        let batch = try sapu("batch", "create", "--product", "LIDI").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try sapu("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        let printed = try sapu("label", "--batch", batch, "--out", "labels-out")
        #expect(printed.lines.contains(work + "/labels-out/\(batch)-0001.png") || printed.lines.contains("labels-out/\(batch)-0001.png"),
                "\(printed.stdout)")
        #expect(FileManager.default.fileExists(atPath: work + "/labels-out/\(batch)-0002.png"))
        try sapu("label", "--batch", batch, "--format", "pdf", "--template", "a4-3x7", "--out", "labels-out")
        let templates = try sapu("label", "templates", "--json")
        let names = (try JSONSerialization.jsonObject(with: Data(templates.stdout.utf8)) as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["a4-3x7", "a4-3x8", "thermal-50x30", "thermal-60x40"])
    }
}
