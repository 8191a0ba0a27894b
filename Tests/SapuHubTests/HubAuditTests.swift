import Foundation
import HubTestSupport
import SapuApp
import SapuCore
import SapuHub
import SapuStore
import Testing

/// `sapu hub check` (docs/hub.md, "Trust"): what the hub holds is checked again from the stored
/// batches alone, so rows written around Sapu, with the database's own tools, are found.
@Suite("The hub's stored log checked again")
struct HubAuditTests {
    let now = TestSite.day

    func synced() async throws -> (HubDatabase, TestSite) {
        let hub = try HubDatabase()
        _ = try await HubSetup.initialise(url: hub.url)
        let site = try TestSite()
        for _ in 0..<3 { try site.work(4) }
        _ = try await HubSetup.addSite(site.code, keyFile: site.publicPath, fingerprints: [], url: hub.url)
        _ = try await Syncing.run(store: site.store, url: try HubURL(hub.url), now: now, batchSize: 7)
        return (hub, site)
    }

    func check(_ hub: HubDatabase) async throws -> [HubAudit.SiteResult] {
        try await HubConnection.with(try HubURL(hub.url)) { connection throws(SapuError) in
            try await HubAudit.check(hub: connection)
        }
    }

    @Test func aHubAsSapuStoredItChecksOut() async throws {
        let (hub, site) = try await synced()
        defer { hub.drop() }
        let results = try await check(hub)
        #expect(results.count == 1)
        #expect(results.first?.problems == [])
        #expect(results.first?.events == (try site.events()))
        #expect(results.first?.entries == (try site.store.logEnd().last))
    }

    @Test func anEventRowChangedAroundSapuIsFound() async throws {
        let (hub, _) = try await synced()
        defer { hub.drop() }
        try hub.psql("""
            ALTER TABLE event DISABLE TRIGGER event_is_append_only;
            UPDATE event SET state = 'scrapped' WHERE site = 'PWT' AND seq = 5;
            """)
        let first = try hub.count("SELECT first_seq FROM log_batch WHERE (SELECT log_seq FROM event WHERE seq = 5) BETWEEN first_seq AND last_seq")
        let results = try await check(hub)
        #expect(results.first?.problems == [.eventRows(first: first)])
    }

    @Test func anEventRowAddedAroundSapuIsFound() async throws {
        let (hub, _) = try await synced()
        defer { hub.drop() }
        try hub.psql("""
            INSERT INTO event SELECT site, seq + 1000, log_seq, bundle, batch, product, maker, move, state, at, at_unix,
                operator, station, result, label_revision, shipment, manual, reason FROM event WHERE site = 'PWT' AND seq = 2;
            """)
        let results = try await check(hub)
        #expect(results.first?.problems.isEmpty == false)
    }

    @Test func aBatchChangedAroundSapuFailsItsSignature() async throws {
        let (hub, _) = try await synced()
        defer { hub.drop() }
        // The same bytes with one letter of an entry changed, still a readable batch.
        let first = try hub.count("SELECT min(first_seq) FROM log_batch WHERE convert_from(bytes, 'UTF8') LIKE '%\"QC1\"%'")
        try hub.psql("""
            ALTER TABLE log_batch DISABLE TRIGGER log_batch_is_append_only;
            UPDATE log_batch SET bytes = convert_to(replace(convert_from(bytes, 'UTF8'), '"QC1"', '"QC9"'), 'UTF8')
            WHERE site = 'PWT' AND first_seq = \(first);
            """)
        let results = try await check(hub)
        #expect(results.first?.problems.first == .signature(first: first))
    }
}
