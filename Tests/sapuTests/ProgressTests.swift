import Foundation
import Testing

@Suite("Long commands show progress on stderr at a terminal, and nothing when piped")
struct ProgressTests {
    @Test func labelsForABatchPipedShowNoProgress() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2500", "--yes")
        // As many labels as the terminal test below, which shows progress.
        let run = try sapu.ok("label", "--batch", batch, "--out", "out", "--format", "pdf")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout == "out/labels-\(batch)-a4-3x8.pdf\n2500 label ditulis (templat a4-3x8, pdf)\n", "\(run.stdout)")
    }

    @Test(.enabled(if: Terminal.available, "needs script(1) for a terminal"))
    func labelsForALargeBatchAtATerminalShowProgressThenClearIt() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        // Enough labels that drawing them takes well over a second in any build.
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2500", "--yes")
        let indonesian = try Terminal.run(sapu, ["label", "--batch", batch, "--out", "out"], answer: "")
        #expect(indonesian.status == 0)
        #expect(indonesian.output.contains("Menggambar label: ") && indonesian.output.contains(" dari 2500 ("), "\(indonesian.output.prefix(400))")
        // The line is cleared before anything else is said: the summary starts on a clean line.
        let summary = try #require(indonesian.output.range(of: "2500 label ditulis"))
        let before = indonesian.output[..<summary.lowerBound]
        #expect(before.hasSuffix("\r\u{1B}[K") || before.contains("\r\u{1B}[K"), "\(before.suffix(200))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/out").count == 2500)

        let english = try Terminal.run(sapu, ["label", "--batch", batch, "--again", "--format", "zpl", "--out", "zpl", "--lang", "en"], answer: "")
        #expect(english.status == 0)
        #expect(english.output.contains("Drawing labels: ") && english.output.contains(" of 2500 ("), "\(english.output.prefix(400))")
        #expect(!english.output.contains("Menggambar"))
    }
}
