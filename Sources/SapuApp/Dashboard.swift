import SapuCore
import SapuStore

/// What management sees first: stock on hand, today's inspections and pass rate, shipments
/// not yet gone, and the QC of the last 30 days. The dashboard page and `/api/v1/dashboard`
/// both read it here.
public struct Dashboard: Sendable {
    public var stockOnHand: Int
    public var inspectedToday: Int
    public var passedToday: Int
    /// Nil when nothing was inspected today.
    public var passRateToday: Double?
    /// Open or closed shipments: packed or ready, not yet shipped.
    public var openShipments: [Shipment]
    /// QC by day over the last 30 days, for the chart.
    public var qcLast30Days: QCReport

    public static func read(_ store: SQLiteStore, today: CalendarDate) throws(SapuError) -> Dashboard {
        let stock = try store.stock()
        let onHand = stock.filter { $0.state.isOnHand }.reduce(0) { $0 + $1.count }
        let todayOnly = QCReport(try store.inspectionHistory(try ReportPeriod(from: today, to: today), detail: .batches), by: .day)
        let monthStart = Instant.date(ofLocalDay: Instant.localDay(of: today) - 29)
        let month = QCReport(try store.inspectionHistory(try ReportPeriod(from: monthStart, to: today), detail: .batches), by: .day)
        let open = try store.shipments(in: [.open, .closed])
        return Dashboard(stockOnHand: onHand, inspectedToday: todayOnly.total.inspected, passedToday: todayOnly.total.passed,
                         passRateToday: todayOnly.total.passRate, openShipments: open, qcLast30Days: month)
    }
}
