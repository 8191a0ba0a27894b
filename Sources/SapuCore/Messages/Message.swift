/// One user-facing text in every language Sapu speaks.
///
/// The catalogue is this type: each area of the product adds its messages as static
/// members in a `Message+area.swift` file, so a translator finds every text by type.
public struct Message: Sendable, Equatable, CustomStringConvertible {
    public let indonesian: String
    public let english: String

    public init(id indonesian: String, en english: String) {
        self.indonesian = indonesian
        self.english = english
    }

    /// The text in the given language.
    public func text(_ language: Language) -> String {
        switch language {
        case .id: indonesian
        case .en: english
        }
    }

    public var description: String { text(.standard) }
}

extension Message {
    /// `1 bundle`, `2 bundles`: a count with its English noun (Indonesian needs no plural).
    static func englishCount(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
