import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuStore
@testable import SapuWeb

/// A site on a temporary database with one user of each role (password `rahasia123`), and
/// a browser-like client that logs in, keeps the cookie and sends the form token.
struct WebFixture {
    let directory: String
    let store: SQLiteStore
    let server: WebServer
    let key: SigningKey
    static let day = Instant(iso8601: "2025-11-21T08:00:00+07:00")!
    static let password = "rahasia123"
    static let host = "sapu.test"

    init(site: String = "PWT") throws {
        directory = NSTemporaryDirectory() + "sapu-web-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/sapu.sqlite"
        key = try SigningKey.generate(site: site, keyID: "K1")
        let files = KeyFiles(databasePath: path, site: site)
        try files.createPrivate(key)
        try files.writePublic(try KeyRing([key.publicKey]))
        store = try SQLiteStore.create(at: path, site: Site(code: site, name: "Lapas Purwokerto"),
                                       key: StoredKey(keyID: "K1", site: site, raw: key.publicKey.rawRepresentation),
                                       at: Self.day)
        let accounts = UserAccounts(store: store)
        for (code, role) in [("ADMIN", Role.admin), ("QC1", .qc), ("GUDANG1", .gudang), ("MITRA1", .mitra)] {
            try accounts.add(code: code, role: role, password: Self.password, language: .id, at: Self.day)
        }
        server = try WebServer(store: store, files: directory + "/sapu-web", clock: .standard, fixedNow: Self.day)
    }

    /// Runs `test` against the router, without a network.
    func test<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: server.router())
        return try await app.test(.router) { client in try await test(client) }
    }
}

/// What a browser keeps between requests: the session cookie and the page's form token.
struct Browser: Sendable {
    var cookie: String?
    var csrf: String?

    /// Logs in through the page, as a person does; the form token comes from the dashboard's header.
    static func logIn(_ client: any TestClientProtocol, as code: String, password: String = WebFixture.password) async throws -> Browser {
        let response = try await client.execute(uri: "/api/v1/session", method: .post,
                                                 headers: [.contentType: "application/json"],
                                                 body: ByteBuffer(string: "{\"code\":\"\(code)\",\"password\":\"\(password)\"}"))
        guard response.status == .ok, let setCookie = response.headers[.setCookie],
              let value = setCookie.split(separator: ";").first else { return Browser() }
        let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return Browser(cookie: String(value), csrf: json?["csrf"] as? String)
    }

    /// Headers a same-origin request from this browser carries.
    func headers(_ extra: HTTPFields = [:], csrfHeader: Bool = false) -> HTTPFields {
        var fields = extra
        if let cookie { fields[.cookie] = cookie }
        if csrfHeader, let csrf { fields[HTTPField.Name("X-CSRF-Token")!] = csrf }
        return fields
    }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers())
    }

    /// Posts a urlencoded form with the page's token (unless `token` says otherwise).
    func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)], token: String? = nil,
              origin: String? = nil) async throws -> TestResponse {
        var all = fields
        if let value = token ?? csrf { all.append(("csrf", value)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var extra: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let origin { extra[.origin] = origin }
        return try await client.execute(uri: uri, method: .post, headers: headers(extra), body: ByteBuffer(string: body))
    }

    /// Posts a multipart form (uploads) with the page's token.
    func upload(_ client: any TestClientProtocol, _ uri: String, fields: [(String, String)] = [],
                files: [(name: String, fileName: String, bytes: [UInt8])]) async throws -> TestResponse {
        let boundary = "----sapu" + UUID().uuidString
        var body: [UInt8] = []
        func add(_ text: String) { body += Array(text.utf8) }
        for (name, value) in fields + (csrf.map { [("csrf", $0)] } ?? []) {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        for file in files {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\n")
            add("Content-Type: application/octet-stream\r\n\r\n")
            body += file.bytes
            add("\r\n")
        }
        add("--\(boundary)--\r\n")
        return try await client.execute(uri: uri, method: .post, headers: headers([
            .contentType: "multipart/form-data; boundary=\(boundary)",
        ]), body: ByteBuffer(bytes: body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
