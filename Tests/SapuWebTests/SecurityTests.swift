import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

/// The gate, checked route by route from the access table itself: what a visitor, each role,
/// another site's page and a forged form get.
@Suite struct SecurityTests {
    /// A route's path with every `{parameter}` filled in.
    static func concrete(_ path: String) -> String {
        path.replacingOccurrences(of: #"\{[a-z]+\}"#, with: "X1", options: .regularExpression)
    }

    static let protectedRules = Access.rules.filter { $0.roles != nil }

    @Test func everyProtectedPageSendsAVisitorToTheLogInAndEveryAPICallAnswers401() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for rule in Self.protectedRules {
                let response = try await client.execute(uri: Self.concrete(rule.path), method: rule.method)
                if rule.path.hasPrefix("/api/") {
                    #expect(response.status == .unauthorized, "\(rule.method) \(rule.path)")
                    #expect(response.text.contains("\"error\""), "\(rule.path)")
                } else {
                    #expect(response.status == .seeOther && response.headers[.location] == "/login", "\(rule.method) \(rule.path)")
                }
            }
        }
    }

    @Test func theScanFieldsScriptLearnsThatTheSessionEndedInJSON() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let response = try await client.execute(uri: "/scan", method: .post, headers: [
                .accept: "application/json", .contentType: "application/x-www-form-urlencoded",
            ], body: ByteBuffer(string: "code=PWT251121A-0001&mode=terima"))
            #expect(response.status == .unauthorized)
            #expect(response.text.contains(SapuError.sessionExpired.message.text(.id)))
        }
    }

    @Test func eachRoleIsRefusedEveryRouteTheTableDoesNotGiveIt() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for (code, role) in [("ADMIN", Role.admin), ("QC1", .qc), ("GUDANG1", .gudang), ("MITRA1", .mitra)] {
                let browser = try await Browser.logIn(client, as: code)
                #expect(browser.cookie != nil)
                for rule in Self.protectedRules where !(rule.roles?.contains(role) ?? true) {
                    let response = rule.method == .get
                        ? try await browser.get(client, Self.concrete(rule.path))
                        : try await browser.post(client, Self.concrete(rule.path), [])
                    #expect(response.status == .forbidden, "\(code) \(rule.method) \(rule.path)")
                    #expect(response.text.contains(SapuError.notAllowed(role: role.rawValue).message.text(.id)), "\(rule.path)")
                }
            }
        }
    }

    @Test func aGudangUserCannotSeeMakersNamesRotateTheKeyOrAddUsers() async throws {
        let fixture = try WebFixture()
        try fixture.store.addMaker(Maker(code: "M042", name: "Budi Santoso", active: true))
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            for uri in ["/admin/makers", "/api/v1/makers", "/admin/users", "/api/v1/users", "/admin/keys"] {
                let response = try await browser.get(client, uri)
                #expect(response.status == .forbidden, "\(uri)")
                #expect(!response.text.contains("Budi"))
            }
            let rotate = try await browser.post(client, "/admin/keys/rotate", [("confirm", "yes")])
            #expect(rotate.status == .forbidden)
            let add = try await browser.post(client, "/admin/users", [("code", "EVE"), ("role", "admin"), ("password", "rahasia123")])
            #expect(add.status == .forbidden)
        }
        #expect(try fixture.store.publicKeys().count == 1)
        #expect(try fixture.store.users().map(\.code).contains("EVE") == false)
    }

    @Test func aMitraUserIsSentToVerificationAndSeesNoDeskPage() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let home = try await browser.get(client, "/")
            #expect(home.status == .seeOther && home.headers[.location] == "/verify")
            for uri in ["/inspect", "/scan", "/shipments", "/bundles", "/reports", "/api/v1/dashboard"] {
                #expect(try await browser.get(client, uri).status == .forbidden, "\(uri)")
            }
        }
    }

    @Test func aFormWithoutItsTokenWithAnotherTokenOrFromAnotherSiteIsRefusedAndChangesNothing() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            // The language button is a harmless write to watch: the user's language.
            var noToken = browser
            noToken.csrf = nil
            let missing = try await noToken.post(client, "/language", [])
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains(SapuError.formTokenInvalid.message.text(.id)))
            #expect(try await browser.post(client, "/language", [], token: "forged-token-forged-token-forged-token-xxxx").status == .forbidden)
            #expect(try await browser.post(client, "/language", [], origin: "http://evil.example").status == .forbidden)
            let crossSite = try await client.execute(uri: "/language", method: .post, headers: browser.headers([
                .contentType: "application/x-www-form-urlencoded", HTTPField.Name("Sec-Fetch-Site")!: "cross-site",
            ]), body: ByteBuffer(string: "csrf=\(browser.csrf ?? "")"))
            #expect(crossSite.status == .forbidden)
            // The API takes the token as a header instead.
            let apiWithout = try await client.execute(uri: "/api/v1/session", method: .delete, headers: browser.headers())
            #expect(apiWithout.status == .forbidden)
            #expect(try fixture.store.users().first { $0.code == "QC1" }?.language == .id)
            let accepted = try await browser.post(client, "/language", [])
            #expect(accepted.status == .seeOther)
            #expect(try fixture.store.users().first { $0.code == "QC1" }?.language == .en)
        }
    }

    @Test func tenWrongPasswordsSlowTheAccountDownButNotAnother() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 1...10 {
                statuses.append(try await Self.logInPage(client, "QC1", "salah-salah").status)
            }
            #expect(statuses.prefix(LoginThrottle.freeFailures + 1).allSatisfy { $0 == .unauthorized })
            #expect(statuses.suffix(10 - LoginThrottle.freeFailures - 1).allSatisfy { $0 == .tooManyRequests })
            // Even the right password waits now, and the page says how long.
            let right = try await Self.logInPage(client, "QC1", WebFixture.password)
            #expect(right.status == .tooManyRequests)
            #expect(right.text.contains("coba lagi dalam"))
            #expect(right.headers[.setCookie] == nil)
            // Another user logs in as usual.
            #expect(try await Self.logInPage(client, "GUDANG1", WebFixture.password).status == .seeOther)
        }
        // After the wait, the right password works and the count starts again.
        let later = try WebServer(store: fixture.store, files: fixture.directory + "/sapu-web", clock: .standard,
                                  fixedNow: Instant(unixSeconds: WebFixture.day.unixSeconds + 60, utcOffset: 25_200))
        let app = Application(router: later.router())
        try await app.test(.router) { client in
            let status = try await Self.logInPage(client, "QC1", WebFixture.password).status
            #expect(status == .seeOther)
        }
        #expect(try fixture.store.storedUser("QC1")?.failedLogins == 0)
    }

    @Test func anUnknownUserAndADisabledOneGetTheSameAnswerAsAWrongPassword() async throws {
        let fixture = try WebFixture()
        try UserAccounts(store: fixture.store).disable(code: "MITRA1")
        try await fixture.test { client in
            let wrong = try await Self.logInPage(client, "QC1", "salah-salah")
            let unknown = try await Self.logInPage(client, "NOBODY", "salah-salah")
            let disabled = try await Self.logInPage(client, "MITRA1", WebFixture.password)
            let garbage = try await Self.logInPage(client, "<script>", "x")
            for response in [wrong, unknown, disabled, garbage] {
                #expect(response.status == .unauthorized)
                #expect(response.text.contains(SapuError.loginFailed.message.text(.id)))
                #expect(!response.text.contains("<script>"))
            }
        }
    }

    @Test func aSessionEndsWithLogOutWithItsLifetimeAndWhenItsUserIsDisabled() async throws {
        let fixture = try WebFixture()
        let (qc, gudang) = try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let gudang = try await Browser.logIn(client, as: "GUDANG1")
            #expect(try await qc.get(client, "/").status == .ok)
            #expect(try await qc.post(client, "/logout", []).status == .seeOther)
            let after = try await qc.get(client, "/")
            #expect(after.status == .seeOther && after.headers[.location] == "/login")
            return (qc, gudang)
        }
        #expect(qc.cookie != nil)
        // Thirteen hours later the session is over.
        let later = try WebServer(store: fixture.store, files: fixture.directory + "/sapu-web", clock: .standard,
                                  fixedNow: Instant(unixSeconds: WebFixture.day.unixSeconds + 13 * 3600, utcOffset: 25_200))
        try await Application(router: later.router()).test(.router) { client in
            let status = try await gudang.get(client, "/api/v1/dashboard").status
            #expect(status == .unauthorized)
        }
        // Disabling a user ends a live session at once.
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            #expect(try await admin.get(client, "/api/v1/dashboard").status == .ok)
            try UserAccounts(store: fixture.store).setPassword(code: "ADMIN", password: "rahasia-baru")
            #expect(try await admin.get(client, "/api/v1/dashboard").status == .unauthorized)
        }
    }

    @Test func aCookieIsHttpOnlyAndStrictAndOnlyItsHashIsStored() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let response = try await Self.logInPage(client, "QC1", WebFixture.password)
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            let token = String(cookie.split(separator: ";")[0].dropFirst("sapu_session=".count))
            #expect(token.count == 43)
            #expect(try fixture.store.session(tokenSHA256: token, at: WebFixture.day) == nil)
        }
    }

    @Test func anOversizedBodyIsRefusedWith413() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: Access.formLimit + 1)
            let login = try await client.execute(uri: "/login", method: .post,
                                                 headers: [.contentType: "application/x-www-form-urlencoded"], body: big)
            #expect(login.status == .contentTooLarge)
            #expect(login.text.contains("MiB"))
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let photo = try await browser.upload(client, "/scan/photo", files: [("photo", "big.jpg", [UInt8](repeating: 0xFF, count: 50 << 20))])
            #expect(photo.status == .contentTooLarge)
        }
    }

    @Test func aDownloadNameCannotLeaveItsFolder() throws {
        let fixture = try WebFixture()
        let folder = fixture.directory + "/sapu-web/box"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: URL(fileURLWithPath: folder + "/label-1.png"))
        try Data("hidden".utf8).write(to: URL(fileURLWithPath: folder + "/.hidden"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/db.png", withDestinationPath: fixture.directory + "/sapu.sqlite")
        #expect(try Downloads.read("label-1.png", in: folder) == Array("ok".utf8))
        for name in ["../sapu.sqlite", "..", ".hidden", "a/b", "/etc/passwd", "db.png", "label-1.png\u{0}", "%2e%2e", "", "x\\y"] {
            #expect(throws: SapuError.downloadMissing(name)) { try Downloads.read(name, in: folder) }
        }
    }

    @Test func pagesLoadNothingFromElsewhereAndForbidFraming() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "ADMIN")
            for uri in ["/login", "/"] {
                let response = try await browser.get(client, uri)
                #expect(response.status == .ok)
                #expect(!response.text.contains("http://") && !response.text.contains("https://") && !response.text.contains("//cdn"))
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'self'") == true)
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test func anUnknownPathIsA404PageNotAStackTrace() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "ADMIN")
            let page = try await browser.get(client, "/nothing/here")
            #expect(page.status == .notFound && page.text.contains(Message.webNotFound.text(.id)))
            let api = try await browser.get(client, "/api/v1/nothing")
            #expect(api.status == .notFound && api.text.contains("\"error\""))
        }
    }

    @Test func aVisitorChoosesTheLogInPagesLanguageAndABrowserAskingForEnglishGetsIt() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let standard = try await client.execute(uri: "/login", method: .get)
            #expect(standard.text.contains(Message.webLoginTitle.text(.id)))
            let asked = try await client.execute(uri: "/login", method: .get, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(asked.text.contains(Message.webLoginTitle.text(.en)))
            let chosen = try await client.execute(uri: "/login?lang=en", method: .get)
            #expect(chosen.text.contains(Message.webLoginTitle.text(.en)))
            let cookie = try #require(chosen.headers[.setCookie]?.split(separator: ";").first)
            let remembered = try await client.execute(uri: "/login", method: .get, headers: [.cookie: String(cookie)])
            #expect(remembered.text.contains(Message.webLoginTitle.text(.en)))
            let refused = try await client.execute(uri: "/login", method: .post,
                                                   headers: [.cookie: String(cookie), .contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: "code=QC1&password=salah-salah"))
            #expect(refused.text.contains(SapuError.loginFailed.message.text(.en)))
        }
    }

    static func logInPage(_ client: any TestClientProtocol, _ code: String, _ password: String) async throws -> TestResponse {
        try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: "code=\(Browser.encode(code))&password=\(Browser.encode(password))"))
    }
}
