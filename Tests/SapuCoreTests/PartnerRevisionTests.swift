import SapuCore
import Testing

/// The partner's check follows label revisions: a bundle relabelled before shipping is
/// accepted by its current label, whatever order its labels are scanned in (issue 10, item 2).
@Suite("Partner verification and label revisions")
struct PartnerRevisionTests {
    static let day = CalendarDate(year: 2025, month: 11, day: 21)!
    static let relabelled = "PWT251121A-0041"

    /// Bundle 0041 was re-graded to B and relabelled (R2) before closing; 0042 carries R1.
    static func verification() throws -> Verification {
        let bundles = [
            Bundle(id: BundleID(batch: "PWT251121A", serial: 41), product: "LIDI", maker: "M042", result: .pass(.b),
                   inspected: day, inspections: 2, state: .packed, labelRevision: 2, labelCurrent: true,
                   shipment: "001/SJ/PWT/XI/2025"),
            Bundle(id: BundleID(batch: "PWT251121A", serial: 42), product: "LIDI", maker: "M042", result: .pass(.a),
                   inspected: day, inspections: 1, state: .packed, labelRevision: 1, labelCurrent: true,
                   shipment: "001/SJ/PWT/XI/2025"),
        ]
        let instant = Instant(iso8601: "2025-11-21T08:00:00+07:00")!
        let shipment = Shipment(id: "001/SJ/PWT/XI/2025", status: .closed, consignee: "CV. Pusat Handicraft", address: nil,
                                vehicle: nil, driver: nil, reference: nil, created: instant, closed: instant, shipped: nil,
                                reconciled: nil, manifestSHA256: nil, bundleCount: 2, partner: "PHC")
        let manifest = try Manifest(shipment: shipment, site: Site(code: "PWT", name: "Lapas"), bundles: bundles,
                                    products: Product.standard, key: DemoKeys.k1.publicKey, closed: instant)
        return Verification(manifest: manifest, keys: try KeyRing([DemoKeys.k1.publicKey]))
    }

    static func label(serial: Int = 41, revision: Int, result: QCResult) throws -> String {
        LabelCodec.sign(try LabelPayload(keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: serial, maker: "M042",
                                         inspected: day, result: result, revision: revision), with: DemoKeys.k1)
    }

    static let r1 = try! label(revision: 1, result: .pass(.a))
    static let r2 = try! label(revision: 2, result: .pass(.b))

    @Test func theOldLabelThenTheCurrentOneEndsReceived() throws {
        var verification = try Self.verification()
        let old = verification.scan(Self.r1)
        #expect(old.outcome == .superseded && old.progress == 0)
        #expect(old.reason == .partnerOldLabel(scanned: 1, current: 2))
        let current = verification.scan(Self.r2)
        #expect(current.outcome == .expected && current.progress == 1)
        #expect(verification.received == [Self.relabelled])
        #expect(verification.mismatched.isEmpty && verification.duplicates.isEmpty && verification.oldLabelOnly.isEmpty)
        #expect(verification.missing == ["PWT251121A-0042"])
    }

    /// Was a duplicate: the old label after the current one said nothing useful.
    @Test func theOldLabelAfterTheCurrentOneIsOldAndTheBundleStaysReceived() throws {
        var verification = try Self.verification()
        #expect(verification.scan(Self.r2).outcome == .expected)
        let old = verification.scan(Self.r1)
        #expect(old.outcome == .superseded && old.bundle == Self.relabelled && old.progress == 1)
        #expect(old.reason == .partnerOldLabelAfterCurrent(scanned: 1, current: 2))
        #expect(verification.received == [Self.relabelled] && verification.duplicates.isEmpty)
        #expect(verification.mismatched.isEmpty)
    }

    @Test func anOldLabelAfterATypedIdLeavesTheTypedEntryAndSaysHowToVerifyIt() throws {
        var verification = try Self.verification()
        #expect(verification.scan(Self.relabelled).outcome == .expected)
        let old = verification.scan(Self.r1)
        #expect(old.outcome == .superseded && old.reason == .partnerOldLabelAfterTyped(scanned: 1, current: 2))
        #expect(verification.receivedByHand == [Self.relabelled] && verification.mismatched.isEmpty)
        // Its current label verifies it.
        #expect(verification.scan(Self.r2).outcome == .expected)
        #expect(verification.received == [Self.relabelled] && verification.receivedByHand.isEmpty)
    }

    /// Arrived, but carrying only its outdated label: disputed once, on the label revision.
    @Test func aBundleSeenOnlyWithItsOldLabelIsDisputedOnceOnTheRevision() throws {
        var verification = try Self.verification()
        _ = verification.scan(Self.r1)
        _ = verification.scan(Self.r1)
        #expect(verification.oldLabelOnly.map(\.bundle) == [Self.relabelled])
        #expect(verification.mismatched.map { [$0.bundle, $0.field, $0.manifest, $0.label] }
                == [[Self.relabelled, "labelRevision", "R2", "R1"]])
        #expect(!verification.missing.contains(Self.relabelled) && verification.received.isEmpty)
    }

    /// Once the current label was scanned the old one no longer adds an entry, even when the
    /// current label disagrees with the manifest.
    @Test func aDisputedCurrentLabelLeavesNoOldLabelEntry() throws {
        var verification = try Self.verification()
        _ = verification.scan(Self.r1)
        let grade = verification.scan(try Self.label(revision: 2, result: .pass(.a)))
        #expect(grade.outcome == .mismatch)
        #expect(verification.mismatched.map(\.field) == ["grade"])
        #expect(verification.oldLabelOnly.isEmpty)
        #expect(verification.scan(Self.r1).reason == .partnerOldLabelAfterCurrent(scanned: 1, current: 2))
    }

    /// The workshop's station tells its clerk to reprint; the partner is never told that.
    @Test func noReasonAtThePartnerSaysReprintOrNamesAField() throws {
        for reason in [SapuError.partnerOldLabel(scanned: 1, current: 2), .partnerOldLabelAfterCurrent(scanned: 1, current: 2),
                       .partnerOldLabelAfterTyped(scanned: 1, current: 2)] {
            let texts = [reason.message.indonesian, reason.message.english]
            #expect(texts.allSatisfy { !$0.contains("labelRevision") && $0.contains("R2") && $0.contains("R1") })
            #expect(!reason.message.indonesian.contains("cetak ulang label") && !reason.message.english.contains("reprint it"))
            #expect(reason.message.indonesian != reason.message.english)
        }
        #expect(SapuError.partnerOldLabel(scanned: 1, current: 2).message.indonesian.contains("tidak perlu cetak ulang"))
        #expect(Message.verifyOutcome(.superseded).english == "OLD LABEL")
    }

    @Test func theReceiptCarriesTheForgedClaimsAndExtrasForTheWorkshop() throws {
        var verification = try Self.verification()
        _ = verification.scan(Self.r2)
        _ = verification.scan(try Self.label(serial: 42, revision: 1, result: .pass(.a)))
        _ = verification.scan(try Self.label(serial: 99, revision: 1, result: .pass(.a)))
        // One character of the signature changed: still names 0042, but is forged.
        var forged = Array(try Self.label(serial: 42, revision: 1, result: .pass(.a)))
        forged[forged.count - 10] = forged[forged.count - 10] == "0" ? "1" : "0"
        #expect(verification.scan(String(forged)).outcome == .forged)
        var receipt = Receipt(verification: verification, manifestSHA256: "h", receiver: Site(code: "PHC", name: "CV"),
                              key: try SigningKey.generate(site: "PHC", keyID: "K1"),
                              finished: Instant(iso8601: "2025-11-22T08:00:00+07:00")!)
        // forgedBundles is for information: an entry that is no canonical id is left out, not refused.
        receipt.forgedBundles += ["not an id", "PWT251121A-0042"]
        let outcomes = try receipt.outcomes(path: "r")
        #expect(outcomes.extra.map(\.description) == ["PWT251121A-0099"])
        #expect(outcomes.forged.map(\.description) == ["PWT251121A-0042"])
    }
}
