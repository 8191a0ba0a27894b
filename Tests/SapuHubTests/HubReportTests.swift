import Foundation
import HubTestSupport
import SapuApp
import SapuCore
import SapuHub
import SapuStore
import Testing

/// A site with a generated history (reworks, voids, shipments and receipts), synced to a hub.
struct HubReportSite {
    static let end = CalendarDate(year: 2025, month: 11, day: 21)!
    static let now = Instant(iso8601: "2025-11-22T08:00:00+07:00")!

    /// The day `offset` days from the last simulated one.
    static func day(_ offset: Int) -> CalendarDate {
        Instant(unixSeconds: Instant.startOf(end, utcOffset: 0).unixSeconds + Int64(offset) * 86_400, utcOffset: 0).date
    }
    let code: String
    let store: SQLiteStore
    let simulation: HistorySimulation

    init(_ code: String, bundles: Int, seed: UInt64, hub: String) async throws {
        self.code = code
        let directory = NSTemporaryDirectory() + "sapu-hub-reports-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let made = try SiteInitialisation.initialise(databasePath: directory + "/sapu.sqlite", site: code, name: "Lapas " + code,
                                                     at: Instant(iso8601: "2025-08-01T07:00:00+07:00")!)
        store = try SQLiteStore.open(at: made.database)
        simulation = HistorySimulation(.init(site: code, bundles: bundles, makers: 8, days: 90, end: Self.end, seed: seed))
        _ = try store.importHistory(simulation)
        _ = try await HubSetup.addSite(code, keyFile: made.publicPath, fingerprints: [], url: hub)
        _ = try await Syncing.run(store: store, url: try HubURL(hub), now: Self.now)
    }
}

@Suite("Reports from the hub")
struct HubReportTests {
    static func requests() -> [Reporting.Request] {
        let period = try! ReportPeriod(from: HubReportSite.day(-40), to: HubReportSite.day(-10))
        return [
            .init(.stock), .init(.stock, day: HubReportSite.day(-30)), .init(.stock, day: HubReportSite.day(-3)),
            .init(.qc, grouping: .batch), .init(.qc, period: period, grouping: .batch),
            .init(.qc, grouping: .maker), .init(.qc, period: period, grouping: .maker),
            .init(.qc, period: period, grouping: .product), .init(.qc, period: period, grouping: .day),
            .init(.makers), .init(.makers, period: period),
            .init(.shipments), .init(.shipments, period: period),
        ]
    }

    static func json(_ made: Reporting.Made) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(made.json), as: UTF8.self)
    }

    static func site(_ request: Reporting.Request, _ site: HubReportSite) throws -> Reporting.Made {
        try Reporting.make(request, store: site.store, language: .en, made: HubReportSite.now, clock: .standard)
    }

    static func hub(_ request: Reporting.Request, _ url: String, site: String?) async throws -> Reporting.Made {
        try await Reporting.make(request, hub: try HubURL(url), site: site, language: .en, made: HubReportSite.now,
                                 clock: .standard)
    }

    @Test func aSiteReportFromTheHubIsTheSitesOwn() async throws {
        let database = try HubDatabase()
        defer { database.drop() }
        _ = try await HubSetup.initialise(url: database.url)
        let site = try await HubReportSite("PWT", bundles: 3_000, seed: 7, hub: database.url)
        // The history has what the reports must get right.
        #expect(site.simulation.bundles.contains { $0.state == .voided })
        #expect(site.simulation.bundles.contains { $0.inspections > 1 })
        #expect(!site.simulation.shipments.isEmpty)
        for request in Self.requests() {
            let own = try Self.site(request, site)
            let hub = try await Self.hub(request, database.url, site: "PWT")
            #expect(own.empty == nil, "\(request)")
            #expect(try Self.json(hub) == Self.json(own), "\(request)")
            // Every format is the same code: the CSV, which has no heading, is the site's byte for byte.
            #expect(hub.document.csv == own.document.csv, "\(request)")
            #expect(hub.document.sections == own.document.sections, "\(request)")
            #expect(hub.document.subtitle.first == own.document.subtitle.first, "\(request)")
        }
        let stock = try await Self.hub(.init(.stock), database.url, site: "PWT")
        #expect(stock.document.subtitle.last == "Lapas PWT (PWT), from the hub \(try HubURL(database.url).shown), made "
            + HubReportSite.now.shown + " WIB")
    }

    @Test func allSitesAddUpAndKeepTheirMakersApart() async throws {
        let database = try HubDatabase()
        defer { database.drop() }
        _ = try await HubSetup.initialise(url: database.url)
        let first = try await HubReportSite("PWT", bundles: 1_500, seed: 3, hub: database.url)
        let second = try await HubReportSite("SMG", bundles: 1_200, seed: 4, hub: database.url)
        let day = HubReportSite.day(-20)
        for request in [Reporting.Request(.stock), .init(.stock, day: day)] {
            let all = try await Self.hub(request, database.url, site: nil)
            guard case .stock(let sum) = all.json, case .stock = try Self.site(request, first).json else {
                Issue.record("not a stock report")
                return
            }
            let own = [try Self.stockCounts(Self.site(request, first)), try Self.stockCounts(Self.site(request, second))]
            var expected: [String: Int] = [:]
            for counts in own { expected.merge(counts, uniquingKeysWith: +) }
            #expect(try Self.stockCounts(all) == expected)
            let document = try JSONSerialization.jsonObject(with: Data(Self.json(all).utf8)) as? [String: Any]
            let sites = (document?["sites"] as? [[String: Any]])?.compactMap { $0["site"] as? String }
            #expect(sites == ["PWT", "SMG"])
            // One column a site in its own section, in both languages' layout.
            #expect(all.document.sections.last?.table.columns.map(\.title).contains("SMG") == true)
            #expect(all.document.subtitle.last?.hasPrefix("All sites (2: PWT, SMG), from the hub") == true)
            _ = sum
        }
        let makers = try await Self.hub(.init(.makers), database.url, site: nil)
        let ownMakers = try Self.site(.init(.makers), first).document.sections.first?.table.rows.count ?? 0
        let rows = makers.document.sections.first?.table.rows ?? []
        let codes = rows.compactMap { row -> String? in if case .text(let code) = row.first { code } else { nil } }
        #expect(codes.contains { $0.hasPrefix("PWT/") } && codes.contains { $0.hasPrefix("SMG/") })
        #expect(codes.allSatisfy { $0.hasPrefix("PWT/") || $0.hasPrefix("SMG/") })
        #expect(codes.count > ownMakers)
        let shipments = try await Self.hub(.init(.shipments), database.url, site: nil)
        guard case .shipments = shipments.json else { return }
        let sent = [try Self.site(.init(.shipments), first), try Self.site(.init(.shipments), second), shipments].map {
            ($0.document.sections.first?.table.rows.count ?? 0)
        }
        #expect(sent[0] + sent[1] == sent[2])
    }

    @Test func anUnknownSiteOrNamesAreRefused() async throws {
        let database = try HubDatabase()
        defer { database.drop() }
        _ = try await HubSetup.initialise(url: database.url)
        await #expect(throws: SapuError.hub(.siteUnknown("XYZ"))) {
            _ = try await Self.hub(.init(.stock), database.url, site: "XYZ")
        }
        await #expect(throws: SapuError.hub(.reportNamesStayAtSite)) {
            _ = try await Self.hub(.init(.makers, names: true), database.url, site: nil)
        }
    }

    /// A stock report's counts by product, grade and state, from its JSON.
    static func stockCounts(_ made: Reporting.Made) throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: Data(json(made).utf8)) as? [String: Any]
        var counts: [String: Int] = [:]
        for line in object?["lines"] as? [[String: Any]] ?? [] {
            let key = "\(line["product"] ?? "") \(line["grade"] ?? "") \(line["state"] ?? "")"
            counts[key, default: 0] += line["count"] as? Int ?? 0
        }
        return counts
    }
}
