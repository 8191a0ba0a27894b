import ArgumentParser
import Foundation
import SapuCore

/// A command line argument-parser refused, said in the user's language.
///
/// argument-parser words its errors in English and keeps their types to itself; its public
/// `message(for:)` is all there is. The shapes it uses are few and fixed
/// (ErrorMessageGenerator in argument-parser 1.x), so each is read back here and said again
/// from the catalogue. A shape not known here keeps the parser's own reason inside a
/// sentence in the user's language.
enum ParserProblem {
    /// The one line printed for a refused command line: what is wrong, and which help to read.
    static func line(for english: String, arguments: [String], language: Language) -> String {
        let (path, group) = command(arguments)
        var problem = message(for: english)
        // A word after a group of commands (`sapu nosuch`, `sapu product lst`) names a command.
        if group, let name = english.dropping(prefix: "Unexpected argument '")?.dropping(suffix: "'") {
            problem = .unknownSubcommand(name)
        }
        if let value = negativeNumber(for: english, in: arguments) { problem = .invalidOptionValue(option: value.option, value: value.text) }
        let help = (path + ["--help"]).joined(separator: " ")
        return Message.errorPrefix.text(language) + Message.commandLineProblem(problem, help: help).text(language)
    }

    /// What argument-parser's English message says, from the catalogue.
    static func message(for english: String) -> Message {
        let firstLine = english.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if let rest = firstLine.dropping(prefix: "Unknown option '") {
            if let suggestion = rest.range(of: "'. Did you mean '", options: .backwards), rest.hasSuffix("'?") {
                let name = String(rest[..<suggestion.lowerBound])
                let suggested = String(rest[suggestion.upperBound..<rest.index(rest.endIndex, offsetBy: -2)])
                return .unknownOption(name, suggestion: suggested)
            }
            return .unknownOption(rest.dropping(suffix: "'") ?? rest, suggestion: nil)
        }
        if let synopsis = firstLine.dropping(prefix: "Missing value for '")?.dropping(suffix: "'") {
            return .optionNeedsValue(optionName(synopsis))
        }
        if let synopsis = firstLine.dropping(prefix: "Missing expected argument '")?.dropping(suffix: "'") {
            return synopsis.hasPrefix("-") ? .optionRequired(optionName(synopsis)) : .argumentRequired(synopsis)
        }
        if let list = firstLine.dropping(prefix: "Missing one of: '")?.dropping(suffix: "'") {
            return .oneOfRequired(list.components(separatedBy: "', '"))
        }
        if let value = firstLine.dropping(prefix: "Unexpected argument '")?.dropping(suffix: "'") {
            return .unexpectedArguments([value])
        }
        if let marker = firstLine.range(of: " unexpected arguments: '"), Int(firstLine[..<marker.lowerBound]) != nil,
           let list = String(firstLine[marker.upperBound...]).dropping(suffix: "'") {
            return .unexpectedArguments(list.components(separatedBy: "', '"))
        }
        if let invalid = invalidValue(english) { return invalid }
        if let rest = firstLine.dropping(prefix: "The option '"),
           let middle = rest.range(of: "' does not take any value, but '"),
           let value = String(rest[middle.upperBound...]).dropping(suffix: "' was specified.") {
            return .optionTakesNoValue(String(rest[..<middle.lowerBound]), value: value)
        }
        if firstLine.hasPrefix("Value to be set with ") { return .optionGivenTwice }
        if firstLine == "Missing required subcommand." { return .subcommandRequired }
        if let text = firstLine.dropping(prefix: "Invalid option: ") { return .invalidOption(text) }
        return .unreadableCommandLine(firstLine)
    }

    /// "The value 'X' is invalid for '--format <format>'", with the valid values when the
    /// parser lists them (". Please provide one of 'png', 'pdf' or 'zpl'." or a bulleted list).
    private static func invalidValue(_ english: String) -> Message? {
        guard let rest = english.dropping(prefix: "The value '"),
              let middle = rest.range(of: "' is invalid for '", options: .backwards) else { return nil }
        let value = String(rest[..<middle.lowerBound])
        let after = rest[middle.upperBound...]
        guard let close = after.firstIndex(of: "'") else { return nil }
        let option = optionName(String(after[..<close]))
        let tail = String(after[after.index(after: close)...])
        guard let listStart = tail.range(of: "Please provide one of") else {
            return .invalidOptionValue(option: option, value: value)
        }
        let list = tail[listStart.upperBound...]
        var words: [String] = []
        if list.hasPrefix(" the following:") {
            words = list.split(separator: "\n").compactMap { String($0).trimmingSpaces().dropping(prefix: "- ") }
        } else {
            var inside: String?
            for character in list {
                if character == "'" {
                    if let word = inside { words.append(word) }
                    inside = inside == nil ? "" : nil
                } else if inside != nil {
                    inside?.append(character)
                }
            }
        }
        guard !words.isEmpty else { return .invalidOptionValue(option: option, value: value) }
        return SapuError.unknownOptionWord(option: option, value: value, words: words.map { Message(id: $0, en: $0) }).message
    }

    /// `--count -5`: the parser takes `-5` for an option and says `--count` has no value; the
    /// user did give one, a negative number, and is told that it is not valid.
    private static func negativeNumber(for english: String, in arguments: [String]) -> (option: String, text: String)? {
        let firstLine = english.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let synopsis = firstLine.dropping(prefix: "Missing value for '")?.dropping(suffix: "'") else { return nil }
        let option = optionName(synopsis)
        guard let index = arguments.lastIndex(of: option), index + 1 < arguments.count else { return nil }
        let next = arguments[index + 1]
        guard let digits = next.dropping(prefix: "-"), let first = digits.first, first.isASCII, first.isNumber else { return nil }
        return (option, next)
    }

    /// `--mode` from `--mode <mode>`; a positional `<code>` as it is.
    private static func optionName(_ synopsis: String) -> String {
        synopsis.hasPrefix("-") ? String(synopsis.prefix { $0 != " " }) : synopsis
    }

    /// The command a command line names, e.g. `["sapu", "label", "print"]`, found the way the
    /// parser finds it: subcommand names in order; a group's default subcommand when no name
    /// follows. `group` when it is a group of commands without a default, such as `sapu product`.
    static func command(_ arguments: [String]) -> (path: [String], group: Bool) {
        var command: any ParsableCommand.Type = Sapu.self
        var path = [Sapu._commandName]
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty || argument == "--" { break }
            if argument.hasPrefix("-") { continue }
            guard let next = subcommands.first(where: {
                $0._commandName == argument || $0.configuration.aliases.contains(argument)
            }) else { break }
            command = next
            path.append(next._commandName)
        }
        if let fallback = command.configuration.defaultSubcommand {
            path.append(fallback._commandName)
            return (path, false)
        }
        return (path, !command.configuration.subcommands.isEmpty)
    }
}

extension String {
    /// The rest of the string after `prefix`, or nil when it does not start with it.
    func dropping(prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The string without `suffix`, or nil when it does not end with it.
    func dropping(suffix: String) -> String? {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : nil
    }
}
