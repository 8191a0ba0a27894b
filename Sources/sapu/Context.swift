import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuStore

/// What a command needs to do its work: the store, the clock, the language, the output.
final class Context {
    let options: GlobalOptions
    let language: Language
    private var openedStore: SQLiteStore?
    private var optionWords = OptionWordReader()

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

    /// The site's clock: the time zone `sapu init` stored, Jakarta where there is no database.
    private(set) lazy var clock: SiteClock = {
        guard FileManager.default.fileExists(atPath: databasePath),
              let identifier = try? store().site().timeZone else { return .standard }
        return (try? SiteClock(identifier: identifier)) ?? .standard
    }()

    /// Now on the site's clock, whatever the PC's `TZ`; `SAPU_NOW` (ISO 8601) fixes the moment
    /// for back-filling and tests.
    var now: Instant { clock.now(fixed: Self.fixedNow) }

    /// The moment `SAPU_NOW` names, if it names one.
    static var fixedNow: Instant? {
        ProcessInfo.processInfo.environment["SAPU_NOW"].flatMap(Instant.init(iso8601:))
    }

    /// The station name: `--station`, else `$SAPU_STATION`, else the host name. The person is
    /// an inspector at the QC desk (`inspect --inspector`), an operator everywhere else.
    func actor(operatorCode: String?, station: String?, as kind: CodeKind = .operator) throws(SapuError) -> Actor {
        let operatorCode = try operatorCode.map { (code) throws(SapuError) in try Code.normalise(code, as: kind) }
        let station = try FreeText.required(
            station ?? ProcessInfo.processInfo.environment["SAPU_STATION"] ?? ProcessInfo.processInfo.hostName, as: .station)
        return Actor(operatorCode: operatorCode, station: station)
    }

    /// An option's value typed as a word in Indonesian or English (`--mode terima`); the words
    /// of one command line must not mix the two languages.
    func word<Value: OptionWord>(_ text: String, option: String, as type: Value.Type = Value.self) throws(SapuError) -> Value {
        try optionWords.read(text, option: option, as: type)
    }

    /// Prints a message in the user's language (unless JSON was asked for).
    func say(_ message: Message) {
        if !json { Console.out(message.text(language).visible) }
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
        Console.error((Message.errorPrefix.text(language) + text).visible)
    }

    /// The exit status of a command that did its work but must not end with 0 (a scanning
    /// station stopped by Ctrl-C ends with 130).
    var exitStatus: Int32?

    /// Files this command wrote outside the database, so that a failed output can say the work was saved.
    private var wroteFiles = false

    /// Records that the command's work is on disk in files (the database knows by itself).
    func noteSaved() { wroteFiles = true }

    /// Whether any of the command's work is already on disk.
    var saved: Bool { wroteFiles || (openedStore?.hasCommitted ?? false) }
}

/// JSON as the CLI prints it: stable key order, no escaped slashes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return escapingControls(String(decoding: data, as: UTF8.self))
    }

    /// The encoder escapes C0 controls itself; DEL, C1 and the bidi and line-separator
    /// characters become `\uXXXX` too. They can only occur inside strings, so the JSON
    /// stays valid and decodes to the same values.
    static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: VisibleText.isControl) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if VisibleText.isControl(scalar) && scalar != "\n" {
                let hex = String(scalar.value, radix: 16)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// A plain text table whose columns line up.
enum Table {
    /// Cells come from users and files: each is shown on one line, its control characters escaped.
    static func render(header: [String], rows: [[String]]) -> String {
        let rows = rows.map { $0.map(\.visible) }
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
