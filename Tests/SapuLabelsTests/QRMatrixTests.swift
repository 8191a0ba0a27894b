import SapuCore
import SapuLabels
import Testing

@Suite("QR matrix")
struct QRMatrixTests {
    @Test("the symbol has the fixed size of its version", arguments: [1, 7, 8, 10, 20, 40])
    func symbolHasTheFixedSizeOfItsVersion(version: Int) throws {
        let matrix = try QRMatrix.encode("SAPU1", version: version, level: .Q)
        #expect(matrix.size == 4 * version + 17)
        #expect(matrix.version == version)
    }

    @Test func shortAndLongPayloadsGiveTheSameSizeAtOneVersion() throws {
        let short = try QRMatrix.encode("SAPU1 K1", version: 10, level: .Q)
        let long = try QRMatrix.encode(Fixtures.failed().payload, version: 10, level: .Q)
        #expect(short.size == 57)
        #expect(long.size == 57)
        #expect(short != long)
    }

    @Test func finderPatternsAreDarkInTheCorners() throws {
        let matrix = try QRMatrix.encode(Fixtures.passed().payload, version: 8, level: .M)
        let last = matrix.size - 1
        for (x, y) in [(0, 0), (6, 0), (0, 6), (last, 0), (0, last), (3, 3)] {
            #expect(matrix.isDark(x: x, y: y))
        }
        #expect(!matrix.isDark(x: 1, y: 1))
        #expect(!matrix.isDark(x: 7, y: 7))
    }

    @Test func twoHundredAlphanumericCharactersFitTheTemplateVersions() throws {
        let text = String(repeating: "SAPU1 K1 7", count: 20)
        #expect(text.count == 200)
        _ = try QRMatrix.encode(text, version: 8, level: .M)
        _ = try QRMatrix.encode(text, version: 10, level: .Q)
    }

    @Test func aPayloadTooLongForTheVersionIsRefusedNotGrown() {
        #expect(throws: SapuError.payloadTooLong(template: "QR-Q", version: 8)) {
            try QRMatrix.encode(Fixtures.failed().payload, version: 8, level: .Q)
        }
    }

    @Test func aVersionOutsideTheStandardIsRefused() {
        #expect(throws: SapuError.self) { try QRMatrix.encode("A", version: 41, level: .L) }
        #expect(throws: SapuError.self) { try QRMatrix.encode("A", version: 0, level: .L) }
    }
}
