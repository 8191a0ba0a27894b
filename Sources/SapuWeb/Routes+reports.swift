import Foundation
import HTTPTypes
import Hummingbird
import SapuApp
import SapuCore

/// The reports: the same documents as `sapu report`, with the period and grouping chosen in a
/// form, shown as charts and tables, downloaded as CSV, or read as JSON.
extension WebServer {
    func addReportRoutes(to router: Router<WebContext>) {
        router.get("/reports") { _, context in
            let language = context.language
            let model: [String: Any] = [
                "intro": Message.webReportsIntro.text(language),
                "reports": Reporting.Kind.allCases.map { kind in
                    ["href": "/reports/" + kind.rawValue, "label": kind.title.text(language), "about": kind.about.text(language)]
                },
            ]
            return self.page(Page("reports", title: .webReportsTitle, body: try PageTemplate.reports.render(model)), context)
        }
        router.get("/reports/{kind}") { request, context in
            let kind = try Self.reportKind(context), role = try context.user.role
            let query = PageQuery(request)
            let choice: ReportChoice
            do throws(ReportQueryError) {
                choice = try ReportChoice(kind, query: query, role: role, today: self.now.date, language: context.language)
            } catch {
                return self.reportPage(kind, query: query, choice: nil, report: nil, error: error, context)
            }
            let report = try await self.report(choice.request, language: context.language)
            if choice.csv, report.empty == nil {
                return Reply.download(report.document.csv, name: choice.fileName(site: self.siteCode, extension: "csv"),
                                      type: Downloads.contentType("x.csv"))
            }
            return self.reportPage(kind, query: query, choice: choice, report: report, error: nil, context)
        }
        router.get("/api/v1/reports/{kind}") { request, context in
            let kind = try Self.reportKind(context), role = try context.user.role
            let choice: ReportChoice
            do throws(ReportQueryError) {
                choice = try ReportChoice(kind, query: PageQuery(request), role: role, today: self.now.date,
                                          language: context.language)
            } catch {
                return Reply.json(["error": error.message.text(context.language)], status: error.status)
            }
            return Reply.json(try await self.report(choice.request, language: context.language).json)
        }
    }

    private static func reportKind(_ context: WebContext) throws -> Reporting.Kind {
        guard let kind = context.parameters.get("kind").flatMap(Reporting.Kind.init(rawValue:)) else {
            throw HTTPError(.notFound)
        }
        return kind
    }

    private func report(_ request: Reporting.Request, language: Language) async throws(SapuError) -> Reporting.Made {
        let store = self.store, made = now, clock = self.clock
        return try await Blocking.run { () throws(SapuError) in
            try Reporting.make(request, store: store, language: language, made: made, clock: clock)
        }
    }

    private func reportPage(_ kind: Reporting.Kind, query: PageQuery, choice: ReportChoice?, report: Reporting.Made?,
                            error: ReportQueryError?, _ context: WebContext) -> Response {
        let language = context.language
        let role = context.session?.user.role
        // The form shows what was asked for: the days a preset stands for, else what was typed.
        func typed(_ name: String) -> String? { query[name].map { String($0.prefix(40)) } }
        let from = choice?.request.period?.from?.iso ?? (choice == nil ? typed("from") : nil) ?? ""
        let to = choice?.request.period?.to?.iso ?? (choice == nil ? typed("to") : nil) ?? ""
        let grouping = choice?.request.grouping
            ?? query["by"].flatMap { try? ReportGrouping.read($0, option: "by").value } ?? .batch
        var model: [String: Any] = [
            "action": "/reports/" + kind.rawValue,
            "isStock": kind == .stock, "hasPeriod": kind != .stock, "isQC": kind == .qc,
            "canName": kind == .makers && role == .admin,
            "fromLabel": Message.webReportFrom.text(language), "from": from,
            "toLabel": Message.webReportTo.text(language), "to": to,
            "periodHint": Message.webReportPeriodHint.text(language),
            "atLabel": Message.webReportAt.text(language), "at": choice?.request.day?.iso ?? typed("at") ?? "",
            "atHint": Message.webReportAtHint.text(language),
            "byLabel": Message.webReportBy.text(language),
            "groupings": ReportGrouping.allCases.map {
                ["value": $0.rawValue, "label": $0.word.text(language), "selected": $0 == grouping] as [String: Any]
            },
            "namesLabel": Message.webReportNames.text(language), "names": choice?.request.names ?? (query["names"] != nil),
            "namesHint": Message.webReportNamesHint.text(language),
            "show": Message.webReportShow.text(language),
            "quickPeriod": Message.webReportQuickPeriod.text(language),
            "presets": ReportPreset.allCases.map { preset in
                ["href": choice?.link(kind, preset: preset) ?? "/reports/\(kind.rawValue)?period=\(preset.rawValue)",
                 "label": preset.word.text(language)]
            } + [["href": choice?.link(kind, preset: nil) ?? "/reports/" + kind.rawValue,
                  "label": Message.webReportAllHistory.text(language)]],
        ]
        var status = HTTPResponse.Status.ok
        var errorText: String?
        if let error {
            errorText = error.message.text(language)
            status = error.status
        }
        if let choice, let report {
            model["subtitle"] = report.document.subtitle
            if let empty = report.empty {
                model["empty"] = empty.text(language)
            } else {
                model["hasReport"] = true
                model["report"] = report.document.htmlBody
                model["csvHref"] = choice.query(kind, csv: true)
                model["downloadCSV"] = Message.webReportDownloadCSV.text(language)
                model["jsonHref"] = "/api/v1" + choice.query(kind, csv: false)
                model["json"] = Message.webReportJSON.text(language)
            }
        }
        let body = (try? PageTemplate.report.render(model)) ?? ""
        return page(Page("report", title: kind.title, body: body, status: status, error: errorText), context)
    }
}

extension Reporting.Kind {
    var title: Message {
        switch self {
        case .stock: .reportStockTitle
        case .qc: .reportQCTitle
        case .makers: .reportMakersTitle
        case .shipments: .reportShipmentsTitle
        }
    }

    var about: Message {
        switch self {
        case .stock: .webReportStockAbout
        case .qc: .webReportQCAbout
        case .makers: .webReportMakersAbout
        case .shipments: .webReportShipmentsAbout
        }
    }
}

/// The query of a page's address: `?from=2025-11-01&to=2025-11-30&by=maker&format=csv`.
struct PageQuery {
    let fields: Form

    init(_ request: Request) {
        fields = Form.urlEncoded(Array((request.uri.query ?? "").utf8))
    }

    subscript(_ name: String) -> String? { fields[name] }
}

/// A report's question refused before any report is made: what to say, and the status.
struct ReportQueryError: Error {
    var message: Message
    var status: HTTPResponse.Status
}

/// What the query asks for, checked: the report request and the format.
struct ReportChoice {
    var request: Reporting.Request
    /// `?format=csv`: the download instead of the page.
    var csv: Bool

    /// Reads the query the way `sapu report KIND` reads its options. Makers' names only for admin.
    init(_ kind: Reporting.Kind, query: PageQuery, role: Role, today: CalendarDate,
         language: Language) throws(ReportQueryError) {
        func refused(_ message: Message, _ status: HTTPResponse.Status = .badRequest) -> ReportQueryError {
            ReportQueryError(message: message, status: status)
        }
        func date(_ name: String, label: Message) throws(ReportQueryError) -> CalendarDate? {
            guard let text = query[name] else { return nil }
            do {
                return try CalendarDate(iso: text)
            } catch {
                // What was typed is shown back, but not a whole page of it.
                let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
                throw refused(.webReportBadField(label, problem: SapuError.invalidDate(shown).message))
            }
        }
        switch query["format"].map({ $0.lowercased() }) {
        case nil: csv = false
        case "csv": csv = true
        case let other?:
            throw refused(SapuError.unknownOptionWord(option: Message.webReportFormat.text(language), value: other,
                                                      words: [Message(id: "csv", en: "csv")]).message)
        }
        request = Reporting.Request(kind)
        switch kind {
        case .stock:
            request.day = try date("at", label: .webReportAt)
        case .qc, .makers, .shipments:
            do {
                if let word = query["period"] {
                    request.period = try ReportPreset.read(word, option: Message.webReportPeriodWord.text(language)).value
                        .period(today: today)
                } else {
                    request.period = try ReportPeriod(from: try date("from", label: .webReportFrom),
                                                      to: try date("to", label: .webReportTo))
                }
            } catch let error as ReportQueryError {
                throw error
            } catch SapuError.reversedRange(let from, let to) {
                throw refused(.webReportPeriodReversed(from: from, to: to))
            } catch let error as SapuError {
                throw refused(error.message)
            } catch {
                throw refused(SapuError.storageFailure("report").message)
            }
        }
        if kind == .qc, let word = query["by"] {
            do {
                request.grouping = try ReportGrouping.read(word, option: Message.webReportBy.text(language)).value
            } catch {
                throw refused(error.message)
            }
        }
        if kind == .makers, let names = query["names"], !["0", "false", "off", "no"].contains(names.lowercased()) {
            // The web app never shows a maker's name to anyone but admin.
            guard role == .admin else { throw refused(SapuError.notAllowed(role: role.rawValue).message, .forbidden) }
            request.names = true
        }
    }

    /// The address of this report as chosen (dates, not presets), as a page or a CSV.
    func query(_ kind: Reporting.Kind, csv: Bool) -> String {
        var items: [(String, String)] = []
        if let day = request.day { items.append(("at", day.iso)) }
        if let from = request.period?.from { items.append(("from", from.iso)) }
        if let to = request.period?.to { items.append(("to", to.iso)) }
        items += settings(kind)
        if csv { items.append(("format", "csv")) }
        return Self.address(kind, items)
    }

    /// The address of a quick period with the other choices kept.
    func link(_ kind: Reporting.Kind, preset: ReportPreset?) -> String {
        Self.address(kind, (preset.map { [("period", $0.rawValue)] } ?? []) + settings(kind))
    }

    private func settings(_ kind: Reporting.Kind) -> [(String, String)] {
        var items: [(String, String)] = []
        if kind == .qc { items.append(("by", request.grouping.rawValue)) }
        if request.names { items.append(("names", "1")) }
        return items
    }

    private static func address(_ kind: Reporting.Kind, _ items: [(String, String)]) -> String {
        "/reports/" + kind.rawValue + (items.isEmpty ? "" : "?" + items.map { "\($0.0)=\($0.1)" }.joined(separator: "&"))
    }

    /// `PWT-qc-2025-11-01-2025-11-30.csv`, `PWT-stock-now.csv`.
    func fileName(site: String, extension suffix: String) -> String {
        var parts = [site, request.kind.rawValue]
        if request.kind == .stock {
            parts.append(request.day?.iso ?? "now")
        } else if request.period?.from == nil && request.period?.to == nil {
            parts.append("all")
        } else {
            parts.append(request.period?.from?.iso ?? "start")
            parts.append(request.period?.to?.iso ?? "now")
        }
        return parts.joined(separator: "-") + "." + suffix
    }
}
