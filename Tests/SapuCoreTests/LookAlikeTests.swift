import SapuCore
import Testing

@Suite("Typed ids: look-alike letters and digits")
struct LookAlikeTests {
    static let batches = ["PWT261201C", "PWT261201D", "PWL251121A"]

    @Test func lettersThatLookLikeDigitsFindTheBundleTheyMean() {
        let id = BundleID(batch: "PWT261201C", serial: 3)
        for typed in ["PWT261201C-OOO3", "PWT26I2OIC-0003", "pwt26l201c 0003", "PWT261201C/0O03", "PWT261201COOO3",
                      " PWT261201C-3 ", "PWT261201C-00003"] {
            #expect(BundleID.lookAlikes(of: typed, batches: Self.batches) == [id], "\(typed)")
        }
        // Both ways: a site code with the letter L typed with the digit 1.
        #expect(BundleID.lookAlikes(of: "PW1251121A-0042", batches: Self.batches) == [BundleID(batch: "PWL251121A", serial: 42)])
    }

    @Test func theIdTypedExactlyAndTextsThatAreNoIdHaveNoLookAlike() {
        #expect(BundleID.lookAlikes(of: "PWT261201C-0003", batches: Self.batches).isEmpty)
        for text in ["", "   ", "8991234567895", "SAPU1 K1 TLIDI BPWT261201C S0003", "PWT261201X-0003", "PWT261201C-",
                     "PWT261201C-000A", String(repeating: "PWT261201C-0003", count: 3)] {
            #expect(BundleID.lookAlikes(of: text, batches: Self.batches).isEmpty, "\(text)")
        }
        #expect(!BundleID.mayResembleAnID("SAPU1 K1"))
        #expect(BundleID.mayResembleAnID("pwt261201c-ooo3"))
    }

    @Test func everyBatchThatReadsTheSameIsAmongTheLookAlikes() {
        let found = BundleID.lookAlikes(of: "PW0-0001", batches: ["PWO", "PW0", "PXO"])
        #expect(found == [BundleID(batch: "PWO", serial: 1)])
        let both = BundleID.lookAlikes(of: "PWO-OOO1", batches: ["PWO", "PW0"])
        #expect(Set(both) == [BundleID(batch: "PWO", serial: 1), BundleID(batch: "PW0", serial: 1)])
    }
}
