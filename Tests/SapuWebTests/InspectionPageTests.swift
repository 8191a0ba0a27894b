import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

/// The QC desk in the browser: new bundles, today's batch, re-inspection, and bad input.
@Suite struct InspectionPageTests {
    /// A site with one active maker (with a local name), one deactivated, and today's LIDI batch.
    static func desk() throws -> (WebFixture, batch: String) {
        let fixture = try WebFixture()
        try fixture.store.addMaker(Maker(code: "M042", name: "Budi Santoso", active: true))
        try fixture.store.addMaker(Maker(code: "M007", name: "Siti Aminah", active: true))
        try fixture.store.deactivateMaker("M007")
        let batch = try fixture.store.createBatch(product: "LIDI", date: WebFixture.day.date, at: WebFixture.day)
        return (fixture, batch.code)
    }

    static func bundleIDs(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "class=\"bundle-id\" href=\"/bundles/([A-Z0-9-]+)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
            Range($0.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    @Test func aFullInspectionThroughThePageCreatesBundlesWithTheUserAsInspectorAndTheBrowserAsStation() async throws {
        let (fixture, batch) = try Self.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let form = try await browser.get(client, "/inspect")
            #expect(form.status == .ok)
            #expect(form.text.contains("id=\"inspect-form\""))
            #expect(form.text.contains("name=\"csrf\""))
            #expect(form.text.contains("value=\"\(batch)\""))
            #expect(form.text.contains("value=\"DIRTY\""))
            let response = try await browser.post(client, "/inspect", [
                ("batch", batch), ("maker", "M042"), ("result", "pass"), ("grade", "A"), ("count", "3"),
            ])
            #expect(response.status == .ok)
            let ids = Self.bundleIDs(response.text)
            #expect(ids == ["\(batch)-0001", "\(batch)-0002", "\(batch)-0003"])
            // The labels are offered at once: the label form holds the new bundles.
            #expect(response.text.contains("id=\"label-form\""))
            #expect(response.text.contains("\(batch)-0001\n\(batch)-0002\n\(batch)-0003</textarea>"))
            #expect(response.text.contains("3 ikatan dicatat."))
        }
        let bundles = try fixture.store.bundles(batch: batch, state: nil)
        #expect(bundles.count == 3)
        #expect(bundles.allSatisfy { $0.result == .pass(.a) && $0.maker == "M042" && $0.state == .inspected })
        let event = try #require(try fixture.store.history(of: BundleID(batch: batch, serial: 1)).first)
        #expect(event.move == .inspect)
        #expect(event.actor.operatorCode == "QC1")
        #expect(event.actor.station.hasPrefix("web "))
    }

    @Test func aFailWithDefectCheckboxesQuarantinesTheBundles() async throws {
        let (fixture, batch) = try Self.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let response = try await browser.post(client, "/inspect", [
                ("batch", batch), ("maker", "m042"), ("result", "fail"), ("grade", "A"),
                ("defect", "DIRTY"), ("defect", "LOOSE"), ("count", "2"),
            ])
            #expect(response.status == .ok)
            #expect(Self.bundleIDs(response.text).count == 2)
            #expect(response.text.contains("2 ikatan TIDAK LULUS QC dan masuk karantina"))
        }
        let bundles = try fixture.store.bundles(batch: batch, state: nil)
        #expect(bundles.count == 2)
        #expect(bundles.allSatisfy { $0.result == .fail(["DIRTY", "LOOSE"]) && $0.state == .quarantined })
    }

    @Test func todaysBatchIsCreatedWithOneButtonAndChosenOnTheForm() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let response = try await browser.post(client, "/batches", [("product", "GLAGAH")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/inspect?batch=PWT251121A")
            let page = try await browser.get(client, "/inspect?batch=PWT251121A")
            #expect(page.text.contains("<option value=\"PWT251121A\" selected>"))
            let unknown = try await browser.post(client, "/batches", [("product", "RUMPUT")])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("class=\"error\""))
        }
        #expect(try fixture.store.batches().map(\.code) == ["PWT251121A"])
    }

    /// A form as posted (`name=value&...`) and what its refusal must say.
    struct BadInput: Sendable, CustomTestStringConvertible {
        var fields: [(String, String)]
        var expected: String
        var testDescription: String

        init(_ query: String, _ expected: String) {
            testDescription = query
            fields = query.split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }
            self.expected = expected
        }
    }

    static let badInputs: [BadInput] = [
        BadInput("maker=M042&result=pass&grade=A&count=1", "isian &quot;Batch&quot; wajib diisi"),
        BadInput("batch=PWT251121A&result=pass&grade=A&count=1", "isian &quot;Pembuat&quot; wajib diisi"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=A", "isian &quot;Jumlah ikatan&quot; wajib diisi"),
        BadInput("batch=PWT990101A&maker=M042&result=pass&grade=A&count=1", "batch tidak dikenal: PWT990101A"),
        BadInput("batch=PWT251121A&maker=M999&result=pass&grade=A&count=1", "tidak dikenal: M999"),
        BadInput("batch=PWT251121A&maker=M007&result=pass&grade=A&count=1", "pembuat M007 tidak aktif"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=A&count=0", "jumlah harus bilangan bulat 1 sampai 100000"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=A&count=100001", "jumlah harus bilangan bulat 1 sampai 100000"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=A&count=dua", "jumlah harus bilangan bulat 1 sampai 100000"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&count=1", "pilih LULUS dengan grade A atau B"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=C&count=1", "grade tidak sah"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=A&defect=DIRTY&count=1", "pilih LULUS dengan grade A atau B"),
        BadInput("batch=PWT251121A&maker=M042&result=fail&count=1", "pilih LULUS dengan grade A atau B"),
        BadInput("batch=PWT251121A&maker=M042&result=fail&defect=D!RTY<b>&count=1", "D!RTY&lt;b&gt;"),
        BadInput("batch=PWT251121A&maker=M042&result=fail&defect=MOULD&count=1", "tidak dikenal: MOULD"),
        BadInput("batch=PWT251121A&maker=M042&result=maybe&count=1", "pilih LULUS dengan grade A atau B"),
        BadInput("batch=PWT251121A&maker=M042&result=pass&grade=B&count=21", "21 ikatan baru sekaligus (lebih dari 20): centang konfirmasi"),
    ]

    /// Each refusal: a 4xx page with one clear line in the user's language, the typed values
    /// kept, and no bundle made.
    @Test(arguments: badInputs)
    func badInputIsRefusedOnThePageAndChangesNothing(input: BadInput) async throws {
        let fields = input.fields, expected = input.expected
        let (fixture, _) = try Self.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let response = try await browser.post(client, "/inspect", fields)
            #expect((400..<500).contains(response.status.code), "\(fields): \(response.status)")
            #expect(response.text.contains("class=\"error\""))
            let error = try #require(response.text.components(separatedBy: "<p class=\"error\" role=\"alert\">").last?
                .components(separatedBy: "</p>").first)
            #expect(error.contains(expected), "\(fields): \(error)")
            #expect(!error.contains("--"), "a page has no options: \(error)")
            // The form is there again, with what was typed.
            #expect(response.text.contains("id=\"inspect-form\""))
            #expect(Self.bundleIDs(response.text).isEmpty)
        }
        #expect(try fixture.store.bundles(batch: nil, state: nil).isEmpty)
    }

    @Test func refusalsAreInEnglishForAnEnglishUser() async throws {
        let (fixture, batch) = try Self.desk()
        try UserAccounts(store: fixture.store).setLanguage(code: "QC1", .en)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let response = try await browser.post(client, "/inspect", [
                ("batch", batch), ("maker", "M042"), ("result", "pass"), ("grade", "A"), ("count", "30"),
            ])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("30 new bundles at once (more than 20): tick the confirmation if the number is right; nothing was changed"))
            #expect(response.text.contains("<input name=\"count\" type=\"number\" min=\"1\" max=\"100000\" inputmode=\"numeric\" required value=\"30\">"))
            let missing = try await browser.post(client, "/inspect", [("batch", batch), ("result", "pass"), ("grade", "A"), ("count", "1")])
            #expect(missing.text.contains("the field &quot;Maker&quot; is required; nothing was changed"))
        }
        #expect(try fixture.store.bundles(batch: nil, state: nil).isEmpty)
    }

    @Test func moreThanTwentyBundlesGoThroughWithTheConfirmationTicked() async throws {
        let (fixture, batch) = try Self.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let response = try await browser.post(client, "/inspect", [
                ("batch", batch), ("maker", "M042"), ("result", "pass"), ("grade", "B"), ("count", "21"), ("confirm", "yes"),
            ])
            #expect(response.status == .ok)
            #expect(Self.bundleIDs(response.text).count == 21)
        }
        #expect(try fixture.store.bundles(batch: batch, state: nil).count == 21)
    }

    @Test func aMakersNameIsShownToAdminOnly() async throws {
        let (fixture, batch) = try Self.desk()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let page = try await qc.get(client, "/inspect")
            #expect(page.text.contains("<option value=\"M042\">M042</option>"))
            #expect(!page.text.contains("Budi"))
            // A deactivated maker is not offered.
            #expect(!page.text.contains("M007"))
            let made = try await qc.post(client, "/inspect", [("batch", batch), ("maker", "M042"), ("result", "pass"), ("grade", "A"), ("count", "1")])
            #expect(!made.text.contains("Budi"))
            let bundle = try await qc.get(client, "/bundles/\(batch)-0001")
            #expect(!bundle.text.contains("Budi"))
            let admin = try await Browser.logIn(client, as: "ADMIN")
            #expect(try await admin.get(client, "/inspect").text.contains("M042 · Budi Santoso"))
        }
    }

    @Test func reinspectionAfterReworkReleasesAQuarantinedBundle() async throws {
        let (fixture, batch) = try Self.desk()
        _ = try fixture.store.inspect(batch: batch, maker: "M042", result: .fail(["DAMP"]), count: 2,
                                      actor: Actor(operatorCode: "QC1", station: "desk"), at: WebFixture.day)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let prefilled = try await browser.get(client, "/inspect?bundles=\(batch)-0002")
            #expect(prefilled.text.contains(">\(batch)-0002</textarea>"))
            let response = try await browser.post(client, "/inspect/again", [
                ("bundles", "\(batch)-0001, \(batch)-0002"), ("result", "pass"), ("grade", "B"),
            ])
            #expect(response.status == .ok)
            #expect(Self.bundleIDs(response.text) == ["\(batch)-0001", "\(batch)-0002"])
            #expect(response.text.contains("2 ikatan diperiksa ulang."))
            let unknown = try await browser.post(client, "/inspect/again", [("bundles", "\(batch)-0009"), ("result", "fail"), ("defect", "DIRTY")])
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("ikatan tidak dikenal: \(batch)-0009"))
            #expect(unknown.text.contains(">\(batch)-0009</textarea>"))
            let none = try await browser.post(client, "/inspect/again", [("bundles", " "), ("result", "pass"), ("grade", "A")])
            #expect(none.status == .badRequest)
        }
        let bundle = try fixture.store.bundle(BundleID(batch: batch, serial: 1))
        #expect(bundle.state == .inspected && bundle.result == .pass(.b) && bundle.inspections == 2)
        let last = try #require(try fixture.store.history(of: bundle.id).last)
        #expect(last.move == .reinspect && last.actor.operatorCode == "QC1" && last.actor.station.hasPrefix("web "))
    }

    @Test func theAPICreatesBundlesInTheShapeOfTheCLIsJSON() async throws {
        let (fixture, batch) = try Self.desk()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "QC1")
            let body = "{\"batch\":\"\(batch)\",\"maker\":\"M042\",\"result\":\"fail\",\"defects\":[\"DIRTY\",\"SHORT\"],\"count\":2}"
            let response = try await client.execute(uri: "/api/v1/inspections", method: .post,
                                                    headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .created)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [[String: Any]])
            #expect(list.count == 2)
            #expect(Set(list[0].keys) == ["id", "batch", "serial", "product", "maker", "result", "defects", "inspected",
                                          "inspections", "state", "labelRevision"])
            #expect(list[0]["id"] as? String == "\(batch)-0001")
            #expect(list[0]["defects"] as? [String] == ["DIRTY", "SHORT"])
            #expect(list[0]["state"] as? String == "quarantined")

            let big = "{\"batch\":\"\(batch)\",\"maker\":\"M042\",\"result\":\"pass\",\"grade\":\"A\",\"count\":50}"
            let refused = try await client.execute(uri: "/api/v1/inspections", method: .post,
                                                   headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                   body: ByteBuffer(string: big))
            #expect(refused.status == .badRequest)
            let error = try JSONSerialization.jsonObject(with: Data(refused.body.readableBytesView)) as? [String: String]
            #expect(error?["error"]?.contains("50 ikatan baru sekaligus") == true)

            let confirmed = big.replacingOccurrences(of: "}", with: ",\"confirm\":true}")
            let made = try await client.execute(uri: "/api/v1/inspections", method: .post,
                                                headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                body: ByteBuffer(string: confirmed))
            #expect(made.status == .created)

            let again = try await client.execute(uri: "/api/v1/inspections/again", method: .post,
                                                 headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                 body: ByteBuffer(string: "{\"bundles\":[\"\(batch)-0001\"],\"result\":\"pass\",\"grade\":\"B\"}"))
            #expect(again.status == .ok)
            #expect(again.text.contains("\"inspections\":2"))

            let newBatch = try await client.execute(uri: "/api/v1/batches", method: .post,
                                                    headers: browser.headers([.contentType: "application/json"], csrfHeader: true),
                                                    body: ByteBuffer(string: "{\"product\":\"GLAGAH\"}"))
            #expect(newBatch.status == .created)
            #expect(newBatch.text == "{\"code\":\"PWT251121B\",\"date\":\"2025-11-21\",\"product\":\"GLAGAH\"}")
        }
        #expect(try fixture.store.bundles(batch: batch, state: nil).count == 52)
    }
}
