import Foundation
import HTTPTypes
import Hummingbird
import SapuApp
import SapuCore

/// The one place that decides who may do what (STYLE.md: security is a route property).
///
/// For every request: find the route's rule in `Access.rules` (none: 404), find the session
/// from the cookie, refuse a visitor (page: to the log-in, API: 401) and a role the rule does
/// not list (403). For a POST: refuse another site's origin, read the body up to the rule's
/// limit (413), and refuse a missing or wrong form token (403). Refusals thrown by a handler
/// become a page or JSON in the user's language with the status they call for.
struct Gate: RouterMiddleware {
    typealias Context = WebContext
    let server: WebServer

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.visitorLanguage = Self.visitorLanguage(request)
        // The scan field's script asks for JSON on a page's route: it gets refusals as JSON too,
        // so an ended session reads "log in again" instead of a page it cannot show.
        let api = request.uri.path.hasPrefix("/api/") || (request.headers[.accept] ?? "").contains("application/json")
        var response: Response
        do {
            let (checkedRequest, checkedContext) = try await admit(request, context: context)
            context = checkedContext
            response = try await next(checkedRequest, checkedContext)
        } catch let error as SapuError {
            if case .sessionExpired = error, !api { return Reply.redirect("/login") }
            response = refusal(error, api: api, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            response = refusal(.uploadTooLarge(limitMiB: Access.uploadLimit >> 20), api: api, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            response = notFound(api: api, context: context)
        } catch {
            server.log("request failed: \(request.method) \(request.uri.path): \(error)")
            response = refusal(.storageFailure("request"), api: api, context: context)
        }
        Self.secure(&response.headers)
        // HEAD: the status and headers a GET would get, never a body (refusals included).
        if request.method == .head { response.body = .init() }
        return response
    }

    /// Checks the request against its rule; returns it with its body read and its form parsed.
    private func admit(_ request: Request, context: WebContext) async throws -> (Request, WebContext) {
        var context = context
        var request = request
        guard let path = context.endpointPath, let rule = Access.rule(method: request.method, path: path) else {
            throw HTTPError(.notFound)
        }
        // Open routes (the stylesheet, the script, the log-in) need no session: no database read
        // for every asset a logged-in browser fetches.
        if rule.roles != nil, let token = request.cookies[WebServer.sessionCookie]?.value {
            let accounts = server.accounts, now = server.now
            context.session = try await Blocking.run { () throws(SapuError) in try accounts.session(token: token, at: now) }
        }
        if let roles = rule.roles {
            guard let session = context.session else { throw SapuError.sessionExpired }
            guard roles.contains(session.user.role) else { throw SapuError.notAllowed(role: session.user.role.rawValue) }
        }
        guard request.method != .get && request.method != .head else { return (request, context) }
        // A browser says where a form came from; another site's page may not post here.
        if let origin = request.headers[.origin] {
            guard Self.sameOrigin(origin, host: request.head.authority) else { throw SapuError.formTokenInvalid }
        }
        if request.headers[.secFetchSite] == "cross-site" { throw SapuError.formTokenInvalid }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > rule.bodyLimit {
            throw SapuError.uploadTooLarge(limitMiB: max(1, rule.bodyLimit >> 20))
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: rule.bodyLimit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw SapuError.uploadTooLarge(limitMiB: max(1, rule.bodyLimit >> 20))
        }
        // A body that is no form (an upload cut off, a part naming no field) is refused as such,
        // not taken for an empty form that then lacks its token.
        guard let form = Self.form(Array(buffer: body), contentType: request.headers[.contentType] ?? "") else {
            throw SapuError.formUnreadable
        }
        context.form = form
        if rule.roles != nil, let session = context.session {
            let sent = request.headers[.csrfToken] ?? context.form["csrf"] ?? ""
            guard Self.equal(sent, session.formToken) else { throw SapuError.formTokenInvalid }
        }
        return (request, context)
    }

    private func refusal(_ error: SapuError, api: Bool, context: WebContext) -> Response {
        if api { return Reply.apiError(error, language: context.language) }
        let language = context.language
        let body = "<p><a href=\"/\">\(Message.webBack.text(language))</a></p>"
        return Page("error", title: .webErrorTitle, body: body, status: error.httpStatus,
                    error: error.message.text(language)).response(context, site: server.siteCode)
    }

    private func notFound(api: Bool, context: WebContext) -> Response {
        let language = context.language
        if api { return Reply.json(["error": Message.webNotFound.text(language)], status: .notFound) }
        return Page("error", title: .webNotFound, body: "<p><a href=\"/\">\(Message.webBack.text(language))</a></p>",
                    status: .notFound).response(context, site: server.siteCode)
    }

    // MARK: Pieces

    /// The fields of a posted body; nil when it says it is multipart or JSON and is not. No body is no field.
    static func form(_ body: [UInt8], contentType: String) -> Form? {
        let type = contentType.lowercased()
        guard !body.isEmpty else { return Form() }
        if type.hasPrefix("multipart/form-data") {
            let boundary = contentType.split(separator: ";").dropFirst().compactMap { item -> String? in
                let pair = item.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { return nil }
                return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }.first
            return boundary.flatMap { Form.multipart(body, boundary: $0) }
        }
        if type.hasPrefix("application/json") { return Form.json(body) }
        return Form.urlEncoded(body)
    }

    /// `http://HOST[:PORT]` naming this server as the browser reached it.
    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, !host.isEmpty else { return false }
        return origin == "http://" + host || origin == "https://" + host
    }

    /// Compares every byte, so the time says nothing about where two tokens differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Indonesian unless the browser prefers English (or the visitor chose it on the log-in page).
    static func visitorLanguage(_ request: Request) -> Language {
        if let chosen = request.cookies[WebServer.languageCookie]?.value, let language = Language(rawValue: chosen) { return language }
        let accepted = (request.headers[.acceptLanguage] ?? "").lowercased()
        return accepted.hasPrefix("en") ? .en : .standard
    }

    /// Headers every answer carries: nothing from elsewhere, no framing, no guessing types.
    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.xFrameOptions] = "DENY"
        headers[.referrerPolicy] = "same-origin"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}
