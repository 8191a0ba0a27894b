import Foundation
import HTTPTypes
import Hummingbird
import SapuApp
import SapuCore

/// The partner's verification (`/verify`): upload the manifest, scan what arrived, finish and
/// download the signed receipt. The work is `VerificationFolder`'s, the same as `sapu verify`'s.
extension WebServer {
    func addVerificationRoutes(to router: Router<WebContext>) {
        router.get("/verify") { _, context in
            try await self.verifyIndex(context)
        }
        router.post("/verify") { _, context in
            do {
                let snapshot = try await self.startVerification(context)
                return Reply.redirect("/verify/" + snapshot.id)
            } catch let error as SapuError {
                return try await self.verifyIndex(context, error: error)
            }
        }
        router.get("/verify/{id}") { request, context in
            let snapshot = try await self.verificationSnapshot(context)
            let notice = request.uri.queryParameters["finished"] != nil && snapshot.receipt != nil
            return try self.verificationPage(snapshot, context, notice: notice ? .webVerifyFinishedNotice : nil)
        }
        router.post("/verify/{id}/scan") { request, context in
            let json = Self.wantsJSON(request)
            do {
                let (scanned, snapshot) = try await self.scanVerification(context)
                let answer = VerifyScanJSON(scanned.last?.answer, snapshot: snapshot, language: context.language)
                if json { return Reply.json(answer) }
                return try self.verificationPage(snapshot, context, answer: answer)
            } catch let error as SapuError {
                if json { return Reply.json(VerifyScanJSON(refusal: error, language: context.language), status: error.httpStatus) }
                // Without the script: the page again, with the reason where the answer goes.
                let snapshot = try await self.verificationSnapshot(context)
                return try self.verificationPage(snapshot, context, answer: VerifyScanJSON(refusal: error, language: context.language),
                                                 status: error.httpStatus)
            }
        }
        router.post("/verify/{id}/finish") { _, context in
            let snapshot = try await self.finishVerification(context)
            return Reply.redirect("/verify/\(snapshot.id)?finished=1")
        }
        router.get("/verify/{id}/files/{file}") { _, context in
            let (bytes, name) = try await self.receiptFile(context)
            return Reply.download(bytes, name: name, type: Downloads.contentType(name))
        }

        router.get("/api/v1/verifications") { _, _ in
            let folder = self.verifications
            let list = try await Blocking.run { () throws(SapuError) in folder.list() }
            return Reply.json(list.map(VerificationJSON.init))
        }
        router.post("/api/v1/verifications") { _, context in
            do {
                return Reply.json(VerificationJSON(try await self.startVerification(context)), status: .created)
            } catch let error as SapuError {
                return Reply.json(["error": error.message.text(context.language)], status: Self.uploadStatus(error))
            }
        }
        router.get("/api/v1/verifications/{id}") { _, context in
            Reply.json(VerificationJSON(try await self.verificationSnapshot(context)))
        }
        router.post("/api/v1/verifications/{id}/scan") { _, context in
            let (scanned, snapshot) = try await self.scanVerification(context)
            return Reply.json(VerifyScanJSON(scanned.last?.answer, snapshot: snapshot, language: context.language,
                                             all: scanned))
        }
        router.post("/api/v1/verifications/{id}/finish") { _, context in
            Reply.json(VerificationJSON(try await self.finishVerification(context)))
        }
    }

    /// `<files>/verify`: every verification this server holds.
    var verifications: VerificationFolder {
        VerificationFolder.at((files as NSString).appendingPathComponent("verify"))
    }

    // MARK: Work

    private func startVerification(_ context: WebContext) async throws(SapuError) -> VerificationFolder.Snapshot {
        let form = context.form
        let manifest = try form.file("manifest", label: .webVerifyManifestFile)
        let signature = try form.file("signature", label: .webVerifySignatureFile)
        let key = try form.file("key", label: .webVerifyKeyFile)
        let folder = verifications, now = self.now
        return try await Blocking.run { () throws(SapuError) in
            try folder.start(manifest: .init(name: manifest.fileName, bytes: manifest.bytes),
                             signature: .init(name: signature.fileName, bytes: signature.bytes),
                             key: .init(name: key.fileName, bytes: key.bytes), at: now)
        }
    }

    private func verificationSnapshot(_ context: WebContext) async throws(SapuError) -> VerificationFolder.Snapshot {
        let id = context.parameters.get("id") ?? ""
        let folder = verifications
        return try await Blocking.run { () throws(SapuError) in try folder.snapshot(id) }
    }

    private func scanVerification(_ context: WebContext) async throws(SapuError)
        -> (scanned: [PartnerVerification.Scanned], snapshot: VerificationFolder.Snapshot) {
        let id = context.parameters.get("id") ?? ""
        // Untrimmed: the classifier tells a line with stray spaces from a clean one, as at the CLI.
        guard let code = context.form.fields["code"]?.first,
              !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .formFieldMissing(field: .webVerifyScanLabel)
        }
        let folder = verifications, now = self.now
        return try await Blocking.run { () throws(SapuError) in try folder.scan(id, text: code, at: now) }
    }

    private func finishVerification(_ context: WebContext) async throws(SapuError) -> VerificationFolder.Snapshot {
        let id = context.parameters.get("id") ?? ""
        let folder = verifications, store = self.store, now = self.now
        return try await Blocking.run { () throws(SapuError) in try folder.finish(id, store: store, at: now) }
    }

    /// The receipt or its signature; no other file of the folder is handed out.
    private func receiptFile(_ context: WebContext) async throws(SapuError) -> ([UInt8], String) {
        let id = context.parameters.get("id") ?? "", name = context.parameters.get("file") ?? ""
        let folder = verifications
        return try await Blocking.run { () throws(SapuError) in
            let snapshot = try folder.snapshot(id)
            guard let receipt = snapshot.receipt, name == receipt.receipt || name == receipt.signature else {
                throw .downloadMissing(name)
            }
            return (try Downloads.read(name, in: try folder.folder(id)), name)
        }
    }

    /// A key file the clerk uploaded that is no key file is the upload's fault, not the server's
    /// (the status table speaks of the site's own key there).
    static func uploadStatus(_ error: SapuError) -> HTTPResponse.Status {
        if case .keyUnreadable = error { return .badRequest }
        return error.httpStatus
    }

    static func wantsJSON(_ request: Request) -> Bool {
        (request.headers[.accept] ?? "").lowercased().contains("application/json")
    }

    // MARK: Pages

    private func verifyIndex(_ context: WebContext, error: SapuError? = nil) async throws -> Response {
        let folder = verifications
        let list = try await Blocking.run { () throws(SapuError) in folder.list() }
        let language = context.language
        let model: [String: Any] = [
            "csrf": context.session?.formToken ?? "",
            "intro": Message.webVerifyIntro.text(language),
            "manifestLabel": Message.webVerifyManifestFile.text(language),
            "signatureLabel": Message.webVerifySignatureFile.text(language),
            "keyLabel": Message.webVerifyKeyFile.text(language),
            "button": Message.webVerifyUpload.text(language),
            "listTitle": Message.webVerifyListTitle.text(language),
            "none": Message.webVerifyNone.text(language),
            "hasList": !list.isEmpty,
            "columns": [Message.webVerifyColumnShipment, .webVerifyColumnShipper, .webVerifyExpected, .webVerifyReceived,
                        .webVerifyMissing, .webVerifyColumnState].map { $0.text(language) },
            "rows": list.map { snapshot -> [String: Any] in
                let verification = snapshot.verification
                return [
                    "id": snapshot.id, "shipment": snapshot.manifest.shipment,
                    "shipper": "\(snapshot.manifest.shipper.site ?? "") \(snapshot.manifest.shipper.name)",
                    "expected": verification.expectedCount, "received": verification.received.count,
                    "missing": verification.missing.count,
                    "state": (snapshot.receipt == nil ? Message.webVerifyOpen : .webVerifyFinished).text(language),
                ]
            },
        ]
        let body = try PageTemplate.verifyIndex.render(model)
        return page(Page("verify", title: .webVerifyTitle, body: body, status: error.map(Self.uploadStatus) ?? .ok,
                         error: error?.message.text(language)), context)
    }

    private func verificationPage(_ snapshot: VerificationFolder.Snapshot, _ context: WebContext,
                                  answer: VerifyScanJSON? = nil, notice: Message? = nil,
                                  status: HTTPResponse.Status = .ok) throws -> Response {
        let language = context.language
        let manifest = snapshot.manifest
        let verification = snapshot.verification
        let tallies = VerifyScanJSON.counts(verification)
        let tiles: [(String, Message)] = [
            ("expected", .webVerifyExpected), ("received", .webVerifyReceived), ("missing", .webVerifyMissing),
            ("extra", .webVerifyExtra), ("duplicate", .webVerifyDuplicate), ("forged", .webVerifyForged),
            ("mismatched", .webVerifyMismatched),
        ]
        let lists = VerifyScanJSON.lists(verification, language: language)
        let listTitles: [(String, Message)] = [
            ("missing-list", .webVerifyMissing), ("extra-list", .webVerifyExtra), ("duplicate-list", .webVerifyDuplicate),
            ("forged-list", .webVerifyForged), ("mismatched-list", .webVerifyMismatched), ("by-hand-list", .webVerifyByHand),
            ("unknown-key-list", .webVerifyUnknownKey), ("old-label-list", .webVerifyOldLabelOnly),
        ]
        var model: [String: Any] = [
            "id": snapshot.id, "csrf": context.session?.formToken ?? "",
            "facts": [
                ["label": Message.webVerifyShipper.text(language),
                 "value": "\(manifest.shipper.site ?? "") · \(manifest.shipper.name)"],
                ["label": Message.webVerifyConsignee.text(language), "value": manifest.consignee.name],
                ["label": Message.webVerifyClosed.text(language), "value": self.shownTime(manifest.closed)],
                ["label": Message.webVerifyVehicle.text(language),
                 "value": [manifest.vehicle, manifest.driver].compactMap { $0 }.joined(separator: " · ")],
            ],
            "genuine": Message.webVerifyGenuine(key: "\(manifest.shipper.site ?? "") \(manifest.keyID)",
                                                fingerprint: manifest.keyFingerprint).text(language),
            "scanLabel": Message.webVerifyScanLabel.text(language),
            "scanButton": Message.webVerifyScanButton.text(language),
            "tone": answer?.tone ?? "",
            "line": answer?.line ?? Message.webVerifyScanWaiting.text(language),
            "talliesTitle": Message.webVerifyTalliesTitle.text(language),
            "tiles": tiles.map { ["id": $0.0, "label": $0.1.text(language), "value": tallies[$0.0] ?? ""] },
            "listsTitle": Message.webVerifyListsTitle.text(language),
            "lists": listTitles.map { ["id": $0.0, "label": $0.1.text(language), "value": lists[$0.0] ?? ""] },
            "finishTitle": Message.webVerifyFinishTitle.text(language),
            "finishHint": Message.webVerifyFinishHint.text(language),
            "finishButton": Message.webVerifyFinishButton.text(language),
        ]
        if let receipt = snapshot.receipt {
            model["receipt"] = [
                "title": Message.webVerifyReceiptTitle.text(language),
                "made": Message.webVerifyReceiptMade(snapshot.finished.map { self.shownTime($0) } ?? "").text(language),
                "outdated": snapshot.scansSinceReceipt ? Message.webVerifyReceiptOutdated.text(language) : "",
                "hasOutdated": snapshot.scansSinceReceipt,
                "files": [receipt.receipt, receipt.signature].map { ["href": "/verify/\(snapshot.id)/files/\($0)", "name": $0] },
            ] as [String: Any]
        }
        let body = try PageTemplate.verification.render(model)
        return page(Page("verification", title: .webVerificationTitle(manifest.shipment), body: body, status: status,
                         notice: notice?.text(language)), context)
    }

    /// `2025-11-21 08:00:00 WIB` on this site's clock; the text as written when it is no time.
    func shownTime(_ iso: String) -> String {
        Instant(iso8601: iso).map(clock.shown) ?? iso
    }
}

/// The answer to a scan: the scan field contract's `tone`, `line`, `counts` and `fields`, and
/// for the API what the scan was.
struct VerifyScanJSON: Encodable {
    var tone: String
    var line: String
    var counts: [String: String]
    var fields: [String: String]
    var outcome: String?
    var bundle: String?
    var reason: String?
    var manual: Bool?
    /// Every line's answer when several were posted at once (API).
    var answers: [Line]?

    struct Line: Encodable {
        var input: String
        var outcome: String
        var bundle: String?
        var reason: String?
        var manual: Bool
    }

    init(_ answer: Verification.Answer?, snapshot: VerificationFolder.Snapshot, language: Language,
         all: [PartnerVerification.Scanned] = []) {
        let verification = snapshot.verification
        counts = Self.counts(verification).merging(Self.lists(verification, language: language)) { first, _ in first }
        fields = ["scan-input": ""]
        guard let answer else {
            tone = "repeat"
            line = Message.webVerifyScanWaiting.text(language)
            return
        }
        tone = switch answer.outcome {
        case .expected: "ok"
        case .duplicate: "repeat"
        default: "refused"
        }
        let progress = answer.outcome == .expected ? "\(answer.progress)/\(verification.expectedCount)" : ""
        line = Message.webVerifyAnswer(outcome: .verifyOutcome(answer.outcome), bundle: answer.bundle ?? "",
                                       progress: progress, manual: answer.manual, reason: answer.reason?.message).text(language)
        outcome = answer.outcome.rawValue
        bundle = answer.bundle
        reason = answer.reason?.message.text(language)
        manual = answer.manual
        if all.count > 1 {
            answers = all.map { Line(input: $0.input, outcome: $0.answer.outcome.rawValue, bundle: $0.answer.bundle,
                                     reason: $0.answer.reason?.message.text(language), manual: $0.answer.manual) }
        }
    }

    /// A scan refused before it was kept (nothing typed, no such verification).
    init(refusal: SapuError, language: Language) {
        tone = "refused"
        line = refusal.message.text(language)
        counts = [:]
        fields = [:]
        reason = line
    }

    /// The tallies by element id.
    static func counts(_ verification: Verification) -> [String: String] {
        [
            "expected": String(verification.expectedCount), "received": String(verification.received.count),
            "missing": String(verification.missing.count), "extra": String(verification.extra.count),
            "duplicate": String(verification.duplicates.count), "forged": String(verification.forgedCount),
            "mismatched": String(verification.mismatched.count),
        ]
    }

    /// The bundles behind each tally, by element id, at most `shown` of each.
    static func lists(_ verification: Verification, language: Language) -> [String: String] {
        func describe(_ mismatch: Verification.Mismatch) -> String {
            "\(mismatch.bundle) (\(Message.mismatchField(mismatch.field).text(language)) \(mismatch.manifest)→\(mismatch.label))"
        }
        func list(_ items: [String]) -> String {
            guard !items.isEmpty else { return Message.webVerifyNoBundles.text(language) }
            let more = items.count > shown ? " " + Message.webVerifyMore(items.count - shown).text(language) : ""
            return items.prefix(shown).joined(separator: " ") + more
        }
        return [
            "missing-list": list(verification.missing), "extra-list": list(verification.extra),
            "duplicate-list": list(verification.duplicates), "forged-list": list(verification.forgedClaims),
            "mismatched-list": list(verification.mismatched.map(describe)),
            "by-hand-list": list(verification.receivedByHand), "unknown-key-list": list(verification.unknownKeyBundles),
            "old-label-list": list(verification.oldLabelOnly.map(describe)),
        ]
    }

    static let shown = 200
}

/// A verification as the API gives it: the numbers the receipt carries, and the receipt's downloads.
struct VerificationJSON: Encodable {
    var id: String
    var shipment: String
    var shipper: String?
    var expected, received, receivedByHand, missing, extra, duplicates, forged, mismatched: Int
    var receivedBundles, receivedByHandBundles, missingBundles, extraBundles, duplicateBundles, forgedBundles: [String]
    var mismatchedBundles: [Verification.Mismatch]
    var receipt: String?
    var receiptSignature: String?
    var finished: String?

    init(_ snapshot: VerificationFolder.Snapshot) {
        let verification = snapshot.verification
        id = snapshot.id
        shipment = snapshot.manifest.shipment
        shipper = snapshot.manifest.shipper.site
        expected = verification.expectedCount
        received = verification.received.count
        receivedByHand = verification.receivedByHand.count
        missing = verification.missing.count
        extra = verification.extra.count
        duplicates = verification.duplicates.count
        forged = verification.forgedCount
        mismatched = verification.mismatched.count
        receivedBundles = verification.received
        receivedByHandBundles = verification.receivedByHand
        missingBundles = verification.missing
        extraBundles = verification.extra
        duplicateBundles = verification.duplicates
        forgedBundles = verification.forgedClaims
        mismatchedBundles = verification.mismatched
        if let names = snapshot.receipt {
            receipt = "/verify/\(snapshot.id)/files/\(names.receipt)"
            receiptSignature = "/verify/\(snapshot.id)/files/\(names.signature)"
        }
        finished = snapshot.finished
    }
}
