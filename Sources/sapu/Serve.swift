import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuStore
import SapuWeb

/// `sapu serve`: the web app for people who do not use a terminal, on the same database.
struct Serve: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpServe.helpText) }

    @Option(help: Message.helpServeListen.help) var listen: String = "127.0.0.1:8080"
    @Option(help: Message.helpServeFiles.help) var files: String?
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let (host, port) = try Self.address(listen)
        let store = try context.store()
        let directory = files ?? (((context.databasePath as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("sapu-web"))
        let server = try WebServer(store: store, files: directory, clock: context.clock, fixedNow: Context.fixedNow)
        if !Self.isLoopback(host) { Console.error(Message.serveOpenToNetwork(listen).text(context.language)) }
        if try UserAccounts(store: store).list().isEmpty { Console.error(Message.serveNoUsers.text(context.language)) }
        let language = context.language
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(SapuError) {
                try await server.run(host: host, port: port) { url in
                    Console.out(Message.serveRunning(url).text(language))
                }
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
        Console.error(Message.serveStopped.text(language))
    }

    /// `HOST:PORT`, `[::1]:PORT` or `:PORT` (every address).
    static func address(_ text: String) throws(SapuError) -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw .listenAddressInvalid(text)
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { host = "0.0.0.0" }
        guard host.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || "0123456789.:-".unicodeScalars.contains($0)) }) else {
            throw .listenAddressInvalid(text)
        }
        return (host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// What the server task ended with, read after it signalled.
    private final class Outcome: @unchecked Sendable {
        var error: SapuError?
    }
}
