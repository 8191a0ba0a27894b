import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuStore
@testable import SapuWeb
import Testing

/// A workshop (PWT) that shipped five bundles to its registered partner CVPH, and the
/// partner's own site with its own database, where the verification happens.
struct ShippedToPartner: Sendable {
    let shop: WebFixture
    let partner: WebFixture
    let shipment: String
    let manifest: [UInt8]
    let signature: [UInt8]
    let key: [UInt8]
    /// The shipped bundles' ids and their labels' payloads, in id order.
    let ids: [String]
    let labels: [String]
    /// A genuine label of a bundle the workshop did not ship.
    let outside: String
    let outsideID: String
    let docs: String

    static let actor = Actor(operatorCode: "GUDANG1", station: "gudang")

    init() throws {
        let shop = try WebFixture(site: "PWT")
        let partner = try WebFixture(site: "CVPH")
        let day = WebFixture.day
        try shop.store.addMaker(Maker(code: "M042", name: nil, active: true))
        let batch = try shop.store.createBatch(product: "LIDI", date: day.date, at: day).code
        _ = try shop.store.inspect(batch: batch, maker: "M042", result: .pass(.a), count: 6, actor: Self.actor, at: day)
        let printed = try LabelPrinting.run(.init(selection: .batch(batch), again: false, template: nil, templateOverrides: nil,
                                                  format: .zpl, skip: 0, directory: shop.directory + "/labels", language: .id,
                                                  actor: Self.actor, now: day), store: shop.store)
        let ring = try KeyRing([shop.key.publicKey])
        let payloads = try printed.written.map { try LabelCodec.read($0.payload, keys: ring) }
        let received = try shop.store.applyScans(payloads.map { ScanRequest(bundle: $0.bundleID, label: $0) }, mode: .receive,
                                                 shipment: nil, actor: Self.actor, at: day)
        #expect(received.allSatisfy { $0.outcome == .accepted })
        _ = try PartnerRegistration.add(code: "CVPH", name: "CV. Pusat Handicraft", address: "Kroya, Cilacap",
                                        keyFile: KeyFiles(databasePath: partner.store.path, site: "CVPH").publicPath,
                                        store: shop.store, at: day)
        let shipment = try shop.store.createShipment(ShipmentDraft(partner: "CVPH", vehicle: "R 1234 AB", driver: "Darto"), at: day)
        let packed = try shop.store.applyScans(payloads.prefix(5).map { ScanRequest(bundle: $0.bundleID, label: $0) }, mode: .pack,
                                               shipment: shipment.id, actor: Self.actor, at: day)
        #expect(packed.allSatisfy { $0.outcome == .accepted })
        docs = shop.directory + "/docs"
        let closed = try ShipmentClosing.close(shipment.id, store: shop.store, into: docs, language: .id, at: day)
        _ = try shop.store.shipShipment(shipment.id, actor: Self.actor, at: day)
        self.shop = shop
        self.partner = partner
        self.shipment = shipment.id
        manifest = try ShipmentFiles.read(closed.manifest)
        signature = try ShipmentFiles.read(closed.signature)
        key = try ShipmentFiles.read(KeyFiles(databasePath: shop.store.path, site: "PWT").publicPath)
        ids = payloads.prefix(5).map(\.bundleID.description)
        labels = Array(printed.written.prefix(5).map(\.payload))
        outside = printed.written[5].payload
        outsideID = payloads[5].bundleID.description
    }

    var stem: String { ShipmentID(typed: shipment)!.fileStem }

    /// The three files as the clerk uploads them.
    func files(manifest: [UInt8]? = nil, signature: [UInt8]? = nil, key: [UInt8]? = nil)
        -> [(name: String, fileName: String, bytes: [UInt8])] {
        [("manifest", stem + ".manifest.json", manifest ?? self.manifest),
         ("signature", stem + ".manifest.sig", signature ?? self.signature),
         ("key", "PWT.pub", key ?? self.key)]
    }
}

extension Browser {
    /// Posts a scan as the page's script does: urlencoded, the token in a header, JSON wanted.
    func scan(_ client: any TestClientProtocol, _ id: String, _ code: String) async throws -> [String: Any] {
        let body = "code=\(Self.encode(code))&csrf=\(Self.encode(csrf ?? ""))"
        let response = try await client.execute(uri: "/verify/\(id)/scan", method: .post, headers: headers([
            .contentType: "application/x-www-form-urlencoded", .accept: "application/json",
        ], csrfHeader: true), body: ByteBuffer(string: body))
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }
}

@Suite("sapu serve: partner verification (/verify)")
struct VerificationPageTests {
    /// The id of the verification an upload started, from the redirect.
    static func started(_ response: TestResponse) throws -> String {
        #expect(response.status == .seeOther, "\(response.text)")
        let location = try #require(response.headers[.location])
        #expect(location.hasPrefix("/verify/"))
        return String(location.dropFirst("/verify/".count))
    }

    static func counts(_ answer: [String: Any]) -> [String: String] {
        (answer["counts"] as? [String: String]) ?? [:]
    }

    @Test func thePartnerUploadsScansEveryKindOfLabelFinishesAndTheWorkshopReconcilesTheReceipt() async throws {
        let shipped = try ShippedToPartner()
        let receipt = try await shipped.partner.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let index = try await browser.get(client, "/verify")
            #expect(index.status == .ok)
            #expect(index.text.contains("id=\"verify-form\"") && index.text.contains("name=\"csrf\""))
            let id = try Self.started(try await browser.upload(client, "/verify", files: shipped.files()))
            #expect(id.hasPrefix(shipped.stem + "-"))

            let page = try await browser.get(client, "/verify/" + id)
            #expect(page.status == .ok)
            for element in ["id=\"scan-input\"", "id=\"expected\">5<", "id=\"received\">0<", "id=\"missing\">5<",
                            "id=\"finish-verification\"", "class=\"scan-form", "id=\"scan-result\""] {
                #expect(page.text.contains(element), "\(element)")
            }

            // Each scan's answer carries the tallies the page shows.
            for (index, label) in shipped.labels.prefix(4).enumerated() {
                let answer = try await browser.scan(client, id, label)
                #expect(answer["tone"] as? String == "ok")
                #expect((answer["line"] as? String)?.hasPrefix("SESUAI " + shipped.ids[index]) == true, "\(answer)")
                #expect(Self.counts(answer)["received"] == String(index + 1))
                #expect(Self.counts(answer)["missing"] == String(4 - index))
            }
            let duplicate = try await browser.scan(client, id, shipped.labels[0])
            #expect(duplicate["tone"] as? String == "repeat")
            #expect(Self.counts(duplicate)["duplicate"] == "1" && Self.counts(duplicate)["received"] == "4")

            let genuine = shipped.labels[4]
            // A character inside the signature: the last one also carries padding bits, and
            // changing only those leaves a signature that is not even well-formed.
            var characters = Array(genuine)
            let position = characters.count - 10
            characters[position] = characters[position] == "0" ? "1" : "0"
            let forged = String(characters)
            let refused = try await browser.scan(client, id, forged)
            #expect(refused["tone"] as? String == "refused")
            #expect((refused["line"] as? String)?.hasPrefix("PALSU") == true, "\(refused)")
            #expect(Self.counts(refused)["forged"] == "1" && Self.counts(refused)["missing"] == "1")
            #expect(Self.counts(refused)["forged-list"] == shipped.ids[4])

            let extra = try await browser.scan(client, id, shipped.outside)
            #expect(extra["tone"] as? String == "refused")
            #expect(Self.counts(extra)["extra"] == "1" && Self.counts(extra)["extra-list"] == shipped.outsideID)
            #expect(Self.counts(extra)["missing-list"] == shipped.ids[4])

            // The last bundle arrives after all.
            let last = try await browser.scan(client, id, genuine)
            #expect(Self.counts(last)["received"] == "5" && Self.counts(last)["missing"] == "0")

            // Finish: the receipt and its signature are offered as downloads.
            let finished = try await browser.post(client, "/verify/\(id)/finish", [])
            #expect(finished.status == .seeOther)
            let done = try await browser.get(client, try #require(finished.headers[.location]))
            let receiptName = shipped.stem + ".receipt.json", signatureName = shipped.stem + ".receipt.sig"
            #expect(done.text.contains("class=\"download\" href=\"/verify/\(id)/files/\(receiptName)\""), "\(done.text)")
            #expect(done.text.contains("class=\"notice\""))
            let receipt = try await browser.get(client, "/verify/\(id)/files/\(receiptName)")
            let signature = try await browser.get(client, "/verify/\(id)/files/\(signatureName)")
            #expect(receipt.status == .ok && signature.status == .ok)
            #expect(receipt.headers[.contentDisposition] == "attachment; filename=\"\(receiptName)\"")
            return (Array(receipt.body.readableBytesView), Array(signature.body.readableBytesView))
        }

        let json = try #require(try JSONSerialization.jsonObject(with: Data(receipt.0)) as? [String: Any])
        #expect(json["receiver"].flatMap { ($0 as? [String: Any])?["site"] as? String } == "CVPH")
        #expect(json["received"] as? [String] == shipped.ids)
        #expect(json["extra"] as? [String] == [shipped.outsideID])
        #expect(json["duplicates"] as? [String] == [shipped.ids[0]])
        #expect(json["forged"] as? Int == 1)

        // The workshop imports it as it imports one from `sapu verify --finish`.
        let folder = shipped.shop.directory + "/mail"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(receipt.0).write(to: URL(fileURLWithPath: folder + "/r.receipt.json"))
        try Data(receipt.1).write(to: URL(fileURLWithPath: folder + "/r.receipt.sig"))
        let applied = try Reconciliation.apply(receipt: folder + "/r.receipt.json", store: shipped.shop.store,
                                               actor: ShippedToPartner.actor, at: WebFixture.day)
        #expect(applied.partner.code == "CVPH")
        // Everything arrived, but with a label from outside the shipment and a forged one: disputed.
        #expect(applied.changed >= 5)
        #expect(try shipped.shop.store.shipment(shipped.shipment).status == .disputed)
        #expect(try shipped.ids.allSatisfy { try shipped.shop.store.bundle(BundleID(typed: $0)!).state == .received })
    }

    @Test func theSameManifestUploadedAgainResumesItsVerificationFromDisk() async throws {
        let shipped = try ShippedToPartner()
        let first = try await shipped.partner.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let id = try Self.started(try await browser.upload(client, "/verify", files: shipped.files()))
            _ = try await browser.scan(client, id, shipped.labels[0])
            _ = try await browser.scan(client, id, shipped.labels[1])
            return id
        }
        // Another server process on the same files (a restart): the two scans were on disk.
        let restarted = try WebServer(store: shipped.partner.store, files: shipped.partner.server.files, clock: .standard,
                                      fixedNow: WebFixture.day)
        let state = shipped.partner.server.files + "/verify/\(first)/\(shipped.stem).verify.jsonl"
        let lines = try String(contentsOfFile: state, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        let app = Application(router: restarted.router())
        try await app.test(.router) { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let again = try Self.started(try await browser.upload(client, "/verify", files: shipped.files()))
            #expect(again == first)
            let page = try await browser.get(client, "/verify/" + again)
            #expect(page.text.contains("id=\"received\">2<") && page.text.contains("id=\"missing\">3<"))
            // Another manifest of the same shipment (the workshop signed a corrected one) is a verification of its own.
            var corrected = try ShipmentFiles.decodeManifest(shipped.manifest, path: "m")
            corrected.driver = "Sutrisno"
            let bytes = ShipmentFiles.encode(corrected)
            let signature = Array(DetachedSignature(signing: bytes, with: shipped.shop.key).text.utf8)
            let other = try Self.started(try await browser.upload(client, "/verify", files: shipped.files(manifest: bytes,
                                                                                                             signature: signature)))
            #expect(other != first && other.hasPrefix(shipped.stem + "-"))
            #expect(try await browser.get(client, "/verify/" + other).text.contains("id=\"received\">0<"))
            let list = try await browser.get(client, "/api/v1/verifications")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [[String: Any]])
            #expect(json.count == 2)
            #expect(json.first { $0["id"] as? String == first }?["received"] as? Int == 2)
        }
    }

    @Test func withoutTheScriptAScanPostsAndThePageRendersTheAnswer() async throws {
        let shipped = try ShippedToPartner()
        try await shipped.partner.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let id = try Self.started(try await browser.upload(client, "/verify", files: shipped.files()))
            let page = try await browser.post(client, "/verify/\(id)/scan", [("code", shipped.ids[2])])
            #expect(page.status == .ok)
            #expect(page.text.contains("class=\"result ok\""))
            #expect(page.text.contains("SESUAI \(shipped.ids[2]) (1/5) (diketik manual)"), "\(page.text)")
            #expect(page.text.contains("id=\"received\">1<"))
            let garbage = try await browser.post(client, "/verify/\(id)/scan", [("code", "HELLO WORLD")])
            #expect(garbage.text.contains("class=\"result refused\""))
            #expect(garbage.text.contains("BUKAN SAPU HELLO WORLD — "), "\(garbage.text)")
            let empty = try await browser.post(client, "/verify/\(id)/scan", [("code", "  ")])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("class=\"result refused\""))
            #expect(empty.text.contains("isian &quot;Kode label atau nomor ikatan&quot; wajib diisi"))
        }
    }

    @Test func aManifestThatIsNotGenuineIsRefusedOnThePageAndNothingIsKept() async throws {
        let shipped = try ShippedToPartner()
        try await shipped.partner.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            var altered = shipped.manifest
            altered[altered.count / 2] ^= 0x01
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64)
            let otherSite = try ShipmentFiles.read(KeyFiles(databasePath: shipped.partner.store.path, site: "CVPH").publicPath)
            let cases: [([(name: String, fileName: String, bytes: [UInt8])], String)] = [
                (shipped.files(manifest: altered), "tanda tangan manifest \(shipped.stem).manifest.json tidak cocok"),
                (shipped.files(manifest: png), "tanda tangan manifest \(shipped.stem).manifest.json tidak cocok"),
                (shipped.files(key: Array("bukan kunci\n".utf8)), "berkas kunci PWT.pub:1 rusak atau tidak terbaca"),
                (shipped.files(key: otherSite), "yang tidak ada di berkas kunci publik Anda"),
                (Array(shipped.files().prefix(2)), "isian &quot;Kunci publik Lapas (.pub)&quot; wajib diisi"),
            ]
            for (files, expected) in cases {
                let refused = try await browser.upload(client, "/verify", files: files)
                #expect(refused.status == .badRequest, "\(expected)")
                #expect(refused.text.contains("class=\"error\""))
                #expect(refused.text.contains(expected), "\(refused.text)")
                #expect(refused.text.contains("id=\"verify-form\""))
            }
            let kept = (try? FileManager.default.contentsOfDirectory(atPath: shipped.partner.server.files + "/verify")) ?? []
            #expect(kept.isEmpty, "\(kept)")
            // The API says the same in English for an English-speaking user.
            let english = try await client.execute(uri: "/api/v1/verifications", method: .post, headers: browser.headers([
                .contentType: "application/json", .acceptLanguage: "en",
            ], csrfHeader: true), body: ByteBuffer(string: "{}"))
            #expect(english.status == .badRequest)
            #expect(english.text.contains("\"error\""))
        }
    }

    @Test func anUploadOverTheLimitIsRefusedByTheGate() async throws {
        let shipped = try ShippedToPartner()
        try await shipped.partner.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let big = [UInt8](repeating: 0x20, count: 21 << 20)
            let refused = try await browser.upload(client, "/verify", files: shipped.files(manifest: big))
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("kiriman lebih dari 20 MiB"))
        }
    }

    @Test func onlyTheReceiptAndItsSignatureCanBeDownloaded() async throws {
        let shipped = try ShippedToPartner()
        try await shipped.partner.test { client in
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let id = try Self.started(try await browser.upload(client, "/verify", files: shipped.files()))
            let before = try await browser.get(client, "/verify/\(id)/files/\(shipped.stem).receipt.json")
            #expect(before.status == .notFound)
            _ = try await browser.post(client, "/verify/\(id)/finish", [])
            for name in ["..", "..%2F..%2Fsapu.sqlite", "manifest.json", "key.pub", "\(shipped.stem).verify.jsonl", ".%2E"] {
                let refused = try await browser.get(client, "/verify/\(id)/files/\(name)")
                #expect(refused.status == .notFound, "\(name)")
            }
            for bad in ["..", "x", "..%2F..", "%2E%2E"] {
                let refused = try await browser.get(client, "/verify/\(bad)")
                #expect(refused.status == .notFound, "\(bad)")
            }
            let gudang = try await Browser.logIn(client, as: "GUDANG1")
            #expect(try await gudang.get(client, "/verify/\(id)").status == .forbidden)
        }
    }

    @Test func everyTextOfTheVerificationPagesIsInTheUsersLanguage() async throws {
        let shipped = try ShippedToPartner()
        try await shipped.partner.test { client in
            var browser = try await Browser.logIn(client, as: "MITRA1")
            let id = try Self.started(try await browser.upload(client, "/verify", files: shipped.files()))
            let indonesian = try await browser.get(client, "/verify/" + id)
            #expect(indonesian.text.contains("Pindai label setiap ikatan"))
            #expect(indonesian.text.contains("Selesai dan buat tanda terima"))
            _ = try await browser.post(client, "/language", [])
            browser = try await Browser.logIn(client, as: "MITRA1")
            let english = try await browser.get(client, "/verify/" + id)
            #expect(english.text.contains("Scan each bundle&#39;s label") || english.text.contains("Scan each bundle"))
            #expect(english.text.contains("Finish and make the receipt"))
            let answer = try await browser.scan(client, id, shipped.labels[0])
            #expect((answer["line"] as? String)?.hasPrefix("EXPECTED " + shipped.ids[0]) == true, "\(answer)")
            let index = try await browser.get(client, "/verify")
            #expect(index.text.contains("Upload the three files"))
        }
    }
}
