import SapuCore
import Testing

@Suite("JSON objects that repeat a key")
struct JSONKeysTests {
    static func duplicate(_ text: String) -> Bool { JSONKeys.hasDuplicateKey(Array(text.utf8)) }

    @Test func findsARepeatedKeyAtAnyDepth() {
        #expect(Self.duplicate(#"{"missing": [], "received": [], "missing": ["A-0001"]}"#))
        #expect(Self.duplicate(#"{"bundles": [{"id": "A", "grade": "A"}, {"id": "B", "grade": "B", "grade": "A"}]}"#))
        #expect(Self.duplicate(#"{"receiver": {"site": "PHC", "name": "x", "site": "TSM"}}"#))
        // The same key written with an escape is the same key.
        #expect(Self.duplicate(#"{"expected": 5, "exp\u0065cted": 4}"#))
        #expect(Self.duplicate(#"{"a\"b": 1, "a\u0022b": 2}"#))
    }

    @Test func leavesDocumentsWithoutRepeatsAlone() {
        #expect(!Self.duplicate(#"{"bundles": [{"id": "A"}, {"id": "B"}], "id": "C"}"#))
        // Strings that look like keys or JSON inside values, and keys in sibling objects.
        #expect(!Self.duplicate(#"{"a": "\"a\": {", "b": ["a", "a"], "c": {"a": 1}, "d": {"a": 2}}"#))
        #expect(!Self.duplicate(#"{"a\\": 1, "a": 2, "é": 3, "\u00e9x": 4}"#))
        #expect(!Self.duplicate("[]") && !Self.duplicate(""))
    }
}
