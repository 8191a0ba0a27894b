import Foundation
import SapuCore

/// Where the hub's PostgreSQL is and how to log in, read from a `postgres://` address
/// (docs/hub.md, "Addresses"), in the form libpq and psql also read:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=...&host=/socket/dir&connect_timeout=S]`.
///
/// `host=` in the query names a directory holding PostgreSQL's Unix socket instead of a
/// network host. `sslmode` is `disable`, `prefer` (the default on a network: encrypt when
/// the server can), `require` (always encrypt) or `verify-full` (encrypt and check the
/// server's certificate and name).
public struct HubURL: Sendable, Equatable {
    public enum TLSMode: String, Sendable, CaseIterable {
        case disable, prefer, require, verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    /// A network host, or nil when `socketDirectory` is used.
    public var host: String?
    public var port: Int
    public var socketDirectory: String?
    public var database: String
    public var tls: TLSMode
    public var connectTimeoutSeconds: Int
    /// The address as given, for keeping in the site's settings.
    public var text: String

    public init(_ text: String) throws(SapuError) {
        let trimmed = text.trimmingSpaces()
        let invalid = SapuError.hub(.urlInvalid(Self.withoutPassword(trimmed)))
        guard let schemeEnd = trimmed.range(of: "://"),
              ["postgres", "postgresql"].contains(trimmed[..<schemeEnd.lowerBound].lowercased()) else { throw invalid }
        var rest = String(trimmed[schemeEnd.upperBound...])
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: mark)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, let key = Self.decode(parts[0]), let value = Self.decode(parts[1]) else { throw invalid }
                query[key] = value
            }
            rest = String(rest[..<mark])
        }
        var authority = rest
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = String(rest[..<slash])
            path = String(rest[rest.index(after: slash)...])
        }
        var userInfo: Substring?
        var hostPort = Substring(authority)
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
        }
        var user: String?
        if let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { throw invalid }
            user = name.isEmpty ? nil : name
            if parts.count == 2 {
                guard let secret = Self.decode(parts[1]) else { throw invalid }
                password = secret
            }
        }
        var port = 5432
        var hostText = String(hostPort)
        if hostText.hasPrefix("[") {
            // An IPv6 address: [::1]:5432.
            guard let close = hostText.firstIndex(of: "]") else { throw invalid }
            let after = hostText[hostText.index(after: close)...]
            if after.hasPrefix(":") {
                guard let number = Int(after.dropFirst()) else { throw invalid }
                port = number
            } else if !after.isEmpty { throw invalid }
            hostText = String(hostText[hostText.index(after: hostText.startIndex)..<close])
        } else if let colon = hostText.lastIndex(of: ":") {
            guard let number = Int(hostText[hostText.index(after: colon)...]) else { throw invalid }
            port = number
            hostText = String(hostText[..<colon])
        }
        if let number = query["port"] {
            guard let value = Int(number) else { throw invalid }
            port = value
        }
        guard (1...65_535).contains(port), let decodedHost = Self.decode(Substring(hostText)) else { throw invalid }
        self.port = port
        let socket = query["host"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (decodedHost.hasPrefix("/") ? decodedHost : nil)
        socketDirectory = socket
        if socket == nil {
            let name = query["host"] ?? decodedHost
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "/" }) else {
                throw invalid
            }
            host = name
        }
        guard let database = Self.decode(Substring(path)) else { throw invalid }
        self.user = user ?? query["user"] ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        if password == nil { password = query["password"] }
        self.database = database.isEmpty ? (query["dbname"] ?? self.user) : database
        guard !self.user.isEmpty, !self.database.isEmpty,
              (self.user + self.database).unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw invalid
        }
        let mode = query["sslmode"] ?? (socket == nil ? "prefer" : "disable")
        guard let tls = TLSMode(rawValue: mode == "allow" ? "prefer" : mode) else { throw invalid }
        self.tls = socket == nil ? tls : .disable
        if let timeout = query["connect_timeout"] {
            guard let seconds = Int(timeout), (1...600).contains(seconds) else { throw invalid }
            connectTimeoutSeconds = seconds
        } else {
            connectTimeoutSeconds = 10
        }
        self.text = trimmed
    }

    /// The address with any password left out, as the site keeps it (a password comes from
    /// `--hub`, `SAPU_HUB` or PostgreSQL's own `PGPASSWORD`, never from the site's database).
    public var textWithoutPassword: String {
        let text = Self.replacingPasswordParameter(in: self.text, with: nil)
        guard let schemeEnd = text.range(of: "://"),
              let at = text[schemeEnd.upperBound...].firstIndex(of: "@") else { return text }
        let userInfo = text[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + String(text[at...])
    }

    /// The Unix socket file PostgreSQL listens on, when the address names a directory.
    public var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }

    /// Where the hub is, for messages: never the password.
    public var shown: String {
        if let socketDirectory { return "\(socketDirectory)/\(database)" }
        let name = host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "?"
        return "\(name):\(port)/\(database)"
    }

    /// The address with any password replaced by `***`, for messages about a bad one.
    static func withoutPassword(_ text: String) -> String {
        let text = replacingPasswordParameter(in: text, with: "***")
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].firstIndex(of: "@") else {
            return text
        }
        let userInfo = text[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    /// The address with each `password=` of its query (libpq reads one there too) replaced,
    /// or left out when `replacement` is nil.
    static func replacingPasswordParameter(in text: String, with replacement: String?) -> String {
        guard let mark = text.firstIndex(of: "?") else { return text }
        let pairs = text[text.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false)
        let kept = pairs.compactMap { pair -> String? in
            let key = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.flatMap { decode($0) }
            guard key?.lowercased() == "password" else { return String(pair) }
            return replacement.map { "password=" + $0 }
        }
        return String(text[..<mark]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).removingPercentEncoding
    }
}
