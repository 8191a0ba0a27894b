import Foundation
import Testing

/// `--out FILE` when FILE is not a regular file.
@Suite("sapu: --out naming a device or a pipe")
struct OutputPathTests {
    /// An atomic write renamed a new file over the name: `--out /dev/stdout` run as root
    /// would have replaced the system's device node. A link to /dev/null stands in for it.
    @Test func aReportOrKeyExportToADeviceWritesIntoItInsteadOfReplacingIt() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let link = sapu.file("device")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        for arguments in [["report", "stock", "--format", "csv", "--out", "device"], ["key", "export", "--out", "device"]] {
            try sapu.ok(contentsOfArguments: arguments)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/null", "\(arguments)")
        }
        // A regular file is still replaced whole, and a directory is refused.
        try Data(String(repeating: "x", count: 5000).utf8).write(to: URL(fileURLWithPath: sapu.file("keys.pub")))
        try sapu.ok("key", "export", "--out", "keys.pub")
        #expect(try String(contentsOfFile: sapu.file("keys.pub"), encoding: .utf8).hasPrefix("# Sapu label keys"))
        #expect(try String(contentsOfFile: sapu.file("keys.pub"), encoding: .utf8).count < 400)
        try FileManager.default.createDirectory(atPath: sapu.file("folder"), withIntermediateDirectories: false)
        let folder = try sapu.run("key", "export", "--out", "folder", "--lang", "en")
        #expect(folder.status != 0 && folder.stderr.hasPrefix("error: cannot write to"), "\(folder.stderr)")
    }
}
