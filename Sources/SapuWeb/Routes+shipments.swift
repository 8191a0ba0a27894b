import Foundation
import Hummingbird
import SapuApp
import SapuCore
import SapuStore

/// Shipments in the browser: open one, pack it on the scanning page, close it (manifest,
/// signature, CSV and surat jalan written by `ShipmentClosing`), ship it, download its
/// documents, and reconcile the partner's receipt (`Reconciliation`). A shipment's address is
/// its number with dashes: `/shipments/001-SJ-PWT-XI-2025`.
extension WebServer {
    func addShipmentRoutes(to router: Router<WebContext>) {
        router.get("/shipments") { _, context in
            await self.shipmentsPage(context, error: nil, status: .ok)
        }
        router.post("/shipments") { _, context in
            do throws(SapuError) {
                let shipment = try await self.openShipment(context)
                return Reply.redirect(Self.shipmentPath(shipment.id))
            } catch {
                return await self.shipmentsPage(context, error: error.message.text(context.language), status: error.httpStatus)
            }
        }
        router.get("/shipments/{id}") { request, context in
            let id = try Self.shipmentID(context)
            let notice: Message? = switch request.uri.queryParameters["done"].map(String.init) {
            case "closed"?: .webShipmentClosedNotice
            case "shipped"?: .webShipmentShippedNotice
            default: nil
            }
            return try await self.shipmentPage(id, context, notice: notice)
        }
        router.post("/shipments/{id}/close") { _, context in
            let id = try Self.shipmentID(context)
            do throws(SapuError) {
                _ = try await self.close(id, context)
                return Reply.redirect(Self.shipmentPath(id) + "?done=closed")
            } catch {
                return try await self.shipmentPage(id, context, error: error)
            }
        }
        router.post("/shipments/{id}/ship") { _, context in
            let id = try Self.shipmentID(context)
            do throws(SapuError) {
                _ = try await self.ship(id, context)
                return Reply.redirect(Self.shipmentPath(id) + "?done=shipped")
            } catch {
                return try await self.shipmentPage(id, context, error: error)
            }
        }
        router.post("/shipments/{id}/reconcile") { _, context in
            let id = try Self.shipmentID(context)
            do throws(SapuError) {
                let outcome = try await self.reconcile(id, context)
                return try await self.shipmentPage(id, context, findings: outcome.report(clock: self.clock))
            } catch {
                return try await self.shipmentPage(id, context, error: error)
            }
        }
        router.get("/shipments/{id}/files/{file}") { _, context in
            let id = try Self.shipmentID(context)
            let file = context.parameters.get("file") ?? ""
            let bytes = try await self.document(file, of: id)
            return Reply.download(bytes, name: file, type: Downloads.contentType(file))
        }
        // The API: the same workflows, JSON answers.
        router.get("/api/v1/shipments") { _, _ in
            let store = self.store
            let shipments = try await Blocking.run { () throws(SapuError) in try store.shipments() }
            return Reply.json(shipments.map { ShipmentJSON($0) })
        }
        router.post("/api/v1/shipments") { _, context in
            Reply.json(ShipmentJSON(try await self.openShipment(context)), status: .created)
        }
        router.get("/api/v1/shipments/{id}") { _, context in
            let view = try await self.view(try Self.shipmentID(context), language: context.language)
            var json = ShipmentJSON(view.shipment)
            json.bundles = view.bundles.map(\.id.description)
            json.documents = view.documents.map { Self.shipmentPath(view.shipment.id) + "/files/" + $0 }
            json.receipt = view.receipt?.map { $0.text(context.language) }
            return Reply.json(json)
        }
        router.post("/api/v1/shipments/{id}/close") { _, context in
            let closed = try await self.close(try Self.shipmentID(context), context)
            var json = ShipmentJSON(closed.shipment)
            json.documents = ShipmentClosing.fileNames(closed.shipment.id).map { Self.shipmentPath(closed.shipment.id) + "/files/" + $0 }
            return Reply.json(json)
        }
        router.post("/api/v1/shipments/{id}/ship") { _, context in
            Reply.json(ShipmentJSON(try await self.ship(try Self.shipmentID(context), context)))
        }
        router.post("/api/v1/shipments/{id}/reconcile") { _, context in
            let outcome = try await self.reconcile(try Self.shipmentID(context), context)
            return Reply.json(ReconciledJSON(outcome, lines: outcome.report(clock: self.clock).map { $0.text(context.language) }))
        }
    }

    // MARK: Workflows

    private func openShipment(_ context: WebContext) async throws(SapuError) -> Shipment {
        let form = context.form
        let store = self.store, now = self.now
        return try await Blocking.run { () throws(SapuError) in
            try ShipmentOpening.open(partner: form["partner"], consignee: form["to"], address: form["address"],
                                     vehicle: form["vehicle"], driver: form["driver"], reference: form["ref"], store: store, at: now)
        }
    }

    private func close(_ id: String, _ context: WebContext) async throws(SapuError) -> ShipmentClosing.Closed {
        let store = self.store, now = self.now, folder = documentFolder(id), language = context.language
        return try await Blocking.run { () throws(SapuError) in
            try ShipmentClosing.close(id, store: store, into: folder, language: language, at: now)
        }
    }

    private func ship(_ id: String, _ context: WebContext) async throws(SapuError) -> Shipment {
        let store = self.store, now = self.now, actor = try context.actor
        return try await Blocking.run { () throws(SapuError) in try store.shipShipment(id, actor: actor, at: now) }
    }

    private func reconcile(_ id: String, _ context: WebContext) async throws(SapuError) -> Reconciliation.Outcome {
        let receipt = try context.form.file("receipt", label: .webShipmentReceipt)
        let signature = try context.form.file("signature", label: .webShipmentReceiptSignature)
        let name = Uploads.shownName(receipt.fileName, otherwise: Message.webShipmentReceiptName.text(context.language))
        let store = self.store, now = self.now, actor = try context.actor
        return try await Blocking.run { () throws(SapuError) in
            try Reconciliation.apply(receipt: receipt.bytes, signature: String(decoding: signature.bytes, as: UTF8.self),
                                     named: name, shipment: id, store: store, actor: actor, at: now)
        }
    }

    /// A closed shipment's document, from its folder under the web app's files. A shipment
    /// closed at the command line (or a file gone missing) gets its documents written there
    /// again from the bytes the database kept, checked against the manifest's hash.
    private func document(_ file: String, of id: String) async throws(SapuError) -> [UInt8] {
        let store = self.store, folder = documentFolder(id)
        return try await Blocking.run { () throws(SapuError) -> [UInt8] in
            let status = try store.shipment(id).status
            guard ShipmentClosing.fileNames(id).contains(file), status != .open, status != .cancelled else {
                throw .downloadMissing(String(file.prefix(80)))
            }
            if let bytes = try? Downloads.read(file, in: folder) { return bytes }
            _ = try ShipmentDocuments.writeAgain(id, store: store, into: folder)
            return try Downloads.read(file, in: folder)
        }
    }

    /// Where the web app writes a shipment's documents: `FILES/shipments/001-SJ-PWT-XI-2025`.
    func documentFolder(_ id: String) -> String {
        files + "/shipments/" + (ShipmentID(typed: id)?.fileStem ?? "shipment")
    }

    static func shipmentPath(_ id: String) -> String {
        "/shipments/" + (ShipmentID(typed: id)?.fileStem ?? id)
    }

    /// The shipment a path names, in canonical form.
    static func shipmentID(_ context: WebContext) throws(SapuError) -> String {
        let typed = context.parameters.get("id") ?? ""
        guard let id = ShipmentID(typed: typed) else { throw .unknownShipment(String(typed.prefix(40))) }
        return id.description
    }

    // MARK: Pages

    private func shipmentsPage(_ context: WebContext, error: String?, status: HTTPResponse.Status) async -> Response {
        let language = context.language
        let store = self.store
        var shown = error
        var shipments: [Shipment] = [], partners: [Partner] = []
        do {
            (shipments, partners) = try await Blocking.run { () throws(SapuError) in (try store.shipments(), try store.partners()) }
        } catch {
            shown = shown ?? error.message.text(language)
        }
        let form = context.form
        var partnerOptions: [[String: Any]] = [["value": "", "label": Message.webShipmentOnlyPartner.text(language), "selected": form["partner"] == nil]]
        for partner in partners where partner.isActive {
            partnerOptions.append(["value": partner.code, "label": partner.code + " · " + partner.name,
                                   "selected": form["partner"]?.uppercased() == partner.code])
        }
        let model: [String: Any] = [
            "csrf": context.session?.formToken ?? "",
            "hasShipments": !shipments.isEmpty, "none": Message.webShipmentsNone.text(language),
            "columns": [Message.columnShipment, .columnDate, .columnConsignee, .columnCount, .columnStatus].map { $0.text(language) },
            "shipments": shipments.reversed().map { shipment in
                ["href": Self.shipmentPath(shipment.id), "id": shipment.id, "date": clock.shown(shipment.created),
                 "consignee": shipment.consignee, "bundles": String(shipment.bundleCount), "statusValue": shipment.status.rawValue,
                 "status": shipment.status.message.text(language)]
            },
            "createTitle": Message.webShipmentCreate.text(language),
            "partnerLabel": Message.webShipmentPartner.text(language), "partners": partnerOptions,
            "consigneeLabel": Message.webShipmentConsignee.text(language), "addressLabel": Message.webShipmentAddress.text(language),
            "vehicleLabel": Message.webShipmentVehicle.text(language), "driverLabel": Message.webShipmentDriver.text(language),
            "referenceLabel": Message.webShipmentReference.text(language), "openButton": Message.webShipmentOpenButton.text(language),
            "typed": ["to": form.fields["to"]?.first ?? "", "address": form.fields["address"]?.first ?? "",
                      "vehicle": form.fields["vehicle"]?.first ?? "", "driver": form.fields["driver"]?.first ?? "",
                      "ref": form.fields["ref"]?.first ?? ""],
        ]
        let body = (try? PageTemplate.shipments.render(model)) ?? ""
        return page(Page("shipments", title: .webShipmentsTitle, body: body, status: status, error: shown), context)
    }

    /// What the shipment page shows, read in one go.
    struct ShipmentView: Sendable {
        var shipment: Shipment
        var bundles: [SapuCore.Bundle]
        var defects: DefectNames
        /// The files a download can ask for, once closed.
        var documents: [String]
        /// The partner's receipt in force: its summary and findings.
        var receipt: [Message]?
    }

    private func view(_ id: String, language: Language) async throws(SapuError) -> ShipmentView {
        let store = self.store, clock = self.clock
        return try await Blocking.run { () throws(SapuError) -> ShipmentView in
            let shipment = try store.shipment(id)
            let documents: [String] = switch shipment.status {
            case .open, .cancelled: []
            case .closed, .shipped, .delivered, .disputed: ShipmentClosing.fileNames(id)
            }
            let receipt = try store.receiptInForce(forShipment: id).map { found in
                let (stored, receipt) = found
                return [Message.shipmentReceiptInForce(partner: stored.partner, finished: clock.shown(stored.finished),
                                                received: receipt.received.count, missing: receipt.missing.count,
                                                disputed: receipt.disputedBundles.count, extra: receipt.extra.count,
                                                forged: receipt.forged)] + ReceiptFindings.lines(receipt)
            }
            return ShipmentView(shipment: shipment, bundles: try store.bundles(inShipment: id), defects: DefectNames(try store.defects()),
                                documents: documents, receipt: receipt)
        }
    }

    /// The shipment's page; a refusal from a form on it is shown above it, with its status.
    private func shipmentPage(_ id: String, _ context: WebContext, notice: Message? = nil, findings: [Message]? = nil,
                              error: SapuError? = nil) async throws(SapuError) -> Response {
        let language = context.language
        let view = try await self.view(id, language: language)
        let shipment = view.shipment
        let base = Self.shipmentPath(shipment.id)
        var facts: [[String: Any]] = []
        func add(_ label: Message, _ value: String?, id: String = "") {
            if let value, !value.isEmpty { facts.append(["label": label.text(language), "value": value, "id": id, "hasID": !id.isEmpty]) }
        }
        add(.webShipmentStatus, shipment.status.message.text(language), id: "shipment-status")
        add(.webShipmentConsigneeShown, shipment.consignee)
        add(.webShipmentPartner, shipment.partner)
        add(.webShipmentAddressShown, shipment.address)
        add(.webShipmentVehicle, shipment.vehicle)
        add(.webShipmentDriver, shipment.driver)
        add(.webShipmentReference, shipment.reference)
        add(.webShipmentBundleCount, String(shipment.bundleCount), id: "shipment-bundle-count")
        add(.webShipmentCreated, clock.shown(shipment.created))
        add(.webShipmentClosedAt, shipment.closed.map(clock.shown))
        add(.webShipmentShippedAt, shipment.shipped.map(clock.shown))
        let labels: [Message] = [.webShipmentManifest, .webShipmentSignature, .webShipmentCSV, .webShipmentSuratJalan]
        let shownFindings = findings ?? view.receipt ?? []
        let model: [String: Any] = [
            "csrf": context.session?.formToken ?? "", "base": base, "facts": facts,
            "isOpen": shipment.status == .open,
            "packHref": "/scan?mode=pack&shipment=" + (ShipmentID(typed: shipment.id)?.fileStem ?? ""),
            "packLabel": Message.webShipmentPack.text(language),
            "closeHint": Message.webShipmentCloseHint.text(language), "closeLabel": Message.webShipmentClose.text(language),
            "canShip": shipment.status == .closed,
            "shipHint": Message.webShipmentShipHint.text(language), "shipLabel": Message.webShipmentShip.text(language),
            "documentsTitle": Message.webShipmentDocuments.text(language),
            "hasDocuments": !view.documents.isEmpty, "noDocuments": Message.webShipmentNoDocuments.text(language),
            "documents": zip(labels, view.documents).map { label, name in
                ["href": base + "/files/" + name, "label": label.text(language), "name": name]
            },
            "hasFindings": !shownFindings.isEmpty, "findingsTitle": Message.webShipmentReconciled.text(language),
            "findings": shownFindings.map { $0.text(language) },
            "canReconcile": [.shipped, .delivered, .disputed].contains(shipment.status),
            "reconcileTitle": Message.webShipmentReconcile.text(language), "reconcileHint": Message.webShipmentReconcileHint.text(language),
            "receiptLabel": Message.webShipmentReceipt.text(language), "signatureLabel": Message.webShipmentReceiptSignature.text(language),
            "reconcileButton": Message.webShipmentReconcileButton.text(language),
            "bundlesTitle": Message.webShipmentBundles.text(language),
            "hasBundles": !view.bundles.isEmpty, "noBundles": Message.webShipmentNoBundles.text(language),
            "columns": [Message.columnBundle, .columnProduct, .columnMaker, .columnResult, .columnState].map { $0.text(language) },
            "bundles": view.bundles.map { bundle in
                ["id": bundle.id.description, "product": bundle.product, "maker": bundle.maker,
                 "result": Message.result(bundle.result, defects: view.defects).text(language),
                 "state": bundle.state.message.text(language)]
            },
        ]
        let body = (try? PageTemplate.shipment.render(model)) ?? ""
        return page(Page("shipment", title: .webShipmentTitle(shipment.id), body: body, status: error?.httpStatus ?? .ok,
                         error: error?.message.text(language), notice: notice?.text(language)), context)
    }
}

/// A shipment as the API gives it.
struct ShipmentJSON: Encodable {
    var id, status, consignee, created: String
    var partner, address, vehicle, driver, reference, closed, shipped, manifestSHA256: String?
    var bundleCount: Int
    var bundles: [String]?
    /// Download addresses of its documents, once closed.
    var documents: [String]?
    /// The partner's receipt in force, as the page words it.
    var receipt: [String]?

    init(_ shipment: Shipment) {
        id = shipment.id
        status = shipment.status.rawValue
        consignee = shipment.consignee
        created = shipment.created.iso8601
        partner = shipment.partner
        address = shipment.address
        vehicle = shipment.vehicle
        driver = shipment.driver
        reference = shipment.reference
        closed = shipment.closed?.iso8601
        shipped = shipment.shipped?.iso8601
        manifestSHA256 = shipment.manifestSHA256
        bundleCount = shipment.bundleCount
    }
}

/// What reconciling did, for the API: the counts under the CLI's `--json` names and the lines the page shows.
struct ReconciledJSON: Encodable {
    var id, status, partner, effect: String
    var changed, received, missing, disputed, extra, forged: Int
    var lines: [String]

    init(_ outcome: Reconciliation.Outcome, lines: [String]) {
        id = outcome.shipment.id
        status = outcome.shipment.status.rawValue
        partner = outcome.partner.code
        switch outcome.effect {
        case .applied: effect = "applied"
        case .superseded: effect = "superseded"
        case .alreadyApplied: effect = "already-applied"
        }
        changed = outcome.changed
        received = outcome.receipt.received.count
        missing = outcome.receipt.missing.count
        disputed = outcome.outcomes.disputed.count
        extra = outcome.receipt.extra.count
        forged = outcome.receipt.forged
        self.lines = lines
    }
}
