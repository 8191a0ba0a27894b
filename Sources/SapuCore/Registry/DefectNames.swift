/// The names of the defect codes, so that a person reads "Ikatan longgar" where the records say `LOOSE`.
public struct DefectNames: Sendable {
    private let names: [String: Message]

    public init(_ defects: [Defect]) {
        names = Dictionary(defects.map { ($0.code, Message(id: $0.nameID, en: $0.nameEN)) },
                           uniquingKeysWith: { first, _ in first })
    }

    /// The code's name in both languages; the code itself when the catalogue does not know it.
    public func name(_ code: String) -> Message {
        names[code] ?? Message(id: code, en: code)
    }

    /// The names of several codes, in their order: "Ikatan longgar, Lembap / belum kering".
    public func names(_ codes: [String]) -> Message {
        let named = codes.map(name)
        return Message(id: named.map(\.indonesian).joined(separator: ", "), en: named.map(\.english).joined(separator: ", "))
    }
}
