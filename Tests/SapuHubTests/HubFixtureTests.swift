import HubTestSupport
import Testing

/// The hub tests' own database per test: fresh, separate from every other, gone after `drop()`.
@Suite struct HubFixtureTests {
    @Test func twoHubDatabasesAreSeparate() throws {
        let first = try HubDatabase()
        defer { first.drop() }
        let second = try HubDatabase()
        defer { second.drop() }
        #expect(first.name != second.name)
        #expect(try first.psql("SELECT current_database()") == first.name)
        #expect(try second.psql("SELECT current_database()") == second.name)
        try first.psql("CREATE TABLE probe (n int); INSERT INTO probe VALUES (7)")
        #expect(try first.psql("SELECT n FROM probe") == "7")
        #expect(try second.psql("SELECT count(*) FROM pg_tables WHERE tablename = 'probe'") == "0")
        #expect(throws: HubDatabase.Problem.self) { try second.psql("SELECT n FROM probe") }
    }

    @Test func aDroppedHubDatabaseIsGone() throws {
        let dropped = try HubDatabase()
        defer { dropped.drop() }
        let witness = try HubDatabase()
        defer { witness.drop() }
        let present = "SELECT count(*) FROM pg_database WHERE datname = '\(dropped.name)'"
        #expect(try witness.psql(present) == "1")
        dropped.drop()
        #expect(try witness.psql(present) == "0")
        #expect(throws: HubDatabase.Problem.self) { try dropped.psql("SELECT 1") }
    }

    @Test func columnsAreTabSeparatedAndCountReadsOneNumber() throws {
        let hub = try HubDatabase()
        defer { hub.drop() }
        try hub.psql("CREATE TABLE probe (n int, word text); INSERT INTO probe VALUES (1, 'a|b'), (2, '')")
        #expect(try hub.psql("SELECT n, word FROM probe ORDER BY n") == "1\ta|b\n2\t")
        #expect(try hub.count("SELECT count(*) FROM probe") == 2)
        #expect(throws: HubDatabase.Problem.self) { try hub.count("SELECT word FROM probe WHERE n = 1") }
    }

    @Test func theURLOfAnotherDatabaseKeepsTheSocketDirectory() throws {
        let hub = try HubDatabase()
        defer { hub.drop() }
        let other = try HubDatabase.url(hub.url, database: "postgres")
        #expect(other == hub.server)
        #expect(try HubDatabase.url(hub.server, database: hub.name) == hub.url)
        #expect(try HubDatabase.url("postgres://sapu@localhost:5432/postgres?host=/tmp/pg", database: "x")
            == "postgres://sapu@localhost:5432/x?host=/tmp/pg")
    }

    @Test func withoutAClusterItSaysHowToStartOne() {
        let error = #expect(throws: HubDatabase.Problem.self) { try HubDatabase(environment: [:]) }
        #expect(error?.description == #"SAPU_TEST_PG is not set: run Scripts/test.sh, or eval "$(Scripts/pg.sh start)" first"#)
    }
}
