import SapuCore
import Testing

/// The demo keys and labels of docs/label-payload.md.
///
/// The expected texts were computed independently (Python `cryptography`, OpenSSL's
/// Ed25519 and `base64.b32encode` with the alphabet translated), not by Sapu.
enum DemoKeys {
    /// SHA-256 of the ASCII text "sapu demo key K1".
    static let k1Seed = hex("cf9e9a88d0a9b01688b3ade404c236301984b3c19603c999baf2949bb6159f52")
    /// SHA-256 of the ASCII text "sapu demo key K2".
    static let k2Seed = hex("da0008e95273b2b27eaa6febc2598563cae564bed944e1f9c92f321106cfc4d2")

    static let k1 = try! SigningKey(site: "PWT", keyID: "K1", rawRepresentation: k1Seed)
    static let k2 = try! SigningKey(site: "PWT", keyID: "K2", rawRepresentation: k2Seed)

    static let publicKeyLine = "sapu-ed25519 PWT K1 4GBRYAZGD4JMQ2G9H6MTVGNJYPZG4XZYX3Z3YR5C533J232S1CQ0"
    static let privateKeyLine = "sapu-ed25519-private PWT K1 SYF9N26GN6R1D25KNQJ09GHP60CR9CY1JR1WK6DTYAA9QDGNKX90"
    static let fingerprint = "H1VF-SK2H-DCJ2-PFS1"

    static let passLabel = "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 "
        + "68A8YEEQ11G2REMYR95902Z5YHG6T181QESN8AYFAJSZZ5412Z98GG0Z9D5GQYN2Q0REY410Q6R70MSA1HQGEHJ3QX643GQ7N1M3C28"
    static let failLabel = "SAPU1 K1 TLIDI BPWT251121A S0043 MM042 D251121 QF XLOOSE XDAMP R2 "
        + "4QWF82KF7WMAKR6DJ1PW4NWFBB2H7NE40CDTV8E8Y748P9VEJB8SF6JYHNDYNJ8HDGC6PVAG72WCENNDPETX6W3MHD5EB8C4CT5HY2G"
    static let k2Label = "SAPU1 K2 TGLAGAH BPWT251122A S0001 MM007 D251122 QB R1 "
        + "M5E2BSM96TNTGSE7SQ4DD8KJXXS4X5B600KEP87619P6KS979CF0AQ10QHC0JEAGHEZH886HEY0SRH45XWC09P6GBTG2WXNAH28HC0G"

    static let passPayload = try! LabelPayload(
        keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: 42, maker: "M042",
        inspected: CalendarDate(year: 2025, month: 11, day: 21)!, result: .pass(.a), revision: 1)
    static let failPayload = try! LabelPayload(
        keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: 43, maker: "M042",
        inspected: CalendarDate(year: 2025, month: 11, day: 21)!, result: .fail(["LOOSE", "DAMP"]), revision: 2)
    static let k2Payload = try! LabelPayload(
        keyID: "K2", product: "GLAGAH", batch: "PWT251122A", serial: 1, maker: "M007",
        inspected: CalendarDate(year: 2025, month: 11, day: 22)!, result: .pass(.b), revision: 1)

    static var ring: KeyRing { try! KeyRing([k1.publicKey, k2.publicKey]) }

    /// Another workshop's demo key, also `K1`: SHA-256 of the ASCII text "sapu demo key BGR K1".
    static let bgrSeed = hex("4b3f581552d17aa864399025f292022988605362a4fbdf02f5ab082909f83575")
    static let bgrK1 = try! SigningKey(site: "BGR", keyID: "K1", rawRepresentation: bgrSeed)
    static let bgrPublicKeyLine = "sapu-ed25519 BGR K1 RBJSKQYPFVG8M4BZCWYP1GNAFF86W9D7EK06QN3NF9SD4F50D6B0"
    static let bgrFingerprint = "XNEM-B91K-D7JN-TVYF"
    /// A partner's ring holding both workshops' keys.
    static var partnerRing: KeyRing { try! KeyRing([k1.publicKey, k2.publicKey, bgrK1.publicKey]) }

    private static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
    }
}

@Suite struct LabelPayloadTestVectors {
    @Test func demoKeyHasTheDocumentedPublicKeyLine() {
        #expect(DemoKeys.k1.publicKey.keyFileLine == DemoKeys.publicKeyLine)
    }

    @Test(arguments: [
        (DemoKeys.passLabel, DemoKeys.passPayload),
        (DemoKeys.failLabel, DemoKeys.failPayload),
        (DemoKeys.k2Label, DemoKeys.k2Payload),
    ])
    func documentedLabelVerifiesWithThePublishedKey(text: String, payload: LabelPayload) throws {
        let ring = try KeyRing(keyFile: DemoKeys.ring.keyFile, path: "demo.pub")
        #expect(try LabelCodec.read(text, keys: ring) == payload)
    }

    @Test func signingIsDeterministicSoTheVectorsAreReproduced() {
        // RFC 8032 Ed25519 (BoringSSL, used by swift-crypto off Apple platforms) is
        // deterministic. Apple's CryptoKit randomises signatures; there the documented
        // labels still verify (test above) but cannot be reproduced byte for byte.
        #if !canImport(CryptoKit)
        #expect(LabelCodec.sign(DemoKeys.passPayload, with: DemoKeys.k1) == DemoKeys.passLabel)
        #expect(LabelCodec.sign(DemoKeys.failPayload, with: DemoKeys.k1) == DemoKeys.failLabel)
        #expect(LabelCodec.sign(DemoKeys.k2Payload, with: DemoKeys.k2) == DemoKeys.k2Label)
        #endif
        #expect(LabelCodec.sign(DemoKeys.passPayload, with: DemoKeys.k1).count == DemoKeys.passLabel.count)
    }
}

/// The negative test vectors of docs/label-payload.md, verbatim, with the refusal each must get.
///
/// The first five decode, under `base64.b32decode` with the alphabet translated, to the very
/// bytes of the genuine signature: a verifier built that way accepts them.
enum NegativeVectors {
    static let signature = "68A8YEEQ11G2REMYR95902Z5YHG6T181QESN8AYFAJSZZ5412Z98GG0Z9D5GQYN2Q0REY410Q6R70MSA1HQGEHJ3QX643GQ7N1M3C28"
    static let message = "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 "

    static let all: [(name: String, text: String, ring: KeyRing, error: SapuError)] = [
        ("trailing bit", message + "68A8YEEQ11G2REMYR95902Z5YHG6T181QESN8AYFAJSZZ5412Z98GG0Z9D5GQYN2Q0REY410Q6R70MSA1HQGEHJ3QX643GQ7N1M3C29",
         DemoKeys.ring, .badSignature),
        ("I for 8", message + "6IA8YEEQ11G2REMYR95902Z5YHG6T181QESN8AYFAJSZZ5412Z98GG0Z9D5GQYN2Q0REY410Q6R70MSA1HQGEHJ3QX643GQ7N1M3C28",
         DemoKeys.ring, .badSignature),
        ("O for E", message + "68A8YOEQ11G2REMYR95902Z5YHG6T181QESN8AYFAJSZZ5412Z98GG0Z9D5GQYN2Q0REY410Q6R70MSA1HQGEHJ3QX643GQ7N1M3C28",
         DemoKeys.ring, .badSignature),
        ("U for M", message + "68A8YEEQ11G2REUYR95902Z5YHG6T181QESN8AYFAJSZZ5412Z98GG0Z9D5GQYN2Q0REY410Q6R70MSA1HQGEHJ3QX643GQ7N1M3C28",
         DemoKeys.ring, .badSignature),
        ("L for B", "SAPU1 K1 TLIDI BPWT251121A S0043 MM042 D251121 QF XLOOSE XDAMP R2 "
            + "4QWF82KF7WMAKR6DJ1PW4NWFLB2H7NE40CDTV8E8Y748P9VEJB8SF6JYHNDYNJ8HDGC6PVAG72WCENNDPETX6W3MHD5EB8C4CT5HY2G",
         DemoKeys.ring, .badSignature),
        ("serial S00042", "SAPU1 K1 TLIDI BPWT251121A S00042 MM042 D251121 QA R1 " + signature,
         DemoKeys.ring, .malformedField("serial")),
        ("revision R01", "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R01 " + signature,
         DemoKeys.ring, .malformedField("revision")),
        ("doubled space", "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA  R1 " + signature,
         DemoKeys.ring, .malformedField("revision")),
        ("another site's key", message
            + "XP030XW3XWTYM70RK3MYZRNDHJY5AAJPMRSGRAYJM070KZJHN941P7T7W588Z5W7049T07NMTWZ1PTMRXJRTYGFSYVWS9K9KY847C00",
         DemoKeys.partnerRing, .badSignature),
        ("another site's key, PWT's not held", message
            + "XP030XW3XWTYM70RK3MYZRNDHJY5AAJPMRSGRAYJM070KZJHN941P7T7W588Z5W7049T07NMTWZ1PTMRXJRTYGFSYVWS9K9KY847C00",
         try! KeyRing([DemoKeys.bgrK1.publicKey]), .unknownKey(site: "PWT", keyID: "K1")),
        // The order of the reader's checks (docs/label-payload.md, "Tokens and fields, exactly").
        ("defect after a grade", "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA XLOOSE R1 " + signature,
         DemoKeys.ring, .malformedField("result")),
        ("fail without a defect", "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QF R1 " + signature,
         DemoKeys.ring, .malformedField("defect")),
        ("five defects", "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QF XA XB XC XD XE R1 " + signature,
         DemoKeys.ring, .malformedField("defect")),
        ("29 February 2025", "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D250229 QA R1 " + signature,
         DemoKeys.ring, .malformedField("date")),
        ("batch without run letters", "SAPU1 K1 TLIDI BPWT251121 S0042 MM042 D251121 QA R1 " + signature,
         DemoKeys.ring, .malformedField("batch")),
        ("version SAPU01", "SAPU01 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 " + signature,
         DemoKeys.ring, .unknownPayloadVersion("SAPU01")),
        ("space after the AIM prefix", "]Q1 " + message + signature, DemoKeys.ring, .notSapuLabel),
    ]

    /// BGR's genuine label of its own batch: the same key verifies it there.
    static let bgrOwnLabel = "SAPU1 K1 TLIDI BBGR251121A S0042 MM042 D251121 QA R1 "
        + "XW4H2044HDMGH5GF16MYTVVA7MM83AFQ02JZ8NSFMA4VJJHH1YP3K17END2FTTF7A97T8G7Q9WRJHHZ5XQQXAZHS20D56FRK1ZP780G"
}

@Suite struct LabelPayloadNegativeVectors {
    @Test(arguments: NegativeVectors.all.indices)
    func eachDocumentedForgeryIsRefusedWithItsReason(index: Int) {
        let vector = NegativeVectors.all[index]
        #expect(throws: vector.error, "\(vector.name)") { try LabelCodec.read(vector.text, keys: vector.ring) }
    }

    @Test func theOtherSitesKeyIsGenuineForItsOwnBatch() throws {
        #expect(DemoKeys.bgrK1.publicKey.keyFileLine == DemoKeys.bgrPublicKeyLine)
        #expect(DemoKeys.bgrK1.publicKey.fingerprint == DemoKeys.bgrFingerprint)
        let payload = try LabelCodec.read(NegativeVectors.bgrOwnLabel, keys: DemoKeys.partnerRing)
        #expect(payload.batch == "BGR251121A" && payload.site == "BGR")
        #if !canImport(CryptoKit)
        #expect(LabelCodec.sign(try LabelPayload(keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: 42, maker: "M042",
                                                 inspected: CalendarDate(year: 2025, month: 11, day: 21)!, result: .pass(.a)),
                                with: DemoKeys.bgrK1) == NegativeVectors.all[8].text)
        #endif
    }

    /// Each of the five signature vectors is what a `base64.b32decode` verifier reads as the
    /// genuine signature's bytes: Sapu's strict decoder must refuse them, not map them.
    @Test func theSignatureVectorsDifferFromTheGenuineTextInOneCharacter() {
        let genuine = [DemoKeys.passLabel, DemoKeys.passLabel, DemoKeys.passLabel, DemoKeys.passLabel, DemoKeys.failLabel]
        for (vector, original) in zip(NegativeVectors.all.prefix(5), genuine) {
            #expect(vector.text.count == original.count)
            #expect(zip(vector.text, original).filter { $0 != $1 }.count == 1, "\(vector.name)")
        }
    }
}
