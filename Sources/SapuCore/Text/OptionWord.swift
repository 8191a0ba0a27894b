/// A value typed after an option as a word, in Indonesian or in English: `--mode terima` or
/// `--mode receive`, `--by pembuat` or `--by maker`.
///
/// The words are the ones tables, sheets and labels print, so a clerk types what they read.
/// Matching ignores case, and spaces, hyphens and underscores count as one separator
/// (`di gudang`, `di-gudang` and `IN_STOCK` are all read). The word tables are in
/// Messages/Message+optionWords.swift.
public protocol OptionWord: CaseIterable, Sendable, Equatable {
    /// The value's word in Indonesian and in English; both are accepted.
    var word: Message { get }
}

extension OptionWord {
    /// The value a typed word names, and the language of that word: nil when both languages
    /// use it (`batch`, `csv`), so it says nothing about the language the user types in.
    public static func read(_ text: String, option: String) throws(SapuError) -> (value: Self, language: Language?) {
        let typed = matchingKey(text)
        for value in allCases {
            let indonesian = matchingKey(value.word.indonesian) == typed
            let english = matchingKey(value.word.english) == typed
            guard indonesian || english else { continue }
            return (value, indonesian && english ? nil : (indonesian ? .id : .en))
        }
        throw .unknownOptionWord(option: option, value: text, words: allCases.map { value in
            Message(id: typeable(value.word.indonesian), en: typeable(value.word.english))
        })
    }

    /// Every value's word in `language`, as it is typed (`di-gudang`), in the order of the cases.
    public static func words(_ language: Language) -> [String] {
        allCases.map { typeable($0.word.text(language)) }
    }

    /// The words of every value as a list a sentence can hold: "terima, kemas atau cek".
    public static var wordList: Message {
        Message(id: Message.list(words(.id), conjunction: "atau"), en: Message.list(words(.en), conjunction: "or"))
    }

    /// The word as a shell takes it without quotes: lower case, a hyphen for each space, no
    /// comma (`at partner, not in manifest` is typed `at-partner-not-in-manifest`).
    static func typeable(_ word: String) -> String {
        word.lowercased().filter { $0 != "," }.split(separator: " ", omittingEmptySubsequences: true).joined(separator: "-")
    }

    /// What two spellings of one word have in common; a comma counts for nothing.
    static func matchingKey(_ text: String) -> String {
        text.lowercased().filter { $0 != "," }
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
            .joined(separator: "-")
    }
}

/// Reads the option words of one command line, and refuses Indonesian and English words in it
/// together: `--mode terima --by product` is more likely a slip than a wish.
public struct OptionWordReader: Sendable {
    /// The first word that belongs to one language only, as the user typed it with its option.
    private var first: (given: String, language: Language)?

    public init() {}

    public mutating func read<Value: OptionWord>(_ text: String, option: String,
                                                 as type: Value.Type = Value.self) throws(SapuError) -> Value {
        let (value, language) = try Value.read(text, option: option)
        guard let language else { return value }
        let given = option + " " + text.trimmingSpaces()
        if let first, first.language != language {
            let (indonesian, english) = language == .en ? (first.given, given) : (given, first.given)
            throw .mixedOptionLanguages(indonesian: indonesian, english: english)
        }
        if first == nil { first = (given, language) }
        return value
    }
}

extension Message {
    /// Items joined the way a sentence lists them: "a, b atau c".
    public static func list(_ items: [String], conjunction: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + conjunction + " " + last
    }
}
