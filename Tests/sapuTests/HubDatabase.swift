import Foundation
import Testing

/// A fresh database of its own on the test PostgreSQL cluster named by `SAPU_TEST_PG`, for the
/// end-to-end hub tests: `let hub = try HubDatabase(); defer { hub.drop() }`, then `--hub` with `hub.url`.
/// Mirrors Tests/SapuHubTests/HubFixture.swift (a test target cannot import another), running psql
/// through `SapuRunner.execute`. Without a cluster it throws: a hub test is never skipped.
struct HubDatabase: Sendable {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// `sapu_test_` and 16 random hex digits.
    let name: String
    /// SAPU_TEST_PG with this database instead of `postgres` (the `?host=` socket directory kept).
    let url: String
    /// SAPU_TEST_PG itself: where databases are made and dropped.
    let server: String

    init() throws {
        guard let server = ProcessInfo.processInfo.environment["SAPU_TEST_PG"], !server.isEmpty else {
            throw Problem(description: #"SAPU_TEST_PG is not set: run Scripts/test.sh, or eval "$(Scripts/pg.sh start)" first"#)
        }
        var components = URLComponents(string: server)
        let name = "sapu_test_" + (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
        components?.path = "/" + name
        guard let url = components?.string else {
            throw Problem(description: "SAPU_TEST_PG is not a postgres:// URL: \(server)")
        }
        self.server = server
        self.name = name
        self.url = url
        try Self.psql("CREATE DATABASE \(name)", on: server)
    }

    /// Runs `sql` in this database: psql's unaligned, tuples-only output without the trailing newline.
    @discardableResult
    func psql(_ sql: String) throws -> String {
        try Self.psql(sql, on: url)
    }

    /// Drops the database, closing any connection still open to it. Safe to call twice.
    func drop() {
        do {
            try Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
        } catch {
            Issue.record("could not drop test database \(name): \(error)")
        }
    }

    @discardableResult
    private static func psql(_ sql: String, on url: String) throws -> String {
        let direct = "/usr/lib/postgresql/15/bin/psql"
        let program = FileManager.default.isExecutableFile(atPath: direct) ? direct : "psql"
        let output = try SapuRunner.execute(program, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql])
        guard output.status == 0 else {
            throw Problem(description: "psql failed (\(output.status)) on \(url): \(output.stderr) in: \(sql)")
        }
        var rows = output.stdout[...]
        while rows.hasSuffix("\n") { rows = rows.dropLast() }
        return String(rows)
    }
}
