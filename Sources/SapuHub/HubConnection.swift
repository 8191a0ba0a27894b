import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import SapuCore

/// One connection to the hub's PostgreSQL, for one command (docs/hub.md).
///
/// Every PostgreSQL error becomes a `HubProblem`: the site sees one line in its language,
/// never SQL or the server's own text.
public final class HubConnection: Sendable {
    public let url: HubURL
    let connection: PostgresConnection
    let logger: Logger

    private init(url: HubURL, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.connection = connection
        self.logger = logger
    }

    /// Connects, or `unreachable`/`loginRefused`.
    public static func connect(_ url: HubURL) async throws(SapuError) -> HubConnection {
        let logger = Logger(label: "sapu.hub", factory: { _ in SwiftLogNoOpLogHandler() })
        var configuration: PostgresConnection.Configuration
        let password = url.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"]
        if let socket = url.socketPath {
            configuration = .init(unixSocketPath: socket, username: url.user, password: password, database: url.database)
        } else {
            configuration = .init(host: url.host ?? "localhost", port: url.port, username: url.user, password: password,
                                  database: url.database, tls: try tls(url.tls))
        }
        configuration.options.connectTimeout = .seconds(Int64(url.connectTimeoutSeconds))
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return HubConnection(url: url, connection: connection, logger: logger)
        } catch {
            throw .hub(problem(error, url: url))
        }
    }

    private static func tls(_ mode: HubURL.TLSMode) throws(SapuError) -> PostgresConnection.Configuration.TLS {
        var client = TLSConfiguration.makeClientConfiguration()
        if mode != .verifyFull { client.certificateVerification = .none }
        do {
            switch mode {
            case .disable: return .disable
            case .prefer: return .prefer(try NIOSSLContext(configuration: client))
            case .require, .verifyFull: return .require(try NIOSSLContext(configuration: client))
            }
        } catch {
            throw .hub(.failed("TLS"))
        }
    }

    /// Closes the connection; a connection already gone is fine.
    public func close() async {
        try? await connection.close()
    }

    /// Runs `body` with a connection and closes it afterwards, whatever happens.
    public static func with<T: Sendable>(_ url: HubURL, _ body: (HubConnection) async throws(SapuError) -> T)
        async throws(SapuError) -> T {
        let hub = try await connect(url)
        do {
            let result = try await body(hub)
            await hub.close()
            return result
        } catch {
            await hub.close()
            throw error
        }
    }

    // MARK: Queries

    /// Runs a statement and returns its rows, all read.
    @discardableResult
    func rows(_ query: PostgresQuery) async throws(SapuError) -> [PostgresRow] {
        do {
            var rows: [PostgresRow] = []
            for try await row in try await connection.query(query, logger: logger) { rows.append(row) }
            return rows
        } catch {
            throw .hub(Self.problem(error, url: url))
        }
    }

    /// Runs a statement.
    func run(_ query: PostgresQuery) async throws(SapuError) {
        try await rows(query)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: () async throws(SapuError) -> T) async throws(SapuError) -> T {
        try await run("BEGIN")
        do {
            let result = try await body()
            try await run("COMMIT")
            return result
        } catch {
            try? await run("ROLLBACK")
            throw error
        }
    }

    /// Decodes one column of a row, or says the hub holds something Sapu did not write.
    static func column<T: PostgresDecodable>(_ row: PostgresRow, _ index: Int, as type: T.Type = T.self) throws(SapuError) -> T {
        do {
            return try PostgresRandomAccessRow(row)[index].decode(T.self)
        } catch {
            throw .hub(.failed("unreadable row"))
        }
    }

    /// The hub problem behind a PostgreSQL or network error.
    static func problem(_ error: any Error, url: HubURL) -> HubProblem {
        if let problem = (error as? SapuError).flatMap({ if case .hub(let problem) = $0 { problem } else { nil } }) {
            return problem
        }
        guard let error = error as? PSQLError else { return .unreachable(url.shown) }
        let state = error.serverInfo?[.sqlState] ?? ""
        switch error.code {
        case .server:
            // 28: invalid authorisation; 3D000: no such database.
            if state.hasPrefix("28") || state == "3D000" { return .loginRefused(url.shown) }
            // 55P03: lock not available; 40P01: deadlock; 40001: serialisation; 57014: cancelled (timeout).
            if ["55P03", "40P01", "40001", "57014"].contains(state) { return .hubBusy(url.shown) }
            if state == "42P01" { return .notInitialised }
            return .failed("PostgreSQL \(state)")
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return .loginRefused(url.shown)
        case .sslUnsupported:
            return .failed("TLS")
        default:
            return .unreachable(url.shown)
        }
    }
}
