import Foundation
import Hummingbird
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

/// The bundle page: found by id, by a typed id, or by scanning its label into the search field.
extension WebServer {
    func addBundleRoutes(to router: Router<WebContext>) {
        router.get("/bundles") { request, context in
            let query = request.uri.queryParameters["q"].map(String.init) ?? ""
            guard !query.trimmingSpaces().isEmpty else { return try self.searchPage(context, query: "", error: nil) }
            do {
                let store = self.store
                let found = try await Blocking.run { () throws(SapuError) in try BundleLookup.find(query, store: store) }
                return try await self.bundlePage(context, found)
            } catch let error as SapuError {
                return try self.searchPage(context, query: query, error: error)
            }
        }
        router.get("/bundles/{id}") { _, context in
            let typed = context.parameters.get("id") ?? ""
            do {
                return try await self.bundlePage(context, try await self.bundle(typed))
            } catch let error as SapuError {
                return try self.searchPage(context, query: typed, error: error)
            }
        }
        router.get("/api/v1/bundles/{id}") { _, context in
            let found = try await self.bundle(context.parameters.get("id") ?? "")
            return Reply.json(BundleShowOutput(bundle: BundleOutput(found.bundle), history: found.history.map(EventOutput.init)))
        }
    }

    private func bundle(_ typed: String) async throws(SapuError) -> BundleLookup.Found {
        let id = try BundleID.parse(typed: typed)
        let store = self.store
        return try await Blocking.run { () throws(SapuError) in try BundleLookup.bundle(id, store: store) }
    }

    private func searchForm(_ context: WebContext, query: String) throws(SapuError) -> String {
        let language = context.language
        return try PageTemplate.bundleSearch.render([
            "searchLabel": Message.webBundleSearch.text(language), "q": query,
            "findButton": Message.webBundleFind.text(language), "searchHint": Message.webBundleSearchHint.text(language),
        ])
    }

    private func searchPage(_ context: WebContext, query: String, error: SapuError?) throws(SapuError) -> Response {
        page(Page("bundles", title: .webBundlesTitle, body: try searchForm(context, query: query),
                  status: error?.httpStatus ?? .ok, error: error.map { $0.message.text(context.language) }), context)
    }

    private func bundlePage(_ context: WebContext, _ found: BundleLookup.Found) async throws(SapuError) -> Response {
        let store = self.store
        let (products, defects, site) = try await Blocking.run { () throws(SapuError) in
            (try store.products(), DefectNames(try store.defects()), try store.site())
        }
        let language = context.language
        let bundle = found.bundle
        let product = products.first { $0.code == bundle.product }
        let face = LabelText.face("", bundle: bundle, productName: product?.name ?? bundle.product, bundleSize: product?.bundleSize,
                                  site: site, defects: defects, language: language)
        let role = try context.user.role
        var model: [String: Any] = [
            "id": bundle.id.description,
            "stateLabel": Message.webBundleState.text(language), "state": bundle.state.message.text(language),
            "labelLabel": Message.webBundleLabel.text(language),
            "label": bundle.labelRevision == 0 ? Message.webBundleNoLabel.text(language)
                : Message.labelShown(revision: bundle.labelRevision, current: bundle.labelCurrent).text(language),
            "labelTextHeading": Message.webBundleLabelText.text(language),
            "faceTitle": face.title, "faceLines": face.lines,
            "faceResult": Message.result(bundle.result, defects: defects).text(language),
            "canLabel": Access.rule(method: .get, path: "/labels")?.roles?.contains(role) ?? false,
            "canReinspect": bundle.state == .quarantined || !bundle.result.passed,
            "printLabel": Message.webBundlePrintLabel.text(language), "reinspect": Message.webBundleReinspect.text(language),
            "historyHeading": Message.webBundleHistory.text(language),
            "columns": [Message.webBundleWhen, .webBundleWhat, .webBundleState, .webBundleDetail, .webBundleWho, .webBundleStation]
                .map { $0.text(language) },
            "events": found.history.map { event in
                ["when": clock.shown(event.at), "what": event.move.message.text(language), "state": event.state.message.text(language),
                 "detail": Self.detail(event, defects: defects, language: language), "who": event.actor.operatorCode ?? "-",
                 "station": event.actor.station]
            },
            "search": try searchForm(context, query: ""),
        ]
        if bundle.labelRevision > 0 { model["revision"] = Message.webBundleRevision(bundle.labelRevision).text(language) }
        switch found.entry {
        case .id:
            break
        case .typed:
            model["typed"] = Message.webBundleTyped.text(language)
        case .verifiedLabel(let payload, let problem):
            if let problem {
                model["notCurrent"] = Message.webBundleVerifiedButNot(revision: payload.revision).text(language)
                model["problem"] = problem.message.text(language)
            } else {
                model["verified"] = Message.webBundleVerified(revision: payload.revision).text(language)
            }
        }
        return page(Page("bundle", title: .webBundleTitle(bundle.id.description), body: try PageTemplate.bundle.render(model)), context)
    }

    /// An event's detail, as `sapu bundle show` writes it.
    static func detail(_ event: BundleEvent, defects: DefectNames, language: Language) -> String {
        var detail: [String] = []
        if let result = event.result { detail.append(Message.result(result, defects: defects).text(language)) }
        if let revision = event.labelRevision { detail.append("R\(revision)") }
        if let shipment = event.shipment { detail.append(shipment) }
        if event.manual { detail.append(Message.manualEntry.text(language)) }
        if let reason = event.reason { detail.append(Message.voidReasonDetail(reason).text(language)) }
        return detail.joined(separator: " ")
    }
}
