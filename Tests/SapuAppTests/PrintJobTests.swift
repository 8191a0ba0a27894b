import Foundation
@testable import SapuApp
import Testing

@Suite("Print job folders left by a killed run are removed by the next")
struct PrintJobTests {
    @Test func aFolderWhoseRunIsGoneIsRemovedAndALiveRunsStays() throws {
        let base = NSTemporaryDirectory() + "sapu-printjob-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: base) }
        // A process that has ended: its id names the folder its killed run left.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = base + "/sapu-print.\(ended.processIdentifier).Ab12Cd"
        let live = base + "/sapu-print.\(getpid()).Ef34Gh"
        let foreign = base + "/sapu-print.notapid"
        for folder in [abandoned, live, foreign] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("label".utf8).write(to: URL(fileURLWithPath: folder + "/labels.zpl"))
        }
        PrintJob.removeAbandoned(in: base)
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(FileManager.default.fileExists(atPath: live + "/labels.zpl"))
        #expect(FileManager.default.fileExists(atPath: foreign + "/labels.zpl"))
    }

    @Test func aJobsFolderNamesItsProcessAndGoesAwayWhenRemoved() throws {
        let job = try PrintJob([(name: "labels.zpl", bytes: Array("^XA^XZ".utf8))])
        #expect((job.directory as NSString).lastPathComponent.hasPrefix("sapu-print.\(getpid())."))
        #expect(FileManager.default.contents(atPath: job.paths[0]) == Data("^XA^XZ".utf8))
        job.remove()
        #expect(!FileManager.default.fileExists(atPath: job.directory))
    }
}
