import Mustache
import SapuCore

/// A page's Mustache template, compiled once. `{{name}}` escapes for HTML; only markup Sapu
/// made itself (a report's SVG, the page body inside the layout) goes through `{{{name}}}`.
struct PageTemplate: Sendable {
    private let compiled: Result<MustacheTemplate, SapuError>

    init(_ text: String) {
        do {
            compiled = .success(try MustacheTemplate(string: text))
        } catch {
            // Every template is rendered by the tests; a broken one fails them, never a user's page.
            compiled = .failure(.storageFailure("template"))
        }
    }

    func render(_ model: Any) throws(SapuError) -> String {
        try compiled.get().render(model)
    }
}
