extension BundleID {
    /// The longest typed text that is read for a look-alike: a bundle id is at most 16 + 1 + 12.
    static let confusableInputLimit = 40

    /// The ids among `batches` that `text` means if the clerk mixed up the letter O and the
    /// digit 0, or the letters I or L and the digit 1 (docs/scanning.md, "Did you mean").
    ///
    /// Case and the separator are forgiven as for any typed id; the serial may be written
    /// with any number of digits (the answer gives it canonically). The id `text` reads as
    /// exactly, if any, is not among them: it is what was already looked up.
    public static func lookAlikes(of text: String, batches: [String]) -> [BundleID] {
        guard mayResembleAnID(text) else { return [] }
        let cleaned = text.trimmingSpaces().uppercased()
        let exact = BundleID(typed: text)
        let separators: Set<Character> = ["-", " ", "/"]
        var found: [BundleID] = []
        if let split = cleaned.lastIndex(where: { separators.contains($0) }) {
            let typedBatch = folded(String(cleaned[..<split]).trimmingSpaces())
            guard let serial = serial(folding: String(cleaned[cleaned.index(after: split)...])) else { return [] }
            for batch in batches where folded(batch) == typedBatch {
                found.append(BundleID(batch: batch, serial: serial))
            }
        } else {
            // No separator: any batch whose look-alike starts the text, digits after it.
            let typed = folded(cleaned)
            for batch in batches {
                let key = folded(batch)
                guard typed.count > key.count, typed.hasPrefix(key),
                      let serial = serial(folding: String(cleaned.dropFirst(batch.count))) else { continue }
                found.append(BundleID(batch: batch, serial: serial))
            }
        }
        return found.filter { $0 != exact }
    }

    /// Whether `text` is short enough, and not a label, to be read for a look-alike at all.
    public static func mayResembleAnID(_ text: String) -> Bool {
        let cleaned = text.trimmingSpaces().uppercased()
        return !cleaned.isEmpty && cleaned.count <= confusableInputLimit && !cleaned.hasPrefix("SAPU")
    }

    /// The text with every character that looks like a digit written as that digit.
    static func folded(_ text: String) -> String {
        String(text.map { character -> Character in
            switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        })
    }

    /// A serial typed with look-alike letters, when it is one.
    private static func serial(folding text: String) -> Int? {
        let digits = folded(text)
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy(\.isASCIIDigit), let serial = Int(digits),
              LabelPayload.serials.contains(serial) else { return nil }
        return serial
    }
}
