import Foundation
import Testing

/// A fresh PostgreSQL database for one test, in the cluster `SAPU_TEST_PG` names
/// (Scripts/test.sh starts one). Without it the test fails: a hub test is never skipped.
///
/// Stands in for HubFixture.swift's `HubDatabase` until it lands on main; the lead reconciles them.
struct TestHub {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "SAPU_TEST_PG is not set: run the hub tests through Scripts/test.sh" }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// The cluster's administrative address (database `postgres`).
    let admin: String
    let name: String
    /// This test's database.
    let url: String

    init() throws {
        guard let admin = ProcessInfo.processInfo.environment["SAPU_TEST_PG"], !admin.isEmpty else { throw Missing() }
        self.admin = admin
        name = "sapu_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        url = Self.url(admin, database: name)
        try Self.psql(admin, "CREATE DATABASE \(name)")
    }

    /// The address with another database.
    static func url(_ url: String, database: String) -> String {
        guard let scheme = url.range(of: "://"), let slash = url[scheme.upperBound...].firstIndex(of: "/") else {
            return url + "/" + database
        }
        let rest = url[url.index(after: slash)...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        return String(url[..<slash]) + "/" + database + query
    }

    /// Runs SQL as the superuser in this test's database; the rows, tab-separated.
    @discardableResult
    func psql(_ sql: String) throws -> String { try Self.psql(url, sql) }

    /// A single number.
    func count(_ sql: String) throws -> Int64 {
        let text = try psql(sql).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Int64(text) else { throw Failed(description: "not a number: \(text) for \(sql)") }
        return value
    }

    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-tA", "-F", "\t", "-d", url, "-c", sql]
        let scratch = NSTemporaryDirectory() + "sapu-psql-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: scratch + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: scratch + ".out")
            try? FileManager.default.removeItem(atPath: scratch + ".err")
        }
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".out"))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch + ".err"))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let stdout = String(decoding: FileManager.default.contents(atPath: scratch + ".out") ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: FileManager.default.contents(atPath: scratch + ".err") ?? Data(), as: UTF8.self)
            throw Failed(description: "psql \(sql): \(stderr)")
        }
        return stdout
    }

    /// Drops the database (connections still open are ended first).
    func drop() {
        _ = try? Self.psql(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
