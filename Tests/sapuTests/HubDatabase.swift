import Foundation
import Testing

/// A fresh database of its own on the test PostgreSQL cluster named by `SAPU_TEST_PG`, for the
/// end-to-end hub tests: `let hub = try HubDatabase(); defer { hub.drop() }`, then `--hub` with `hub.url`.
/// Mirrors Tests/SapuHubTests/HubFixture.swift (a test target cannot import another; keep the two
/// alike), running psql through `SapuRunner.execute`. Without a cluster it throws: a hub test is
/// never skipped.
struct HubDatabase: Sendable {
    /// Why a hub database could not be made or queried, with psql's own words.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// `sapu_test_` and 16 random hex digits.
    let name: String
    /// SAPU_TEST_PG with this database instead of `postgres` (the `?host=` socket directory kept).
    let url: String
    /// SAPU_TEST_PG itself: the cluster's `postgres` database, where databases are made and dropped.
    let server: String

    init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
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
    static func url(_ url: String, database: String) throws -> String {
        var components = URLComponents(string: url)
        components?.path = "/" + database
        guard let changed = components?.string else {
            throw Problem(description: "SAPU_TEST_PG is not a postgres:// URL: \(url)")
        }
        return changed
    }

    /// Runs `sql` in this database and returns psql's unaligned, tuples-only output: rows on lines,
    /// columns separated by tabs, no trailing newline. Stops at the first error and throws it.
    @discardableResult
    func psql(_ sql: String) throws -> String {
        try Self.psql(sql, on: url)
    }

    /// The single number `sql` selects.
    func count(_ sql: String) throws -> Int64 {
        let text = try psql(sql)
        guard let value = Int64(text) else { throw Problem(description: "not a number: \(text) from: \(sql)") }
        return value
    }

    /// Drops the database, closing any connection still open to it. Safe to call twice.
    func drop() {
        do {
            _ = try Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
        } catch {
            Issue.record("could not drop test database \(name): \(error)")
        }
    }

    /// Debian's own psql 15 first: /usr/bin/psql is a Perl wrapper that only picks a version.
    static let psqlBinary: String = {
        let directories = ["/usr/lib/postgresql/15/bin"]
            + (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return directories.map { $0 + "/psql" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? "/usr/lib/postgresql/15/bin/psql"
    }()

    private static func psql(_ sql: String, on url: String) throws -> String {
        let output = try SapuRunner.execute(psqlBinary, ["-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                                                         "-d", url, "-c", sql])
        guard output.status == 0 else {
            throw Problem(description: "psql failed (\(output.status)) on \(url): \(output.stderr) in: \(sql)")
        }
        var rows = output.stdout[...]
        while rows.hasSuffix("\n") { rows = rows.dropLast() }
        return String(rows)
    }
}
