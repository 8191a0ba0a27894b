import SapuCore
import Testing

@Suite("Typed bundle ids")
struct TypedBundleIDTests {
    @Test func whatAPersonTypesLegitimatelyIsForgiven() throws {
        let id = BundleID(batch: "PWT251121A", serial: 42)
        for text in ["PWT251121A-0042", "pwt251121a-0042", "PWT251121A 0042", "PWT251121A/0042", "PWT251121A0042",
                     "  PWT251121A-0042 ", "PWT251121A-0042\r\n"] {
            #expect(BundleID(typed: text) == id, "\(text.debugDescription)")
            #expect(try BundleID.parse(typed: text) == id)
        }
        #expect(BundleID(typed: "PWT251121A-12345") == BundleID(batch: "PWT251121A", serial: 12345))
        #expect(BundleID(typed: "PWT251121A-9999999") == BundleID(batch: "PWT251121A", serial: 9_999_999))
    }

    @Test func aSerialNotWrittenAsOnTheLabelIsRefusedWithTheCanonicalForm() {
        for (text, canonical) in [("PWT261201A-00001", "PWT261201A-0001"), ("PWT261201A-1", "PWT261201A-0001"),
                                  ("PWT261201A-042", "PWT261201A-0042"), ("pwt261201a 000000012345", "PWT261201A-12345"),
                                  ("PWT261201A-09999999", "PWT261201A-9999999")] {
            #expect(BundleID(typed: text) == nil, "\(text)")
            #expect(BundleID.canonicalSuggestion(for: text) == canonical)
            #expect(throws: SapuError.nonCanonicalBundleID(typed: text, canonical: canonical)) { try BundleID.parse(typed: text) }
        }
    }

    @Test func garbageIsNotABundleID() {
        for text in ["", "PWT251121A-0000", "PWT251121A-10000000", "PWT251121A-+042", "PWT251121A-٠٠٤٢", "-0001",
                     "PWT251121A-00A1", "ABCDEFGHIJKLMNOPQ-0001", "SAPU1 K1 TLIDI"] {
            #expect(BundleID(typed: text) == nil, "\(text)")
            #expect(BundleID.canonicalSuggestion(for: text) == nil, "\(text)")
            #expect(throws: SapuError.unknownBundle(text)) { try BundleID.parse(typed: text) }
        }
    }

    @Test func theScanningClassifierAnswersANonCanonicalIDWithTheHint() throws {
        let code = ScannedCode.classify("PWT261201A-00001", keys: try KeyRing([]))
        #expect(code == .rejected(ScanResult(outcome: .notSapu,
                                             reason: .nonCanonicalBundleID(typed: "PWT261201A-00001", canonical: "PWT261201A-0001"))))
    }

    /// A line starting with SAPU is a label, never a typed id (docs/scanning.md, "How a line is read").
    @Test func aTextStartingWithSAPUIsNeverReadAsABundleID() throws {
        for text in ["SAPU1", "sapu01", "SAPU1-0001", "SAPU251121A-0001"] {
            let code = ScannedCode.classify(text, keys: try KeyRing([]))
            guard case .rejected(let result) = code else {
                Issue.record("\(text): \(code)")
                continue
            }
            #expect(result.outcome == .notSapu, "\(text)")
            if case .nonCanonicalBundleID = result.reason { Issue.record("\(text): \(String(describing: result.reason))") }
        }
    }
}

@Suite("Visible text and free text")
struct VisibleTextTests {
    @Test func controlCharactersAreShownAsCodePoints() {
        #expect(VisibleText.escape("a\u{1B}[31mb") == "a\\u{1B}[31mb")
        #expect(VisibleText.escape("tab\there") == "tab\\u{09}here")
        #expect(VisibleText.escape("x\u{7F}\u{85}\u{9B}") == "x\\u{7F}\\u{85}\\u{9B}")
        #expect(VisibleText.escape("\u{202E}\u{2066}\u{200F}\u{2028}") == "\\u{202E}\\u{2066}\\u{200F}\\u{2028}")
        #expect(VisibleText.escape("one\ntwo") == "one\\u{0A}two")
        #expect(VisibleText.escape("one\ntwo\r\nthree\rfour", keepingNewlines: true) == "one\ntwo\r\nthree\\u{0D}four")
        #expect(VisibleText.escape("Sapu Lidi – Purwokerto é ✓") == "Sapu Lidi – Purwokerto é ✓")
    }

    @Test func freeTextRefusesControlCharactersAndLength() throws {
        #expect(try FreeText.check("  CV. Pusat Handicraft ", as: .consignee) == "CV. Pusat Handicraft")
        #expect(try FreeText.check("   ", as: .address) == nil)
        #expect(try FreeText.check(nil, as: .driver) == nil)
        #expect(throws: SapuError.controlCharacterInText(field: .makerName, value: "Budi\u{1B}[2J")) {
            try FreeText.check("Budi\u{1B}[2J", as: .makerName)
        }
        #expect(throws: SapuError.controlCharacterInText(field: .vehicle, value: "R 1\n")) { try FreeText.check("R 1\n", as: .vehicle) }
        #expect(throws: SapuError.textTooLong(field: .address, limit: 200)) {
            try FreeText.check(String(repeating: "a", count: 201), as: .address)
        }
        #expect(throws: SapuError.emptyText(field: .siteName)) { try FreeText.required(" ", as: .siteName) }
    }

    @Test func codesForgiveSpacesButNotTabsOrLineBreaks() throws {
        #expect(try Code.normalise(" pwt251121a ", as: .batch) == "PWT251121A")
        for raw in ["PWT251121A\t", "PWT251121A\n", "\rPWT251121A"] {
            #expect(throws: SapuError.invalidCode(kind: .batch, value: raw)) { try Code.normalise(raw, as: .batch) }
        }
    }
}

@Suite("Numbers from outside")
struct NumberBoundsTests {
    static let key = try! SigningKey.generate(site: "PWT", keyID: "K1")

    static func bundle(_ product: String, serial: Int) -> Bundle {
        Bundle(id: BundleID(batch: "PWT251121A", serial: serial), product: product, maker: "M042", result: .pass(.a),
               inspected: CalendarDate(year: 2025, month: 11, day: 21)!, inspections: 1, state: .packed, labelRevision: 1,
               labelCurrent: true, shipment: "001/SJ/PWT/XI/2025")
    }

    static func manifest(size: Int) throws(SapuError) -> Manifest {
        let shipment = Shipment(id: "001/SJ/PWT/XI/2025", status: .open, consignee: "CV", address: nil, vehicle: nil,
                                driver: nil, reference: nil, created: Instant(unixSeconds: 1_763_686_800, utcOffset: 25_200),
                                closed: nil, shipped: nil, reconciled: nil, manifestSHA256: nil, bundleCount: 2)
        return try Manifest(shipment: shipment, site: Site(code: "PWT", name: "Lapas"),
                            bundles: [bundle("X", serial: 1), bundle("X", serial: 2)],
                            products: [Product(code: "X", name: "Y", bundleSize: size)], key: key.publicKey,
                            closed: Instant(unixSeconds: 1_763_690_000, utcOffset: 25_200))
    }

    @Test func aManifestRefusesAStoredBundleSizeOutOfRange() throws {
        #expect(try Self.manifest(size: 1000).broomCount == 2000)
        #expect(throws: SapuError.storedBundleSizeOutOfRange(product: "X", size: Int.max)) { try Self.manifest(size: Int.max) }
        #expect(throws: SapuError.storedBundleSizeOutOfRange(product: "X", size: 1001)) { try Self.manifest(size: 1001) }
    }

    @Test func aManifestWhoseNumbersDoNotAddUpIsNotConsistent() throws {
        let good = try Self.manifest(size: 10)
        #expect(good.numbersAreConsistent)
        var broken = good
        broken.broomCount = 21
        #expect(!broken.numbersAreConsistent)
        broken = good
        broken.totals[0].brooms = Int.max
        broken.broomCount = Int.max
        broken.totals.append(broken.totals[0])
        #expect(!broken.numbersAreConsistent)
        broken = good
        broken.bundles[0].serial = 0
        #expect(!broken.numbersAreConsistent)
        broken = good
        broken.bundles[1].labelRevision = 1000
        #expect(!broken.numbersAreConsistent)
    }

    @Test func theMakersReportRefusesAStoredBundleSizeOutOfRange() throws {
        let history = InspectionHistory(
            period: try ReportPeriod(), detail: .makers,
            once: [.init(day: nil, batch: nil, maker: "M1", product: "X", result: .pass(.a), count: 3)],
            reworked: [], bundleSizes: ["X": Int.max])
        #expect(throws: SapuError.storedBundleSizeOutOfRange(product: "X", size: Int.max)) { try MakersReport(history) }
        var fine = history
        fine.bundleSizes = ["X": 12]
        #expect(try MakersReport(fine).brooms == 36)
    }

    @Test func checkedArithmeticRefusesInsteadOfTrapping() throws {
        #expect(try 2.checkedAdding(3) == 5)
        #expect(throws: SapuError.totalTooLarge) { try Int.max.checkedAdding(1) }
        #expect(throws: SapuError.totalTooLarge) { try Int.max.checkedMultiplied(by: 2) }
        #expect(throws: SapuError.totalTooLarge) { try [Int.max, 1].checkedSum() }
    }

    @Test func datesTimesAndShipmentNumbersAreDigitsInRange() throws {
        #expect(throws: SapuError.invalidDate("2025-+1-01")) { try CalendarDate(iso: "2025-+1-01") }
        #expect(CalendarDate(compact: "+51121") == nil)
        #expect(Instant(iso8601: "2025-11-21T08:00:00+07:00") != nil)
        for text in ["2025-11-21T+8:00:00+07:00", "2025-13-21T08:00:00+07:00", "2025-11-21T25:00:00+07:00",
                     "2025-11-21T08:00:00+99:00", "2025-11-21X08:00:00+07:00"] {
            #expect(Instant(iso8601: text) == nil, "\(text)")
        }
        #expect(ShipmentID(typed: "001/SJ/PWT/XI/2025")?.number == 1)
        #expect(ShipmentID(typed: "99999/SJ/PWT/XI/2025")?.number == 99_999)
        for text in ["9223372036854775807/SJ/PWT/XI/2025", "100000/SJ/PWT/XI/2025", "+1/SJ/PWT/XI/2025", "0/SJ/PWT/XI/2025",
                     "001/SJ/PWT/XI/+2025"] {
            #expect(ShipmentID(typed: text) == nil, "\(text)")
        }
    }

    @Test func aLabelRevisionWrittenByHandDoesNotTrap() {
        var bundle = Self.bundle("X", serial: 1)
        bundle.labelRevision = Int.max
        bundle.labelCurrent = false
        #expect(bundle.nextLabelRevision(keyID: "K1") == Int.max)
    }
}

@Suite("Reports with extreme and hostile values")
struct ReportExtremesTests {
    @Test func chartsOfHugeCountsDrawWithoutTrapping() {
        let document = ReportDocument(language: .en, title: "T", subtitle: [], sections: [
            .init(charts: [.stacked(.init(title: "Huge", categories: ["M1"], series: [
                .init(name: "A", colour: "#2e7d32", values: [Int.max]),
            ])), .pareto(.init(title: "P", categories: ["X"], counts: [Int.max], cumulative: [1], countLabel: "n",
                               cumulativeLabel: "%"))],
                  table: ReportTable(columns: [.init("N")], rows: [[.count(Int.max)]])),
        ])
        #expect(document.html.contains("<svg"))
    }

    @Test func theTextReportShowsNamesEscapedOnOneLine() {
        let document = ReportDocument(language: .en, title: "Site \u{1B}[2J", subtitle: ["made at\nhere"], sections: [
            .init(table: ReportTable(columns: [.init("NAME", numeric: false)], rows: [[.text("Budi\u{1B}]0;x\u{07}\nSanto")]])),
        ])
        let lines = document.text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Site \\u{1B}[2J")
        #expect(lines[1] == "made at\\u{0A}here")
        #expect(lines.contains("Budi\\u{1B}]0;x\\u{07}\\u{0A}Santo"))
    }
}
