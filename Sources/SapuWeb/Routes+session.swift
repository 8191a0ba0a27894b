import Foundation
import Hummingbird
import SapuApp
import SapuCore

/// Log-in, log-out and the page language.
extension WebServer {
    func addSessionRoutes(to router: Router<WebContext>) {
        router.get("/login") { request, context in
            // `?lang=en`: a visitor picks the log-in page's language; the choice is remembered.
            guard let chosen = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)) else {
                return self.loginPage(context, error: nil, status: .ok)
            }
            var context = context
            context.visitorLanguage = chosen
            var response = self.loginPage(context, error: nil, status: .ok)
            response.setCookie(Cookie(name: Self.languageCookie, value: chosen.rawValue, maxAge: 365 * 86_400, path: "/",
                                      httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/login") { _, context in
            do {
                let session = try await self.logIn(context)
                var response = Reply.redirect(session.user.role == .mitra ? "/verify" : "/")
                response.setCookie(self.sessionCookie(session.token, maxAge: Int(UserAccounts.sessionSeconds)))
                return response
            } catch let error as SapuError {
                return self.loginPage(context, error: error.message.text(context.language), status: error.httpStatus)
            }
        }
        router.post("/api/v1/session") { _, context in
            let session = try await self.logIn(context)
            var response = Reply.json(SessionJSON(user: session.user.code, role: session.user.role.rawValue, csrf: session.formToken))
            response.setCookie(self.sessionCookie(session.token, maxAge: Int(UserAccounts.sessionSeconds)))
            return response
        }
        router.post("/logout") { _, context in
            try await self.logOut(context)
            var response = Reply.redirect("/login")
            response.setCookie(self.sessionCookie("", maxAge: 0))
            return response
        }
        router.delete("/api/v1/session") { _, context in
            try await self.logOut(context)
            var response = Reply.json(["ok": true])
            response.setCookie(self.sessionCookie("", maxAge: 0))
            return response
        }
        router.post("/language") { request, context in
            let user = try context.user
            let other: Language = user.language == .id ? .en : .id
            let accounts = self.accounts
            try await Blocking.run { () throws(SapuError) in try accounts.setLanguage(code: user.code, other) }
            // Back to the page the button was on, if it was one of ours.
            let back = request.headers[.referer].flatMap { URLPath.local($0) } ?? "/"
            return Reply.redirect(back)
        }
    }

    private func logIn(_ context: WebContext) async throws(SapuError) -> WebSession {
        let code = try context.form.required("code", label: .webLoginCode)
        guard let password = context.form.fields["password"]?.first, !password.isEmpty else {
            throw .formFieldMissing(field: .webLoginPassword)
        }
        let accounts = self.accounts, now = self.now
        return try await Blocking.run { () throws(SapuError) in try accounts.logIn(code: code, password: password, at: now) }
    }

    private func logOut(_ context: WebContext) async throws(SapuError) {
        guard let token = context.session?.token else { return }
        let accounts = self.accounts
        try await Blocking.run { () throws(SapuError) in try accounts.logOut(token: token) }
    }

    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.sessionCookie, value: value, maxAge: maxAge, path: "/", httpOnly: true, sameSite: .strict)
    }

    private func loginPage(_ context: WebContext, error: String?, status: HTTPResponse.Status) -> Response {
        let language = context.language
        let model: [String: Any] = [
            "code": Message.webLoginCode.text(language), "password": Message.webLoginPassword.text(language),
            "button": Message.webLoginButton.text(language), "hint": Message.webLoginHint.text(language),
            "typed": context.form["code"] ?? "",
            "otherLanguage": Message.webOtherLanguage.text(language), "otherCode": language == .id ? "en" : "id",
        ]
        let body = (try? PageTemplate.login.render(model)) ?? ""
        return page(Page("login", title: .webLoginTitle, body: body, status: status, error: error), context)
    }
}

struct SessionJSON: Encodable {
    var user: String
    var role: String
    var csrf: String
}

/// Paths a redirect may go back to: this server's own, never another site.
enum URLPath {
    /// The path of `url` when it is one of ours (`http://host/x` or `/x`), else nil.
    static func local(_ url: String) -> String? {
        var path = url
        if let range = url.range(of: "://") {
            let rest = url[range.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return "/" }
            path = String(rest[slash...])
        }
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
              path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return path
    }
}
