import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

extension SapuRunner {
    /// Runs `sapu ARGS` with stdin from `inputFile` and returns its output and its peak
    /// resident memory in KiB, as GNU time measures it for sapu alone.
    func runMeasuringMemory(_ arguments: [String], inputFile: String) throws -> (output: Output, peakKiB: Int) {
        let scratch = NSTemporaryDirectory() + "sapu-mem-" + UUID().uuidString
        defer { for suffix in [".out", ".err", ".rss"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, scratch + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // posix_spawn shares this test process's memory until exec, and Linux carries that
        // high-water mark into the child's rusage. GNU time forks sapu from its own small
        // process and reports sapu's peak alone (`%M`, KiB).
        let script = "cd \"$0\" && peak=\"$1\" && shift && exec /usr/bin/time -f %M -o \"$peak\" \"$@\""
        let argv = (["/bin/sh", "-c", script, directory, scratch + ".rss", Self.binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        try #require(spawned == 0, "posix_spawn failed: \(spawned)")
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            try #require(errno == EINTR, "wait4 failed")
        }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = FileManager.default.contents(atPath: scratch + ".out") ?? Data()
        let err = FileManager.default.contents(atPath: scratch + ".err") ?? Data()
        let rss = String(decoding: FileManager.default.contents(atPath: scratch + ".rss") ?? Data(), as: UTF8.self)
        // GNU time writes "Command exited with non-zero status N" before the figure when sapu fails.
        let peak = try #require(rss.split(whereSeparator: \.isNewline).last.flatMap { Int($0) }, "no peak from time: \(rss)")
        return (Output(status: exit, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self)),
                peak)
    }
}

@Suite("sapu scan and verify: hostile input costs linear time and bounded memory")
struct ScanDenialOfServiceTests {
    /// The longest line kept in full: a few times the longest label (docs/scanning.md).
    static let keptLength = 4 * 217

    /// Break: reading a line was quadratic and kept all of it (40 MB: minutes, the station frozen).
    /// Now only the start of an over-long line is kept; the rest is counted and skipped.
    @Test func aFortyMegabyteLineIsRefusedAndTheNextLinesAreStillAnswered() throws {
        let shop = try ScanningWorkshop()
        let sapu = shop.sapu
        var input = Data()
        input += Data(repeating: UInt8(ascii: "A"), count: 40_000_000) + Data("\n".utf8)
        input += Data((shop.label(1) + "\r\n").utf8)
        input += Data(repeating: 0xFF, count: 3_000_000) + Data("\r".utf8)                  // not UTF-8, CR only
        input += Data((shop.label(2) + "\n").utf8)
        input += Data(String(repeating: "é", count: 2_000).utf8) + Data("\n".utf8)          // 2,000 characters, 4,000 bytes
        input += Data(repeating: UInt8(ascii: "9"), count: 5_000_000)                         // no line ending at the end
        let file = sapu.directory + "/long-lines.txt"
        try input.write(to: URL(fileURLWithPath: file))

        let (output, peak) = try sapu.runMeasuringMemory(["scan", "--mode", "receive", "--json", "--lang", "en"], inputFile: file)
        #expect(output.status == 0, "\(output.stderr)")
        let run = ScanRun(output)
        #expect(run.outcomes == ["not-sapu", "accepted", "not-sapu", "accepted", "not-sapu", "not-sapu"], "\(run.answers)")
        guard run.answers.count == 6 else { return }
        #expect(run.answers[0].reason?.contains("too long (40000000 characters)") == true, "\(run.answers[0])")
        #expect(run.answers[2].reason?.contains("too long (3000000 characters)") == true, "\(run.answers[2])")
        #expect(run.answers[4].reason?.contains("too long (2000 characters)") == true, "\(run.answers[4])")
        #expect(run.answers[5].reason?.contains("too long (5000000 characters)") == true, "\(run.answers[5])")
        // Only a bounded start of each line was kept (and echoed).
        #expect(run.answers.allSatisfy { $0.input.utf8.count <= 3 * Self.keptLength }, "\(run.answers.map(\.input.utf8.count))")
        #expect(run.answers.map(\.bundle) == [nil, shop.id(1), nil, shop.id(2), nil, nil])

        // Memory: the same station answering one short line, plus far less than the 40 MB line.
        let short = sapu.directory + "/short.txt"
        try Data((shop.label(3) + "\n").utf8).write(to: URL(fileURLWithPath: short))
        let (_, baseline) = try sapu.runMeasuringMemory(["scan", "--mode", "check", "--json"], inputFile: short)
        #expect(peak < baseline + 16 * 1024, "peak \(peak) KiB against \(baseline) KiB for one short line")
    }

    /// The partner's `sapu verify` reads its scans with the same reader.
    @Test func thePartnersVerifyRefusesAnOverLongLineAndGoesOn() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        var input = Data(repeating: UInt8(ascii: "S"), count: 20_000_000) + Data("\n".utf8)
        input += Data((shop.labels[shop.packed[0]]! + "\n").utf8)
        let file = partner.directory + "/long.txt"
        try input.write(to: URL(fileURLWithPath: file))
        let (output, peak) = try partner.runMeasuringMemory(shop.verifyArguments + ["--json", "--lang", "en"], inputFile: file)
        #expect(output.status == 0, "\(output.stderr)")
        let answers = output.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["outcome"] != nil }
        #expect(answers.map { $0["outcome"] as? String } == ["not-sapu", "expected"], "\(output.stdout.prefix(2000))")
        #expect((answers.first?["reason"] as? String)?.contains("too long (20000000 characters)") == true)
        // Neither the answer nor the resumable state file holds more than the line's start.
        #expect(((answers.first?["input"] as? String)?.utf8.count ?? 0) <= 3 * Self.keptLength)
        let state = try FileManager.default.attributesOfItem(atPath: partner.directory + "/" + shop.stem + ".verify.jsonl")
        #expect((state[.size] as? Int ?? 0) < 64 * 1024, "state file: \(state[.size] ?? 0) bytes")
        #expect(peak < 200 * 1024, "peak \(peak) KiB")
    }

    /// Break: a 117 KB PNG declaring 60000 × 60000 pixels took 3.5 GB. The header is checked
    /// against the documented limit before any pixel memory is taken.
    @Test func imagesLargerThanTheLimitAreRefusedBeforeDecoding() throws {
        let shop = try ScanningWorkshop()
        let sapu = shop.sapu
        let folder = sapu.directory + "/"
        try Self.pngDeclaring(width: 60_000, height: 60_000).write(to: URL(fileURLWithPath: folder + "bomb.png"))
        try Self.pngDeclaring(width: 10_000, height: 5_001).write(to: URL(fileURLWithPath: folder + "just-over.png"))
        try (Data("P5\n60000 60000\n255\n".utf8) + Data(count: 4096)).write(to: URL(fileURLWithPath: folder + "bomb.pgm"))
        try Data(try ScanPhotoTests.jpegDeclaring(width: 65_000, height: 65_000)).write(to: URL(fileURLWithPath: folder + "bomb.jpg"))
        // A file larger than any photo is not read at all (sparse: it costs no disk).
        let huge = FileManager.default.createFile(atPath: folder + "huge.png", contents: nil)
        #expect(huge && truncate(folder + "huge.png", 300 * 1_048_576) == 0)
        let label = folder + "labels/\(shop.id(1)).png"
        let empty = folder + "empty.txt"
        try Data().write(to: URL(fileURLWithPath: empty))

        let (output, peak) = try sapu.runMeasuringMemory(
            ["scan", "--mode", "receive", "--json", "--lang", "en", "--image", "bomb.png", "just-over.png", "bomb.pgm", "huge.png",
             "/dev/zero", "bomb.jpg", label], inputFile: empty)
        #expect(output.status == 1, "six files were not read: \(output.stderr)")
        let run = ScanRun(output)
        #expect(run.outcomes == ["not-sapu", "not-sapu", "not-sapu", "not-sapu", "not-sapu", "not-sapu", "accepted"], "\(run.answers)")
        guard run.answers.count == 7 else { return }
        #expect(run.answers[0].reason == "image bomb.png is 60000 × 60000 pixels; at most 50 megapixels are read (scale the photo down)")
        #expect(run.answers[1].reason?.contains("10000 × 5001 pixels") == true, "\(run.answers[1])")
        #expect(run.answers[2].reason?.contains("60000 × 60000 pixels") == true, "\(run.answers[2])")
        #expect(run.answers[3].reason?.contains("larger than 256 MiB") == true, "\(run.answers[3])")
        #expect(run.answers[4].reason?.contains("not a readable image") == true, "\(run.answers[4])")
        #expect(run.answers[5].reason?.contains("bomb.jpg is 65000 × 65000 pixels") == true, "\(run.answers[5])")
        #expect(peak < 200 * 1024, "peak \(peak) KiB")
    }

    /// A grey PNG whose header declares the size, with a few rows of real data: enough for
    /// a reader that decodes before it checks to take width × height bytes.
    static func pngDeclaring(width: Int, height: Int) -> Data {
        var image = TestImage(width: 8, height: 8).png
        // IHDR's width and height follow the signature, the chunk length and type; fix its CRC.
        let bytes = [UInt8](image)
        var header = Array(bytes[12..<29])
        for (offset, value) in [(4, UInt32(width)), (8, UInt32(height))] {
            for index in 0..<4 { header[offset + index] = UInt8((value >> (24 - 8 * UInt32(index))) & 0xFF) }
        }
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in header {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc = ~crc
        let crcBytes: [UInt8] = [UInt8(crc >> 24), UInt8((crc >> 16) & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8(crc & 0xFF)]
        image.replaceSubrange(12..<29, with: header)
        image.replaceSubrange(29..<33, with: crcBytes)
        return image
    }
}
