import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuStore

#if canImport(Glibc)
import Glibc
#endif

/// `sapu user`: who may log in to `sapu serve`, and as what.
struct UserCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "user", abstract: Message.helpUser.helpText,
        subcommands: [Add.self, List.self, Disable.self, Password.self]) }

    struct Add: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpUserAdd.helpText) }
        @Argument(help: Message.helpUserCode.help) var code: String
        @Option(help: Message.helpUserRole.help) var role: String
        @Flag(help: Message.helpUserPasswordStdin.help) var passwordStdin = false
        @Option(name: .customLong("page-lang"), help: Message.helpUserLanguage.help) var pageLanguage: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let role = try context.word(role, option: "--role", as: Role.self)
            let language = try pageLanguage.map { (text) throws(SapuError) -> Language in
                guard let language = Language(rawValue: text.lowercased()) else { throw .invalidLanguage(text) }
                return language
            } ?? context.language
            let code = try Code.normalise(code, as: .user)
            let accounts = UserAccounts(store: try context.store())
            let password = try PasswordReader.read(fromStdin: passwordStdin, context: context)
            let user = try accounts.add(code: code, role: role, password: password, language: language, at: context.now)
            if context.json { context.emit(["code": user.code, "role": user.role.rawValue]) }
            context.say(.userAdded(user.code, role: user.role))
        }
    }

    struct List: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpUserList.helpText) }
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let users = try UserAccounts(store: try context.store()).list()
            if context.json {
                context.emit(users.map(UserOutput.init))
                return
            }
            if users.isEmpty {
                context.say(.noUsersYet)
                return
            }
            let language = context.language
            context.table([.columnCode, .columnRole, .columnActive, .columnLanguage, .columnDuty], users.map {
                [$0.code, $0.role.rawValue, ($0.active ? Message.yes : Message.no).text(language), $0.language.rawValue,
                 $0.role.duty.text(language)]
            })
        }
    }

    struct Disable: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpUserDisable.helpText) }
        @Argument(help: Message.helpUserCode.help) var code: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .user)
            try UserAccounts(store: try context.store()).disable(code: code)
            if context.json { context.emit(["code": code]) }
            context.say(.userDisabled(code))
        }
    }

    struct Password: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpUserPassword.helpText) }
        @Argument(help: Message.helpUserCode.help) var code: String
        @Flag(help: Message.helpUserPasswordStdin.help) var passwordStdin = false
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let code = try Code.normalise(code, as: .user)
            let accounts = UserAccounts(store: try context.store())
            guard try accounts.list().contains(where: { $0.code == code }) else { throw .unknown(kind: .user, value: code) }
            let password = try PasswordReader.read(fromStdin: passwordStdin, context: context)
            try accounts.setPassword(code: code, password: password)
            if context.json { context.emit(["code": code]) }
            context.say(.userPasswordSet(code))
        }
    }
}

/// A password from the terminal (not echoed, asked twice) or from stdin's first line.
enum PasswordReader {
    static func read(fromStdin: Bool, context: Context) throws(SapuError) -> String {
        if fromStdin || isatty(0) != 1 {
            guard fromStdin, let line = readLine(strippingNewline: true), !line.isEmpty else { throw .passwordNotGiven }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        let first = try ask(Message.userPasswordPrompt.text(context.language))
        try PasswordRule.check(first)
        let second = try ask(Message.userPasswordAgainPrompt.text(context.language))
        guard first == second else { throw .passwordsDiffer }
        return first
    }

    /// One line typed at the terminal with echo off; echo comes back whatever happens.
    private static func ask(_ prompt: String) throws(SapuError) -> String {
        Console.prompt(prompt)
        var saved = termios()
        tcgetattr(0, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &silent)
        defer {
            tcsetattr(0, TCSAFLUSH, &saved)
            Console.error("")
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw .passwordNotGiven }
        return line
    }
}
