import Hummingbird

extension Request {
    /// The query string read as a browser writes a GET form (`+` is a space): a label
    /// scanned into a search field keeps its spaces.
    var queryForm: Form {
        Form.urlEncoded(Array((uri.query ?? "").utf8))
    }
}
