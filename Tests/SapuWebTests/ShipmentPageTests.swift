import Foundation
import HTTPTypes
import HummingbirdTesting
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

/// Shipments in the browser: open, pack on the scanning page, close, ship, download, reconcile.
@Suite struct ShipmentPageTests {
    /// Receives the labels and packs them into a new shipment through the pages; returns its number.
    static func packedShipment(_ client: any TestClientProtocol, _ browser: Browser, labels: [LabelPrinting.Written],
                               driver: String = "Pak Slamet") async throws -> String {
        for label in labels {
            _ = try await browser.fetch(client, "/scan", [("code", label.payload), ("mode", "receive")])
        }
        let created = try await browser.post(client, "/shipments", [("partner", ""), ("to", ""), ("vehicle", "R 1234 AB"),
                                                                   ("driver", driver), ("ref", "PO-17")])
        #expect(created.status == .seeOther)
        let location = try #require(created.headers[.location])
        let id = try #require(ShipmentID(typed: String(location.dropFirst("/shipments/".count)))).description
        #expect(location == "/shipments/" + (ShipmentID(typed: id)?.fileStem ?? ""))
        let page = try await browser.get(client, location)
        #expect(page.text.contains("href=\"/scan?mode=pack&amp;shipment=\(ShipmentID(typed: id)!.fileStem)\""), "\(page.text)")
        for label in labels {
            let packed = try await browser.fetch(client, "/scan", [("code", label.payload), ("mode", "pack"),
                                                                   ("shipment", ShipmentID(typed: id)!.fileStem)])
            #expect(try packed.object["tone"] as? String == "ok")
        }
        return id
    }

    @Test func aShipmentIsOpenedPackedClosedShippedAndItsDocumentsDownloaded() async throws {
        let fixture = try WebFixture()
        _ = try fixture.registerPartner()
        let labels = try fixture.labelledBundles(3)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let id = try await Self.packedShipment(client, browser, labels: labels)
            let path = "/shipments/" + ShipmentID(typed: id)!.fileStem
            let list = try await browser.get(client, "/shipments")
            #expect(list.text.contains(">\(id)</a>") && list.text.contains("id=\"shipment-form\""))

            let open = try await browser.get(client, path)
            #expect(open.text.contains("id=\"close-shipment\"") && !open.text.contains("id=\"ship-shipment\""))
            #expect(open.text.contains("id=\"shipment-bundle-count\">3<"))
            #expect(!open.text.contains("class=\"download\""))

            let closed = try await browser.post(client, path + "/close", [])
            #expect(closed.status == .seeOther && closed.headers[.location] == path + "?done=closed")
            let page = try await browser.get(client, path + "?done=closed")
            #expect(page.text.contains("class=\"notice\"") && page.text.contains("id=\"ship-shipment\""))
            let stem = ShipmentID(typed: id)!.fileStem
            for name in [stem + ".manifest.json", stem + ".manifest.sig", stem + ".csv", stem + ".pdf"] {
                #expect(page.text.contains("class=\"download\" href=\"\(path)/files/\(name)\""), "\(name)")
            }
            let pdf = try await browser.get(client, path + "/files/\(stem).pdf")
            #expect(pdf.status == .ok && pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.bytes.starts(with: Array("%PDF".utf8)))
            let manifest = try await browser.get(client, path + "/files/\(stem).manifest.json")
            let signature = try await browser.get(client, path + "/files/\(stem).manifest.sig")
            let detached = try #require(DetachedSignature(text: signature.text))
            #expect(try detached.verify(manifest.bytes, keys: try KeyRing([fixture.key.publicKey])).keyID == "K1")
            let parsed = try ShipmentFiles.decodeManifest(manifest.bytes, path: "m")
            #expect(parsed.bundles.map(\.id) == labels.map(\.bundle.id.description) && parsed.driver == "Pak Slamet")
            let csv = try await browser.get(client, path + "/files/\(stem).csv")
            #expect(csv.text.hasPrefix("NO,IKATAN") || csv.text.contains(labels[0].bundle.id.description), "\(csv.text)")

            let shipped = try await browser.post(client, path + "/ship", [])
            #expect(shipped.status == .seeOther)
            let after = try await browser.get(client, path + "?done=shipped")
            #expect(after.text.contains("id=\"reconcile-form\"") && !after.text.contains("id=\"ship-shipment\""))
            // Shipping twice: the reason, on the page, with a 4xx.
            let twice = try await browser.post(client, path + "/ship", [])
            #expect(twice.status == .conflict && twice.text.contains("class=\"error\""))

            let json = try await browser.get(client, "/api/v1/shipments/\(stem)")
            let object = try json.object
            #expect(object["status"] as? String == "shipped" && object["bundleCount"] as? Int == 3)
            #expect((object["documents"] as? [String])?.count == 4)
        }
        let shipment = try fixture.store.shipments()[0]
        #expect(shipment.status == .shipped && shipment.vehicle == "R 1234 AB" && shipment.reference == "PO-17")
        let last = try fixture.history(labels[0].bundle.id.description).last
        #expect(last?.move == .ship && last?.actor.operatorCode == "GUDANG1" && last?.actor.station.hasPrefix("web ") == true)
    }

    @Test func aShipmentClosedAtTheCommandLineIsDownloadedFromTheKeptBytes() async throws {
        let fixture = try WebFixture()
        _ = try fixture.registerPartner()
        let labels = try fixture.labelledBundles(1)
        let shipment = try fixture.store.createShipment(ShipmentDraft(), at: WebFixture.day)
        let station = try ScanStation(store: fixture.store, keys: try KeyRing([fixture.key.publicKey]), mode: .receive, shipment: nil,
                                      actor: WebFixture.qc, clock: { WebFixture.day })
        _ = station.process([labels[0].payload])
        let packer = try ScanStation(store: fixture.store, keys: try KeyRing([fixture.key.publicKey]), mode: .pack,
                                     shipment: shipment.id, actor: WebFixture.qc, clock: { WebFixture.day })
        _ = packer.process([labels[0].payload])
        let elsewhere = fixture.directory + "/cli-out"
        let closed = try ShipmentClosing.close(shipment.id, store: fixture.store, into: elsewhere, language: .id, at: WebFixture.day)
        try FileManager.default.removeItem(atPath: closed.pdf)
        let stem = ShipmentID(typed: shipment.id)!.fileStem
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let pdf = try await browser.get(client, "/shipments/\(stem)/files/\(stem).pdf")
            #expect(pdf.status == .ok && pdf.bytes.starts(with: Array("%PDF".utf8)))
            for name in ["..%2F..%2Fsapu.sqlite", "\(stem).receipt.json", ".\(stem).pdf"] {
                #expect(try await browser.get(client, "/shipments/\(stem)/files/\(name)").status == .notFound, "\(name)")
            }
        }
    }

    @Test func closingAnEmptyShipmentOrOpeningOneForAnUnknownPartnerSaysWhyAndKeepsTheForm() async throws {
        let fixture = try WebFixture()
        _ = try fixture.registerPartner()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let unknown = try await browser.post(client, "/shipments", [("partner", "XYZ"), ("driver", "Pak Budi")])
            #expect(unknown.status.code >= 400 && unknown.status.code < 500)
            #expect(unknown.text.contains("class=\"error\"") && unknown.text.contains("value=\"Pak Budi\""))
            #expect(try fixture.store.shipments().isEmpty)

            let created = try await browser.post(client, "/shipments", [])
            let location = try #require(created.headers[.location])
            let empty = try await browser.post(client, location + "/close", [])
            #expect(empty.status.code >= 400 && empty.status.code < 500)
            #expect(empty.text.contains("class=\"error\"") && empty.text.contains("id=\"close-shipment\""))
            #expect(try fixture.store.shipments()[0].status == .open)
            #expect(try await browser.get(client, "/shipments/123-XX").status == .notFound)
        }
    }

    @Test func theReceiptIsReconciledAndOneForAnotherShipmentIsRefused() async throws {
        let fixture = try WebFixture()
        let partner = try fixture.registerPartner()
        let first = try fixture.labelledBundles(2)
        let second = try fixture.labelledBundles(1, maker: "M043")
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            var manifests: [[UInt8]] = []
            var stems: [String] = []
            for labels in [first, second] {
                let id = try await Self.packedShipment(client, browser, labels: labels)
                let stem = ShipmentID(typed: id)!.fileStem
                _ = try await browser.post(client, "/shipments/\(stem)/close", [])
                _ = try await browser.post(client, "/shipments/\(stem)/ship", [])
                manifests.append(try await browser.get(client, "/shipments/\(stem)/files/\(stem).manifest.json").bytes)
                stems.append(stem)
            }
            // The partner got one of the two bundles of the first shipment.
            let receipt = try fixture.receipt(manifest: manifests[0], scanned: [first[0].payload], partner: partner)
            let before = try fixture.store.shipments().map(\.status)
            let wrong = try await browser.upload(client, "/shipments/\(stems[1])/reconcile", files: [
                ("receipt", "\(stems[0]).receipt.json", receipt.receipt), ("signature", "\(stems[0]).receipt.sig", Array(receipt.signature.utf8)),
            ])
            #expect(wrong.status.code >= 400 && wrong.status.code < 500)
            #expect(wrong.text.contains("class=\"error\""), "\(wrong.text)")
            #expect(try fixture.store.shipments().map(\.status) == before)

            let forged = try await browser.upload(client, "/shipments/\(stems[0])/reconcile", files: [
                ("receipt", "r.json", receipt.receipt + Array(" ".utf8)), ("signature", "r.sig", Array(receipt.signature.utf8)),
            ])
            #expect(forged.status.code >= 400 && forged.text.contains("class=\"error\""))

            let right = try await browser.upload(client, "/shipments/\(stems[0])/reconcile", files: [
                ("receipt", "\(stems[0]).receipt.json", receipt.receipt), ("signature", "\(stems[0]).receipt.sig", Array(receipt.signature.utf8)),
            ])
            #expect(right.status == .ok)
            #expect(right.text.contains("id=\"reconcile-result\""), "\(right.text)")
            #expect(right.text.contains(first[1].bundle.id.description), "\(right.text)")
            #expect(right.text.contains("PHC"))
        }
        #expect(try fixture.store.bundle(first[0].bundle.id).state == .received)
        #expect(try fixture.store.bundle(first[1].bundle.id).state == .missing)
        #expect(try fixture.store.shipments().map(\.status).contains(.disputed))
        #expect(try fixture.store.bundle(second[0].bundle.id).state == .shipped)
    }

    @Test func theAPIOpensClosesShipsAndReconcilesWithTheSameWorkflows() async throws {
        let fixture = try WebFixture()
        let partner = try fixture.registerPartner()
        let labels = try fixture.labelledBundles(2)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "ADMIN")
            for label in labels {
                _ = try await browser.fetch(client, "/api/v1/scans", [("code", label.payload), ("mode", "receive")])
            }
            let created = try await browser.fetch(client, "/api/v1/shipments", [("driver", "Pak Slamet"), ("to", "Gudang Kroya")])
            #expect(created.status == .created)
            let id = try #require(try created.object["id"] as? String)
            #expect(try created.object["consignee"] as? String == "Gudang Kroya")
            let stem = try #require(ShipmentID(typed: id)).fileStem
            let stranger = try await browser.fetch(client, "/api/v1/shipments", [("partner", "ZZZ")])
            let refusal = try stranger.object["error"] as? String
            #expect(stranger.status == .notFound && refusal?.contains("ZZZ") == true, "\(String(describing: refusal))")
            for label in labels {
                _ = try await browser.fetch(client, "/api/v1/scans", [("code", label.payload), ("mode", "pack"), ("shipment", id)])
            }
            let closed = try await browser.fetch(client, "/api/v1/shipments/\(stem)/close", [])
            #expect(try closed.object["status"] as? String == "closed")
            let documents = try #require(try closed.object["documents"] as? [String])
            #expect(documents == ["manifest.json", "manifest.sig", "csv", "pdf"].map { "/shipments/\(stem)/files/\(stem).\($0)" })
            #expect(try await browser.fetch(client, "/api/v1/shipments/\(stem)/ship", []).status == .ok)
            let manifest = try await browser.get(client, documents[0]).bytes
            let receipt = try fixture.receipt(manifest: manifest, scanned: labels.map(\.payload), partner: partner)
            let reconciled = try await browser.upload(client, "/api/v1/shipments/\(stem)/reconcile", files: [
                ("receipt", "r.json", receipt.receipt), ("signature", "r.sig", Array(receipt.signature.utf8)),
            ])
            let result = try reconciled.object
            #expect(reconciled.status == .ok && result["status"] as? String == "delivered" && result["received"] as? Int == 2,
                    "\(result)")
            #expect(result["effect"] as? String == "applied" && (result["lines"] as? [String])?.first?.contains("PHC") == true)
            let again = try await browser.upload(client, "/api/v1/shipments/\(stem)/reconcile", files: [
                ("receipt", "r.json", receipt.receipt), ("signature", "r.sig", Array(receipt.signature.utf8)),
            ])
            #expect(try again.object["effect"] as? String == "already-applied")
            let missing = try await browser.upload(client, "/api/v1/shipments/\(stem)/reconcile", files: [
                ("receipt", "r.json", receipt.receipt),
            ])
            #expect(missing.status == .badRequest)
        }
        #expect(try labels.allSatisfy { try fixture.store.bundle($0.bundle.id).state == .received })
    }
}
