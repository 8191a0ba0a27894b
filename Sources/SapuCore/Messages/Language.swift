/// The language a user reads messages, labels and the surat jalan in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case id
    case en

    /// Indonesian unless the user asks otherwise; the workshop's language.
    public static let standard: Language = .id

    /// Picks the language from an option, else `SAPU_LANG`, else Indonesian.
    public static func resolve(option: String?, environment: String?) -> Language? {
        if let option { return Language(rawValue: option.lowercased()) }
        if let environment, let lang = Language(rawValue: environment.lowercased()) { return lang }
        return .standard
    }
}
