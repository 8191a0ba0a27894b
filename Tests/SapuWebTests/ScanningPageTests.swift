import Foundation
import HTTPTypes
import HummingbirdTesting
import SapuApp
import SapuCore
import SapuLabels
import SapuStore
import Testing
@testable import SapuWeb

/// The scanning station in the browser: each line answered as `sapu scan` answers it, saved
/// before the answer, with the user and the browser on the event.
@Suite struct ScanningPageTests {
    @Test func aLabelIsAcceptedOnceAndItsRepeatIsAnsweredButNotCountedAgain() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(2)
        let id = labels[0].bundle.id.description
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let first = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "receive")])
            #expect(first.status == .ok)
            let answer = try first.object
            #expect(answer["tone"] as? String == "ok")
            #expect((answer["line"] as? String)?.hasPrefix("OK  \(id)") == true, "\(answer)")
            #expect((answer["counts"] as? [String: String])?["scan-count"] == "Diterima: terima 1")
            let fields = try #require(answer["fields"] as? [String: String])
            #expect(fields["scan-mode"] == "receive" && fields["scan-tally"] == "receive:1" && fields["scan-operator"] == "")

            // The page sends back what the last answer set, as the script does.
            let again = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "receive"),
                                                                  ("tally", fields["scan-tally"] ?? "")])
            let repeated = try again.object
            #expect(again.status == .ok && repeated["tone"] as? String == "repeat")
            #expect((repeated["line"] as? String)?.hasPrefix("DUPLIKAT  \(id)") == true, "\(repeated)")
            #expect((repeated["counts"] as? [String: String])?["scan-count"] == "Diterima: terima 1")

            let next = try await browser.fetch(client, "/scan", [("code", labels[1].payload), ("mode", "receive"),
                                                                 ("tally", "receive:1")])
            #expect((try next.object["counts"] as? [String: String])?["scan-count"] == "Diterima: terima 2")
        }
        // Saved once, by the user, from the browser.
        let receives = try fixture.history(id).filter { $0.move == .receive }
        #expect(receives.count == 1)
        #expect(receives.first?.actor.operatorCode == "GUDANG1")
        #expect(receives.first?.actor.station.hasPrefix("web ") == true, "\(receives)")
        #expect(try fixture.store.bundle(labels[0].bundle.id).state == .inStock)
    }

    @Test func garbageIsARefusedAnswerInTheUsersLanguageAndChangesNothing() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(1)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let garbage = try await browser.fetch(client, "/scan", [("code", "hello wörld"), ("mode", "receive")])
            #expect(garbage.status == .ok)
            let answer = try garbage.object
            #expect(answer["tone"] as? String == "refused")
            #expect((answer["line"] as? String)?.hasPrefix("BUKAN SAPU  hello wörld  — ") == true, "\(answer)")
            #expect((answer["counts"] as? [String: String])?["scan-count"] == "Belum ada yang diterima.")

            try await browser.switchLanguage(client)
            let english = try await browser.fetch(client, "/scan", [("code", "hello wörld"), ("mode", "receive")])
            let line = try #require(try english.object["line"] as? String)
            #expect(line.hasPrefix("NOT SAPU  hello wörld  — ") && !line.contains("BUKAN"), "\(line)")
            // An illegal move is refused with the reason in the clerk's words.
            let packed = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "return")])
            let refusal = try packed.object
            #expect(refusal["tone"] as? String == "refused" && (refusal["line"] as? String)?.hasPrefix("REFUSED") == true,
                    "\(refusal)")
        }
        #expect(try fixture.history(labels[0].bundle.id.description).map(\.move) == [.inspect, .label])
    }

    @Test func withoutTheScriptTheFormPostsAndThePageComesBackWithTheAnswer() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(1)
        let id = labels[0].bundle.id.description
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let empty = try await browser.get(client, "/scan")
            #expect(empty.status == .ok)
            let page = empty.text
            for needle in ["class=\"scan-form", "id=\"scan-input\" name=\"code\"", "autofocus", "name=\"csrf\"",
                           "id=\"scan-result\" class=\"result\" aria-live=\"assertive\">Siap memindai.", "id=\"scan-count\"",
                           "id=\"scan-mode\"", "<option value=\"receive\" selected>terima</option>", "<option value=\"pack\">kemas</option>",
                           "id=\"scan-shipment\"", "id=\"scan-operator\"", "GUDANG1 (Anda)", "id=\"scan-log\"",
                           "type=\"file\" accept=\"image/*\" capture=\"environment\" id=\"scan-photo\""] {
                #expect(page.contains(needle), "\(needle)")
            }
            let posted = try await browser.post(client, "/scan", [("code", labels[0].payload), ("mode", "terima")])
            #expect(posted.status == .ok)
            #expect(posted.text.contains("id=\"scan-result\" class=\"result ok\" aria-live=\"assertive\">OK  \(id)"), "\(posted.text)")
            #expect(posted.text.contains("id=\"scan-tally\" value=\"receive:1\""))
            #expect(posted.text.contains("Diterima: terima 1"))
            #expect(posted.text.contains("<li class=\"ok\">OK  \(id)"))

            // An empty line is no scan: the page says what to do.
            let blank = try await browser.post(client, "/scan", [("code", "  "), ("mode", "receive")])
            #expect(blank.status == .badRequest && blank.text.contains("class=\"error\""))
        }
    }

    @Test func controlCodesSwitchModeAndShipmentAndTheAnswerUpdatesTheSelects() async throws {
        let fixture = try WebFixture()
        _ = try fixture.registerPartner()
        let labels = try fixture.labelledBundles(2)
        let shipment = try fixture.store.createShipment(ShipmentDraft(), at: WebFixture.day).id
        let control = try fixture.store.controlKey()
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            for label in labels {
                _ = try await browser.fetch(client, "/scan", [("code", label.payload), ("mode", "receive")])
            }
            // Pack mode without a shipment: the station says to scan the shipment's code.
            let toPack = try await browser.fetch(client, "/scan", [("code", control.payload(.mode(.pack))), ("mode", "receive")])
            let switched = try toPack.object
            #expect(switched["tone"] as? String == "ok", "\(switched)")
            #expect((switched["fields"] as? [String: String])?["scan-mode"] == "pack")
            #expect((switched["line"] as? String)?.contains("mode sekarang kemas") == true, "\(switched)")
            let unpacked = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "pack")])
            #expect(try unpacked.object["tone"] as? String == "refused")

            let toShipment = try await browser.fetch(client, "/scan", [("code", control.payload(.shipment(shipment))), ("mode", "pack")])
            let chosen = try #require(try toShipment.object["fields"] as? [String: String])
            #expect(chosen["scan-shipment"] == shipment && chosen["scan-mode"] == "pack")
            let packed = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("mode", "pack"),
                                                                   ("shipment", chosen["scan-shipment"] ?? "")])
            let answer = try packed.object
            #expect(answer["tone"] as? String == "ok")
            #expect((answer["line"] as? String)?.contains("1 ikatan di \(shipment)") == true, "\(answer)")
            #expect((answer["counts"] as? [String: String])?["scan-count"] == "Diterima: kemas 1")

            // An operator's code: the next scans are theirs.
            let operatorCode = try await browser.fetch(client, "/scan", [("code", control.payload(.operatorCode("G07"))),
                                                                         ("mode", "pack"), ("shipment", shipment)])
            #expect((try operatorCode.object["fields"] as? [String: String])?["scan-operator"] == "G07")
            _ = try await browser.fetch(client, "/scan", [("code", labels[1].payload), ("mode", "pack"), ("shipment", shipment),
                                                          ("operator", "G07")])
            // Scrap is chosen on the page, never by a scanned code.
            let scrap = try await browser.fetch(client, "/scan", [("code", control.payload(.mode(.scrap))), ("mode", "receive")])
            #expect(try scrap.object["tone"] as? String == "refused")
        }
        #expect(try fixture.store.bundles(inShipment: shipment).map(\.id) == labels.map(\.bundle.id))
        let packs = try labels.map { try fixture.history($0.bundle.id.description).last }
        #expect(packs.map { $0?.move } == [.pack, .pack])
        #expect(packs.map { $0?.actor.operatorCode } == ["GUDANG1", "G07"])
    }

    @Test func theAPIAnswersEveryLineInOrderAndRefusesAModeItDoesNotKnow() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(2)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "ADMIN")
            let response = try await browser.fetch(client, "/api/v1/scans", [("code", labels[0].payload), ("code", labels[1].payload),
                                                                              ("code", labels[0].payload), ("mode", "receive")])
            #expect(response.status == .ok)
            let answers = try #require(try response.object["answers"] as? [[String: Any]])
            #expect(answers.map { $0["outcome"] as? String } == ["accepted", "accepted", "duplicate"])
            #expect(answers.map { $0["bundle"] as? String } == labels.map(\.bundle.id.description) + [labels[0].bundle.id.description])

            let unknown = try await browser.fetch(client, "/api/v1/scans", [("code", labels[0].payload), ("mode", "terbang")])
            #expect(unknown.status == .badRequest)
            let error = try #require(try unknown.object["error"] as? String)
            #expect(error.contains("\"terbang\"") && error.contains("terima"), "\(error)")
            let shipment = try await browser.fetch(client, "/api/v1/scans", [("code", labels[0].payload), ("mode", "pack"),
                                                                             ("shipment", "../../etc")])
            #expect(shipment.status.code >= 400 && shipment.status.code < 500)

            // The QC desk does not scan.
            let qc = try await Browser.logIn(client, as: "QC1")
            #expect(try await qc.fetch(client, "/scan", [("code", labels[0].payload)]).status == .forbidden)
        }
    }

    @Test func aPhotoOfThreeLabelsAppliesEveryLabelAndAgainGivesDuplicates() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(3)
        let photo = try WebFixture.photo(of: labels)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let response = try await browser.upload(client, "/api/v1/scans/photo", fields: [("mode", "receive")],
                                                    files: [("photo", "IMG_0001.png", photo)])
            #expect(response.status == .ok)
            let answer = try response.object
            let answers = try #require(answer["answers"] as? [[String: Any]])
            #expect(answers.map { $0["outcome"] as? String } == ["accepted", "accepted", "accepted"], "\(answer)")
            #expect(Set(answers.compactMap { $0["bundle"] as? String }) == Set(labels.map(\.bundle.id.description)))
            #expect(answer["line"] as? String == "3 kode QR di foto IMG_0001.png")
            #expect((answer["counts"] as? [String: String])?["scan-count"] == "Diterima: terima 3")

            // The page's form, without the script: the same photo again, three duplicates listed.
            let page = try await browser.upload(client, "/scan/photo", fields: [("mode", "receive"), ("tally", "receive:3")],
                                                files: [("photo", "IMG_0001.png", photo)])
            #expect(page.status == .ok)
            #expect(page.text.components(separatedBy: "<li class=\"repeat\">DUPLIKAT").count == 4, "\(page.text)")
            #expect(page.text.contains("class=\"result repeat\""))
        }
        for label in labels {
            #expect(try fixture.store.bundle(label.bundle.id).state == .inStock)
            #expect(try fixture.history(label.bundle.id.description).filter { $0.move == .receive }.count == 1)
        }
    }

    @Test func aFileThatIsNoImageOrAPhotoWithoutACodeIsOneClearLine() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(1)
        let blank = try GrayImage(width: 400, height: 300).png(dotsPerInch: 96)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let text = try await browser.upload(client, "/api/v1/scans/photo", fields: [("mode", "receive")],
                                                files: [("photo", "notes.jpg", Array("not a photo".utf8))])
            #expect(text.status == .ok)
            let refused = try text.object
            #expect(refused["tone"] as? String == "refused")
            #expect((refused["line"] as? String)?.contains("notes.jpg bukan gambar yang bisa dibaca (JPEG, PNG atau PGM)") == true,
                    "\(refused)")
            let empty = try await browser.upload(client, "/api/v1/scans/photo", fields: [("mode", "receive")],
                                                 files: [("photo", "wall.png", blank)])
            #expect((try empty.object["line"] as? String)?.contains("tidak ada kode QR di gambar wall.png") == true)
            let none = try await browser.upload(client, "/api/v1/scans/photo", fields: [("mode", "receive")], files: [])
            #expect(none.status == .badRequest)
        }
        #expect(try fixture.history(labels[0].bundle.id.description).map(\.move) == [.inspect, .label])
    }

    @Test func anOperatorCodeOrShipmentNumberThatIsNoCodeIsRefusedBeforeAnyScan() async throws {
        let fixture = try WebFixture()
        let labels = try fixture.labelledBundles(1)
        try await fixture.test { client in
            let browser = try await Browser.logIn(client, as: "GUDANG1")
            let badOperator = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("operator", "G 07!")])
            #expect(badOperator.status == .badRequest)
            let answer = try badOperator.object
            #expect(answer["tone"] as? String == "refused" && answer["line"] as? String == answer["error"] as? String)
            // The page keeps the clerk's choices and says why, without the script too.
            let page = try await browser.post(client, "/scan", [("code", labels[0].payload), ("mode", "pack"),
                                                                ("shipment", "999/XX")])
            #expect(page.status == .notFound && page.text.contains("class=\"error\""))
            #expect(page.text.contains("<option value=\"pack\" selected>kemas</option>"))
            // A count the page sent back in another shape is no count.
            let odd = try await browser.fetch(client, "/scan", [("code", labels[0].payload), ("tally", "receive:-4 x:9 pack:99999999999")])
            #expect((try odd.object["counts"] as? [String: String])?["scan-count"] == "Diterima: terima 1")
        }
        #expect(try fixture.history(labels[0].bundle.id.description).map(\.move) == [.inspect, .label, .receive])
    }
}
