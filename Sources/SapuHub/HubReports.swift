import Foundation
import NIOCore
import PostgresNIO
import SapuCore
import SapuStore

/// The reads behind `sapu report --hub` (docs/hub.md, "Reports"): the questions `ReportStore`
/// asks of a site's own database, asked of the hub's copy of one site's log.
///
/// Each read is the site's own SQL (SQLiteStore+reports.swift) over the hub's tables for that
/// site, so a site's report and the hub's report of that site give the same figures for the
/// same events. Reading several sites is the caller's: it asks once per site and adds up.
public struct HubReports: Sendable {
    /// A site the hub holds a log for, as its latest `site` record names it.
    public struct Site: Sendable, Equatable {
        public var code: String
        public var name: String
    }

    let hub: HubConnection

    public init(_ hub: HubConnection) {
        self.hub = hub
    }

    /// The sites to report on: the one asked for (`siteUnknown` if the hub has no such site),
    /// else every site, by code. The hub's schema is checked first.
    public func sites(_ code: String?) async throws(SapuError) -> [Site] {
        _ = try await HubSchema.check(hub)
        var sites: [Site] = []
        for row in try await hub.rows("SELECT code, COALESCE(name, '') FROM site ORDER BY code") {
            sites.append(Site(code: try HubConnection.column(row, 0), name: try HubConnection.column(row, 1)))
        }
        guard let code else { return sites }
        guard let site = sites.first(where: { $0.code == code }) else { throw .hub(.siteUnknown(code)) }
        return [site]
    }

    // MARK: Stock

    /// Stock by product, grade and state at one site: now, or as of the end of a past day.
    public func stockReport(site: String, asOf day: CalendarDate?) async throws(SapuError) -> StockReport {
        // A voided bundle was never made: it counts in no state, on no day (docs/states.md).
        guard let day else {
            return StockReport(asOf: nil, counts: try await stockCounts("""
                SELECT product, COALESCE(grade, 'FAIL'), state, count(*) FROM bundle
                WHERE site = \(site) AND state <> 'voided' GROUP BY product, grade, state
                """))
        }
        // The site's UTC offset, as its latest event was written: the site's own rule.
        let latest = try await hub.rows("SELECT at FROM event WHERE site = \(site) ORDER BY seq DESC LIMIT 1")
        guard let row = latest.first,
              let offset = Instant(iso8601: try HubConnection.column(row, 0, as: String.self))?.utcOffset else {
            return StockReport(asOf: day, counts: [])
        }
        let cutoff = Instant.startOf(day, utcOffset: offset).unixSeconds + 86_400
        // A bundle untouched since the cutoff stands as its row says.
        let settled = try await stockCounts("""
            SELECT product, COALESCE(grade, 'FAIL'), state, count(*) FROM bundle
            WHERE site = \(site) AND updated_unix < \(cutoff) AND state <> 'voided' GROUP BY product, grade, state
            """)
        // A bundle that existed then and changed since is replayed from its own events.
        let replayed = try await stockCounts("""
            WITH moved(id, product) AS (
                SELECT id, product FROM bundle
                WHERE site = \(site) AND inspections = 1 AND inspected_on COLLATE "C" <= \(day.iso)
                  AND updated_unix >= \(cutoff) AND state <> 'voided'
                UNION ALL
                SELECT id, product FROM bundle b
                WHERE site = \(site) AND inspections > 1 AND updated_unix >= \(cutoff) AND state <> 'voided'
                  AND (inspected_on COLLATE "C" <= \(day.iso)
                       OR EXISTS (SELECT 1 FROM event e WHERE e.site = b.site AND e.result IS NOT NULL AND e.bundle = b.id
                                  AND e.at_unix < \(cutoff)))
            ), replayed(product, result, state) AS (
                SELECT product,
                       (SELECT e.result FROM event e WHERE e.site = \(site) AND e.result IS NOT NULL AND e.bundle = moved.id
                          AND e.at_unix < \(cutoff) ORDER BY e.at_unix DESC, e.seq DESC LIMIT 1),
                       (SELECT e.state FROM event e WHERE e.site = \(site) AND e.bundle = moved.id AND e.at_unix < \(cutoff)
                        ORDER BY e.at_unix DESC, e.seq DESC LIMIT 1)
                FROM moved
            )
            SELECT product, CASE WHEN result IN ('A', 'B') THEN result ELSE 'FAIL' END, state, count(*)
            FROM replayed WHERE state IS NOT NULL GROUP BY 1, 2, 3
            """)
        return StockReport(asOf: day, counts: settled + replayed)
    }

    private func stockCounts(_ query: PostgresQuery) async throws(SapuError) -> [StockCount] {
        var counts: [StockCount] = []
        for row in try await hub.rows(query) {
            guard let state = BundleState(rawValue: try HubConnection.column(row, 2, as: String.self)) else {
                throw .hub(.failed("unreadable bundle row"))
            }
            counts.append(StockCount(product: try HubConnection.column(row, 0), grade: try HubConnection.column(row, 1),
                                     state: state, count: Int(try HubConnection.column(row, 3, as: Int64.self))))
        }
        return counts
    }

    // MARK: Inspections

    /// The inspections a QC or maker report of the period is computed from, at one site.
    public func inspectionHistory(site: String, _ period: ReportPeriod, detail: InspectionHistory.Detail)
        async throws(SapuError) -> InspectionHistory {
        let from = period.from?.iso ?? "0000-00-00"
        let to = period.to?.iso ?? "9999-99-99"
        var products: [String: String] = [:]
        for row in try await hub.rows("SELECT code, product FROM batch WHERE site = \(site)") {
            products[try HubConnection.column(row, 0)] = try HubConnection.column(row, 1, as: String.self)
        }
        // Voided bundles are counted apart and taken off, as the site does: voided counts nowhere.
        let grouping = detail == .batches ? "inspected_on, batch, result" : "maker, product, result"
        var voided: [String: Int] = [:]
        for row in try await hub.rows("""
            SELECT \(unescaped: grouping), count(*) FROM bundle
            WHERE site = \(site) AND state = 'voided' AND inspections = 1
              AND inspected_on COLLATE "C" BETWEEN \(from) AND \(to)
            GROUP BY \(unescaped: grouping)
            """) {
            voided[try Self.tallyKey(row), default: 0] += Int(try HubConnection.column(row, 3, as: Int64.self))
        }
        var once: [InspectionHistory.Tally] = []
        for row in try await hub.rows("""
            SELECT \(unescaped: grouping), count(*) FROM bundle
            WHERE site = \(site) AND inspections = 1 AND inspected_on COLLATE "C" BETWEEN \(from) AND \(to)
            GROUP BY \(unescaped: grouping)
            """) {
            let count = Int(try HubConnection.column(row, 3, as: Int64.self)) - (voided[try Self.tallyKey(row)] ?? 0)
            guard count > 0 else { continue }
            let first: String = try HubConnection.column(row, 0), second: String = try HubConnection.column(row, 1)
            guard let result = QCResult(code: try HubConnection.column(row, 2)) else {
                throw .hub(.failed("unreadable bundle row"))
            }
            switch detail {
            case .batches:
                guard let day = try? CalendarDate(iso: first) else { throw .hub(.failed("unreadable bundle row")) }
                once.append(.init(day: day, batch: second, maker: nil, product: products[second] ?? "?", result: result,
                                  count: count))
            case .makers:
                once.append(.init(day: nil, batch: nil, maker: first, product: second, result: result, count: count))
            }
        }
        // A bundle whose latest inspection is before the period cannot have one in it.
        var reworked: [InspectionHistory.Reworked] = []
        var slots: [String: Int] = [:]
        for row in try await hub.rows("""
            SELECT b.id, e.move = 'inspect', e.result, substr(e.at, 1, 10), e.at_unix, e.seq, b.batch, b.maker
            FROM bundle b JOIN event e ON e.site = b.site AND e.bundle = b.id AND e.result IS NOT NULL
            WHERE b.site = \(site) AND b.inspections > 1 AND b.inspected_on COLLATE "C" >= \(from) AND b.state <> 'voided'
            """) {
            guard let result = QCResult(code: try HubConnection.column(row, 2)),
                  let day = try? CalendarDate(iso: try HubConnection.column(row, 3, as: String.self)) else {
                throw .hub(.failed("unreadable event row"))
            }
            let inspection = InspectionHistory.Inspection(
                day: day, unixSeconds: try HubConnection.column(row, 4), sequence: try HubConnection.column(row, 5),
                first: try HubConnection.column(row, 1), result: result)
            let id: String = try HubConnection.column(row, 0)
            if let slot = slots[id] {
                reworked[slot].inspections.append(inspection)
            } else {
                slots[id] = reworked.count
                let batch: String = try HubConnection.column(row, 6)
                reworked.append(.init(batch: batch, maker: try HubConnection.column(row, 7), product: products[batch] ?? "?",
                                      inspections: [inspection]))
            }
        }
        var sizes: [String: Int] = [:]
        for row in try await hub.rows("SELECT code, bundle_size FROM product WHERE site = \(site)") {
            sizes[try HubConnection.column(row, 0)] = Int(try HubConnection.column(row, 1, as: Int32.self))
        }
        return InspectionHistory(period: period, detail: detail, once: once, reworked: reworked, bundleSizes: sizes)
    }

    /// The first three columns of a tally row, as one key.
    private static func tallyKey(_ row: PostgresRow) throws(SapuError) -> String {
        try HubConnection.column(row, 0, as: String.self) + "|" + HubConnection.column(row, 1, as: String.self) + "|"
            + HubConnection.column(row, 2, as: String.self)
    }

    // MARK: Shipments

    /// The shipments of one site that left (or were opened, if not yet left) in the period.
    public func shipmentsReport(site: String, _ period: ReportPeriod) async throws(SapuError) -> ShipmentsReport {
        // Each bundle counts once, under the outcome of the last receipt event it got in the
        // shipment: the site's rule, for every shipment of the site in one query.
        var outcomes: [String: [String: Int]] = [:]
        for row in try await hub.rows("""
            WITH outcome AS (
                SELECT shipment, bundle, seq, move FROM event
                WHERE site = \(site) AND shipment IS NOT NULL AND move IN ('ship', 'deliver', 'mark-missing', 'dispute'))
            SELECT shipment, move, count(*) FROM outcome WHERE move = 'ship' GROUP BY shipment, move
            UNION ALL
            SELECT shipment, move, count(*) FROM (
                SELECT shipment, move, ROW_NUMBER() OVER (PARTITION BY shipment, bundle ORDER BY seq DESC) AS latest
                FROM outcome WHERE move <> 'ship') AS receipted
            WHERE latest = 1 GROUP BY shipment, move
            """) {
            outcomes[try HubConnection.column(row, 0), default: [:]][try HubConnection.column(row, 1)]
                = Int(try HubConnection.column(row, 2, as: Int64.self))
        }
        // The receipt in force: the one no newer receipt superseded.
        var findings: [String: (extra: Int, forged: Int)] = [:]
        for row in try await hub.rows("""
            SELECT shipment, bytes FROM receipt WHERE site = \(site) AND superseded_by IS NULL ORDER BY applied_at, sha256
            """) {
            let shipment: String = try HubConnection.column(row, 0)
            guard findings[shipment] == nil else { continue }
            let bytes = try HubConnection.column(row, 1, as: ByteBuffer.self)
            findings[shipment] = SQLiteStore.partnerFindings(receipt: Data(bytes.readableBytesView))
        }
        var shipments: [ShipmentOutcome] = []
        for row in try await hub.rows("""
            SELECT id, status, consignee, created_at, shipped_at FROM shipment WHERE site = \(site) AND status <> 'cancelled'
            """) {
            let created: String = try HubConnection.column(row, 3)
            let shipped: String? = try HubConnection.column(row, 4)
            guard let status = ShipmentStatus(rawValue: try HubConnection.column(row, 1)),
                  let day = try? CalendarDate(iso: String((shipped ?? created).prefix(10))) else {
                throw .hub(.failed("unreadable shipment row"))
            }
            if let from = period.from, day < from { continue }
            if let to = period.to, to < day { continue }
            let id: String = try HubConnection.column(row, 0)
            let counts = outcomes[id] ?? [:]
            let partner = findings[id] ?? (0, 0)
            shipments.append(ShipmentOutcome(
                id: id, date: day, consignee: try HubConnection.column(row, 2), status: status,
                sent: counts[Move.ship.rawValue] ?? 0, received: counts[Move.deliver.rawValue] ?? 0,
                missing: counts[Move.markMissing.rawValue] ?? 0, disputed: counts[Move.dispute.rawValue] ?? 0,
                extra: partner.extra, forged: partner.forged))
        }
        return ShipmentsReport(period: period, shipments: shipments)
    }
}
