import HTTPTypes
import SapuCore

/// Who may do what: every route of `sapu serve`, the roles that may use it, and how big a
/// body it takes. The gate (`Gate.swift`) refuses whatever is not in this table, so a route
/// added without a line here answers 404 to everyone (docs/web.md, "Who may do what").
public enum Access {
    public struct Rule: Sendable, Hashable {
        public var method: HTTPRequest.Method
        /// As registered with the router: `/bundles/{id}`.
        public var path: String
        /// Nil: open to anyone, logged in or not (the log-in page, the stylesheet).
        public var roles: Set<Role>?
        /// The largest body the route reads.
        public var bodyLimit: Int

        init(_ method: HTTPRequest.Method, _ path: String, _ roles: Set<Role>?, body: Int = Access.formLimit) {
            self.method = method
            self.path = path
            self.roles = roles
            self.bodyLimit = method == .get ? 0 : body
        }
    }

    /// A form of fields: a page of scans pasted in is well under this.
    public static let formLimit = 1 << 20
    /// A phone photo, a manifest or a receipt.
    public static let uploadLimit = 20 << 20

    static let everyone: Set<Role> = Set(Role.allCases)
    static let desk: Set<Role> = [.admin, .qc, .gudang]
    static let inspectors: Set<Role> = [.admin, .qc]
    static let warehouse: Set<Role> = [.admin, .gudang]
    static let partner: Set<Role> = [.admin, .mitra]
    static let admins: Set<Role> = [.admin]

    /// The table. Page routes and their `/api/v1` twins share the same roles.
    public static let rules: [Rule] = [
        // Open
        Rule(.get, "/login", nil),
        Rule(.post, "/login", nil),
        Rule(.post, "/api/v1/session", nil),
        Rule(.get, "/static/sapu.css", nil),
        Rule(.get, "/static/sapu.js", nil),
        // Every logged-in user
        Rule(.post, "/logout", everyone),
        Rule(.delete, "/api/v1/session", everyone),
        Rule(.post, "/language", everyone),
        // The desk: dashboard
        Rule(.get, "/", everyone),
        Rule(.get, "/api/v1/dashboard", desk),
        // Inspection and labels: the QC desk
        Rule(.get, "/inspect", inspectors),
        Rule(.post, "/inspect", inspectors),
        Rule(.post, "/inspect/again", inspectors),
        Rule(.post, "/batches", inspectors),
        Rule(.post, "/api/v1/inspections", inspectors),
        Rule(.post, "/api/v1/inspections/again", inspectors),
        Rule(.post, "/api/v1/batches", inspectors),
        Rule(.get, "/labels", inspectors),
        Rule(.post, "/labels", inspectors),
        Rule(.get, "/labels/{job}/{file}", inspectors),
        Rule(.post, "/api/v1/labels", inspectors),
        // Bundles: anyone at the desk finds one by id or by scanning it
        Rule(.get, "/bundles", desk),
        Rule(.get, "/bundles/{id}", desk),
        Rule(.get, "/api/v1/bundles/{id}", desk),
        // Scanning station and shipments: the warehouse
        Rule(.get, "/scan", warehouse),
        Rule(.post, "/scan", warehouse),
        Rule(.post, "/scan/photo", warehouse, body: uploadLimit),
        Rule(.post, "/api/v1/scans", warehouse),
        Rule(.post, "/api/v1/scans/photo", warehouse, body: uploadLimit),
        Rule(.get, "/shipments", warehouse),
        Rule(.post, "/shipments", warehouse),
        Rule(.get, "/shipments/{id}", warehouse),
        Rule(.post, "/shipments/{id}/close", warehouse),
        Rule(.post, "/shipments/{id}/ship", warehouse),
        Rule(.get, "/shipments/{id}/files/{file}", warehouse),
        Rule(.post, "/shipments/{id}/reconcile", warehouse, body: uploadLimit),
        Rule(.get, "/api/v1/shipments", warehouse),
        Rule(.post, "/api/v1/shipments", warehouse),
        Rule(.get, "/api/v1/shipments/{id}", warehouse),
        Rule(.post, "/api/v1/shipments/{id}/close", warehouse),
        Rule(.post, "/api/v1/shipments/{id}/ship", warehouse),
        Rule(.post, "/api/v1/shipments/{id}/reconcile", warehouse, body: uploadLimit),
        // Partner verification: the partner's receiving clerk, on the partner's own server
        Rule(.get, "/verify", partner),
        Rule(.post, "/verify", partner, body: uploadLimit),
        Rule(.get, "/verify/{id}", partner),
        Rule(.post, "/verify/{id}/scan", partner),
        Rule(.post, "/verify/{id}/finish", partner),
        Rule(.get, "/verify/{id}/files/{file}", partner),
        Rule(.get, "/api/v1/verifications", partner),
        Rule(.post, "/api/v1/verifications", partner, body: uploadLimit),
        Rule(.get, "/api/v1/verifications/{id}", partner),
        Rule(.post, "/api/v1/verifications/{id}/scan", partner),
        Rule(.post, "/api/v1/verifications/{id}/finish", partner),
        // Reports: management and the desk
        Rule(.get, "/reports", desk),
        Rule(.get, "/reports/{kind}", desk),
        Rule(.get, "/api/v1/reports/{kind}", desk),
        // Administration: users, makers' names, keys
        Rule(.get, "/admin/users", admins),
        Rule(.post, "/admin/users", admins),
        Rule(.post, "/admin/users/{code}/disable", admins),
        Rule(.post, "/admin/users/{code}/password", admins),
        Rule(.get, "/admin/makers", admins),
        Rule(.post, "/admin/makers", admins),
        Rule(.post, "/admin/makers/{code}/deactivate", admins),
        Rule(.get, "/admin/keys", admins),
        Rule(.post, "/admin/keys/rotate", admins),
        Rule(.get, "/admin/keys/public", admins),
        Rule(.get, "/api/v1/users", admins),
        Rule(.post, "/api/v1/users", admins),
        Rule(.get, "/api/v1/makers", admins),
    ]

    private static let index: [String: Rule] = Dictionary(
        rules.map { ("\($0.method.rawValue) \($0.path)", $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule for a route as the router matched it; nil for a route missing from the table.
    public static func rule(method: HTTPRequest.Method, path: String) -> Rule? {
        // HEAD is answered like GET.
        let method = method == .head ? .get : method
        return index["\(method.rawValue) \(path)"]
    }
}
