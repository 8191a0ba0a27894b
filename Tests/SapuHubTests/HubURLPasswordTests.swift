import SapuCore
@testable import SapuHub
import Testing

/// A hub's password never reaches the site's database or a message, wherever the address carries it.
@Suite("Hub addresses: the password stays out")
struct HubURLPasswordTests {
    @Test func aPasswordInTheQueryIsNotKeptAtTheSite() throws {
        let url = try HubURL("postgres://sapu@hub.example:5432/sapu?sslmode=require&password=hunter2&connect_timeout=5")
        #expect(url.password == "hunter2")
        #expect(url.textWithoutPassword == "postgres://sapu@hub.example:5432/sapu?sslmode=require&connect_timeout=5")
        #expect(try HubURL("postgres://sapu@hub/sapu?password=hunter2").textWithoutPassword == "postgres://sapu@hub/sapu")
        #expect(try HubURL("postgres://sapu:pw1@hub/sapu?pass%77ord=hunter2").textWithoutPassword == "postgres://sapu@hub/sapu")
        #expect(try HubURL("postgres://sapu:hunter2@hub/sapu").textWithoutPassword == "postgres://sapu@hub/sapu")
        // Read back, the kept address has no password and still names the same hub.
        let kept = try HubURL(url.textWithoutPassword)
        #expect(kept.password == nil && kept.host == url.host && kept.database == url.database && kept.tls == url.tls)
    }

    @Test func aBadAddressIsNamedWithoutItsPassword() {
        for text in ["postgres://sapu@hub/sapu?password=hunter2&sslmode=sometimes",
                     "postgres://sapu:hunter2@hub/sapu?sslmode=sometimes",
                     "postgres://sapu@hub:99999/sapu?password=hunter2"] {
            do {
                _ = try HubURL(text)
                Issue.record("\(text) was read")
            } catch {
                guard case .hub(.urlInvalid(let shown)) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(!shown.contains("hunter2"), "\(shown)")
                for language in Language.allCases { #expect(!error.message.text(language).contains("hunter2")) }
            }
        }
    }
}
