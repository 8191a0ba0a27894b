import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SapuCore
import Testing
@testable import SapuWeb

/// The access table and the router agree: every rule has a handler (a route without a rule
/// is refused by the gate, so it cannot be reached and a reader sees every route here).
@Suite struct RouteTableTests {
    @Test func everyRuleInTheAccessTableHasAHandler() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "ADMIN")
            let gateNotFound = Message.webNotFound.text(.id)
            for rule in Access.rules where rule.roles != nil && !(rule.method == .post && rule.path == "/logout")
                && !(rule.method == .delete) {
                let uri = SecurityTests.concrete(rule.path)
                let response = rule.method == .get ? try await browser.get(client, uri) : try await browser.post(client, uri, [])
                #expect(!response.text.contains(gateNotFound), "\(rule.method) \(rule.path) has no handler")
                #expect(response.status.code < 500, "\(rule.method) \(rule.path): \(response.status)")
            }
        }
    }
}
