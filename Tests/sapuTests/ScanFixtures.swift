import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One answered scan as `sapu scan --json` prints it.
struct ScanAnswer: Equatable, CustomStringConvertible {
    var input: String
    var outcome: String
    var bundle: String?
    var state: String?
    var reason: String?
    var manual: Bool

    init?(json line: Substring) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let outcome = object["outcome"] as? String else { return nil }
        input = object["input"] as? String ?? ""
        self.outcome = outcome
        bundle = object["bundle"] as? String
        state = object["state"] as? String
        reason = object["reason"] as? String
        manual = object["manual"] as? Bool ?? false
    }

    var description: String {
        "\(outcome) \(bundle ?? "-") \(state ?? "-") \(reason ?? "") [\(input.prefix(40))]"
    }
}

/// What one `sapu scan --json` run printed: an answer per scan, then the summary counts.
struct ScanRun {
    var output: SapuRunner.Output
    var answers: [ScanAnswer] = []
    var summary: [String: Int]?

    init(_ output: SapuRunner.Output) {
        self.output = output
        for line in output.stdout.split(separator: "\n") {
            if let answer = ScanAnswer(json: line) {
                answers.append(answer)
            } else if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let counts = object["summary"] as? [String: Int] {
                summary = counts
            }
        }
    }

    var outcomes: [String] { answers.map(\.outcome) }

    func count(_ outcome: String) -> Int { answers.count { $0.outcome == outcome } }
}

extension SapuRunner {
    /// Runs `sapu scan --mode MODE --json --lang en` with `lines` piped in, one per line.
    @discardableResult
    func scan(_ mode: String, _ lines: [String], _ extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation)
        throws -> ScanRun {
        try scan(mode, data: Data((lines.map { $0 + "\n" }.joined()).utf8), extra, sourceLocation: sourceLocation)
    }

    /// Runs `sapu scan --mode MODE --json --lang en` with raw bytes on stdin; `status` is the
    /// exit status expected (1 when an `--image` file could not be read or held no code).
    @discardableResult
    func scan(_ mode: String, data: Data, _ extra: [String] = [], status: Int32 = 0,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> ScanRun {
        let output = try run(["scan", "--mode", mode, "--json", "--lang", "en"] + extra, inputData: data)
        #expect(output.status == status, "sapu scan --mode \(mode): \(output.stderr)", sourceLocation: sourceLocation)
        #expect(output.stderr.isEmpty, "sapu scan wrote to stderr: \(output.stderr)", sourceLocation: sourceLocation)
        return ScanRun(output)
    }

    /// Rows of a query on the database through the `sqlite3` CLI, columns joined by `|`.
    func sql(_ query: String) throws -> [String] {
        let output = try Self.execute("sqlite3", ["-batch", database, query])
        #expect(output.status == 0, "sqlite3: \(output.stderr)")
        return output.lines
    }

    /// A single integer from the database.
    func count(_ query: String) throws -> Int {
        Int(try sql(query).first ?? "") ?? -1
    }

    /// Each bundle's state, from `sapu bundle list --json`.
    func states() throws -> [String: String] {
        let list = try #require(try json(try ok("bundle", "list", "--json")) as? [[String: Any]])
        var states: [String: String] = [:]
        for bundle in list {
            if let id = bundle["id"] as? String, let state = bundle["state"] as? String { states[id] = state }
        }
        return states
    }

    /// How many events of `move` each bundle has.
    func eventCounts(_ move: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try sql("SELECT bundle, COUNT(*) FROM event WHERE move = '\(move)' GROUP BY bundle") {
            let parts = row.split(separator: "|")
            counts[String(parts[0])] = Int(parts[1])
        }
        return counts
    }

    /// Prints PNG labels for `bundles` into `folder` and reads them back with zbarimg:
    /// each bundle id with the exact text its QR code holds.
    func printedLabels(_ bundles: [String], folder: String = "labels") throws -> [String: String] {
        try ok(contentsOfArguments: ["label"] + bundles + ["--out", folder])
        let files = bundles.map { directory + "/" + folder + "/" + $0 + ".png" }
        let decoded = try Self.execute("zbarimg", ["--raw", "-q", "-Sdisable", "-Sqrcode.enable"] + files)
        let texts = decoded.lines
        #expect(texts.count == bundles.count, "zbarimg read \(texts.count) of \(bundles.count) labels")
        var labels: [String: String] = [:]
        for text in texts {
            labels[Self.bundleID(ofLabel: text)] = text
        }
        #expect(Set(labels.keys) == Set(bundles))
        return labels
    }

    /// `PWT251121A-0001` from `SAPU1 K1 TLIDI BPWT251121A S0001 ...`.
    static func bundleID(ofLabel text: String) -> String {
        let tokens = text.split(separator: " ")
        return "\(tokens[3].dropFirst())-\(tokens[4].dropFirst())"
    }

    @discardableResult
    func ok(contentsOfArguments arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> Output {
        let output = try run(arguments, input: input)
        #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)", sourceLocation: sourceLocation)
        return output
    }

    /// This site's tagged control codes as `sapu label commands --json` prints them, keyed by
    /// their untagged text (`SAPUC MODE RECEIVE` → `SAPUC MODE RECEIVE 4JDCKEMN8D0T`).
    func controlCodes(shipments: [String] = [], operators: [String] = []) throws -> [String: String] {
        var arguments = ["label", "commands", "--json", "--out", "commands-\(UUID().uuidString)"]
        if !shipments.isEmpty { arguments += ["--shipment"] + shipments }
        if !operators.isEmpty { arguments += ["--operator"] + operators }
        let output = try ok(contentsOfArguments: arguments)
        let list = try #require(try json(output) as? [[String: String]])
        var codes: [String: String] = [:]
        for payload in list.compactMap({ $0["payload"] }) {
            codes[payload.split(separator: " ").dropLast().joined(separator: " ")] = payload
        }
        return codes
    }

    /// One tagged control code of this site, e.g. `controlCode("SAPUC MODE RECEIVE")`.
    func controlCode(_ untagged: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let shipment = untagged.hasPrefix("SAPUC SHIPMENT ")
            ? [untagged.dropFirst("SAPUC SHIPMENT ".count).split(separator: " ").joined(separator: "/")] : []
        let code = try controlCodes(shipments: shipment)[untagged]
        return try #require(code, "no control code \(untagged)", sourceLocation: sourceLocation)
    }

    /// `count` passed bundles in `batch` by M042, labelled as ZPL (the cheapest way to mark them labelled).
    func labelledBundles(_ batch: String, count: Int) throws -> [String] {
        let ids = try ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", String(count),
                     "--yes").lines
        #expect(ids.count == count)
        try ok("label", "--batch", batch, "--format", "zpl", "--out", "zpl")
        return ids
    }
}

/// A deterministic shuffle, so that a failing order can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: A scanning process fed line by line

/// A `sapu scan` process whose stdin is written a few lines at a time, as a scanner types,
/// while its answers are read as they come.
final class ScanSession: @unchecked Sendable {
    let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let condition = NSCondition()
    private var received = Data()
    private var answeredLines: [Substring] = []
    private var finishedReading = false
    private(set) var written = 0
    private let lines: [String]
    private let prelude: [String]
    private var released: Bool
    /// At most this many lines written but not yet answered; nil for no limit.
    private let window: Int?
    /// The writer stops before this line until `resume()`.
    private let holdBefore: Int?
    private var resumed = false

    /// - Parameter prelude: lines written first; the rest waits for `release()` when there is a prelude,
    ///   so that several stations can be started, seen to be ready, and then let go together.
    /// - Parameter holdBefore: the writer stops before that line until `resume()`.
    init(_ sapu: SapuRunner, arguments: [String], lines: [String], prelude: [String] = [], window: Int? = nil,
         holdBefore: Int? = nil) throws {
        self.holdBefore = holdBefore
        signal(SIGPIPE, SIG_IGN)  // a killed scanner must not take the test runner with it
        self.lines = lines
        self.prelude = prelude
        self.released = prelude.isEmpty
        self.window = window
        process.executableURL = URL(fileURLWithPath: SapuRunner.binary)
        process.arguments = ["scan", "--json", "--lang", "en"] + arguments
        process.environment = sapu.environment
        process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
    }

    var pid: pid_t { process.processIdentifier }

    /// Starts the process, a writer and a reader thread.
    func start() throws {
        try process.run()
        let reader = Thread { [self] in readAll() }
        reader.start()
        let writer = Thread { [self] in writeAll() }
        writer.start()
    }

    /// The complete answer lines so far.
    var answers: [ScanAnswer] {
        condition.lock()
        defer { condition.unlock() }
        return answeredLines.compactMap(ScanAnswer.init(json:))
    }

    /// The summary, if the process got to print it.
    var summary: [String: Int]? {
        condition.lock()
        defer { condition.unlock() }
        for line in answeredLines {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
               let counts = object["summary"] as? [String: Int] { return counts }
        }
        return nil
    }

    /// Blocks until at least `count` answers are printed or output ends.
    func waitForAnswers(_ count: Int, timeout: TimeInterval = 120) -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while answeredLines.count < count && !finishedReading {
            if !condition.wait(until: deadline) { break }
        }
        return answeredLines.count
    }

    /// Waits for the end of output and of the process.
    func finish(timeout: TimeInterval = 300) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while !finishedReading {
            if !condition.wait(until: deadline) { break }
        }
        condition.unlock()
        process.waitUntilExit()
    }

    /// Lets the writer go on after the prelude.
    func release() {
        condition.lock()
        released = true
        condition.broadcast()
        condition.unlock()
    }

    /// Lets the writer go on past `holdBefore`.
    func resume() {
        condition.lock()
        resumed = true
        condition.broadcast()
        condition.unlock()
    }

    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }

    var writtenLines: Int {
        condition.lock()
        defer { condition.unlock() }
        return written
    }

    private func writeAll() {
        let fd = stdin.fileHandleForWriting.fileDescriptor
        var generator = SplitMix64(state: UInt64(lines.count))
        var index = 0
        if !prelude.isEmpty {
            guard writeFully(fd, Array(prelude.map { $0 + "\n" }.joined().utf8)) else {
                try? stdin.fileHandleForWriting.close()
                return
            }
            condition.lock()
            while !released { condition.wait() }
            condition.unlock()
        }
        while index < lines.count {
            if let window {
                condition.lock()
                while written - answeredLines.count >= window && !finishedReading { condition.wait() }
                let stop = finishedReading
                condition.unlock()
                if stop { break }
            }
            if let holdBefore, index == holdBefore {
                condition.lock()
                while !resumed { condition.wait() }
                condition.unlock()
            }
            // A burst of 1 to 8 lines, as when the clerk scans quickly, then a short pause.
            let end = holdBefore.map { index < $0 ? $0 : lines.count } ?? lines.count
            let burst = min(Int(generator.next() % 8) + 1, end - index)
            let bytes = Array(lines[index..<(index + burst)].map { $0 + "\n" }.joined().utf8)
            if !writeFully(fd, bytes) { break }
            index += burst
            condition.lock()
            written = index
            condition.unlock()
            usleep(UInt32(generator.next() % 1500))
        }
        try? stdin.fileHandleForWriting.close()
    }

    private func writeFully(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false  // EPIPE: the scanner is gone
            }
            offset += count
        }
        return true
    }

    private func readAll() {
        let fd = stdout.fileHandleForReading.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            condition.lock()
            if count <= 0 {
                finishedReading = true
                condition.broadcast()
                condition.unlock()
                return
            }
            received.append(contentsOf: buffer[..<count])
            // Only complete lines count as answered: a line is one write(2), so it arrives whole.
            if let last = received.lastIndex(of: 0x0A) {
                let complete = String(decoding: received[...last], as: UTF8.self)
                answeredLines += complete.split(separator: "\n").map { Substring($0) }
                received.removeSubrange(...last)
            }
            condition.broadcast()
            condition.unlock()
        }
    }
}

// MARK: Images written by hand

/// Minimal image files for fixtures: binary PGM, and grey PNG with stored (uncompressed)
/// deflate blocks, which every PNG reader must accept.
struct TestImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, fill: UInt8 = 255) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: fill, count: width * height)
    }

    /// Reads a binary PPM (P6) or PGM (P5), e.g. from `convert FILE.png ppm:-`, as grey.
    init?(netpbm data: Data) {
        let bytes = [UInt8](data)
        var position = 0
        func token() -> String? {
            while position < bytes.count {
                if bytes[position] == UInt8(ascii: "#") {
                    while position < bytes.count && bytes[position] != 0x0A { position += 1 }
                } else if [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) {
                    position += 1
                } else {
                    break
                }
            }
            let start = position
            while position < bytes.count, ![0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
            return start < position ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
        }
        guard let magic = token(), magic == "P6" || magic == "P5",
              let width = token().flatMap(Int.init), let height = token().flatMap(Int.init),
              let maximum = token().flatMap(Int.init), maximum == 255 else { return nil }
        position += 1
        let channels = magic == "P6" ? 3 : 1
        guard bytes.count - position >= width * height * channels else { return nil }
        self.init(width: width, height: height)
        for index in 0..<(width * height) {
            var sum = 0
            for channel in 0..<channels { sum += Int(bytes[position + index * channels + channel]) }
            pixels[index] = UInt8(sum / channels)
        }
    }

    /// Copies `image` with its top-left corner at (x, y).
    mutating func paste(_ image: TestImage, x: Int, y: Int) {
        for row in 0..<image.height where y + row < height {
            for column in 0..<image.width where x + column < width {
                pixels[(y + row) * width + x + column] = image.pixels[row * image.width + column]
            }
        }
    }

    var pgm: Data {
        Data("P5\n\(width) \(height)\n255\n".utf8) + Data(pixels)
    }

    var png: Data {
        var raw: [UInt8] = []
        raw.reserveCapacity((width + 1) * height)
        for row in 0..<height {
            raw.append(0)  // filter: none
            raw += pixels[(row * width)..<((row + 1) * width)]
        }
        var zlib: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65_535, raw.count - offset)
            zlib.append(offset + length == raw.count ? 1 : 0)
            zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            zlib += raw[offset..<(offset + length)]
            offset += length
        } while offset < raw.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        zlib += Self.bigEndian((b << 16) | a)

        var header = Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [8, 0, 0, 0, 0]  // 8-bit grey, deflate, no filter method, no interlace
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += Self.chunk("IHDR", header) + Self.chunk("IDAT", zlib) + Self.chunk("IEND", [])
        return Data(file)
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let body = Array(type.utf8) + data
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in body {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return bigEndian(UInt32(data.count)) + body + bigEndian(~crc)
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    /// Whether `convert FILE.png ppm:-` works here (ImageMagick, or a stand-in for PNG).
    static let canReadPNG: Bool = {
        let path = NSTemporaryDirectory() + "sapu-probe-" + UUID().uuidString + ".png"
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard FileManager.default.createFile(atPath: path, contents: TestImage(width: 3, height: 2, fill: 7).png),
              let image = try? readPNG(path) else { return false }
        return image.width == 3 && image.height == 2 && image.pixels == [7, 7, 7, 7, 7, 7]
    }()

    /// A PNG file read as grey through `convert FILE.png ppm:-`.
    static func readPNG(_ path: String) throws -> TestImage {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["convert", path, "ppm:-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let image = TestImage(netpbm: data) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        return image
    }
}
