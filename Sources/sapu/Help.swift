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

    /// The arguments without `--lang X` or `--lang=X`.
    static func removingLanguage(_ arguments: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--lang" {
                index += 2
                continue
            }
            if !argument.hasPrefix("--lang=") { kept.append(argument) }
            index += 1
        }
        return kept
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

extension OptionWord {
    /// An option word argument-parser reads itself (an `ExpressibleByArgument` enum), in any case:
    /// `PNG` as well as `png`. Its refusal is worded by `ParserProblem` from argument-parser's message.
    static func argument(_ text: String) -> Self? {
        (try? read(text, option: ""))?.value
    }
}

/// argument-parser's own words on a help page (headings, the `--help` line, defaults), in the
/// language chosen for help; everything else on the page comes from the catalogue already.
///
/// Only the fixed phrases argument-parser writes are replaced, each where it stands: a heading
/// is a whole line, the `--help` line and the closing hint are matched from their start,
/// `(default:` and `(values:` are single words that wrapping never splits.
enum HelpPage {
    static func localised(_ page: String, language: Language) -> String {
        guard language == .id, page.hasPrefix("OVERVIEW: ") || page.hasPrefix("USAGE: ") else { return page }
        var section = ""
        var lines: [String] = []
        for var line in page.components(separatedBy: "\n") {
            if let rest = line.dropping(prefix: "OVERVIEW: ") {
                line = "IKHTISAR: " + (rest == "Show subcommand help information." ? "Tampilkan bantuan subperintah." : rest)
            } else if let rest = line.dropping(prefix: "USAGE: ") {
                section = "USAGE"
                line = "PENGGUNAAN: " + usage(rest)
            } else if section == "USAGE", line.hasPrefix("       ") {
                // A usage on several lines hangs under its first word.
                line = "     " + usage(line)
            } else if let heading = headings[line] {
                section = line
                line = heading
            } else if line.trimmingSpaces().hasPrefix("-h, --help"), let start = line.range(of: "Show help information.") {
                line = line.replacingCharacters(in: start, with: "Tampilkan bantuan ini.")
            } else if let rest = line.trimmingSpaces().dropping(prefix: "See '"),
                      let command = rest.dropping(suffix: " <subcommand>' for detailed help.") {
                line = String(line.prefix { $0 == " " }) + "Lihat '\(command) <subperintah>' untuk bantuan lengkap."
            } else if section == "SUBCOMMANDS:", line.hasPrefix("  "), let marker = line.range(of: " (default)") {
                // The same width, so the abstracts stay in their column.
                let after = line[marker.upperBound...]
                line = String(line[..<marker.lowerBound]) + " (bawaan)" + (after.hasPrefix(" ") ? " " : "") + after
            }
            if line.isEmpty { section = section == "USAGE" ? "" : section }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
            .replacingOccurrences(of: "(default:", with: "(bawaan:")
            .replacingOccurrences(of: "(values:", with: "(nilai:")
            .replacingOccurrences(of: "; default:", with: "; bawaan:")
            .replacingDefaultAfterLineBreak()
    }

    private static let headings = [
        "ARGUMENTS:": "ARGUMEN:", "OPTIONS:": "OPSI:", "SUBCOMMANDS:": "SUBPERINTAH:",
    ]

    private static func usage(_ text: String) -> String {
        text.replacingOccurrences(of: "<subcommand>", with: "<subperintah>")
            .replacingOccurrences(of: "<options>", with: "<opsi>")
    }
}

private extension String {
    /// `; default:` wrapped so that `default:` starts a line.
    func replacingDefaultAfterLineBreak() -> String {
        var lines = components(separatedBy: "\n")
        for index in lines.indices.dropFirst() where lines[index - 1].hasSuffix(";") {
            let indent = String(lines[index].prefix { $0 == " " })
            if let rest = String(lines[index].dropFirst(indent.count)).dropping(prefix: "default:") {
                lines[index] = indent + "bawaan:" + rest
            }
        }
        return lines.joined(separator: "\n")
    }
}
