import HTTPTypes
import Testing
@testable import SapuWeb

@Suite struct AccessTableTests {
    @Test func everyRuleIsUniqueAndGETsReadNoBody() {
        let keys = Access.rules.map { "\($0.method.rawValue) \($0.path)" }
        #expect(Set(keys).count == keys.count)
        #expect(Access.rules.filter { $0.method == .get }.allSatisfy { $0.bodyLimit == 0 })
    }
}
