import Foundation
import HubTestSupport
import Testing

/// `sapu report KIND --hub URL --site CODE` against the real binary: the site's three days of
/// the report fixture (reworks, a scrapped bundle, a reconciled shipment with a missing
/// bundle), plus a voided bundle, synced to a hub on the test PostgreSQL (`SAPU_TEST_PG`).
@Suite("sapu report --hub")
struct HubReportCommandTests {
    @Test func theHubsReportOfASiteIsTheSitesOwnByteForByte() throws {
        let database = try HubDatabase()
        defer { database.drop() }
        let url = database.url

        // A copy of the fixture's site: this test writes to it.
        let fixture = try ReportFixture.get().sapu
        var sapu = try SapuRunner(fixedNow: "2025-11-06T08:00:00+07:00")
        sapu.environment["SAPU_LANG"] = "id"
        for item in try FileManager.default.contentsOfDirectory(atPath: fixture.directory) {
            try FileManager.default.copyItem(atPath: fixture.directory + "/" + item, toPath: sapu.directory + "/" + item)
        }
        try sapu.step("2025-11-06T07:00", "bundle", "void", "PWT251105A-0001", "--reason", "label rusak", "--yes")
        try Self.sync(sapu, url: url)
        let hub = Self.hubOnly(sapu)
        try Self.expectTheSame(sapu, hub, url: url, reports: [
            ["stock"], ["stock", "--at", "2025-11-04"], ["stock", "--at", "2025-11-05"],
            ["qc"], ["qc", "--by", "maker"], ["qc", "--by", "product", "--from", "2025-11-04", "--to", "2025-11-05"],
            ["makers"], ["makers", "--from", "2025-11-04"], ["shipments"],
        ])
        // The heading names the hub instead of the site's own database.
        let table = try hub.ok(["report", "stock", "--hub", url, "--site", "PWT"])
        #expect(table.stdout.contains("dari hub"))
        let all = try hub.ok(["report", "stock", "--hub", url, "--format", "csv"])
        #expect(all.stdout.contains("PWT"))

        let unknown = try hub.run(["report", "stock", "--hub", url, "--site", "SMG"])
        #expect(unknown.status == 1 && unknown.stderr.contains("SMG"))
        let names = try hub.run(["report", "makers", "--names", "--hub", url])
        #expect(names.status == 1 && names.stderr.contains("--names"))
        let siteAlone = try sapu.run(["report", "stock", "--site", "PWT"])
        #expect(siteAlone.status == 1 && siteAlone.stderr.contains("--hub"))
    }

    @Test func partnerFindingsAndAVoidedBundleReadTheSameFromTheHub() throws {
        let database = try HubDatabase()
        defer { database.drop() }
        let url = database.url
        // One received, one disputed, one missing, two extra (one of them another site's), one forged scan.
        let shop = try RelabelledShipment()
        try ReconcileFindingsTests.partnerFindings(shop)
        try shop.sapu.ok("shipment", "reconcile", shop.receipt)
        let batch = String(shop.bundles[0].prefix { $0 != "-" })
        let voided = try shop.sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A").lines
        try shop.sapu.ok(["bundle", "void"] + voided + ["--reason", "label rusak", "--yes"])
        try Self.sync(shop.sapu, url: url)
        let shipments = try shop.sapu.ok("report", "shipments", "--format", "json").stdout
        #expect(shipments.contains("\"extra\" : 2") && shipments.contains("\"forged\" : 1"), "\(shipments)")
        try Self.expectTheSame(shop.sapu, Self.hubOnly(shop.sapu), url: url, reports: [
            ["stock"], ["qc"], ["qc", "--by", "maker"], ["makers"], ["shipments"],
        ])
    }

    /// Registers the site at a new hub and sends it its log.
    static func sync(_ sapu: SapuRunner, url: String) throws {
        try sapu.ok(["hub", "init", "--url", url])
        try sapu.ok(["hub", "site", "add", "PWT", "--key", sapu.directory + "/PWT.pub", "--url", url])
        try sapu.ok(["sync", "--hub", url])
    }

    /// The same runner where there is no site database at all.
    static func hubOnly(_ sapu: SapuRunner) -> SapuRunner {
        var hub = sapu
        hub.environment["SAPU_DB"] = sapu.directory + "/none/sapu.sqlite"
        return hub
    }

    /// Each report as CSV and JSON from the site and from the hub for that site: byte for byte the same.
    static func expectTheSame(_ sapu: SapuRunner, _ hub: SapuRunner, url: String, reports: [[String]],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        for report in reports {
            for format in ["csv", "json"] {
                let own = try sapu.ok(["report"] + report + ["--format", format])
                let there = try hub.ok(["report"] + report + ["--format", format, "--hub", url, "--site", "pwt"])
                #expect(there.stdout == own.stdout, "\(report) \(format)", sourceLocation: sourceLocation)
                #expect(!own.stdout.isEmpty, sourceLocation: sourceLocation)
            }
        }
    }

}

extension SapuRunner {
    @discardableResult
    func ok(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
        let output = try run(arguments)
        #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)", sourceLocation: sourceLocation)
        return output
    }
}
