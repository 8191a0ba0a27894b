import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

/// A hostile or clumsy client: bodies that are no form, bytes that look like a boundary,
/// requests the pages never send. Each answer is a clear 4xx in the user's language and
/// nothing changes.
@Suite struct AttackTests {
    static let boundary = "XyZ123"

    /// A multipart body from raw parts, each `(headers, content)`; `closed: false` leaves off the end.
    static func multipart(_ parts: [(String, [UInt8])], closed: Bool = true) -> [UInt8] {
        var body: [UInt8] = []
        for (headers, content) in parts {
            body += Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + content + Array("\r\n".utf8)
        }
        if closed { body += Array("--\(boundary)--\r\n".utf8) }
        return body
    }

    static func post(_ client: any TestClientProtocol, _ browser: Browser, _ uri: String, body: [UInt8],
                     type: String = "multipart/form-data; boundary=\(boundary)", csrfHeader: Bool = false) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: browser.headers([.contentType: type], csrfHeader: csrfHeader),
                                 body: ByteBuffer(bytes: body))
    }

    // MARK: The multipart parser

    @Test func aFileHoldingItsBoundaryInsideALineIsReadWhole() throws {
        // Only CRLF "--boundary" ends a part: the same bytes inside a line are the file's.
        let photo = Array("\u{FF}\u{D8} bytes --\(Self.boundary) and --\(Self.boundary)-- still the photo".utf8)
        let body = Self.multipart([
            ("Content-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"\r\nContent-Type: image/jpeg", photo),
            ("Content-Disposition: form-data; name=\"mode\"", Array("pack".utf8)),
        ])
        let form = try #require(Form.multipart(body, boundary: Self.boundary))
        #expect(form.files["photo"]?.bytes == photo)
        #expect(form.files["photo"]?.fileName == "p.jpg")
        #expect(form["mode"] == "pack")
    }

    @Test(.timeLimit(.minutes(1))) func twentyMebibytesOfDashesAreReadInOnePass() throws {
        // Every byte starts a possible delimiter: a byte-by-byte comparison took minutes here.
        let dashes = [UInt8](repeating: UInt8(ascii: "-"), count: 20 << 20)
        let form = try #require(Form.multipart(Self.multipart([
            ("Content-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"", dashes),
        ]), boundary: Self.boundary))
        #expect(form.files["photo"]?.bytes.count == dashes.count)
    }

    @Test func bodiesThatAreNoFormAreNotReadAsOne() {
        let field = ("Content-Disposition: form-data; name=\"code\"", Array("A".utf8))
        #expect(Form.multipart(Self.multipart([field], closed: false), boundary: Self.boundary) == nil)
        #expect(Form.multipart(Self.multipart([("Content-Disposition: form-data", Array("A".utf8))]), boundary: Self.boundary) == nil)
        #expect(Form.multipart(Array("no delimiter at all".utf8), boundary: Self.boundary) == nil)
        #expect(Form.multipart(Self.multipart([field]), boundary: "") == nil)
        // A preamble and transport padding are allowed; duplicate fields keep every value.
        let padded = Array("preamble\r\n".utf8) + Self.multipart([field, field]).map { $0 }
        let form = Form.multipart(padded, boundary: Self.boundary)
        #expect(form?.all("code") == ["A", "A"])
        #expect(Gate.form(Array("{\"code\":".utf8), contentType: "application/json") == nil)
        #expect(Gate.form(Array("[1,2]".utf8), contentType: "application/json") == nil)
        #expect(Gate.form([], contentType: "application/json")?.fields.isEmpty == true)
    }

    @Test func anUploadCutOffIsRefusedAsUnreadableNotAsAnExpiredFormAndChangesNothing() async throws {
        let fixture = try WebFixture()
        let before = try fixture.store.shipments().count
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let csrf = ("Content-Disposition: form-data; name=\"csrf\"", Array((browser.csrf ?? "").utf8))
            let photo = ("Content-Disposition: form-data; name=\"photo\"; filename=\"p.jpg\"", [UInt8](repeating: 7, count: 5000))
            let cut = try await Self.post(client, browser, "/scan/photo", body: Self.multipart([csrf, photo], closed: false))
            #expect(cut.status == .badRequest, "\(cut.status)")
            #expect(cut.text.contains("tidak terbaca"), "\(cut.text)")
            #expect(!cut.text.contains("kedaluwarsa"))

            // A part that names no field, through the API: the same line, in JSON.
            let nameless = try await Self.post(client, browser, "/api/v1/scans/photo",
                                               body: Self.multipart([("Content-Disposition: form-data; filename=\"p.jpg\"", [1, 2])]),
                                               csrfHeader: true)
            #expect(nameless.status == .badRequest)
            #expect((try JSONSerialization.jsonObject(with: Data(nameless.body.readableBytesView)) as? [String: String])?["error"]?
                .contains("tidak terbaca") == true, "\(nameless.text)")

            // JSON cut off, through the API.
            let json = try await Self.post(client, browser, "/api/v1/shipments", body: Array("{\"to\": ".utf8),
                                           type: "application/json", csrfHeader: true)
            #expect(json.status == .badRequest)
            #expect(json.text.contains("\"error\""))
        }
        #expect(try fixture.store.shipments().count == before)
    }

    // MARK: Requests the pages never send

    @Test func headIsAnsweredLikeGetThroughTheSameGate() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let login = try await client.execute(uri: "/login", method: .head)
            #expect(login.status == .ok, "\(login.status)")
            #expect(login.body.readableBytes == 0)
            let visitor = try await client.execute(uri: "/shipments", method: .head)
            #expect(visitor.status == .seeOther && visitor.headers[.location] == "/login")
            let browser = try await Browser.logIn(client, as: "MITRA1")
            let refused = try await client.execute(uri: "/shipments", method: .head, headers: browser.headers())
            #expect(refused.status == .forbidden)
            #expect(refused.body.readableBytes == 0)
            let unknown = try await client.execute(uri: "/nowhere", method: .head, headers: browser.headers())
            #expect(unknown.status == .notFound && unknown.body.readableBytes == 0)
        }
    }

    @Test func hostilePathsAndMethodsAreAClear4xxWithoutInternals() async throws {
        let fixture = try WebFixture()
        let long = String(repeating: "A", count: 10_000)
        let ids = ["..", "%2E%2E", "..%2F..%2Fsapu.sqlite", "001%2FSJ%2FPWT%2FXI%2F2025", "%00", "%E2%80%AE%F0%9F%A7%B9", long,
                   "1'%20OR%20'1'='1", "x;DROP%20TABLE%20bundle", "%ZZ", "%", "-", ".sapu"]
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "ADMIN")
            for id in ids {
                for path in ["/bundles/\(id)", "/api/v1/bundles/\(id)", "/shipments/\(id)", "/api/v1/shipments/\(id)",
                             "/shipments/\(id)/files/\(id)", "/verify/\(id)", "/api/v1/verifications/\(id)",
                             "/verify/\(id)/files/\(id)", "/labels/\(id)/\(id)", "/reports/\(id)", "/bundles?q=\(id)",
                             "/labels?bundles=\(id)", "/scan?shipment=\(id)&mode=\(id)&operator=\(id)"] {
                    let response = try await browser.get(client, path)
                    #expect((400..<500).contains(response.status.code) || response.status == .ok, "\(path): \(response.status)")
                    for leak in ["SapuError", "SQLite", "GRDB", "Swift.", "Fatal", "SELECT "] {
                        #expect(!response.text.contains(leak), "\(path) shows \(leak)")
                    }
                }
                for path in ["/shipments/\(id)/close", "/api/v1/shipments/\(id)/ship", "/verify/\(id)/scan", "/admin/users/\(id)/disable",
                             "/admin/makers/\(id)/deactivate"] {
                    let response = try await browser.post(client, path, [("code", id)])
                    #expect((400..<500).contains(response.status.code), "\(path): \(response.status)")
                }
            }
            for method in [HTTPRequest.Method.put, .patch, .options, .delete] {
                let response = try await client.execute(uri: "/shipments", method: method, headers: browser.headers(csrfHeader: true))
                #expect(response.status == .notFound, "\(method)")
            }
        }
        #expect(try UserAccounts(store: fixture.store).list().allSatisfy(\.active))
    }

    @Test func textTypedIntoFormsComesBackAsTextNeverAsMarkup() async throws {
        let fixture = try WebFixture()
        let evil = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
        _ = try fixture.registerPartner()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            _ = try await admin.post(client, "/admin/makers", [("code", "M777"), ("name", evil)])
            let makers = try await admin.get(client, "/admin/makers")
            #expect(makers.text.contains("M777"))
            let gudang = try await Browser.logIn(client, as: "GUDANG1")
            let opened = try await gudang.post(client, "/shipments", [("partner", "PHC"), ("to", evil), ("address", evil),
                                                                      ("vehicle", evil), ("driver", evil), ("ref", evil)])
            let location = try #require(opened.headers[.location], "\(opened.text)")
            var pages = [makers, try await gudang.get(client, location), try await gudang.get(client, "/shipments"),
                         try await admin.get(client, "/")]
            pages.append(try await gudang.get(client, "/bundles?q=" + Browser.encode(evil)))
            pages.append(try await gudang.get(client, "/scan?shipment=" + Browser.encode(evil)))
            pages.append(try await gudang.post(client, "/scan", [("code", evil)]))
            pages.append(try await admin.get(client, "/reports/qc?from=" + Browser.encode(evil)))
            pages.append(try await gudang.upload(client, "/scan/photo", files: [("photo", evil + ".jpg", [1, 2, 3])]))
            pages.append(try await Self.logInPage(client, evil))
            for page in pages {
                #expect(!page.text.contains("<script>alert"), "\(page.text)")
                #expect(!page.text.contains("<img src=x"), "\(page.text)")
            }
        }
    }

    static func logInPage(_ client: any TestClientProtocol, _ code: String) async throws -> TestResponse {
        let body = "code=\(Browser.encode(code))&password=x"
        return try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                        body: ByteBuffer(string: body))
    }

    @Test func oneLabelScannedFromTwoSessionsAtOnceIsReceivedOnce() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(1)
        try await fixture.test { client in
            let first = try await Browser.logIn(client, as: "GUDANG1")
            let second = try await Browser.logIn(client, as: "ADMIN")
            async let a = first.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "receive")])
            async let b = second.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "receive")])
            let tones = try await [a.object["tone"] as? String, b.object["tone"] as? String].compactMap { $0 }.sorted()
            #expect(tones == ["ok", "repeat"], "\(tones)")
        }
        #expect(try fixture.history(labels[0].bundle.id.description).filter { $0.move == .receive }.count == 1)
    }

    @Test func theLogInSlowDownDoesNotTellAUsersCodeFromOneThatIsNone() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for code in ["QC1", "NOBODY9"] {
                for _ in 0..<5 {
                    let wrong = try await SecurityTests.logInPage(client, code, "salah-salah")
                    #expect(wrong.status == .unauthorized, "\(code)")
                }
                let throttled = try await SecurityTests.logInPage(client, code, "salah-salah")
                #expect(throttled.status == .tooManyRequests, "\(code): \(throttled.status)")
            }
        }
    }

    @Test func anotherSitesPageCannotLogSomeoneIn() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let body = ByteBuffer(string: "code=QC1&password=\(WebFixture.password)")
            let extras: [HTTPFields] = [[.origin: "http://evil.example"], [.origin: "null"],
                                        [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]]
            for extra in extras {
                var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
                headers.append(contentsOf: extra)
                for uri in ["/login", "/api/v1/session"] {
                    let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
                    #expect(response.status == .forbidden, "\(uri) \(extra)")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
        }
    }
}
