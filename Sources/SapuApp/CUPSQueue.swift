import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// A print queue of the local CUPS scheduler, and the only place Sapu talks to CUPS.
///
/// Everything goes through the `lpstat` and `lp` commands of Debian's `cups-client`, run with
/// `LC_ALL=C` so that their answers can be read, and with the caller's environment otherwise:
/// `CUPS_SERVER` (a host, or the path of the scheduler's socket) is honoured by them as by any
/// CUPS client. Their English error text is never shown: each known failure becomes a
/// `SapuError` in the user's language (docs/printing.md).
public struct CUPSQueue: Sendable, Equatable {
    /// What the queue is doing.
    public enum State: String, Sendable {
        case idle, printing, stopped
    }

    public var name: String
    public var state: State
    /// False once `cupsreject` made it refuse new jobs.
    public var accepting: Bool
    /// Where CUPS sends its jobs, such as `socket://192.168.1.50:9100` or `usb://...`.
    public var device: String?
    /// The system's default destination.
    public var isDefault: Bool

    /// How long `lp` or `lpstat` may take before Sapu gives up on it: well under the 30
    /// seconds other stations wait for the database, since `lp` runs while the prints'
    /// transaction holds its write lock.
    static let timeoutSeconds = 20

    /// Every queue CUPS has, by name; none when it has none.
    public static func all() throws(SapuError) -> [CUPSQueue] {
        let status = try CUPSCommand.run("lpstat", ["-r"])
        // `lpstat -r` ends with 0 either way and says which.
        guard status.output.contains("scheduler is running") else { throw .cupsNotRunning }
        let listing = try CUPSCommand.run("lpstat", ["-p", "-a", "-v", "-d"])
        if listing.status != 0 {
            if listing.errors.contains("No destinations added") { return [] }
            throw Self.failure(of: listing, printer: nil)
        }
        return parse(listing.output)
    }

    /// The queue called `name`, refused unless it would print a job now: it exists, is not
    /// stopped, and accepts jobs.
    public static func ready(named name: String) throws(SapuError) -> CUPSQueue {
        guard isPlausibleName(name) else { throw .printerUnknown(name) }
        guard let queue = try all().first(where: { $0.name == name }) else { throw .printerUnknown(name) }
        guard queue.state != .stopped else { throw .printerStopped(name) }
        guard queue.accepting else { throw .printerNotAccepting(name) }
        return queue
    }

    /// Hands the files to the queue as one job and returns its id (`thermal-42`) once CUPS has
    /// accepted it. `raw` sends the bytes to the printer untouched (`lp -o raw`): for ZPL and
    /// TSPL, which the printer reads itself; PDF and PNG go through the queue's driver.
    public static func submit(_ files: [String], to name: String, raw: Bool, title: String) throws(SapuError) -> String {
        guard isPlausibleName(name) else { throw .printerUnknown(name) }
        var arguments = ["-d", name, "-t", title]
        if raw { arguments += ["-o", "raw"] }
        // `--` ends the options: a file name is never read as one.
        arguments.append("--")
        let result = try CUPSCommand.run("lp", arguments + files)
        guard result.status == 0 else { throw failure(of: result, printer: name) }
        // "request id is thermal-42 (1 file(s))"
        guard let range = result.output.range(of: "request id is ") else { throw .printJobRefused(printer: name, status: 0) }
        let id = result.output[range.upperBound...].prefix { !$0.isWhitespace }
        guard !id.isEmpty else { throw .printJobRefused(printer: name, status: 0) }
        return String(id)
    }

    /// A CUPS queue name as `lpadmin` allows it: printable, no space, `/`, `#` or quotes; one
    /// starting with `-` could only be read as an option.
    static func isPlausibleName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 127 && !name.hasPrefix("-")
            && name.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"/#\\'\"".unicodeScalars.contains($0) }
    }

    /// The known reasons `lp` and `lpstat` give, in the user's language; anything else is a
    /// refusal with the command's exit status (`lpstat`'s when there is no `printer`: the listing).
    static func failure(of result: CUPSCommand.Result, printer: String?) -> SapuError {
        let text = result.errors
        if text.contains("Scheduler is not running") || text.contains("Unable to connect") {
            return .cupsNotRunning
        }
        if let printer {
            if text.contains("does not exist") || text.contains("Invalid destination") || text.contains("Unknown destination") {
                return .printerUnknown(printer)
            }
            if text.contains("not accepting jobs") { return .printerNotAccepting(printer) }
        }
        guard let printer else { return .printerListFailed(status: result.status) }
        return .printJobRefused(printer: printer, status: result.status)
    }

    /// Reads `lpstat -p -a -v -d` as the C locale writes it.
    static func parse(_ listing: String) -> [CUPSQueue] {
        var queues: [String: CUPSQueue] = [:]
        var order: [String] = []
        var defaultName: String?
        func update(_ name: String, _ change: (inout CUPSQueue) -> Void) {
            if queues[name] == nil {
                queues[name] = CUPSQueue(name: name, state: .idle, accepting: false, device: nil, isDefault: false)
                order.append(name)
            }
            change(&queues[name]!)
        }
        for line in listing.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            // The acceptance lines first: a queue may be called `printer` ("printer accepting
            // requests since ..."), which the state lines' prefix would otherwise take.
            if words.count >= 3, words[1] == "accepting", words[2] == "requests" {
                update(words[0]) { $0.accepting = true }
            } else if words.count >= 4, words[1] == "not", words[2] == "accepting", words[3] == "requests" {
                update(words[0]) { $0.accepting = false }
            } else if line.hasPrefix("printer "), words.count >= 3 {
                let state: State = words[2] == "disabled" ? .stopped : words[2] == "now" ? .printing : .idle
                update(words[1]) { $0.state = state }
            } else if line.hasPrefix("device for "), let colon = line.range(of: ": ") {
                let name = String(line[line.index(line.startIndex, offsetBy: 11)..<colon.lowerBound])
                let device = String(line[colon.upperBound...])
                update(name) { $0.device = device }
            } else if line.hasPrefix("system default destination: ") {
                defaultName = String(line.dropFirst("system default destination: ".count))
            }
        }
        return order.map { name in
            var queue = queues[name]!
            queue.isDefault = name == defaultName
            return queue
        }
    }
}

/// Runs one CUPS client command with a time limit.
enum CUPSCommand {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ command: String, _ arguments: [String]) throws(SapuError) -> Result {
        guard let path = executable(command) else { throw .printingToolMissing(command) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        environment.removeValue(forKey: "LANGUAGE")
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .printingToolMissing(command)
        }
        // Both pipes are drained while the command runs, so a long answer never blocks it.
        let drained = DispatchGroup()
        nonisolated(unsafe) var outputData = Data(), errorData = Data()
        DispatchQueue.global().async(group: drained) { outputData = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: drained) { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        if finished.wait(timeout: .now() + .seconds(CUPSQueue.timeoutSeconds)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            drained.wait()
            throw .printerTimedOut(command, seconds: CUPSQueue.timeoutSeconds)
        }
        drained.wait()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      errors: String(decoding: errorData, as: UTF8.self))
    }

    /// The command's path on `PATH` (`/usr/bin:/bin` when there is none), as a shell finds it.
    static func executable(_ command: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init)
        return directories.lazy.map { $0 + "/" + command }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
