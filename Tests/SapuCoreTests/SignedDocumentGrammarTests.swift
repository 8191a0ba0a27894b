import Foundation
import SapuCore
import Testing

/// What an independent verifier written from docs/ reads differently from Sapu unless both
/// hold to the documented grammar: the `.sig` fields, the JSON of signed documents, the
/// receipt's fields and its `finished` time.
@Suite("The grammar of signature files, signed JSON and receipt times")
struct SignedDocumentGrammarTests {
    static let signature = Crockford.encode([UInt8](repeating: 7, count: 64))

    @Test func aSignatureFileNamesItsSiteAndKeyIDInUpperCaseCodes() {
        #expect(DetachedSignature(text: "sapu-signature PWT K2 \(Self.signature)\n")?.site == "PWT")
        #expect(DetachedSignature(text: " sapu-signature  PWT   K2 \(Self.signature.lowercased())\r\n")?.keyID == "K2")
        // Sapu never writes these: a reader must not answer them as "signed with a key you lack".
        for (site, keyID) in [("pwt", "K2"), ("PWT", "k2"), ("PWTABCD", "K2"), ("PWT", "K1234"), ("P-T", "K2"), ("PWT", "K\u{0131}")] {
            #expect(DetachedSignature(text: "sapu-signature \(site) \(keyID) \(Self.signature)\n") == nil, "\(site) \(keyID)")
        }
    }

    static func strict(_ text: String) -> Bool { StrictJSON.isStrict(Array(text.utf8)) }

    @Test func signedJSONIsUTF8WithIntegersAndNoTrailingCommas() {
        #expect(Self.strict("{\n  \"a\" : [1, -20, 0],\n  \"b\" : \"x,] 1.5 9e0 \\\" \\\\\",\n  \"c\" : [true, false, null, {}]\n}\n"))
        #expect(Self.strict("{\"name\":\"Pusat Handicraft \\u00e9\"}"))
        for text in ["{\"a\": 1,}", "{\"a\": [1, 2,]}", "{\"a\": [1, 2 , ] }", "{\"bundleCount\": 9.0}", "{\"n\": 9e0}",
                     "{\"n\": 90E-1}", "{\"n\": -0.5}", "{\"a\": \"x\ty\"}", "{\"a\":\u{0}1}"] {
            #expect(!Self.strict(text), "\(text)")
        }
        #expect(!StrictJSON.isStrict([0xEF, 0xBB, 0xBF] + Array("{}".utf8)), "byte-order mark")
        #expect(!StrictJSON.isStrict(Array("{\"a\": 1}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "UTF-16")
        #expect(!StrictJSON.isStrict([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]), "not UTF-8")
    }

    @Test func aReceiptWithoutForgedBundlesDoesNotDecode() throws {
        let verification = Verification(manifest: try ReceiptTests.manifest(), keys: try KeyRing([DemoKeys.k1.publicKey]))
        let receipt = ReceiptTests.receipt(verification)
        let encoder = JSONEncoder()
        var object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(receipt)) as? [String: Any])
        #expect(object["forgedBundles"] != nil)
        #expect((try? JSONDecoder().decode(Receipt.self, from: JSONSerialization.data(withJSONObject: object))) != nil)
        object["forgedBundles"] = nil
        #expect((try? JSONDecoder().decode(Receipt.self, from: JSONSerialization.data(withJSONObject: object))) == nil)
    }

    @Test func aTimeIsOnADayTheCalendarHas() {
        for text in ["2024-02-29T10:00:00+07:00", "2026-12-31T23:59:59-12:00", "2026-01-01T00:00:00+18:00"] {
            #expect(Instant(iso8601: text) != nil, "\(text)")
        }
        for text in ["2026-02-31T10:00:00+07:00", "2025-02-29T10:00:00+07:00", "2026-04-31T10:00:00+07:00",
                     "2100-02-29T10:00:00+07:00", "0000-01-01T00:00:00+00:00", "2026-01-01T00:00:00+18:30",
                     "2026-01-01T00:00:00-18:01"] {
            #expect(Instant(iso8601: text) == nil, "\(text)")
        }
    }
}
