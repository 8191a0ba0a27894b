import SapuCore
@testable import SapuLabels
import Testing

@Suite("QR capacity: the table that spares hopeless encodes agrees with libqrencode")
struct QRCapacityTests {
    /// Bits of `count` digits in numeric mode.
    static func numericBits(_ count: Int) -> Int {
        10 * (count / 3) + [0, 4, 7][count % 3]
    }

    /// The most digits a symbol holds, from the table.
    static func mostDigits(version: Int, level: ErrorCorrection) -> Int {
        let header = 4 + (version <= 9 ? 10 : version <= 26 ? 12 : 14)
        var count = 0
        while header + numericBits(count + 1) <= QRCapacity.bits(version: version, level: level) { count += 1 }
        return count
    }

    @Test("every version and level holds exactly the digits the table says", arguments: Array(1...40))
    func theTableMatchesLibqrencode(version: Int) throws {
        for level in [ErrorCorrection.L, .M, .Q, .H] {
            let most = Self.mostDigits(version: version, level: level)
            let fits = String(repeating: "7", count: most)
            #expect(throws: Never.self, "v\(version)-\(level.rawValue): \(most) digits") {
                try QRMatrix.encode(fits, version: version, level: level)
            }
            #expect(throws: SapuError.self, "v\(version)-\(level.rawValue): \(most + 1) digits") {
                try QRMatrix.encode(fits + "7", version: version, level: level)
            }
            // The bound never refuses what fits.
            #expect(!QRCapacity.cannotFit(fits, version: version, level: level))
        }
    }

    @Test func theBoundRefusesOnlyTextsThatCannotFit() throws {
        let texts = [String(repeating: "A", count: 160), String(repeating: "a", count: 120), String(repeating: "9", count: 300),
                     "SAPU1 K1 PWT LIDI " + String(repeating: "AB12", count: 40), String(repeating: "é", count: 50)]
        for text in texts {
            for version in [6, 8, 10] {
                for level in [ErrorCorrection.L, .M, .Q, .H] where QRCapacity.cannotFit(text, version: version, level: level) {
                    #expect(throws: SapuError.self, "\(text.prefix(12))… v\(version)-\(level.rawValue)") {
                        try QRMatrix.encode(text, version: version, level: level)
                    }
                }
            }
        }
        // 160 capital letters need at least 880 bits plus a header: more than version 8 holds at H (688).
        #expect(QRCapacity.cannotFit(String(repeating: "A", count: 160), version: 8, level: .H))
    }
}
