import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuStore
import Testing
@testable import SapuWeb

@Suite("sapu serve: users, makers and keys pages (admin)")
struct AdminPageTests {
    private func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    }

    // MARK: Users

    @Test func aUserAddedThroughThePageCanLogIn() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let page = try await admin.get(client, "/admin/users")
            #expect(page.status == .ok)
            #expect(page.text.contains("id=\"user-form\"") && page.text.contains("id=\"user-GUDANG1\""))
            let added = try await admin.post(client, "/admin/users", [
                ("code", "qc2"), ("role", "qc"), ("password", "sapu lidi 2025"), ("language", "en"),
            ])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/admin/users?added=QC2")
            let after = try await admin.get(client, "/admin/users?added=QC2")
            #expect(after.text.contains("Pengguna QC2 ditambahkan dengan peran qc."))
            #expect(after.text.contains("id=\"user-QC2\""))

            let newcomer = try await Browser.logIn(client, as: "QC2", password: "sapu lidi 2025")
            #expect(newcomer.cookie != nil)
            let home = try await newcomer.get(client, "/")
            #expect(home.status == .ok && home.text.contains("<html lang=\"en\">"))
            // A qc user: no administration.
            #expect(try await newcomer.get(client, "/admin/users").status == .forbidden)
        }
    }

    @Test func aNoticeInTheAddressIsShownOnlyWhenItHappened() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let forged = try await admin.get(client, "/admin/users?added=NOBODY&disabled=QC1")
            #expect(!forged.text.contains("class=\"notice\""))
        }
    }

    @Test func aTakenCodeAShortPasswordAndTheLastAdminAreRefused() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let taken = try await admin.post(client, "/admin/users", [
                ("code", "QC1"), ("role", "gudang"), ("password", "panjang sekali"), ("language", "id"),
            ])
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("class=\"error\" role=\"alert\">kode pengguna QC1 sudah ada"))
            // The form keeps the code and role, never the password.
            #expect(taken.text.contains("value=\"QC1\"") && taken.text.contains("<option value=\"gudang\" selected>"))
            #expect(!taken.text.contains("panjang sekali"))

            let short = try await admin.post(client, "/admin/users", [
                ("code", "QC3"), ("role", "qc"), ("password", "pendek"), ("language", "id"),
            ])
            #expect(short.status == .badRequest)
            #expect(short.text.contains("kata sandi harus 8 sampai 128 karakter; tidak ada yang diubah"))

            let badCode = try await admin.post(client, "/admin/users", [
                ("code", "QC 3!"), ("role", "qc"), ("password", "cukup panjang"), ("language", "id"),
            ])
            #expect(badCode.status == .badRequest)
            let badRole = try await admin.post(client, "/admin/users", [
                ("code", "BOS"), ("role", "boss"), ("password", "cukup panjang"), ("language", "id"),
            ])
            #expect(badRole.status == .badRequest && badRole.text.contains("admin, qc, gudang atau mitra"))
            let noPassword = try await admin.post(client, "/admin/users", [("code", "QC3"), ("role", "qc"), ("language", "id")])
            #expect(noPassword.status == .badRequest && noPassword.text.contains("isian &quot;Kata sandi&quot; wajib diisi"))

            let lastAdmin = try await admin.post(client, "/admin/users/ADMIN/disable", [])
            #expect(lastAdmin.status == .conflict)
            #expect(lastAdmin.text.contains("ADMIN adalah admin aktif terakhir; tambahkan admin lain dulu; tidak ada yang diubah"))

            let users = try fixture.server.accounts.list()
            #expect(users.map(\.code) == ["ADMIN", "GUDANG1", "MITRA1", "QC1"])
            #expect(users.allSatisfy { $0.active })
            #expect(users.first { $0.code == "QC1" }?.role == .qc)
        }
    }

    @Test func disablingAUserEndsTheirSessionAtOnce() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let gudang = try await Browser.logIn(client, as: "GUDANG1")
            #expect(try await gudang.get(client, "/").status == .ok)
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let disabled = try await admin.post(client, "/admin/users/gudang1/disable", [])
            #expect(disabled.headers[.location] == "/admin/users?disabled=GUDANG1")
            let page = try await admin.get(client, "/admin/users?disabled=GUDANG1")
            #expect(page.text.contains("Pengguna GUDANG1 dinonaktifkan; sesinya berakhir."))

            let next = try await gudang.get(client, "/")
            #expect(next.status == .seeOther && next.headers[.location] == "/login")
            #expect(try await gudang.get(client, "/api/v1/dashboard").status == .unauthorized)
            #expect(try await Browser.logIn(client, as: "GUDANG1").cookie == nil)
        }
    }

    @Test func aNewPasswordReplacesTheOldOne() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let qc = try await Browser.logIn(client, as: "QC1")
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let short = try await admin.post(client, "/admin/users/QC1/password", [("password", "1234")])
            #expect(short.status == .badRequest)
            let unknown = try await admin.post(client, "/admin/users/QC9/password", [("password", "baru sekali 1")])
            #expect(unknown.status == .notFound && unknown.text.contains("QC9"))
            let set = try await admin.post(client, "/admin/users/QC1/password", [("password", "baru sekali 1")])
            #expect(set.headers[.location] == "/admin/users?password=QC1")
            #expect(try await qc.get(client, "/").status == .seeOther)
            #expect(try await Browser.logIn(client, as: "QC1").cookie == nil)
            #expect(try await Browser.logIn(client, as: "QC1", password: "baru sekali 1").cookie != nil)
        }
    }

    @Test func theUsersAPIListsAndAdds() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let added = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: admin.headers([.contentType: "application/json"], csrfHeader: true),
                body: .init(string: #"{"code":"MITRA2","role":"mitra","password":"mitra rahasia","language":"en"}"#))
            #expect(added.status == .ok)
            #expect(try json(added) as? [String: String] == ["code": "MITRA2", "role": "mitra"])
            let duplicate = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: admin.headers([.contentType: "application/json"], csrfHeader: true),
                body: .init(string: #"{"code":"MITRA2","role":"mitra","password":"mitra rahasia","language":"en"}"#))
            #expect(duplicate.status == .conflict)
            // Without a language, the new user's pages speak the admin's.
            let plain = try await client.execute(
                uri: "/api/v1/users", method: .post, headers: admin.headers([.contentType: "application/json"], csrfHeader: true),
                body: .init(string: #"{"code":"GUDANG2","role":"gudang","password":"gudang rahasia"}"#))
            #expect(plain.status == .ok)
            let list = try #require(try json(try await admin.get(client, "/api/v1/users")) as? [[String: Any]])
            #expect(list.first { $0["code"] as? String == "GUDANG2" }?["language"] as? String == "id")
            let mitra = try #require(list.first { $0["code"] as? String == "MITRA2" })
            #expect(mitra["role"] as? String == "mitra" && mitra["active"] as? Bool == true && mitra["language"] as? String == "en")
        }
    }

    @Test func aGudangUserIsRefusedEveryAdministrationRoute() async throws {
        let fixture = try WebFixture()
        try fixture.store.addMaker(Maker(code: "M001", name: "Budi Santoso", active: true))
        try await fixture.test { client in
            let gudang = try await Browser.logIn(client, as: "GUDANG1")
            let admin = Access.rules.filter { $0.roles == [.admin] }
            #expect(admin.count >= 13)
            for rule in admin {
                let uri = rule.path.replacingOccurrences(of: "{code}", with: "QC1")
                let response = rule.method == .get
                    ? try await gudang.get(client, uri)
                    : try await gudang.post(client, uri, [("code", "X1"), ("role", "admin"), ("password", "12345678"),
                                                         ("language", "id"), ("confirm", "1")])
                #expect(response.status == .forbidden, "\(rule.method) \(uri)")
                #expect(!response.text.contains("Budi"))
            }
            #expect(try fixture.server.accounts.list().count == 4)
            #expect(try fixture.store.publicKeys().count == 1)
        }
    }

    // MARK: Makers

    @Test func makersAreAddedWithTheirLocalNameAndDeactivated() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let empty = try await admin.get(client, "/admin/makers")
            #expect(empty.status == .ok && empty.text.contains(Message.webAdminNoMakers.indonesian))
            let added = try await admin.post(client, "/admin/makers", [("code", "m042"), ("name", "Siti <Aminah>")])
            #expect(added.headers[.location] == "/admin/makers?added=M042")
            _ = try await admin.post(client, "/admin/makers", [("code", "M043"), ("name", "")])
            let page = try await admin.get(client, "/admin/makers?added=M042")
            #expect(page.text.contains("class=\"notice\" role=\"status\">Kode pembuat M042 ditambahkan"))
            #expect(page.text.contains("<td class=\"maker-name\">Siti &lt;Aminah&gt;</td>"))
            #expect(try fixture.store.makers() == [Maker(code: "M042", name: "Siti <Aminah>", active: true),
                                                   Maker(code: "M043", name: nil, active: true)])

            let duplicate = try await admin.post(client, "/admin/makers", [("code", "M042"), ("name", "Lain")])
            #expect(duplicate.status == .conflict && duplicate.text.contains("pembuat M042 sudah ada"))
            #expect(duplicate.text.contains("value=\"Lain\""))
            let control = try await admin.post(client, "/admin/makers", [("code", "M044"), ("name", "a\u{7}b")])
            #expect(control.status == .badRequest)
            let noCode = try await admin.post(client, "/admin/makers", [("name", "Tanpa kode")])
            #expect(noCode.status == .badRequest && noCode.text.contains("isian &quot;Kode&quot; wajib diisi"))

            let deactivated = try await admin.post(client, "/admin/makers/M042/deactivate", [])
            #expect(deactivated.headers[.location] == "/admin/makers?deactivated=M042")
            #expect(try await admin.get(client, "/admin/makers?deactivated=M042").text.contains("Pembuat M042 dinonaktifkan"))
            let unknown = try await admin.post(client, "/admin/makers/M999/deactivate", [])
            #expect(unknown.status == .notFound)
            #expect(try fixture.store.makers().map(\.active) == [false, true])

            let list = try #require(try json(try await admin.get(client, "/api/v1/makers")) as? [[String: Any]])
            #expect(list.first?["code"] as? String == "M042" && list.first?["name"] as? String == "Siti <Aminah>")
            #expect(list.first?["active"] as? Bool == false && list.last?["name"] == nil)
        }
    }

    // MARK: Keys

    @Test func theKeysPageMarksTheCurrentKeyAndRotatesOnlyWhenConfirmed() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "ADMIN")
            let page = try await admin.get(client, "/admin/keys")
            #expect(page.status == .ok)
            #expect(page.text.contains("<tr id=\"current-key\" class=\"current\"><td>PWT</td><td><b>K1</b></td><td><code>\(fixture.key.publicKey.fingerprint)</code>"))
            #expect(page.text.contains("href=\"/admin/keys/public\""))

            let unconfirmed = try await admin.post(client, "/admin/keys/rotate", [])
            #expect(unconfirmed.status == .badRequest && unconfirmed.text.contains("wajib diisi; tidak ada yang diubah"))
            #expect(try fixture.store.currentKey().keyID == "K1")

            let rotated = try await admin.post(client, "/admin/keys/rotate", [("confirm", "1")])
            #expect(rotated.status == .seeOther && rotated.headers[.location] == "/admin/keys?rotated=K2")
            let current = try fixture.store.currentKey()
            #expect(current.keyID == "K2")
            let fingerprint = try PublicKey(site: "PWT", keyID: "K2", rawRepresentation: current.raw).fingerprint
            let after = try await admin.get(client, "/admin/keys?rotated=K2")
            #expect(after.text.contains("Kunci baru K2 (sidik jari \(fingerprint)) kini menandatangani label baru; unduh PWT.pub"))
            #expect(after.text.contains("<td><b>K1</b></td><td><code>\(fixture.key.publicKey.fingerprint)</code></td><td>pensiun</td>"))
            // A notice for a key that is not current is not shown.
            #expect(!(try await admin.get(client, "/admin/keys?rotated=K1")).text.contains("class=\"notice\""))

            // The public key file the rotation wrote, as `sapu key rotate` leaves it for partners.
            let download = try await admin.get(client, "/admin/keys/public")
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"PWT.pub\"")
            let ring = try KeyRing(keyFile: download.text, path: "PWT.pub")
            #expect(Set(ring.keys.map(\.keyID)) == ["K1", "K2"])
            let signers = try KeyFiles(databasePath: fixture.store.path, site: "PWT").signingKeys()
            #expect(signers.map(\.keyID) == ["K1", "K2"])
        }
    }

    @Test func theAdministrationPagesSpeakEnglishToAnEnglishAdmin() async throws {
        let fixture = try WebFixture()
        try fixture.server.accounts.add(code: "BOSS", role: .admin, password: WebFixture.password, language: .en, at: WebFixture.day)
        try await fixture.test { client in
            let admin = try await Browser.logIn(client, as: "BOSS")
            let users = try await admin.get(client, "/admin/users")
            #expect(users.text.contains("<h1>Users</h1>") && users.text.contains("Add a user"))
            let makers = try await admin.get(client, "/admin/makers")
            #expect(makers.text.contains("Name (stays at the site)"))
            let keys = try await admin.get(client, "/admin/keys")
            #expect(keys.text.contains("Rotate the key now") && keys.text.contains("current"))
            let short = try await admin.post(client, "/admin/users", [
                ("code", "QC3"), ("role", "qc"), ("password", "short"), ("language", "en"),
            ])
            #expect(short.text.contains("a password must have 8 to 128 characters; nothing was changed"))
        }
    }
}
