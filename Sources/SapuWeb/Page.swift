import Hummingbird
import NIOCore
import SapuCore

/// A page before the layout goes around it.
struct Page {
    /// `page-NAME` on the body: lets the stylesheet and the script know which page this is.
    var name: String
    var title: Message
    /// The page's own markup, rendered from its template.
    var body: String
    var status: HTTPResponse.Status = .ok
    /// A refusal to show above the body, in the user's language.
    var error: String?
    /// A confirmation to show above the body.
    var notice: String?

    init(_ name: String, title: Message, body: String, status: HTTPResponse.Status = .ok,
         error: String? = nil, notice: String? = nil) {
        self.name = name
        self.title = title
        self.body = body
        self.status = status
        self.error = error
        self.notice = notice
    }
}

/// The menu: a link for each page the user's role may open, in the order of a day's work.
enum Menu {
    static let items: [(path: String, label: Message)] = [
        ("/", .webNavDashboard), ("/inspect", .webNavInspect), ("/labels", .webNavLabels), ("/scan", .webNavScan),
        ("/shipments", .webNavShipments), ("/bundles", .webNavBundles), ("/verify", .webNavVerify),
        ("/reports", .webNavReports), ("/admin/users", .webNavUsers), ("/admin/makers", .webNavMakers),
        ("/admin/keys", .webNavKeys),
    ]

    /// `/reports` is current on `/reports/qc` too; the dashboard only on itself.
    static func isCurrent(_ path: String, _ current: String?) -> Bool {
        guard let current else { return false }
        return current == path || (path != "/" && current.hasPrefix(path + "/"))
    }

    static func links(for user: WebUser, current: String?) -> [[String: Any]] {
        items.filter { item in
            // The mitra's dashboard is the verification page: no link to a page that sends them there.
            guard !(item.path == "/" && user.role == .mitra) else { return false }
            return Access.rule(method: .get, path: item.path)?.roles?.contains(user.role) ?? false
        }.map { item in
            ["href": item.path, "label": item.label.text(user.language), "current": Self.isCurrent(item.path, current)]
        }
    }
}

extension Page {
    /// The whole HTML response: layout, headers, status.
    func response(_ context: WebContext, site: String) -> Response {
        let language = context.language
        var model: [String: Any] = [
            "lang": language.rawValue, "title": title.text(language), "pageName": name, "site": site,
            "skip": Message.webSkipToContent.text(language), "body": body,
        ]
        if let error { model["error"] = error }
        if let notice { model["notice"] = notice }
        if let session = context.session {
            model["user"] = [
                "nav": Menu.links(for: session.user, current: context.endpointPath),
                "loggedInAs": Message.webLoggedInAs.text(language), "code": session.user.code,
                "role": session.user.role.rawValue, "csrf": session.formToken,
                "logout": Message.webLogout.text(language), "otherLanguage": Message.webOtherLanguage.text(language),
            ] as [String: Any]
        }
        let html = (try? PageTemplate.layout.render(model)) ?? body
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
