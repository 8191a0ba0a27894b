import Foundation
import SapuCore
import Testing

extension SapuRunner {
    /// The site's control-code key, read from the database as only the site can: to make a
    /// correctly tagged code that `sapu label commands` never prints (scrap).
    func controlKey() throws -> ControlKey {
        let hex = try #require(try sql("SELECT hex(secret) FROM control_code_key").first)
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(try #require(UInt8(hex[index..<next], radix: 16)))
            index = next
        }
        return try #require(ControlKey(secret: bytes))
    }
}

@Suite("sapu scan: control codes are authenticated for the site")
struct ControlCodeScanTests {
    /// Break: `printf 'sapuc mode scrap\n<label>\n' | sapu scan --mode check` scrapped the bundle.
    @Test func aTypedScrapCodeAtACheckStationChangesNothing() throws {
        let shop = try ScanningWorkshop()
        let before = try shop.sapu.dump()
        let run = try shop.sapu.scan("check", ["sapuc mode scrap", shop.label(7), "SAPUC MODE SCRAP", shop.id(7)])
        #expect(run.outcomes == ["forged", "accepted", "forged", "accepted"], "\(run.answers)")
        #expect(run.answers.map(\.state) == [nil, "quarantined", nil, "quarantined"])
        #expect(run.answers.first?.reason?.contains("security tag") == true, "\(run.answers)")
        #expect(run.answers.first?.reason?.contains("mode stays check") == true, "\(run.answers)")
        let unchanged = try shop.sapu.dump() == before
        #expect(unchanged, "the database changed")
    }

    @Test func aCheckStationNeverSwitchesToAModeThatWrites() throws {
        let shop = try ScanningWorkshop()
        let sapu = shop.sapu
        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let codes = try sapu.controlCodes(shipments: [shipment], operators: ["G01"])
        let scrap = try sapu.controlKey().payload(.mode(.scrap))
        let before = try sapu.dump()
        var lines: [String] = []
        for mode in ["RECEIVE", "PACK", "UNPACK", "RETURN", "QUARANTINE"] {
            lines += [try #require(codes["SAPUC MODE \(mode)"]), shop.label(1)]
        }
        lines += [scrap, shop.label(7)]
        lines += [try #require(codes["SAPUC MODE CHECK"]), try #require(codes["SAPUC OPERATOR G01"]),
                  try #require(codes["SAPUC SHIPMENT " + shipment.split(separator: "/").joined(separator: " ")]), shop.label(2)]
        let run = try sapu.scan("check", lines)
        #expect(run.outcomes == ["refused", "accepted", "refused", "accepted", "refused", "accepted", "refused", "accepted",
                                 "refused", "accepted", "refused", "accepted", "control", "control", "control", "accepted"],
                "\(run.answers)")
        guard run.answers.count == 16 else { return }
        #expect(run.answers[0].reason?.contains("read-only") == true, "\(run.answers[0])")
        #expect(run.answers[10].reason?.contains("scrap mode cannot be chosen by a control code") == true, "\(run.answers[10])")
        #expect(Set(run.answers.filter { $0.outcome == "accepted" }.map(\.state)) == ["inspected", "quarantined"])
        let unchanged = try sapu.dump() == before
        #expect(unchanged, "the database changed")
    }

    @Test func scrapCannotBeEnteredByAControlCodeEvenWhenCorrectlyTagged() throws {
        let shop = try ScanningWorkshop()
        let sapu = shop.sapu
        #expect(try sapu.controlCodes().keys.contains { $0.contains("SCRAP") } == false, "the sheet prints no scrap code")
        let scrap = try sapu.controlKey().payload(.mode(.scrap))
        let quarantine = try sapu.controlCode("SAPUC MODE QUARANTINE")
        let run = try sapu.scan("receive", [quarantine, shop.label(1), scrap, scrap.lowercased(), shop.label(1)])
        #expect(run.outcomes == ["control", "accepted", "refused", "refused", "duplicate"], "\(run.answers)")
        #expect(run.answers.map(\.state) == [nil, "quarantined", nil, nil, "quarantined"])
        #expect(run.answers[2].reason?.contains("mode stays quarantine") == true, "\(run.answers)")
        #expect(try sapu.eventCounts("scrap") == [shop.id(8): 1])
        // The scrap station itself is still there for whoever starts it on purpose.
        #expect(try sapu.scan("scrap", [shop.label(1)]).answers.first?.state == "scrapped")
    }

    @Test func codesFromAnotherSiteOrAlteredOrUntaggedAreRefusedAndTheModeStays() throws {
        let shop = try ScanningWorkshop()
        let sapu = shop.sapu
        let (other, _) = try SapuRunner.workshop()
        let foreign = try other.controlCode("SAPUC MODE QUARANTINE")
        let own = try sapu.controlCode("SAPUC MODE QUARANTINE")
        #expect(foreign != own, "two sites have the same secret")
        let tag = String(own.split(separator: " ").last!)
        let changed = own.dropLast() + (own.last == "0" ? "1" : "0")
        let before = try sapu.dump()
        let run = try sapu.scan("receive", [
            foreign,                                         // another site's sheet
            String(changed),                                 // one character of the tag changed
            String(own.dropLast()),                          // tag cut short
            "SAPUC MODE QUARANTINE",                         // typed by hand
            "SAPUC MODE QUARANTINE " + String(tag.reversed()),
            "SAPUC MODE RETURN " + tag,                      // another code's tag
            shop.label(7),                                   // still receive: a failed bundle is refused
        ])
        #expect(run.outcomes == ["forged", "forged", "forged", "forged", "forged", "forged", "refused"], "\(run.answers)")
        #expect(run.answers.prefix(6).allSatisfy { $0.reason?.contains("mode stays receive") == true }, "\(run.answers)")
        #expect(run.answers.first?.reason?.contains("not issued by this site") == true, "\(run.answers)")
        let unchanged = try sapu.dump() == before
        #expect(unchanged, "the database changed")
        // The own code, as a scanner with Caps Lock and an AIM prefix delivers it, works.
        let good = try sapu.scan("receive", ["]q1" + own.lowercased(), shop.label(1)])
        #expect(good.outcomes == ["control", "accepted"] && good.answers.last?.state == "quarantined", "\(good.answers)")
    }

    /// The secret is made for databases created before control codes were tagged, too.
    @Test func aDatabaseFromBeforeTheTagsGetsItsOwnSecretOnFirstUse() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let version = try sapu.count("PRAGMA user_version")
        // Back to the schema before the tags, as an older Sapu left it: no secret table, and none
        // of the later migrations' tables, indexes or columns either (sapu refuses a version older
        // than the tables present). Migration 5 made the secret.
        _ = try sapu.sql("""
            DROP TRIGGER log_site_insert; DROP TRIGGER log_site_update; DROP TRIGGER log_product_insert;
            DROP TRIGGER log_product_update; DROP TRIGGER log_batch_insert; DROP TRIGGER log_shipment_insert;
            DROP TRIGGER log_shipment_update; DROP TRIGGER log_event_insert; DROP TRIGGER log_receipt_insert;
            DROP TRIGGER log_receipt_supersede; DROP TABLE sync_log; DROP TABLE hub_sync;
            DROP TABLE control_code_key; DROP TABLE shipment_document; DROP TABLE shipment_documents;
            DROP TABLE database_check; DROP INDEX bundle_voided; ALTER TABLE event DROP COLUMN reason;
            ALTER TABLE site DROP COLUMN time_zone; DROP TABLE label_offset;
            DROP TABLE web_session; DROP TABLE web_user;
            PRAGMA user_version = 4
            """)
        let code = try sapu.controlCode("SAPUC MODE CHECK")
        #expect(try sapu.count("PRAGMA user_version") == version)
        #expect(try sapu.count("SELECT length(secret) FROM control_code_key") == 32)
        #expect(try sapu.scan("receive", [code]).outcomes == ["control"])
    }

    /// The partner has no site secret: a control code is just not a Sapu label there.
    @Test func thePartnersVerifyTreatsControlCodesAsNotSapu() throws {
        let shop = try ShippedWorkshop()
        let partner = try shop.partner()
        let code = try shop.sapu.controlCode("SAPUC MODE CHECK")
        let verify = try partner.run(shop.verifyArguments + ["--json", "--lang", "en"],
                                     input: [code, "SAPUC MODE SCRAP", shop.labels[shop.packed[0]]!].joined(separator: "\n") + "\n")
        #expect(verify.status == 0, "\(verify.stderr)")
        let outcomes = verify.lines.compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["outcome"] as? String
        }
        #expect(outcomes == ["not-sapu", "not-sapu", "expected"], "\(verify.stdout)")
    }
}
