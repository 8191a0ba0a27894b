import Foundation
import Hummingbird
import SapuApp
import SapuCore
import SapuStore

/// The QC desk: new bundles of a batch and a maker, today's batch, re-inspection after rework.
extension WebServer {
    func addInspectionRoutes(to router: Router<WebContext>) {
        router.get("/inspect") { request, context in
            let typed = DeskForm(batch: request.uri.queryParameters["batch"].map(String.init),
                                 againBundles: request.uri.queryParameters["bundles"].map(String.init) ?? "")
            return try await self.inspectPage(context, typed: typed)
        }
        router.post("/inspect") { _, context in
            do {
                let bundles = try await self.inspectNew(context)
                return try await self.inspectPage(context, typed: DeskForm(context.form, keepResult: false), inspected: bundles,
                                                  notice: .webInspected(count: bundles.count))
            } catch let error as SapuError {
                return try await self.inspectPage(context, typed: DeskForm(context.form, keepResult: true), error: error)
            }
        }
        router.post("/inspect/again") { _, context in
            do {
                let bundles = try await self.inspectAgain(context)
                return try await self.inspectPage(context, typed: DeskForm(), inspected: bundles,
                                                  notice: .webReinspected(count: bundles.count))
            } catch let error as SapuError {
                return try await self.inspectPage(context, typed: DeskForm(again: context.form), error: error)
            }
        }
        router.post("/batches") { _, context in
            do {
                let batch = try await self.createBatch(context)
                return Reply.redirect("/inspect?batch=" + batch.code)
            } catch let error as SapuError {
                return try await self.inspectPage(context, typed: DeskForm(), error: error)
            }
        }
        router.post("/api/v1/inspections") { _, context in
            do {
                return Reply.json(try await self.inspectNew(context).map(BundleOutput.init), status: .created)
            } catch let error as SapuError {
                return Reply.json(["error": error.deskMessage.text(context.language)], status: error.httpStatus)
            }
        }
        router.post("/api/v1/inspections/again") { _, context in
            do {
                return Reply.json(try await self.inspectAgain(context).map(BundleOutput.init))
            } catch let error as SapuError {
                return Reply.json(["error": error.deskMessage.text(context.language)], status: error.httpStatus)
            }
        }
        router.post("/api/v1/batches") { _, context in
            Reply.json(BatchOutput(try await self.createBatch(context)), status: .created)
        }
    }

    // MARK: Workflows

    private func inspectNew(_ context: WebContext) async throws(SapuError) -> [SapuCore.Bundle] {
        let form = context.form
        let result = try DeskForm.result(form)
        let new = try InspectionDesk.NewBundles(
            batch: try form.required("batch", label: .webInspectBatch), maker: try form.required("maker", label: .webInspectMaker),
            result: result, count: try form.required("count", label: .webInspectCount))
        let confirmed = DeskForm.ticked(form["confirm"])
        let actor = try context.actor, now = self.now, store = self.store
        return try await Blocking.run { () throws(SapuError) in
            try InspectionDesk.inspect(new, confirmed: confirmed, actor: actor, at: now, store: store)
        }
    }

    private func inspectAgain(_ context: WebContext) async throws(SapuError) -> [SapuCore.Bundle] {
        let form = context.form
        let ids = try InspectionDesk.bundleIDs(DeskForm.ids(form.all("bundles")))
        guard !ids.isEmpty else { throw .formFieldMissing(field: .webAgainBundles) }
        let result = try DeskForm.result(form)
        let actor = try context.actor, now = self.now, store = self.store
        return try await Blocking.run { () throws(SapuError) in
            try InspectionDesk.reinspect(ids, result: result, actor: actor, at: now, store: store)
        }
    }

    private func createBatch(_ context: WebContext) async throws(SapuError) -> Batch {
        let product = try context.form.required("product", label: .webBatchProduct)
        let now = self.now, store = self.store
        return try await Blocking.run { () throws(SapuError) in
            try InspectionDesk.createBatch(product: product, today: now.date, at: now, store: store)
        }
    }

    // MARK: The page

    private func inspectPage(_ context: WebContext, typed: DeskForm, inspected: [SapuCore.Bundle] = [],
                             notice: Message? = nil, error: SapuError? = nil) async throws(SapuError) -> Response {
        let store = self.store, today = now.date
        let desk = try await Blocking.run { () throws(SapuError) in try DeskChoices.read(store, today: today) }
        let language = context.language
        let user = try context.user
        let csrf = context.session?.formToken ?? ""
        var model: [String: Any] = [
            "csrf": csrf, "newHeading": Message.webInspectNewHeading.text(language),
            "batchLabel": Message.webInspectBatch.text(language), "makerLabel": Message.webInspectMaker.text(language),
            "choose": Message.webInspectChoose.text(language),
            "hasBatches": !desk.batches.isEmpty, "noBatch": Message.webInspectNoBatch.text(language),
            "batches": desk.batches.map { batch in
                ["code": batch.code, "text": "\(batch.code) · \(batch.product) · \(batch.date.iso)",
                 "selected": batch.code == typed.batch?.uppercased()] as [String: Any]
            },
            "hasMakers": !desk.makers.isEmpty, "noMaker": Message.webInspectNoMaker.text(language),
            // A maker's name is shown to admin only: everyone else sees the pseudonymous code.
            "makers": desk.makers.map { maker in
                ["code": maker.code, "text": user.role == .admin ? [maker.code, maker.name].compactMap { $0 }.joined(separator: " · ") : maker.code,
                 "selected": maker.code == typed.maker?.uppercased()] as [String: Any]
            },
            "resultFields": try DeskForm.resultFields(typed, defects: desk.defects, language: language),
            "countLabel": Message.webInspectCount.text(language), "count": typed.count,
            "confirmLabel": Message.webInspectConfirm(threshold: Confirmation.threshold).text(language),
            "confirmed": typed.confirmed, "button": Message.webInspectButton.text(language),
            "batchHeading": Message.webBatchHeading.text(language), "productLabel": Message.webBatchProduct.text(language),
            "products": desk.products.map { ["code": $0.code, "name": $0.name] },
            "batchButton": Message.webBatchButton.text(language),
            "againHeading": Message.webAgainHeading.text(language), "againBundlesLabel": Message.webAgainBundles.text(language),
            "againBundles": typed.againBundles,
            "againResultFields": try DeskForm.resultFields(typed.again ? typed : DeskForm(), defects: desk.defects, language: language),
            "againButton": Message.webAgainButton.text(language),
        ]
        if !inspected.isEmpty {
            let ids = inspected.map(\.id.description)
            model["hasInspected"] = true
            model["inspected"] = ids
            model["inspectedHeading"] = Message.webInspectedHeading.text(language)
            model["labelsHeading"] = Message.webLabelsForThese.text(language)
            model["labelForm"] = try labelForm(context, choices: desk.labelChoices, typed: LabelForm(bundles: ids.joined(separator: "\n")))
        }
        var notices = notice.map { [$0.text(language)] } ?? []
        let quarantined = inspected.count { $0.state == .quarantined }
        if quarantined > 0 { notices.append(Message.inspectionQuarantined(count: quarantined).text(language)) }
        return page(Page("inspect", title: .webInspectTitle, body: try PageTemplate.inspect.render(model),
                         status: error?.httpStatus ?? .ok, error: error.map { $0.deskMessage.text(language) },
                         notice: notices.isEmpty ? nil : notices.joined(separator: " ")), context)
    }
}

/// What the desk's forms offer: recent batches, active makers, the defect catalogue, products.
struct DeskChoices {
    var batches: [Batch]
    var makers: [Maker]
    var defects: [Defect]
    var products: [Product]
    var labelChoices: LabelChoices

    static func read(_ store: SQLiteStore, today: CalendarDate) throws(SapuError) -> DeskChoices {
        let batches = try InspectionDesk.recentBatches(today: today, store: store)
        return DeskChoices(batches: batches, makers: try store.makers().filter(\.active), defects: try store.defects(),
                           products: try store.products(), labelChoices: try LabelChoices.read(batches: batches))
    }
}

/// The inspection forms' fields as the inspector typed them, to show again after a refusal.
struct DeskForm {
    var batch: String?
    var maker: String?
    var result: String?
    var grade: String?
    var defects: [String] = []
    var count = "1"
    var confirmed = false
    var againBundles = ""
    /// The result fields belong to the re-inspection form.
    var again = false

    init(batch: String? = nil, againBundles: String = "") {
        self.batch = batch
        self.againBundles = againBundles
    }

    /// The new-bundles form as posted; the result is kept only after a refusal.
    init(_ form: Form, keepResult: Bool) {
        batch = form["batch"]
        maker = form["maker"]
        guard keepResult else { return }
        count = form["count"] ?? ""
        confirmed = Self.ticked(form["confirm"])
        result = form["result"]
        grade = form["grade"]
        defects = form.all("defect")
    }

    /// The re-inspection form as posted.
    init(again form: Form) {
        againBundles = form.all("bundles").joined(separator: "\n")
        result = form["result"]
        grade = form["grade"]
        defects = form.all("defect")
        again = true
    }

    /// A checkbox or a JSON `true`.
    static func ticked(_ value: String?) -> Bool {
        ["yes", "on", "true", "1", "ya"].contains(value?.lowercased() ?? "")
    }

    /// Bundle ids separated by spaces, commas or new lines.
    static func ids(_ fields: [String]) -> [String] {
        fields.flatMap { $0.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) }
    }

    /// The result the form describes. A grade left selected after switching to fail is not
    /// part of the result (a radio button cannot be unselected); ticked defects with a pass are.
    static func result(_ form: Form) throws(SapuError) -> QCResult {
        let choice = form["result"]?.lowercased()
        let defects = (form.all("defect") + form.all("defects")).filter { !$0.trimmingSpaces().isEmpty }
        return try InspectionDesk.result(pass: choice == "pass", fail: choice == "fail",
                                         grade: choice == "pass" ? form["grade"] : nil, defects: defects)
    }

    static func resultFields(_ typed: DeskForm, defects: [Defect], language: Language) throws(SapuError) -> String {
        try PageTemplate.resultFields.render([
            "resultLabel": Message.webInspectResult.text(language),
            "passLabel": Message.webInspectPass.text(language), "failLabel": Message.webInspectFail.text(language),
            "pass": typed.result == "pass", "fail": typed.result == "fail",
            "gradeLabel": Message.webInspectGrade.text(language),
            "grades": Grade.allCases.map { ["value": $0.rawValue, "checked": $0.rawValue == typed.grade?.uppercased()] as [String: Any] },
            "defectsLabel": Message.webInspectDefects.text(language),
            "defects": defects.map { defect in
                ["code": defect.code, "name": defect.name(language),
                 "checked": typed.defects.contains { $0.uppercased() == defect.code }] as [String: Any]
            },
        ] as [String: Any])
    }
}

extension SapuError {
    /// The refusal in the desk's words: the CLI's own messages name its options (`--pass`,
    /// `--yes`, `--again`), which a page does not have.
    var deskMessage: Message {
        switch self {
        case .gradeRequired, .defectsRequired: .webInspectChooseResult
        case .inspectNeedsConfirmation(let count): .webInspectConfirmNeeded(count: count)
        case .inspectNeedsBundles: SapuError.formFieldMissing(field: .webAgainBundles).message
        case .bundlesOrBatch: .webLabelsBundlesOrBatch
        case .labelAlreadyCurrent(let bundles): .webLabelsAlreadyCurrent(bundles)
        case .nothingToReprint(let bundles): .webLabelsNothingToReprint(bundles)
        case .batchNothingToReprint(let batch): .webLabelsBatchNothingToReprint(batch)
        case .languageNeedsThermal(let template, let language): .webLabelsThermalOnly(template: template, format: language)
        default: message
        }
    }
}
