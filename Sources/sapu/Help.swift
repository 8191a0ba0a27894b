import ArgumentParser
import Foundation
import SapuCore

/// The language of help texts and parser messages, chosen from `--lang` or `SAPU_LANG` before the
/// command line is parsed (argument-parser reads help texts while it parses).
enum HelpLanguage {
    nonisolated(unsafe) static var current: Language = .standard

    /// Sets `current` from the raw arguments and the environment; an unknown value leaves Indonesian.
    static func choose(arguments: [String], environment: [String: String]) {
        current = Language.resolve(option: languageArgument(arguments), environment: environment["SAPU_LANG"]) ?? .standard
    }

    /// `--lang X` or `--lang=X` from the raw arguments.
    static func languageArgument(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--lang=") { return String(argument.dropFirst(7)) }
        }
        return nil
    }
}

extension Message {
    /// This text as an option's help, in the language chosen for help.
    var help: ArgumentHelp { ArgumentHelp(text(HelpLanguage.current)) }

    /// This text as a command's abstract or discussion, in the language chosen for help.
    var helpText: String { text(HelpLanguage.current) }
}
