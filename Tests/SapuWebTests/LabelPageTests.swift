import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SapuApp
import SapuCore
import SapuLabels
import SapuStore
import Testing
@testable import SapuWeb

/// Labels in the browser: written into a job folder, downloaded, and exactly the signed text.
@Suite struct LabelPageTests {
    static func downloads(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "class=\"download\" href=\"([^\"]+)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// Two passed bundles of today's batch, recorded through the page.
    static func inspected(_ client: any TestClientProtocol, _ browser: Browser, batch: String) async throws -> [String] {
        let response = try await browser.post(client, "/inspect", [
            ("batch", batch), ("maker", "M042"), ("result", "pass"), ("grade", "A"), ("count", "2"),
        ])
        return InspectionPageTests.bundleIDs(response.text)
    }

    @Test func pngLabelsAreDownloadedAndDecodeToTheSignedPayload() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        let files = try await fixture.test { client -> [(String, [UInt8])] in
            let browser = try await Browser.logIn(client, as: "QC1")
            let ids = try await Self.inspected(client, browser, batch: batch)
            let page = try await browser.get(client, "/labels")
            #expect(page.text.contains("id=\"label-form\""))
            #expect(page.text.contains("thermal-50x30"))
            let response = try await browser.post(client, "/labels", [("bundles", ids.joined(separator: " ")), ("format", "png")])
            #expect(response.status == .ok)
            #expect(response.text.contains("2 label ditulis"))
            let links = Self.downloads(response.text)
            #expect(links.count == 2)
            var files: [(String, [UInt8])] = []
            for link in links {
                let file = try await browser.get(client, link)
                #expect(file.status == .ok)
                #expect(file.headers[.contentType] == "image/png")
                files.append((link, Array(file.body.readableBytesView)))
            }
            return files
        }
        let ring = try KeyRing([fixture.key.publicKey])
        for (link, bytes) in files {
            let path = fixture.directory + "/" + (link as NSString).lastPathComponent
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let texts = try QRImageDecoder.decode(fileAt: path)
            #expect(texts.count == 1)
            let label = try LabelCodec.parse(try #require(texts.first))
            try LabelCodec.verify(label, keys: ring)
            #expect(link.hasSuffix("/" + label.payload.bundleID.description + ".png"))
            #expect(label.payload.maker == "M042" && label.payload.result == .pass(.a) && label.payload.revision == 1)
        }
        let bundle = try fixture.store.bundle(BundleID(batch: batch, serial: 1))
        #expect(bundle.labelRevision == 1 && bundle.labelCurrent)
        let event = try #require(try fixture.store.history(of: bundle.id).last)
        #expect(event.move == .label && event.actor.operatorCode == "QC1" && event.actor.station.hasPrefix("web "))
    }

    @Test func aBatchAsOnePDFSheetAndTheReprintWithAgain() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            _ = try await Self.inspected(client, browser, batch: batch)
            let response = try await browser.post(client, "/labels", [("batch", batch), ("format", "pdf")])
            #expect(response.status == .ok)
            let links = Self.downloads(response.text)
            #expect(links.count == 1)
            #expect(links.first?.hasSuffix("/labels-\(batch)-a4-3x8.pdf") == true)
            let pdf = try await browser.get(client, try #require(links.first))
            #expect(pdf.headers[.contentType] == "application/pdf")
            #expect(pdf.body.readableBytesView.starts(with: Array("%PDF".utf8)))

            // Labelled already: without "again" nothing is written, and the page says how to reprint.
            let twice = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001"), ("format", "zpl")])
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("centang &quot;tulis ulang&quot;"))
            #expect(!twice.text.contains("--again"))
            let again = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001"), ("format", "zpl"), ("again", "yes")])
            #expect(again.status == .ok)
            #expect(Self.downloads(again.text).count == 1)
        }
        let history = try fixture.store.history(of: BundleID(batch: batch, serial: 1))
        #expect(history.map(\.move) == [.inspect, .label, .reprint])
        // Three runs that wrote files, one refused: a job folder for each that wrote, none for the refusal.
        let jobs = try FileManager.default.contentsOfDirectory(atPath: fixture.server.labelJobs)
        #expect(jobs.count == 2)
    }

    @Test func badLabelRequestsAreRefusedOnThePage() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            _ = try await Self.inspected(client, browser, batch: batch)
            let nothing = try await browser.post(client, "/labels", [("format", "png")])
            #expect(nothing.status == .badRequest)
            #expect(nothing.text.contains("isi id ikatan atau pilih satu batch"))
            let both = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001"), ("batch", batch)])
            #expect(both.status == .badRequest)
            let format = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001"), ("format", "gif")])
            #expect(format.status == .badRequest)
            let template = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001"), ("template", "../../etc/passwd")])
            #expect((400..<500).contains(template.status.code))
            let sheetZPL = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001"), ("template", "a4-3x8"), ("format", "zpl")])
            #expect(sheetZPL.status == .badRequest)
            #expect(sheetZPL.text.contains("pilih format PDF"))
            let unknown = try await browser.post(client, "/labels", [("bundles", "\(batch)-0077")])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("\(batch)-0077"))
        }
        #expect(try fixture.store.bundles(batch: batch, state: nil).allSatisfy { $0.labelRevision == 0 })
        let jobs = (try? FileManager.default.contentsOfDirectory(atPath: fixture.server.labelJobs)) ?? []
        #expect(jobs.isEmpty)
    }

    @Test func aDownloadNeverLeavesItsJobFolder() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        try "secret".write(toFile: fixture.server.files + "/secret.txt", atomically: true, encoding: .utf8)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            _ = try await Self.inspected(client, browser, batch: batch)
            let made = try await browser.post(client, "/labels", [("bundles", "\(batch)-0001")])
            let link = try #require(Self.downloads(made.text).first)
            let job = link.split(separator: "/")[1]
            for uri in ["/labels/\(job)/..%2F..%2Fsecret.txt", "/labels/..%2F/secret.txt", "/labels/.%2E/secret.txt",
                        "/labels/\(job)/.hidden", "/labels/0000000000000000/\(batch)-0001.png"] {
                let response = try await browser.get(client, uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("secret"))
            }
            // Another role may not download labels: the gate refuses it.
            let clerk = try await Browser.logIn(client, as: "GUDANG1")
            #expect(try await clerk.get(client, link).status == .forbidden)
        }
    }

    @Test func theAPIAnswersInTheShapeOfTheCLIsJSONWithDownloadAddresses() async throws {
        let (fixture, batch) = try InspectionPageTests.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            _ = try await Self.inspected(client, browser, batch: batch)
            let response = try await client.execute(uri: "/api/v1/labels", method: .post,
                                                    headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                    body: ByteBuffer(string: "{\"batch\":\"\(batch)\",\"format\":\"zpl\"}"))
            #expect(response.status == .created)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            #expect(list.count == 2)
            #expect(Set(list[0].keys) == ["bundle", "revision", "file", "payload", "reprint"])
            let file = try #require(list[0]["file"] as? String)
            #expect(file.hasPrefix("/labels/") && file.hasSuffix("/labels-\(batch)-thermal-50x30.zpl"))
            let zpl = try await browser.get(client, file)
            #expect(zpl.text.contains("^XA"))
            let refused = try await client.execute(uri: "/api/v1/labels", method: .post,
                                                   headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                   body: ByteBuffer(string: "{\"batch\":\"\(batch)\",\"again\":true,\"bundles\":\"x\"}"))
            #expect(refused.status == .badRequest)
        }
    }
}
