import Foundation
import Hummingbird
import SapuApp
import SapuCore

/// The dashboard: the figures management looks at first, and the way to every report.
extension WebServer {
    func addDashboardRoutes(to router: Router<WebContext>) {
        router.get("/") { _, context in
            // The partner's clerk has one page: verifying what arrived.
            if try context.user.role == .mitra { return Reply.redirect("/verify") }
            let dashboard = try await self.dashboard()
            let language = context.language
            let document = dashboard.qcLast30Days.document(language, heading: self.reportHeading(), defects: [])
            let model: [String: Any] = [
                "tiles": [
                    ["id": "stock-on-hand", "label": Message.webStockOnHand.text(language), "value": String(dashboard.stockOnHand)],
                    ["id": "inspections-today", "label": Message.webInspectionsToday.text(language), "value": String(dashboard.inspectedToday)],
                    ["id": "pass-rate", "label": Message.webPassRateToday.text(language),
                     "value": dashboard.passRateToday.map(Self.percent) ?? Message.webNoValue.text(language)],
                    ["id": "open-shipments", "label": Message.webOpenShipments.text(language), "value": String(dashboard.openShipments.count)],
                ],
                "shipments": dashboard.openShipments.map { ["id": $0.id, "href": Self.shipmentPath($0.id), "consignee": $0.consignee, "bundles": $0.bundleCount,
                                                            "status": $0.status.message.text(language)] as [String: Any] },
                "hasShipments": !dashboard.openShipments.isEmpty,
                "chartTitle": Message.webQCChartTitle.text(language),
                "hasChart": dashboard.qcLast30Days.total.inspected > 0,
                "chart": document.htmlCharts,
                "noChart": Message.webNoInspectionsYet.text(language),
                "reportsTitle": Message.webReportLinks.text(language),
                "reports": Self.reportLinks(language),
            ]
            return self.page(Page("dashboard", title: .webDashboardTitle, body: try PageTemplate.dashboard.render(model)), context)
        }
        router.get("/api/v1/dashboard") { _, _ in
            let dashboard = try await self.dashboard()
            return Reply.json(DashboardJSON(dashboard))
        }
    }

    private func dashboard() async throws(SapuError) -> Dashboard {
        let store = self.store, today = now.date
        return try await Blocking.run { () throws(SapuError) in try Dashboard.read(store, today: today) }
    }

    /// The heading every report document carries.
    func reportHeading() -> ReportHeading {
        let made = now
        return ReportHeading(site: site, made: made, shown: clock.shown(made))
    }

    static func percent(_ rate: Double) -> String {
        String(format: "%.1f%%", rate * 100)
    }

    /// The four reports, for the dashboard and the reports page.
    static func reportLinks(_ language: Language) -> [[String: String]] {
        [("stock", Message.reportStockTitle), ("qc", Message.reportQCTitle), ("makers", Message.reportMakersTitle),
         ("shipments", Message.reportShipmentsTitle)].map { ["href": "/reports/" + $0.0, "label": $0.1.text(language)] }
    }
}

struct DashboardJSON: Encodable {
    var stockOnHand: Int
    var inspectedToday: Int
    var passedToday: Int
    var passPercentToday: Double?
    var openShipments: [String]

    init(_ dashboard: Dashboard) {
        stockOnHand = dashboard.stockOnHand
        inspectedToday = dashboard.inspectedToday
        passedToday = dashboard.passedToday
        passPercentToday = dashboard.passRateToday.map { ($0 * 1000).rounded() / 10 }
        openShipments = dashboard.openShipments.map(\.id)
    }
}
