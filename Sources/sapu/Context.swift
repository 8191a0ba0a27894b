import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// What a command needs to do its work: the store, the clock, the language, the output.
final class Context {
    let options: GlobalOptions
    let language: Language
    private var openedStore: SQLiteStore?

    init(options: GlobalOptions, language: Language) {
        self.options = options
        self.language = language
    }

    var json: Bool { options.json }
    var databasePath: String { options.databasePath }

    /// The opened database; fails with "run sapu init first" when there is none.
    func store() throws(SapuError) -> SQLiteStore {
        if let openedStore { return openedStore }
        let store = try SQLiteStore.open(at: databasePath)
        openedStore = store
        return store
    }

    /// Now, with the machine's UTC offset; `SAPU_NOW` (ISO 8601) fixes it for back-filling and tests.
    var now: Instant {
        if let fixed = ProcessInfo.processInfo.environment["SAPU_NOW"], let instant = Instant(iso8601: fixed) {
            return instant
        }
        return Instant(unixSeconds: Int64(Date().timeIntervalSince1970),
                       utcOffset: TimeZone.current.secondsFromGMT())
    }

    /// The station name: `--station`, else `$SAPU_STATION`, else the host name.
    func actor(operatorCode: String?, station: String?) throws(SapuError) -> Actor {
        let operatorCode = try operatorCode.map { (code) throws(SapuError) in try Code.normalise(code, as: .inspector) }
        let station = station ?? ProcessInfo.processInfo.environment["SAPU_STATION"] ?? ProcessInfo.processInfo.hostName
        return Actor(operatorCode: operatorCode, station: station)
    }

    /// Prints a message in the user's language (unless JSON was asked for).
    func say(_ message: Message) {
        if !json { Console.out(message.text(language)) }
    }

    /// Prints a value as JSON.
    func emit<T: Encodable>(_ value: T) {
        Console.out(JSONOutput.encode(value))
    }

    /// Prints a table with aligned columns.
    func table(_ header: [Message], _ rows: [[String]]) {
        Console.out(Table.render(header: header.map { $0.text(language) }, rows: rows))
    }

    /// Reports a failure on stderr in one line (and as JSON on stdout with --json).
    func fail(_ error: SapuError) {
        let text = error.message.text(language)
        // `doctor` has already printed its findings, failing ones included, as JSON.
        var alreadyReported = false
        if case .checksFailed = error { alreadyReported = true }
        if json && !alreadyReported { emit(["error": text]) }
        Console.error(Message.errorPrefix.text(language) + text)
    }
}

/// Standard output and error, line by line.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// JSON as the CLI prints it: stable key order, no escaped slashes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// A plain text table whose columns line up.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
