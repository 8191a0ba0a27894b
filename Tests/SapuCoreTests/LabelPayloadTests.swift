import SapuCore
import Testing

@Suite struct LabelPayloadTests {
    // MARK: Writing

    @Test func passPayloadTextHasTheDocumentedTokens() {
        #expect(LabelCodec.message(for: DemoKeys.passPayload)
            == "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 ")
    }

    @Test func failPayloadHasOneXTokenPerDefectInOrder() {
        #expect(LabelCodec.message(for: DemoKeys.failPayload)
            == "SAPU1 K1 TLIDI BPWT251121A S0043 MM042 D251121 QF XLOOSE XDAMP R2 ")
    }

    @Test func signedTextEndsWithA103CharacterSignature() {
        let text = LabelCodec.sign(DemoKeys.passPayload, with: DemoKeys.k1)
        let signature = text.split(separator: " ").last!
        #expect(signature.count == 103)
        #expect(LabelCodec.signatureLength == 103)
        #expect(text.allSatisfy { "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ".contains($0) })
    }

    @Test func serialsShorterThanFourDigitsArePaddedAndLongerOnesKept() throws {
        let short = try payload(serial: 7)
        let long = try payload(serial: 1_234_567)
        #expect(LabelCodec.message(for: short).contains(" S0007 "))
        #expect(LabelCodec.message(for: long).contains(" S1234567 "))
    }

    @Test func payloadUpperCasesItsCodes() throws {
        let lower = try LabelPayload(
            keyID: "k1", product: "lidi", batch: "pwt251121a", serial: 42, maker: "m042",
            inspected: DemoKeys.passPayload.inspected, result: .pass(.a))
        #expect(lower == DemoKeys.passPayload)
        #expect(lower.bundleID.description == "PWT251121A-0042")
    }

    @Test func payloadRefusesWhatTheFormatCannotCarry() throws {
        #expect(throws: SapuError.malformedField("serial")) { try payload(serial: 0) }
        #expect(throws: SapuError.malformedField("serial")) { try payload(serial: 10_000_000) }
        #expect(throws: SapuError.malformedField("revision")) { try payload(revision: 0) }
        #expect(throws: SapuError.defectsRequired) { try payload(result: .fail([])) }
        #expect(throws: SapuError.malformedField("defect")) {
            try payload(result: .fail(["SHORT", "LOOSE", "DIRTY", "DAMP", "BROKEN"]))
        }
        #expect(throws: SapuError.invalidCode(kind: .defect, value: "LOOSE-1")) {
            try payload(result: .fail(["LOOSE-1"]))
        }
        #expect(throws: SapuError.codeTooLong(kind: .product, value: "SAPULIDI9", limit: 8)) {
            try LabelPayload(keyID: "K1", product: "SAPULIDI9", batch: "PWT251121A", serial: 1, maker: "M042",
                             inspected: DemoKeys.passPayload.inspected, result: .pass(.a))
        }
    }

    @Test func longestPayloadIsMaximumLength() throws {
        let longest = try LabelPayload(
            keyID: "K999", product: "PPPPPPPP", batch: "BBBBBB251121BBBB", serial: 9_999_999, maker: "MMMMMMMM",
            inspected: DemoKeys.passPayload.inspected,
            result: .fail(["XXXXXXXX", "YYYYYYYY", "ZZZZZZZZ", "WWWWWWWW"]), revision: 999)
        #expect(LabelCodec.sign(longest, with: try SigningKey.generate(site: "PWT", keyID: "K999")).count
            == LabelCodec.maximumLength)
        #expect(LabelCodec.maximumLength == 217)
    }

    // MARK: Round trips

    @Test(arguments: [DemoKeys.passPayload, DemoKeys.failPayload, DemoKeys.k2Payload])
    func signedPayloadReadsBackEqual(payload: LabelPayload) throws {
        let key = payload.keyID == "K1" ? DemoKeys.k1 : DemoKeys.k2
        let text = LabelCodec.sign(payload, with: key)
        let label = try LabelCodec.parse(text)
        #expect(label.payload == payload)
        #expect(label.text == text)
        #expect(label.signature.count == 64)
        #expect(label.message == Array(LabelCodec.message(for: payload).utf8))
        try LabelCodec.verify(label, keys: DemoKeys.ring)
    }

    // MARK: What scanners deliver

    @Test(arguments: [
        DemoKeys.passLabel.lowercased(),
        DemoKeys.passLabel + "\r\n",
        DemoKeys.passLabel + "\n",
        DemoKeys.passLabel + "\r",
        "  \t" + DemoKeys.passLabel + "  ",
        "]Q1" + DemoKeys.passLabel,
        "]q1" + DemoKeys.passLabel.lowercased() + "\r\n",
        "]Q3" + DemoKeys.passLabel,
        "]d2" + DemoKeys.passLabel,
    ])
    func scannerQuirksAreForgiven(scanned: String) throws {
        #expect(try LabelCodec.read(scanned, keys: DemoKeys.ring) == DemoKeys.passPayload)
    }

    @Test func mixedCaseFromShiftWithCapsLockIsForgiven() throws {
        let mixed = String(DemoKeys.failLabel.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.lowercased()) : $0.element })
        #expect(try LabelCodec.read(mixed, keys: DemoKeys.ring) == DemoKeys.failPayload)
    }

    @Test func doubledSpacesAreRefused() {
        let doubled = DemoKeys.passLabel.replacingFirst(" BPWT", with: "  BPWT")
        #expect(throws: SapuError.malformedField("batch")) { try LabelCodec.parse(doubled) }
    }

    // MARK: Tampering

    @Test(arguments: [DemoKeys.passLabel, DemoKeys.failLabel])
    func everySingleCharacterChangeFailsParseOrVerify(label: String) {
        let original = Array(label)
        let replacements = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ ")
        let ring = DemoKeys.ring
        var accepted: [String] = []
        for position in original.indices {
            for replacement in replacements where replacement != original[position] {
                var changed = original
                changed[position] = replacement
                if (try? LabelCodec.read(String(changed), keys: ring)) != nil {
                    accepted.append("\(position): \(replacement)")
                }
            }
        }
        #expect(accepted.isEmpty)
    }

    @Test func removingOrAddingAnyCharacterFailsParseOrVerify() {
        let original = Array(DemoKeys.failLabel)
        let ring = DemoKeys.ring
        var accepted: [Int] = []
        for position in original.indices {
            var shorter = original
            shorter.remove(at: position)
            var longer = original
            longer.insert(original[position] == "0" ? "1" : "0", at: position)
            // Trailing and leading spaces are trimmed, so those positions do not count.
            for changed in [shorter, longer] where changed.first != " " && changed.last != " " {
                if (try? LabelCodec.read(String(changed), keys: ring)) != nil { accepted.append(position) }
            }
        }
        #expect(accepted.isEmpty)
    }

    @Test func changedFieldWithItsOldSignatureIsABadSignature() {
        let changed = DemoKeys.failLabel.replacingFirst(" QF XLOOSE XDAMP ", with: " QA ")
        #expect(throws: SapuError.badSignature) { try LabelCodec.read(changed, keys: DemoKeys.ring) }
        let regraded = DemoKeys.passLabel.replacingFirst(" QA ", with: " QB ")
        #expect(throws: SapuError.badSignature) { try LabelCodec.read(regraded, keys: DemoKeys.ring) }
    }

    // MARK: Keys

    @Test func ringWithRotatedKeysVerifiesLabelsOfBoth() throws {
        #expect(try LabelCodec.read(DemoKeys.passLabel, keys: DemoKeys.ring) == DemoKeys.passPayload)
        #expect(try LabelCodec.read(DemoKeys.k2Label, keys: DemoKeys.ring) == DemoKeys.k2Payload)
    }

    @Test func labelOfAKeyIDTheRingLacksIsAnUnknownKey() throws {
        let onlyK1 = try KeyRing([DemoKeys.k1.publicKey])
        #expect(throws: SapuError.unknownKey(site: "PWT", keyID: "K2")) { try LabelCodec.read(DemoKeys.k2Label, keys: onlyK1) }
        #expect(throws: SapuError.unknownKey(site: "PWT", keyID: "K1")) { try LabelCodec.read(DemoKeys.passLabel, keys: KeyRing()) }
    }

    /// A label counts only under a key of the site its batch belongs to: another workshop's
    /// K1 never vouches for a `BPWT...` label, even in a ring that holds it.
    @Test func anotherSitesKeyNeverVouchesForThisSitesBatch() throws {
        let otherSite = try SigningKey.generate(site: "BGR", keyID: "K1")
        let forged = LabelCodec.sign(DemoKeys.passPayload, with: otherSite)
        let both = try KeyRing([DemoKeys.k1.publicKey, otherSite.publicKey])
        #expect(throws: SapuError.badSignature) { try LabelCodec.read(forged, keys: both) }
        #expect(throws: SapuError.unknownKey(site: "PWT", keyID: "K1")) {
            try LabelCodec.read(forged, keys: KeyRing([otherSite.publicKey]))
        }
        #expect(try LabelCodec.read(DemoKeys.passLabel, keys: both) == DemoKeys.passPayload)
    }

    @Test(arguments: [
        ("PWT251121A", "PWT"), ("PWT251121AB", "PWT"), ("P1251121C", "P1"), ("PWT2251121A", "PWT2"),
        ("ABCDEF251121ZZ", "ABCDEF"),
    ])
    func theBatchCodeNamesItsSite(batch: String, site: String) {
        #expect(Batch.site(ofCode: batch) == site)
    }

    @Test(arguments: ["PWT251121", "251121A", "PWT25112A", "ABCDEFG251121A", "PWT2511210", ""])
    func aBatchCodeThatNamesNoSiteIsRefused(batch: String) {
        #expect(Batch.site(ofCode: batch) == nil)
        #expect(throws: SapuError.malformedField("batch")) {
            try LabelPayload(keyID: "K1", product: "LIDI", batch: batch.isEmpty ? "X" : batch, serial: 1, maker: "M042",
                             inspected: CalendarDate(year: 2025, month: 11, day: 21)!, result: .pass(.a))
        }
    }

    // MARK: Errors

    @Test(arguments: [
        "8991234567895",
        "]E08991234567895",
        "https://example.com/x",
        "Sapu lidi, 10 pcs",
        "Saputangan merah",
        "SAPU LIDI",
        "",
        "   \r\n",
        "PWT251121A-0042",
    ])
    func otherCodesAreNotSapuLabels(scanned: String) {
        #expect(throws: SapuError.notSapuLabel) { try LabelCodec.parse(scanned) }
    }

    @Test func laterVersionIsAnUnknownPayloadVersion() {
        let later = DemoKeys.passLabel.replacingFirst("SAPU1", with: "SAPU2")
        #expect(throws: SapuError.unknownPayloadVersion("SAPU2")) { try LabelCodec.parse(later) }
        #expect(throws: SapuError.unknownPayloadVersion("SAPU12")) { try LabelCodec.parse("sapu12 whatever") }
    }

    @Test func labelTypedOnAFrenchKeyboardGetsTheKeyboardLayoutHint() throws {
        let azerty = DemoKeys.passLabel.typedOnAZERTY()
        #expect(azerty.hasPrefix("SQPU& K& TLIDI BPZTé(&&é&Q S"))
        do {
            _ = try LabelCodec.parse(azerty)
            Issue.record("parsed a label typed on AZERTY")
        } catch {
            guard case .outsideAlphabet(let characters) = error else {
                Issue.record("expected outsideAlphabet, got \(error)")
                return
            }
            #expect(characters.hasPrefix("&é("))
            #expect(characters.allSatisfy { "&é\"'(-è_çà,".contains($0) })
        }
    }

    @Test(arguments: ["-", "@", ";", "é", "/"])
    func characterOutsideTheAlphabetInASapuLabelIsNamed(character: String) {
        let typed = DemoKeys.passLabel.replacingFirst("BPWT251121A", with: "BPWT" + character + "251121A")
        #expect(throws: SapuError.outsideAlphabet(character)) {
            try LabelCodec.parse(typed)
        }
    }

    @Test(arguments: [
        ("SAPU1", "key"),
        ("SAPU1 K1", "product"),
        ("SAPU1 K12345 TLIDI", "key"),
        ("SAPU1 K1 LIDI BPWT251121A", "product"),
        ("SAPU1 K1 TLIDIGLAGAH BPWT251121A", "product"),
        ("SAPU1 K1 T BPWT251121A", "product"),
        ("SAPU1 K1 TLIDI S0042 BPWT251121A", "batch"),
        ("SAPU1 K1 TLIDI BPWT251121A S0000 MM042", "serial"),
        ("SAPU1 K1 TLIDI BPWT251121A S042 MM042", "serial"),
        ("SAPU1 K1 TLIDI BPWT251121A S00042 MM042", "serial"),
        ("SAPU1 K1 TLIDI BPWT251121A S12345678 MM042", "serial"),
        ("SAPU1 K1 TLIDI BPWT251121A S004A MM042", "serial"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 D251121 MM042", "maker"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251131 QA", "date"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D250229 QA", "date"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D25112 QA", "date"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QC R1", "result"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QAB R1", "result"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA XLOOSE R1", "result"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 R1", "result"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QF R1", "defect"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QF X R1", "defect"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QF XA XB XC XD XE R1", "defect"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R0", "revision"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R01", "revision"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA", "revision"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1", "signature"),
        ("SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 68A8YEEQ11G2", "signature"),
    ])
    func missingOutOfOrderOrUnparseableFieldIsNamed(text: String, field: String) {
        #expect(throws: SapuError.malformedField(field)) { try LabelCodec.parse(text) }
    }

    @Test func extraTokenBeforeTheSignatureIsAMalformedSignature() {
        let extra = DemoKeys.passLabel.replacingFirst(" R1 ", with: " R1 EXTRA ")
        #expect(throws: SapuError.malformedField("signature")) { try LabelCodec.parse(extra) }
    }

    @Test func signatureThatNoEncoderWritesIsABadSignatureEvenBeforeVerifying() {
        // The last character of a 64-byte signature carries 2 bits and 3 zero bits.
        let label = String(DemoKeys.passLabel.dropLast()) + "Z"
        #expect(throws: SapuError.badSignature) { try LabelCodec.parse(label) }
        let aliased = String(DemoKeys.passLabel.dropLast(2)) + "O" + String(DemoKeys.passLabel.last!)
        #expect(throws: SapuError.badSignature) { try LabelCodec.parse(aliased) }
    }

    private func payload(serial: Int = 42, result: QCResult = .pass(.a), revision: Int = 1) throws(SapuError) -> LabelPayload {
        try LabelPayload(keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: serial, maker: "M042",
                         inspected: DemoKeys.passPayload.inspected, result: result, revision: revision)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        var text = self
        if let range = text.firstRange(of: target) {
            text.replaceSubrange(range, with: replacement)
        }
        return text
    }

    /// What a keyboard-wedge scanner types when the PC expects a French AZERTY keyboard:
    /// it presses the US keys for each character.
    fileprivate func typedOnAZERTY() -> String {
        let layout: [Character: Character] = [
            "1": "&", "2": "é", "3": "\"", "4": "'", "5": "(", "6": "-", "7": "è", "8": "_", "9": "ç", "0": "à",
            "A": "Q", "Q": "A", "Z": "W", "W": "Z", "M": ",",
        ]
        return String(map { layout[$0] ?? $0 })
    }
}
