import Foundation
import Hummingbird
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

/// The scanning station in the browser: each line a wedge scanner types, or each code in a
/// phone's photo, goes through a `ScanStation` built for the request from the page's mode,
/// shipment and operator, exactly as `sapu scan` applies it. A refused scan is an answer
/// like any other (200, tone `refused`); only a request the station cannot start from (an
/// unknown mode, a malformed shipment number or operator code) is a 4xx.
extension WebServer {
    func addScanningRoutes(to router: Router<WebContext>) {
        router.get("/scan") { request, context in
            let query = request.uri.queryParameters
            let setting = StationSetting(mode: query["mode"].map(String.init), shipment: query["shipment"].map(String.init),
                                         operatorCode: query["operator"].map(String.init), tally: nil)
            return await self.scanPage(context, setting: setting, answered: nil, error: nil)
        }
        router.post("/scan") { request, context in
            await self.answerScan(request, context, api: false) { (station, _) throws(SapuError) -> ScanRun in
                try Self.lines(context.form.all("code"), station: station)
            }
        }
        router.post("/api/v1/scans") { request, context in
            await self.answerScan(request, context, api: true) { (station, _) throws(SapuError) -> ScanRun in
                try Self.lines(context.form.all("code"), station: station)
            }
        }
        router.post("/scan/photo") { request, context in
            await self.answerScan(request, context, api: false) { (station, language) throws(SapuError) -> ScanRun in
                try Self.photo(context.form, station: station, language: language)
            }
        }
        router.post("/api/v1/scans/photo") { request, context in
            await self.answerScan(request, context, api: true) { (station, language) throws(SapuError) -> ScanRun in
                try Self.photo(context.form, station: station, language: language)
            }
        }
    }

    /// Runs the station on what the request carries and answers with JSON (the script, the
    /// API) or the page again (a browser without the script).
    private func answerScan(_ request: Request, _ context: WebContext, api: Bool,
                            _ scan: @escaping @Sendable (ScanStation, Language) throws(SapuError) -> ScanRun) async -> Response {
        let json = api || (request.headers[.accept] ?? "").contains("application/json")
        let setting = StationSetting(mode: context.form["mode"], shipment: context.form["shipment"],
                                     operatorCode: context.form["operator"], tally: context.form["tally"])
        let language = context.language
        do throws(SapuError) {
            let answered = try await self.scan(setting, context) { (station) throws(SapuError) -> ScanRun in
                try scan(station, language)
            }
            if json { return Reply.json(answered.json) }
            return await scanPage(context, setting: answered.setting, answered: answered, error: nil)
        } catch {
            let line = error.message.text(language)
            if json { return Reply.json(ScanRefusalJSON(error: line, tone: "refused", line: line), status: error.httpStatus) }
            return await scanPage(context, setting: setting, answered: nil, error: line, status: error.httpStatus)
        }
    }

    /// Builds the station for this request, runs `scan` on it, and describes the answers.
    /// The station commits each scan before it answers: what the page shows is on disk.
    private func scan(_ setting: StationSetting, _ context: WebContext,
                      _ scan: @escaping @Sendable (ScanStation) throws(SapuError) -> ScanRun) async throws(SapuError) -> Answered {
        let language = context.language
        let mode = try setting.scanMode(language)
        let shipment = try setting.shipmentID()
        let chosen = try setting.chosenOperator()
        let user = try context.actor
        let actor = Actor(operatorCode: chosen ?? user.operatorCode, station: user.station)
        let store = self.store, now = self.now
        return try await Blocking.run { () throws(SapuError) -> Answered in
            let station = try ScanStation(store: store, keys: try KeyExport.ring(store: store), mode: mode, shipment: shipment,
                                          actor: actor, clock: { now }, checksShipment: false)
            let run = try scan(station)
            let defects = DefectNames(try store.defects())
            return Answered(run: run, startMode: mode, chosenOperator: chosen, tally: ScanTally(setting.tally),
                            station: station, defects: defects, language: language)
        }
    }

    /// The lines of the scan field (one, or several from the API), each answered in order;
    /// a line longer than any label is answered as such without being read, as at the CLI.
    static func lines(_ values: [String], station: ScanStation) throws(SapuError) -> ScanRun {
        let lines = values.flatMap { $0.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) }
            .map(String.init).filter { !$0.trimmingSpaces().isEmpty }
        guard !lines.isEmpty else { throw .formFieldMissing(field: .webScanInput) }
        var reports: [ScanStation.Report] = []
        var pending: [String] = []
        for line in lines {
            let length = line.unicodeScalars.count
            guard line.utf8.count > StationSetting.longestLine else {
                pending.append(line)
                continue
            }
            reports += station.process(pending)
            pending.removeAll()
            reports.append(station.reject(String(line.prefix(40)), reason: .scanTooLong(length)))
        }
        reports += station.process(pending)
        return ScanRun(reports: reports, photo: nil)
    }

    /// Every code in the uploaded photo, decoded from its bytes, never written to disk.
    static func photo(_ form: Form, station: ScanStation, language: Language) throws(SapuError) -> ScanRun {
        let file = try form.file("photo", label: .webScanPhoto)
        let name = Uploads.shownName(file.fileName, otherwise: Message.webScanPhotoName.text(language))
        let scanned = PhotoScanning.scan(bytes: file.bytes, name: name, station: station)
        return ScanRun(reports: scanned.reports, photo: scanned.read ? (name: name, codes: scanned.reports.count) : nil)
    }

    private func scanPage(_ context: WebContext, setting: StationSetting, answered: Answered?, error: String?,
                          status: HTTPResponse.Status? = nil) async -> Response {
        let language = context.language
        let store = self.store, accounts = self.accounts
        let (open, users) = (try? await Blocking.run { () throws(SapuError) in
            (try store.shipments(in: [.open]).map(\.id),
             try accounts.list().filter { $0.active && ($0.role == .gudang || $0.role == .admin) }.map(\.code))
        }) ?? ([], [])
        let me = (try? context.user.code) ?? ""
        // After an answer, `setting` is what the answer left: the new mode, shipment and count.
        let mode = (try? setting.scanMode(language)) ?? .receive
        let shipment = try? setting.shipmentID()
        let chosen = try? setting.chosenOperator()
        let tally = ScanTally(setting.tally)
        var shipments: [[String: Any]] = [["value": "", "label": Message.webScanNoShipment.text(language), "selected": shipment == nil]]
        for id in open + (shipment.map { open.contains($0) ? [] : [$0] } ?? []) {
            shipments.append(["value": id, "label": id, "selected": id == shipment])
        }
        var operators: [[String: Any]] = [["value": "", "label": Message.webScanOperatorSelf(me).text(language), "selected": chosen == nil]]
        for code in users.filter({ $0 != me }) + (chosen.map { users.contains($0) || $0 == me ? [] : [$0] } ?? []) {
            operators.append(["value": code, "label": code, "selected": code == chosen])
        }
        let model: [String: Any] = [
            "csrf": context.session?.formToken ?? "", "tally": tally.text,
            "notSent": Message.webScanNotSent.text(language),
            "inputLabel": Message.webScanInput.text(language),
            "hasTone": answered != nil, "tone": answered?.tone.rawValue ?? "", "line": answered?.line ?? Message.webScanReady.text(language),
            "count": Message.webScanCount(tally.counts).text(language),
            "modeLabel": Message.webScanMode.text(language),
            "modes": ScanMode.allCases.map { ["value": $0.rawValue, "label": $0.word.text(language), "selected": $0 == mode] as [String: Any] },
            "shipmentLabel": Message.webScanShipment.text(language), "shipments": shipments,
            "operatorLabel": Message.webScanOperator.text(language), "operators": operators,
            "send": Message.webScanSend.text(language),
            "photoLabel": Message.webScanPhoto.text(language), "photoButton": Message.webScanPhotoButton.text(language),
            "photoHint": Message.webScanPhotoHint.text(language), "hint": Message.webScanHint.text(language),
            "logTitle": Message.webScanLog.text(language),
            "answers": (answered?.answers ?? []).reversed().map { ["tone": $0.tone, "line": $0.line] },
        ]
        let body = (try? PageTemplate.scanning.render(model)) ?? ""
        return page(Page("scan", title: .webScanTitle, body: body, status: status ?? .ok, error: error), context)
    }
}

/// What the station was asked to do in one request: reports in input order, and for a
/// photo, its name and how many codes it held.
struct ScanRun {
    var reports: [ScanStation.Report]
    var photo: (name: String, codes: Int)?
}

/// The page's choices as posted: mode, shipment, operator, and the running count.
struct StationSetting: Sendable {
    var mode: String?
    var shipment: String?
    var operatorCode: String?
    var tally: String?

    /// The longest line read as a scan: four times the longest label (as `sapu scan`).
    static let longestLine = 4 * LabelCodec.maximumLength

    /// The mode: its value (`receive`) or its word in either language (`terima`); receive when none.
    func scanMode(_ language: Language) throws(SapuError) -> ScanMode {
        guard let mode, !mode.isEmpty else { return .receive }
        if let value = ScanMode(rawValue: mode) { return value }
        return try ScanMode.read(mode, option: Message.webScanMode.text(language)).value
    }

    /// The shipment number in canonical form (`001/SJ/PWT/XI/2025`; dashes or spaces accepted).
    func shipmentID() throws(SapuError) -> String? {
        guard let shipment, !shipment.trimmingSpaces().isEmpty else { return nil }
        guard let id = ShipmentID(typed: shipment) else { throw .unknownShipment(String(shipment.prefix(40))) }
        return id.description
    }

    func chosenOperator() throws(SapuError) -> String? {
        guard let operatorCode, !operatorCode.trimmingSpaces().isEmpty else { return nil }
        return try Code.normalise(operatorCode, as: .operator)
    }
}

/// Scans accepted since the page was opened, per mode. The page carries it in a hidden
/// field (`receive:3 pack:2`), so that it survives a page without the script and the
/// server keeps no state per browser; it is only a display.
struct ScanTally: Sendable {
    private(set) var accepted: [ScanMode: Int] = [:]

    init(_ text: String?) {
        for item in (text ?? "").split(separator: " ").prefix(ScanMode.allCases.count) {
            let pair = item.split(separator: ":")
            guard pair.count == 2, let mode = ScanMode(rawValue: String(pair[0])), let count = Int(pair[1]),
                  (0...1_000_000).contains(count) else { continue }
            accepted[mode] = count
        }
    }

    mutating func add(_ mode: ScanMode) { accepted[mode, default: 0] += 1 }

    var counts: [(mode: ScanMode, accepted: Int)] {
        ScanMode.allCases.compactMap { mode in accepted[mode].map { (mode, $0) } }
    }

    var text: String { counts.map { "\($0.mode.rawValue):\($0.accepted)" }.joined(separator: " ") }
}

/// The station's answers to one request, ready for the page or JSON.
struct Answered: Sendable {
    struct Line: Sendable, Encodable {
        var input: String
        var outcome: String
        var tone: String
        var line: String
        var bundle: String?
        var state: String?
        var reason: String?
        var manual: Bool
    }

    var answers: [Line]
    var tone: ScanAnswer.Tone
    var line: String
    /// Mode, shipment and operator after the request's control codes.
    var setting: StationSetting
    var tally: ScanTally
    var count: String

    init(run: ScanRun, startMode: ScanMode, chosenOperator: String?, tally: ScanTally, station: ScanStation,
         defects: DefectNames, language: Language) {
        var tally = tally
        var mode = startMode
        var chosen = chosenOperator
        answers = run.reports.map { report in
            // The mode each scan was applied in: control codes change it between scans.
            switch report.control {
            case .mode(let next)?: mode = next
            case .operatorCode(let code)?: chosen = code
            default: break
            }
            if report.result.outcome == .accepted { tally.add(mode) }
            let words = ScanAnswer.words(report, defects: defects, language: language)
            return Line(input: String(report.input.prefix(200)), outcome: report.result.outcome.rawValue,
                        tone: ScanAnswer.tone(report).rawValue, line: words.outcome + "  " + words.detail,
                        bundle: report.result.bundle?.description, state: report.result.state?.rawValue,
                        reason: report.result.reason?.message.text(language), manual: report.manual && report.result.bundle != nil)
        }
        let tones = run.reports.map(ScanAnswer.tone)
        tone = tones.contains(.refused) ? .refused : tones.contains(.repeated) ? .repeated : .ok
        if let photo = run.photo {
            line = Message.webScanPhotoRead(codes: photo.codes, name: photo.name).text(language)
        } else {
            line = answers.last?.line ?? ""
        }
        setting = StationSetting(mode: station.mode.rawValue, shipment: station.shipment, operatorCode: chosen, tally: tally.text)
        self.tally = tally
        count = Message.webScanCount(tally.counts).text(language)
    }

    var json: AnsweredJSON {
        AnsweredJSON(tone: tone.rawValue, line: line, counts: ["scan-count": count],
                     fields: ["scan-mode": setting.mode ?? "", "scan-shipment": setting.shipment ?? "",
                              "scan-operator": setting.operatorCode ?? "", "scan-tally": tally.text],
                     answers: answers)
    }
}

/// The scan field contract's answer (docs/web-warehouse.md): the big line, the counts and fields to
/// update, and every scan's own answer.
struct AnsweredJSON: Encodable {
    var tone: String
    var line: String
    var counts: [String: String]
    var fields: [String: String]
    var answers: [Answered.Line]
}

/// A request the station could not start from: the API's `error`, and for the script the
/// contract's `tone` and `line`.
struct ScanRefusalJSON: Encodable {
    var error: String
    var tone: String
    var line: String
}

/// Names of uploaded files as pages show them: never used as a path.
enum Uploads {
    /// The browser's file name, without control characters or folders, at most 80 characters.
    static func shownName(_ fileName: String, otherwise: String) -> String {
        let base = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(base.unicodeScalars.filter { !$0.properties.isDefaultIgnorableCodePoint && $0.value >= 0x20 && $0.value != 0x7F }
            .prefix(80).map(Character.init))
        return clean.trimmingSpaces().isEmpty ? otherwise : clean
    }
}
