/// How much a QR symbol holds, to tell without encoding that a text cannot fit.
///
/// libqrencode grows a symbol that is too small and masks it at the bigger size before
/// Sapu can refuse it; trying H on a label that only fits at Q cost a whole second encode.
/// A text whose smallest possible bit length exceeds the symbol's data capacity is skipped
/// at once. The test `QRCapacityTests` checks every entry against libqrencode.
enum QRCapacity {
    /// Data codewords (bytes) per version 1...40, at L, M, Q and H (ISO/IEC 18004, table 7).
    static let dataCodewords: [[Int]] = [
        [19, 16, 13, 9], [34, 28, 22, 16], [55, 44, 34, 26], [80, 64, 48, 36], [108, 86, 62, 46],
        [136, 108, 76, 60], [156, 124, 88, 66], [194, 154, 110, 86], [232, 182, 132, 100], [274, 216, 154, 122],
        [324, 254, 180, 140], [370, 290, 206, 158], [428, 334, 244, 180], [461, 365, 261, 197], [523, 415, 295, 223],
        [589, 453, 325, 253], [647, 507, 367, 283], [721, 563, 397, 313], [795, 627, 445, 341], [861, 669, 485, 385],
        [932, 714, 512, 406], [1006, 782, 568, 442], [1094, 860, 614, 464], [1174, 914, 664, 514], [1276, 1000, 718, 538],
        [1370, 1062, 754, 596], [1468, 1128, 808, 628], [1531, 1193, 871, 661], [1631, 1267, 911, 701], [1735, 1373, 985, 745],
        [1843, 1455, 1033, 793], [1955, 1541, 1115, 845], [2071, 1631, 1171, 901], [2191, 1725, 1231, 961], [2306, 1812, 1286, 986],
        [2434, 1914, 1354, 1054], [2566, 1992, 1426, 1096], [2702, 2102, 1502, 1142], [2812, 2216, 1582, 1222], [2956, 2334, 1666, 1276],
    ]

    /// Data bits a symbol of `version` holds at `level`.
    static func bits(version: Int, level: ErrorCorrection) -> Int {
        let column: Int
        switch level {
        case .L: column = 0
        case .M: column = 1
        case .Q: column = 2
        case .H: column = 3
        }
        return dataCodewords[version - 1][column] * 8
    }

    /// The fewest bits any segmentation of `text` can take at `version`: each character in
    /// the densest mode it can go in (digits 10 per 3, the other alphanumerics 11 per 2,
    /// anything else 8 per byte), plus one segment header with the shortest length field.
    static func fewestBits(_ text: String, version: Int) -> Int {
        var sixths = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sixths += 20
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: " "), UInt8(ascii: "$"), UInt8(ascii: "%"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"),
                 UInt8(ascii: ":"): sixths += 33
            default: sixths += 48
            }
        }
        let lengthField = version <= 9 ? 8 : version <= 26 ? 11 : 13
        return (sixths + 5) / 6 + 4 + lengthField
    }

    /// Whether `text` cannot fit a symbol of `version` at `level`, whatever its segmentation.
    static func cannotFit(_ text: String, version: Int, level: ErrorCorrection) -> Bool {
        guard (1...40).contains(version) else { return false }
        return fewestBits(text, version: version) > bits(version: version, level: level)
    }
}
