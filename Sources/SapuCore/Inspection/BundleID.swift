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

    /// Reads a typed id written as the label prints it, forgiving case, surrounding blanks,
    /// and a space, a `/` or no separator instead of `-` (docs/scanning.md). The serial
    /// must have its canonical digits: `0042`, not `42` or `00042`.
    public init?(typed text: String) {
        guard case .canonical(let id)? = Self.read(text) else { return nil }
        self = id
    }

    /// As `init?(typed:)`, saying why not: `nonCanonicalBundleID` with the canonical form
    /// when the text names a bundle but writes its serial otherwise, else `unknownBundle`.
    public static func parse(typed text: String) throws(SapuError) -> BundleID {
        switch read(text) {
        case .canonical(let id)?: return id
        case .nonCanonical(let id)?: throw .nonCanonicalBundleID(typed: text, canonical: id.description)
        case nil: throw .unknownBundle(text)
        }
    }

    /// The canonical id when `text` names a bundle with a serial written otherwise
    /// (`PWT251121A-00042`, `PWT251121A-42`); nil for a canonical id and for anything else.
    public static func canonicalSuggestion(for text: String) -> String? {
        guard case .nonCanonical(let id)? = read(text) else { return nil }
        return id.description
    }

    private enum Reading {
        case canonical(BundleID)
        case nonCanonical(BundleID)
    }

    private static func read(_ text: String) -> Reading? {
        let cleaned = text.trimmingSpaces().uppercased()
        let separators: Set<Character> = ["-", " ", "/"]
        let batch: String
        let digits: String
        if let split = cleaned.lastIndex(where: { separators.contains($0) }) {
            batch = String(cleaned[..<split]).trimmingSpaces()
            digits = String(cleaned[cleaned.index(after: split)...])
        } else {
            // No separator: the serial is the trailing digits after the batch's letters.
            guard let lastLetter = cleaned.lastIndex(where: { $0.isLetter }) else { return nil }
            batch = String(cleaned[...lastLetter])
            digits = String(cleaned[cleaned.index(after: lastLetter)...])
        }
        guard isBatch(batch), !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isASCIIDigit),
              let serial = Int(digits), LabelPayload.serials.contains(serial) else { return nil }
        let id = BundleID(batch: batch, serial: serial)
        return format(serial: serial) == digits ? .canonical(id) : .nonCanonical(id)
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
        !text.isEmpty && text.count <= Code.limit(.batch) && text.unicodeScalars.allSatisfy(Code.isCodeCharacter)
    }
}
