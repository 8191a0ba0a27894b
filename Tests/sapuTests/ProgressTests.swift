import Foundation
import Testing

@Suite("Long commands show progress on stderr at a terminal, and nothing when piped")
struct ProgressTests {
    @Test func labelsForABatchPipedShowNoProgress() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2500", "--yes")
        // As many labels as the terminal test below, which shows progress.
        let run = try sapu.ok("label", "--batch", batch, "--out", "out", "--format", "pdf")
        // Only the line that says which template PDF took: no progress, no control codes.
        #expect(run.stderr == "--format pdf tanpa --template: memakai lembar stiker A4 a4-3x8; untuk satu halaman per label pakai --template thermal-50x30\n",
                "\(run.stderr)")
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

    @Test(.enabled(if: Terminal.available, "needs script(1) for a terminal"))
    func scansPipedInWithAnswersToAFileAreCountedAtTheTerminal() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let ids = try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "40", "--yes")
            .stdout.split(separator: "\n").map(String.init)
        // A scanner's memory: many lines, most of them the same few typed ids again.
        let lines = (0..<40_000).map { ids[$0 % ids.count] }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: sapu.directory + "/scans.txt"))
        let shell = "'\(SapuRunner.binary)' scan --mode check < scans.txt > answers.txt"
        let run = try SapuRunner.execute("/usr/bin/script", ["-qec", shell, "/dev/null"], input: Data(),
                                         environment: sapu.environment, directory: sapu.directory)
        #expect(run.stdout.contains("Memproses pindaian: "), "\(run.stdout.prefix(300))")
        let answers = try String(contentsOfFile: sapu.directory + "/answers.txt", encoding: .utf8)
        #expect(answers.split(separator: "\n").count >= 40_000)
        #expect(!answers.contains("Memproses") && !answers.contains("\u{1B}"))
        // With the answers on the terminal, they are the progress: no count is drawn.
        let shown = try SapuRunner.execute("/usr/bin/script", ["-qec", "'\(SapuRunner.binary)' scan --mode check < scans.txt", "/dev/null"],
                                           input: Data(), environment: sapu.environment, directory: sapu.directory)
        #expect(!shown.stdout.contains("Memproses pindaian"))
    }
}
