import Foundation
import Testing

/// Three working days of a small workshop, built through the CLI with the clock set per
/// step, whose report figures are worked out by hand in the comments below.
///
/// Day 1, 2025-11-03 (partners CV. Pusat Handicraft, PHC, and Toko Sapu Makmur, TSM, registered with their keys)
///   PWT251103A (LIDI, 10 brooms per bundle): 0001-0006 M042 A, 0007-0008 M042 B, 0009-0010 M043 FAIL LOOSE
///   PWT251103B (GLAGAH, 5 per bundle):       0001-0003 M043 A, 0004 M043 FAIL DAMP,LOOSE
///   all labelled; passed ones received into stock, failed ones quarantined.
/// Day 2, 2025-11-04
///   PWT251104A (LIDI): 0001-0004 M044 A, 0005 M044 FAIL SHORT; labelled, received / quarantined.
///   Rework: 103A-0009 re-inspected PASS B (relabelled, received); 103B-0004 re-inspected FAIL DAMP.
///   Shipment 001/SJ/PWT/XI/2025 to CV. Pusat Handicraft: 103A-0001..0006 and 103B-0001..0002 (8), shipped.
/// Day 3, 2025-11-05
///   PWT251105A (LIDI): 0001-0002 M042 A, 0003 M043 FAIL BROKEN; not labelled.
///   103B-0004 scrapped. Rework: 103A-0010 re-inspected PASS A (relabelled, received).
///   The partner scans 7 of shipment 001 (103B-0002 never arrives); the receipt is reconciled.
///   Shipment 002/SJ/PWT/XI/2025 to Toko Sapu Makmur: 104A-0001..0002, shipped, no receipt yet.
struct ReportFixture {
    let sapu: SapuRunner
    let first = "001/SJ/PWT/XI/2025"
    let second = "002/SJ/PWT/XI/2025"

    /// Built once and shared: the reports only read it.
    static let shared = Result { try ReportFixture() }

    static func get() throws -> ReportFixture { try shared.get() }

    private init() throws {
        var sapu = try SapuRunner(fixedNow: "2025-11-03T07:00:00+07:00")
        sapu.environment["SAPU_LANG"] = "id"
        try sapu.step("2025-11-03T07:00", "init", "--site", "PWT", "--name", "Lapas Kelas IIA Purwokerto")
        try sapu.step("2025-11-03T07:01", "maker", "add", "M042", "--name", "Budi Santoso")
        try sapu.step("2025-11-03T07:02", "maker", "add", "M043", "--name", "Slamet Riyadi")
        try sapu.step("2025-11-03T07:03", "maker", "add", "M044")
        try sapu.step("2025-11-03T07:04", "batch", "create", "--product", "LIDI", "--date", "2025-11-03")
        try sapu.step("2025-11-03T07:05", "batch", "create", "--product", "GLAGAH", "--date", "2025-11-03")
        // Both consignees are registered partners with their own sites and keys.
        let partner = try Self.partnerSite("PHC", "CV. Pusat Handicraft", at: "2025-11-03T07:06")
        let toko = try Self.partnerSite("TSM", "Toko Sapu Makmur", at: "2025-11-03T07:06")
        try sapu.step("2025-11-03T07:07", "partner", "add", "PHC", "--name", "CV. Pusat Handicraft",
                      "--key", partner.directory + "/own/PHC.pub")
        try sapu.step("2025-11-03T07:08", "partner", "add", "TSM", "--name", "Toko Sapu Makmur", "--key", toko.directory + "/own/TSM.pub")

        // Day 1
        try sapu.step("2025-11-03T08:00", "inspect", "--batch", "PWT251103A", "--maker", "M042", "--pass", "--grade", "A", "--count", "6")
        try sapu.step("2025-11-03T08:10", "inspect", "--batch", "PWT251103A", "--maker", "M042", "--pass", "--grade", "B", "--count", "2")
        try sapu.step("2025-11-03T08:20", "inspect", "--batch", "PWT251103A", "--maker", "M043", "--fail", "--defect", "LOOSE", "--count", "2")
        try sapu.step("2025-11-03T08:30", "inspect", "--batch", "PWT251103B", "--maker", "M043", "--pass", "--grade", "A", "--count", "3")
        try sapu.step("2025-11-03T08:40", "inspect", "--batch", "PWT251103B", "--maker", "M043", "--fail", "--defect", "DAMP,LOOSE")
        try sapu.step("2025-11-03T09:00", "label", "--batch", "PWT251103A", "--format", "zpl", "--out", "labels")
        try sapu.step("2025-11-03T09:01", "label", "--batch", "PWT251103B", "--format", "zpl", "--out", "labels")
        try sapu.step("2025-11-03T10:00", "scan", "--mode", "receive",
                      input: Self.ids("PWT251103A", 1...8) + Self.ids("PWT251103B", 1...3))
        try sapu.step("2025-11-03T10:05", "scan", "--mode", "quarantine",
                      input: Self.ids("PWT251103A", 9...10) + Self.ids("PWT251103B", 4...4))

        // Day 2
        try sapu.step("2025-11-04T07:00", "batch", "create", "--product", "LIDI", "--date", "2025-11-04")
        try sapu.step("2025-11-04T08:00", "inspect", "--batch", "PWT251104A", "--maker", "M044", "--pass", "--grade", "A", "--count", "4")
        try sapu.step("2025-11-04T08:10", "inspect", "--batch", "PWT251104A", "--maker", "M044", "--fail", "--defect", "SHORT")
        try sapu.step("2025-11-04T09:00", "inspect", "PWT251103A-0009", "--pass", "--grade", "B")
        try sapu.step("2025-11-04T09:05", "inspect", "PWT251103B-0004", "--fail", "--defect", "DAMP")
        try sapu.step("2025-11-04T09:30", "label", "--batch", "PWT251104A", "--format", "zpl", "--out", "labels")
        try sapu.step("2025-11-04T09:31", "label", "PWT251103A-0009", "--format", "zpl", "--out", "labels")
        try sapu.step("2025-11-04T10:00", "scan", "--mode", "receive",
                      input: Self.ids("PWT251104A", 1...4) + Self.ids("PWT251103A", 9...9))
        try sapu.step("2025-11-04T10:05", "scan", "--mode", "quarantine", input: Self.ids("PWT251104A", 5...5))
        try sapu.step("2025-11-04T11:00", "shipment", "create", "--partner", "PHC", "--to", "CV. Pusat Handicraft")
        try sapu.step("2025-11-04T11:10", "scan", "--mode", "pack", "--shipment", first,
                      input: Self.ids("PWT251103A", 1...6) + Self.ids("PWT251103B", 1...2))
        try sapu.step("2025-11-04T11:30", "shipment", "close", first, "--out", "docs")
        try sapu.step("2025-11-04T12:00", "shipment", "ship", first)

        // Day 3
        try sapu.step("2025-11-05T07:00", "batch", "create", "--product", "LIDI", "--date", "2025-11-05")
        try sapu.step("2025-11-05T08:00", "inspect", "--batch", "PWT251105A", "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        try sapu.step("2025-11-05T08:05", "inspect", "--batch", "PWT251105A", "--maker", "M043", "--fail", "--defect", "BROKEN")
        try sapu.step("2025-11-05T09:00", "scan", "--mode", "scrap", input: Self.ids("PWT251103B", 4...4))
        try sapu.step("2025-11-05T09:30", "inspect", "PWT251103A-0010", "--pass", "--grade", "A")
        try sapu.step("2025-11-05T09:31", "label", "PWT251103A-0010", "--format", "zpl", "--out", "labels")
        try sapu.step("2025-11-05T10:00", "scan", "--mode", "receive", input: Self.ids("PWT251103A", 10...10))
        try Self.partnerReceives(first, from: sapu, at: partner, scanning: Self.ids("PWT251103A", 1...6) + Self.ids("PWT251103B", 1...1),
                                 at: "2025-11-05T14:00")
        try sapu.step("2025-11-05T15:00", "shipment", "create", "--partner", "TSM")
        try sapu.step("2025-11-05T15:10", "scan", "--mode", "pack", "--shipment", second, input: Self.ids("PWT251104A", 1...2))
        try sapu.step("2025-11-05T15:30", "shipment", "close", second, "--out", "docs")
        try sapu.step("2025-11-05T16:00", "shipment", "ship", second)

        sapu.environment["SAPU_NOW"] = "2025-11-06T08:00:00+07:00"
        self.sapu = sapu
    }

    /// Typed bundle ids, one per line, as a clerk enters them when a label will not scan.
    static func ids(_ batch: String, _ serials: ClosedRange<Int>) -> [String] {
        serials.map { batch + "-" + String(format: "%04d", $0) }
    }

    /// A partner's own site: its database and key files under `own/`, made by its `sapu init`.
    private static func partnerSite(_ code: String, _ name: String, at time: String) throws -> SapuRunner {
        var partner = try SapuRunner(fixedNow: time + ":00+07:00")
        try FileManager.default.createDirectory(atPath: partner.directory + "/own", withIntermediateDirectories: true)
        partner.environment["SAPU_DB"] = partner.directory + "/own/" + code.lowercased() + ".sqlite"
        try partner.step(time, "init", "--site", code, "--name", name)
        return partner
    }

    /// The partner checks the shipment against its manifest, then the workshop applies the signed receipt.
    private static func partnerReceives(_ shipment: String, from sapu: SapuRunner, at partner: SapuRunner, scanning ids: [String],
                                        at time: String) throws {
        let stem = shipment.replacingOccurrences(of: "/", with: "-")
        for file in [stem + ".manifest.json", stem + ".manifest.sig"] {
            try FileManager.default.copyItem(atPath: sapu.directory + "/docs/" + file, toPath: partner.directory + "/" + file)
        }
        try FileManager.default.copyItem(atPath: sapu.directory + "/PWT.pub", toPath: partner.directory + "/PWT.pub")
        let verify = ["verify", "--manifest", stem + ".manifest.json", "--key", "PWT.pub"]
        try partner.step(time, verify, input: ids)
        try partner.step(time, verify + ["--finish"])
        try sapu.step(time, ["shipment", "reconcile", partner.directory + "/" + stem + ".receipt.json"])
    }
}

extension SapuRunner {
    /// Runs one step of the fixture at a local time on the site (`2025-11-03T08:00`, UTC+7), or fails the test.
    @discardableResult
    func step(_ time: String, _ arguments: String..., input: [String]? = nil,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
        try step(time, arguments, input: input, sourceLocation: sourceLocation)
    }

    @discardableResult
    func step(_ time: String, _ arguments: [String], input: [String]? = nil,
              sourceLocation: SourceLocation = #_sourceLocation) throws -> Output {
        var runner = self
        runner.environment["SAPU_NOW"] = time.count == 16 ? time + ":00+07:00" : time
        let output = try runner.run(arguments, input: input.map { $0.joined(separator: "\n") + "\n" })
        guard output.status == 0 else {
            Issue.record("sapu \(arguments.joined(separator: " ")) at \(time): \(output.stderr)", sourceLocation: sourceLocation)
            throw FixtureFailure()
        }
        return output
    }

    /// Runs a report and parses its JSON.
    func report(_ arguments: String...) throws -> [String: Any] {
        let output = try run(["report"] + arguments + ["--format", "json"])
        #expect(output.status == 0, "sapu report \(arguments.joined(separator: " ")): \(output.stderr)")
        return try #require(try json(output) as? [String: Any])
    }
}

struct FixtureFailure: Error {}
