import SapuCore
import Testing

/// The partner's check of labels against a manifest, where keys and revisions decide.
@Suite struct VerificationKeyTests {
    static let day = Instant(iso8601: "2025-11-21T08:00:00+07:00")!
    static let inspected = CalendarDate(year: 2025, month: 11, day: 21)!

    /// A manifest of PWT251121A-0042 (grade A by M042) whose current label is `revision`.
    static func manifest(revision: Int) throws -> Manifest {
        let bundle = Bundle(id: BundleID(batch: "PWT251121A", serial: 42), product: "LIDI", maker: "M042", result: .pass(.a),
                            inspected: inspected, inspections: 1, state: .packed, labelRevision: revision, labelCurrent: true,
                            shipment: "001/SJ/PWT/XI/2025")
        let shipment = Shipment(id: "001/SJ/PWT/XI/2025", status: .closed, consignee: "CV. Pusat Handicraft", address: nil,
                                vehicle: nil, driver: nil, reference: nil, created: day, closed: day, shipped: nil,
                                reconciled: nil, manifestSHA256: nil, bundleCount: 1)
        return try Manifest(shipment: shipment, site: Site(code: "PWT", name: "Lapas"), bundles: [bundle],
                        products: [Product(code: "LIDI", name: "Sapu Lidi", bundleSize: 10)], key: DemoKeys.k2.publicKey,
                        closed: day)
    }

    static func label(revision: Int, key: SigningKey) throws -> String {
        LabelCodec.sign(try LabelPayload(keyID: key.keyID, product: "LIDI", batch: "PWT251121A", serial: 42, maker: "M042",
                                         inspected: inspected, result: .pass(.a), revision: revision), with: key)
    }

    /// A label under a key the partner's file lacks was answered "forged", as if altered.
    @Test func aLabelUnderAKeyThePartnerLacksIsAnUnknownKeyNotAForgery() throws {
        var check = Verification(manifest: try Self.manifest(revision: 2), keys: try KeyRing([DemoKeys.k1.publicKey]))
        let answer = check.scan(try Self.label(revision: 2, key: DemoKeys.k2))
        #expect(answer.outcome == .unknownKey)
        #expect(answer.reason == .unknownKey(site: "PWT", keyID: "K2"))
        #expect(answer.bundle == "PWT251121A-0042")
        #expect(check.received.isEmpty && check.forged.isEmpty)
        // Not proven genuine: the receipt does not count it as received.
        let receipt = Receipt(verification: check, manifestSHA256: "00", receiver: Site(code: "PHC", name: "x"),
                              key: DemoKeys.k1, finished: Self.day)
        #expect(receipt.forged == 1 && receipt.received.isEmpty)
    }

    @Test func anAlteredLabelIsStillForged() throws {
        var check = Verification(manifest: try Self.manifest(revision: 1), keys: DemoKeys.ring)
        let genuine = try Self.label(revision: 1, key: DemoKeys.k1)
        let altered = genuine.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0 == "MM042" ? "MM043" : String($0) }.joined(separator: " ")
        #expect(check.scan(altered).outcome == .forged)
    }

    /// After a rotation the bundle was relabelled R2 under K2: its R1 label is superseded, and
    /// scanning it first no longer turns the current label into a "duplicate" of a disputed bundle.
    @Test func theOldLabelIsSupersededAndTheCurrentOneStillCounts() throws {
        var check = Verification(manifest: try Self.manifest(revision: 2), keys: DemoKeys.ring)
        #expect(check.scan(try Self.label(revision: 1, key: DemoKeys.k1)).outcome == .superseded)
        #expect(check.mismatched.map(\.field) == ["labelRevision"])
        #expect(check.missing.isEmpty)
        #expect(check.scan(try Self.label(revision: 2, key: DemoKeys.k2)).outcome == .expected)
        #expect(check.received == ["PWT251121A-0042"])
        #expect(check.mismatched.isEmpty && check.missing.isEmpty)
        #expect(check.scan(try Self.label(revision: 2, key: DemoKeys.k2)).outcome == .duplicate)
    }
}
