/// A bundle's identity: its batch and its serial within the batch, `PWT251121A-0042`.
///
/// Short enough to type by hand when a label cannot be scanned.
public struct BundleID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let batch: String
    public let serial: Int

    public init(batch: String, serial: Int) {
        self.batch = batch
        self.serial = serial
    }

    /// Reads a typed id, forgiving case and a space or no separator instead of `-`.
    public init?(typed text: String) {
        let cleaned = text.trimmingSpaces().uppercased()
        let separators: Set<Character> = ["-", " ", "/"]
        if let split = cleaned.lastIndex(where: { separators.contains($0) }) {
            let batch = String(cleaned[..<split]).trimmingSpaces()
            let serial = String(cleaned[cleaned.index(after: split)...])
            guard Self.isBatch(batch), let number = Self.serial(serial) else { return nil }
            self.init(batch: batch, serial: number)
        } else {
            // No separator: the serial is the trailing digits after the batch's letters.
            guard let lastLetter = cleaned.lastIndex(where: { $0.isLetter }) else { return nil }
            let batch = String(cleaned[...lastLetter])
            let serial = String(cleaned[cleaned.index(after: lastLetter)...])
            guard Self.isBatch(batch), let number = Self.serial(serial) else { return nil }
            self.init(batch: batch, serial: number)
        }
    }

    public var description: String { batch + "-" + Self.format(serial: serial) }

    /// Serials are at least four digits: `0042`.
    public static func format(serial: Int) -> String {
        let digits = String(serial)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }

    public static func < (lhs: BundleID, rhs: BundleID) -> Bool {
        (lhs.batch, lhs.serial) < (rhs.batch, rhs.serial)
    }

    private static func isBatch(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(Code.isCodeCharacter)
    }

    private static func serial(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 7, text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(text), number > 0 else { return nil }
        return number
    }
}
