import Foundation
import Testing

/// A fresh, empty database of its own on the test PostgreSQL cluster named by `SAPU_TEST_PG`
/// (started by Scripts/test.sh, or by hand with `eval "$(Scripts/pg.sh start)"`):
///
///     let hub = try HubDatabase()
///     defer { hub.drop() }
///     try hub.count("SELECT count(*) FROM event")   // 0
///
/// Each test makes its own, so tests running in parallel never see each other's rows. Without a
/// cluster it throws: a hub test is never skipped because PostgreSQL is missing.
/// One library for both the hub tests (SapuHubTests) and the end-to-end tests (sapuTests).
public struct HubDatabase: Sendable {
    /// Why a hub database could not be made or queried, with psql's own words.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// `sapu_test_` and 16 random hex digits.
    public let name: String
    /// SAPU_TEST_PG with this database instead of `postgres` (the `?host=` socket directory kept).
    public let url: String
    /// SAPU_TEST_PG itself: the cluster's `postgres` database, where databases are made and dropped.
    public let server: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let server = environment["SAPU_TEST_PG"], !server.isEmpty else {
            throw Problem(description: #"SAPU_TEST_PG is not set: run Scripts/test.sh, or eval "$(Scripts/pg.sh start)" first"#)
        }
        let name = "sapu_test_" + (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
        self.server = server
        self.name = name
        url = try Self.url(server, database: name)
        _ = try Self.psql("CREATE DATABASE \(name)", on: server)
    }

    /// `url` with `database` instead of its own, everything else (the `?host=` socket directory) kept.
    public static func url(_ url: String, database: String) throws -> String {
        var components = URLComponents(string: url)
        components?.path = "/" + database
        guard let changed = components?.string else {
            throw Problem(description: "SAPU_TEST_PG is not a postgres:// URL: \(url)")
        }
        return changed
    }

    /// Runs `sql` in this database and returns psql's unaligned, tuples-only output: rows on lines,
    /// columns separated by tabs (as `sqlite3 -separator '\t'`), no trailing newline. Stops at the
    /// first error and throws it.
    @discardableResult
    public func psql(_ sql: String) throws -> String {
        try Self.psql(sql, on: url)
    }

    /// The single number `sql` selects.
    public func count(_ sql: String) throws -> Int64 {
        let text = try psql(sql)
        guard let value = Int64(text) else { throw Problem(description: "not a number: \(text) from: \(sql)") }
        return value
    }

    /// Drops the database, closing any connection still open to it. Safe to call twice.
    public func drop() {
        do {
            _ = try Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
        } catch {
            Issue.record("could not drop test database \(name): \(error)")
        }
    }

    /// Debian's own psql 15 first: /usr/bin/psql is a Perl wrapper that only picks a version.
    public static let psqlBinary: String = {
        let directories = ["/usr/lib/postgresql/15/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return directories.map { $0 + "/psql" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "/usr/lib/postgresql/15/bin/psql"
    }()

    private static func psql(_ sql: String, on url: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psqlBinary)
        process.arguments = ["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql]
        // Files rather than pipes: no reader threads, and no output size that could block psql.
        let scratch = NSTemporaryDirectory() + "sapu-psql-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            for suffix in [".out", ".err"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
        }
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
        let stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try? stdout.close()
        try? stderr.close()
        let output = String(decoding: FileManager.default.contents(atPath: scratch + ".out") ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let error = String(decoding: FileManager.default.contents(atPath: scratch + ".err") ?? Data(), as: UTF8.self)
            throw Problem(description: "psql failed (\(process.terminationStatus)) on \(url): \(error) in: \(sql)")
        }
        var rows = output[...]
        while rows.hasSuffix("\n") { rows = rows.dropLast() }
        return String(rows)
    }
}
