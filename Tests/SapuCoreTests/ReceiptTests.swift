import SapuCore
import Testing

@Suite("Partner receipts")
struct ReceiptTests {
    static let day = Instant(iso8601: "2025-11-21T08:00:00+07:00")!
    static let partner = try! SigningKey.generate(site: "PHC", keyID: "K1")

    /// A manifest of bundles 0041-0044 of PWT251121A, all M042 grade A, label R1.
    static func manifest() throws -> Manifest {
        let bundles = (41...44).map {
            Bundle(id: BundleID(batch: "PWT251121A", serial: $0), product: "LIDI", maker: "M042", result: .pass(.a),
                   inspected: DemoKeys.passPayload.inspected, inspections: 1, state: .packed, labelRevision: 1,
                   labelCurrent: true, shipment: "001/SJ/PWT/XI/2025")
        }
        let shipment = Shipment(id: "001/SJ/PWT/XI/2025", status: .closed, consignee: "CV. Pusat Handicraft", address: nil,
                                vehicle: nil, driver: nil, reference: nil, created: day, closed: day, shipped: nil,
                                reconciled: nil, manifestSHA256: nil, bundleCount: 4, partner: "PHC")
        return try Manifest(shipment: shipment, site: Site(code: "PWT", name: "Lapas"), bundles: bundles,
                        products: Product.standard, key: DemoKeys.k1.publicKey, closed: day)
    }

    static func label(_ serial: Int) throws -> String {
        LabelCodec.sign(try LabelPayload(keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: serial, maker: "M042",
                                         inspected: DemoKeys.passPayload.inspected, result: .pass(.a), revision: 1),
                        with: DemoKeys.k1)
    }

    static func receipt(_ verification: Verification) -> Receipt {
        Receipt(verification: verification, manifestSHA256: "h", receiver: Site(code: "PHC", name: "CV"), key: partner,
                finished: day)
    }

    @Test func theReceiptTellsTypedIdsFromVerifiedLabels() throws {
        var verification = Verification(manifest: try Self.manifest(), keys: try KeyRing([DemoKeys.k1.publicKey]))
        _ = verification.scan(try Self.label(41))
        #expect(verification.scan("PWT251121A-0042").manual)
        _ = verification.scan("pwt251121a 0043")
        let receipt = Self.receipt(verification)
        #expect(receipt.format == "sapu-receipt-2")
        #expect(receipt.received == ["PWT251121A-0041", "PWT251121A-0042", "PWT251121A-0043"])
        #expect(receipt.receivedByHand == ["PWT251121A-0042", "PWT251121A-0043"])
        let outcomes = try receipt.outcomes(path: "r.json")
        #expect(outcomes.verified.map(\.description) == ["PWT251121A-0041"])
        #expect(outcomes.typed.map(\.description) == ["PWT251121A-0042", "PWT251121A-0043"])
        #expect(outcomes.missing.map(\.description) == ["PWT251121A-0044"])
    }

    /// A typed id the manifest does not list was answered `manual: false`, like a verified label.
    @Test func aTypedIdNotInTheManifestIsShownAsTyped() throws {
        var verification = Verification(manifest: try Self.manifest(), keys: try KeyRing([DemoKeys.k1.publicKey]))
        let extra = verification.scan("PWT251121A-0099")
        #expect(extra.outcome == .notInManifest && extra.manual)
        let again = verification.scan("pwt251121a 0099")
        #expect(again.outcome == .duplicate && again.manual)
        let label = verification.scan(try Self.label(45))
        #expect(label.outcome == .notInManifest && !label.manual)
    }

    @Test func aLabelScannedAfterItsIdWasTypedReplacesTheTypedEntry() throws {
        var verification = Verification(manifest: try Self.manifest(), keys: try KeyRing([DemoKeys.k1.publicKey]))
        _ = verification.scan("PWT251121A-0042")
        let answer = verification.scan(try Self.label(42))
        #expect(answer.outcome == .expected && !answer.manual && answer.progress == 1)
        #expect(verification.received == ["PWT251121A-0042"] && verification.receivedByHand.isEmpty)
        // Typing it again is a duplicate and does not make it unverified.
        #expect(verification.scan("PWT251121A-0042").outcome == .duplicate)
        #expect(verification.receivedByHand.isEmpty)
    }

    /// A label of the revision the manifest lists must carry the manifest's inspection date:
    /// only a leaked key makes one that does not, and it was counted as expected.
    @Test func aLabelWithAnotherInspectionDateThanTheManifestIsAMismatch() throws {
        var verification = Verification(manifest: try Self.manifest(), keys: try KeyRing([DemoKeys.k1.publicKey]))
        let otherDay = LabelCodec.sign(try LabelPayload(keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: 41,
                                                        maker: "M042", inspected: CalendarDate(year: 2025, month: 11, day: 20)!,
                                                        result: .pass(.a), revision: 1), with: DemoKeys.k1)
        let answer = verification.scan(otherDay)
        #expect(answer.outcome == .mismatch)
        #expect(verification.received.isEmpty)
        #expect(verification.mismatched.map { [$0.bundle, $0.field, $0.manifest, $0.label] }
                == [["PWT251121A-0041", "inspected", "2025-11-21", "2025-11-20"]])
        #expect(answer.reason?.message.english == "PWT251121A-0041: label says inspection date 2025-11-20, the manifest says 2025-11-21")
    }

    @Test func listsThatCannotAllBeTrueAreRefused() throws {
        var verification = Verification(manifest: try Self.manifest(), keys: try KeyRing([DemoKeys.k1.publicKey]))
        for serial in 41...44 { _ = verification.scan(try Self.label(serial)) }
        let good = Self.receipt(verification)
        #expect(try good.outcomes(path: "r").received.count == 4)

        var twice = good
        twice.missing = ["PWT251121A-0041"]
        twice.expected = 5
        var byHandNotReceived = good
        byHandNotReceived.receivedByHand = ["PWT251121A-0099"]
        var countOff = good
        countOff.expected = 50
        var receivedAndExtra = good
        receivedAndExtra.extra = ["PWT251121A-0041"]
        var extraTwice = good
        extraTwice.extra = ["PWT251121A-0099", "PWT251121A-0099"]
        for bad in [twice, byHandNotReceived, countOff, receivedAndExtra, extraTwice] {
            #expect(throws: SapuError.receiptListsInconsistent("r")) { try bad.outcomes(path: "r") }
        }
        var notCanonical = good
        notCanonical.received[0] = "pwt251121a-41"
        #expect(throws: SapuError.receiptUnreadable("r")) { try notCanonical.outcomes(path: "r") }
    }

    @Test func aMismatchIsShownInWordsNotByItsFieldName() {
        let error = SapuError.manifestMismatch(bundle: "PWT251121A-0042", field: "labelRevision", manifest: "R2", label: "R1")
        #expect(error.message.english == "PWT251121A-0042: label says label revision R1, the manifest says R2")
        #expect(!error.message.indonesian.contains("labelRevision") && error.message.indonesian.contains("revisi label"))
        #expect(Message.mismatchField("maker").indonesian == "pembuat")
    }
}
