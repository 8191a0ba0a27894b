import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

/// The bundle page: state, label text and history; found by a typed id (a manual entry) or
/// by a scanned label (verified), never one taken for the other.
@Suite struct BundlePageTests {
    /// Two labelled bundles; returns the signed payload of the first one's label.
    static func labelled(_ client: any TestClientProtocol, _ browser: Browser, batch: String) async throws -> String {
        _ = try await LabelPageTests.inspected(client, browser, batch: batch)
        let response = try await client.execute(uri: "/api/v1/labels", method: .post,
                                                headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                body: ByteBuffer(string: "{\"batch\":\"\(batch)\",\"format\":\"zpl\"}"))
        let list = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]]
        return try #require(list?.first?["payload"] as? String)
    }

    static func search(_ text: String) -> String {
        "/bundles?q=" + Browser.encode(text)
    }

    @Test func theBundlePageShowsStateLabelTextAndHistory() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            _ = try await Self.labelled(client, qc, batch: batch)
            let clerk = try await Browser.logIn(client, as: "GUDANG1")
            let page = try await clerk.get(client, "/bundles/\(batch)-0001")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<dd id=\"bundle-state\">diperiksa</dd>") || html.contains("id=\"bundle-state\">"))
            #expect(html.contains("Sapu Lidi"))
            #expect(html.contains("Batch \(batch)"))
            #expect(html.contains("Pembuat M042"))
            #expect(html.contains("Tgl QC 2025-11-21"))
            #expect(html.contains("LULUS A"))
            #expect(html.contains("Revisi R1"))
            #expect(html.contains("id=\"bundle-history\""))
            #expect(html.components(separatedBy: "<td>QC1</td>").count == 3)
            #expect(html.contains("<td>web "))
            // Neither typed nor scanned: no claim either way.
            #expect(!html.contains("id=\"bundle-entry\""))
            // The clerk is not offered the labels page, which the gate would refuse.
            #expect(!html.contains("href=\"/labels?bundles="))

            let json = try await clerk.get(client, "/api/v1/bundles/\(batch)-0001")
            #expect(json.status == .ok)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [String: Any])
            #expect(object["id"] as? String == "\(batch)-0001")
            #expect((object["history"] as? [[String: Any]])?.map { $0["move"] as? String } == ["inspect", "label"])
            #expect((object["history"] as? [[String: Any]])?.first?["operator"] as? String == "QC1")

            #expect(try await clerk.get(client, "/bundles/\(batch)-0404").status == .notFound)
            #expect(try await clerk.get(client, "/api/v1/bundles/\(batch)-0404").status == .notFound)
            #expect(try await clerk.get(client, "/api/v1/bundles/nonsense").status == .badRequest)
        }
    }

    @Test func aTypedIdIsAManualEntryAndAScannedLabelIsVerified() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let payload = try await Self.labelled(client, browser, batch: batch)

            let typed = try await browser.get(client, Self.search("\(batch)-0001"))
            #expect(typed.status == .ok)
            #expect(typed.text.contains("class=\"manual-entry notice\""))
            #expect(typed.text.contains("Isian manual"))
            #expect(!typed.text.contains("Label terverifikasi"))

            // As a wedge scanner types it: lower case (Caps Lock) is still the label.
            let scanned = try await browser.get(client, Self.search(payload.lowercased()))
            #expect(scanned.status == .ok)
            #expect(scanned.text.contains("class=\"verified-label notice\""))
            #expect(scanned.text.contains("Label terverifikasi"))
            #expect(!scanned.text.contains("Isian manual"))
            #expect(scanned.text.contains("\(batch)-0001"))

            // One character changed: forged, no bundle shown.
            var characters = Array(payload)
            characters[characters.count - 5] = characters[characters.count - 5] == "A" ? "B" : "A"
            let forged = try await browser.get(client, Self.search(String(characters)))
            #expect((400..<500).contains(forged.status.code))
            #expect(forged.text.contains("class=\"error\""))
            #expect(!forged.text.contains("id=\"bundle-history\""))

            // Garbage and a cut-short scan: a clear line, no bundle.
            for text in ["%%%###", String(payload.prefix(40))] {
                let response = try await browser.get(client, Self.search(text))
                #expect(response.status == .badRequest, "\(text)")
                #expect(response.text.contains("class=\"error\""))
            }

            // Re-inspected and labelled again: the old label verifies but is superseded.
            _ = try await browser.post(client, "/inspect/again", [("bundles", "\(batch)-0001"), ("result", "pass"), ("grade", "B")])
            _ = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001")])
            let old = try await browser.get(client, Self.search(payload))
            #expect(old.status == .ok)
            #expect(old.text.contains("class=\"verified-label error\""))
            #expect(old.text.contains("bukan label yang berlaku"))
            #expect(!old.text.contains("Label terverifikasi"))

            let empty = try await browser.get(client, "/bundles")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("id=\"bundle-search\""))
        }
    }
}
