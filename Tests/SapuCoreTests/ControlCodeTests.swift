import SapuCore
import Testing

@Suite struct ControlCodeTests {
    /// The secret of the test vectors in docs/scanning.md: the bytes 0, 1, ..., 31.
    static let key = ControlKey(secret: Array(0...31))!

    @Test func tagsAreTheFirstSixtyBitsOfTheHMACInCrockfordBase32() {
        // Vectors from Python: hmac.new(bytes(range(32)), payload, sha256), base64.b32encode, alphabet translated.
        #expect(Self.key.payload(.mode(.receive)) == "SAPUC MODE RECEIVE PQYNW9B659FC")
        #expect(Self.key.payload(.shipment("001/SJ/PWT/XI/2025")) == "SAPUC SHIPMENT 001 SJ PWT XI 2025 68HK1GYGTM3K")
        #expect(Self.key.payload(.operatorCode("G01")) == "SAPUC OPERATOR G01 YW7CWJ0PQS0S")
        #expect(Self.key.tag(.mode(.scrap)) == "3660KHEZ1Y14")
        #expect(ControlKey(secret: Array(0...30)) == nil && ControlKey(secret: Array(0...32)) == nil)
    }

    @Test func aTaggedCodeIsReadWithWhatScannersAddAndItsTagChecked() throws {
        for text in ["SAPUC MODE RECEIVE PQYNW9B659FC", "sapuc mode receive pqynw9b659fc", "]Q1SAPUC MODE RECEIVE PQYNW9B659FC\r\n",
                     "  SAPUC MODE RECEIVE PQYNW9B659FC\t"] {
            let scanned = try #require(ScannedControl(scanned: text), "\(text)")
            #expect(scanned.code == .mode(.receive))
            #expect(Self.key.authenticate(scanned) == .success(.mode(.receive)), "\(text)")
        }
        let shipment = try #require(ScannedControl(scanned: "SAPUC SHIPMENT 001 SJ PWT XI 2025 68HK1GYGTM3K"))
        #expect(Self.key.authenticate(shipment) == .success(.shipment("001/SJ/PWT/XI/2025")))
    }

    @Test func anUntaggedAlteredOrForeignCodeIsNotAuthentic() throws {
        let untagged = try #require(ScannedControl(scanned: "SAPUC MODE RECEIVE"))
        #expect(untagged.tag == nil)
        #expect(Self.key.authenticate(untagged) == .failure(.missing))
        for text in ["SAPUC MODE RECEIVE PQYNW9B659FD",      // last character changed
                     "SAPUC MODE RECEIVE PQYNW9B659F",       // cut short
                     "SAPUC MODE RECEIVE PQYNW9B659FCC",     // one too many
                     "SAPUC MODE QUARANTINE PQYNW9B659FC",   // another code's tag
                     "SAPUC MODE RECEIVE PQYNW9B6S9FC",      // a 5 read as S
                     "SAPUC SHIPMENT 002 SJ PWT XI 2025 68HK1GYGTM3K",
                     "SAPUC SHIPMENT 1 SJ PWT XI 2025 68HK1GYGTM3K"] {  // the same shipment, but not the printed text
            let scanned = try #require(ScannedControl(scanned: text), "\(text)")
            #expect(Self.key.authenticate(scanned) == .failure(.mismatch), "\(text)")
        }
        let otherSite = try #require(ControlKey(secret: Array(repeating: 7, count: 32)))
        let foreign = try #require(ScannedControl(scanned: otherSite.payload(.mode(.receive))))
        #expect(Self.key.authenticate(foreign) == .failure(.mismatch))
    }

    @Test func onlyTheShapesOfTheCommandSheetAreControlCodes() {
        for text in ["SAPUC MODE", "SAPUC MODE BURN PQYNW9B659FC", "SAPUC  MODE RECEIVE PQYNW9B659FC", "SAPUC MODE RECEIVE  PQYNW9B659FC", "SAPUC MODE RECEIVE PQYNW9B659FC EXTRA",
                     "SAPUC DELETE ALL PQYNW9B659FC", "SAPU1 MODE RECEIVE", "SAPUCMODE RECEIVE", "SAPUC OPERATOR PQYNW9B659FC X Y"] {
            #expect(ScannedControl(scanned: text) == nil, "\(text)")
        }
    }

    @Test func aCheckStationStaysReadOnlyAndNoCodeSelectsADestructiveMode() {
        for start in ScanMode.allCases {
            for mode in ScanMode.allCases {
                let refusal = ControlCode.mode(mode).refusal(stationStartedIn: start, current: start)
                if mode == .scrap {
                    #expect(refusal == .controlCodeCannotSelect(mode: .scrap, current: start))
                } else if start == .check && mode != .check {
                    #expect(refusal == .checkStationStaysReadOnly(mode: mode))
                } else {
                    #expect(refusal == nil, "\(start) → \(mode)")
                }
            }
            #expect(ControlCode.shipment("001/SJ/PWT/XI/2025").refusal(stationStartedIn: start, current: start) == nil)
            #expect(ControlCode.operatorCode("G01").refusal(stationStartedIn: start, current: start) == nil)
        }
    }

    @Test func labelsAndTypedIdsAreNeverTakenForControlCodes() {
        #expect(ScannedControl(scanned: "PWT251121A-0042") == nil)
        if case .control = ScannedCode.classify("SAPUC MODE CHECK PQYNW9B659FC", keys: KeyRing()) {} else {
            Issue.record("a tagged control code is classified as one")
        }
    }
}
