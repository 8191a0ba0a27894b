import Foundation
import Testing

@Suite("sapu: typed ids and codes are canonical, and file names come only from canonical codes")
struct TypedInputTests {
    @Test func aNonCanonicalBundleIDGetsTheCanonicalFormAsAHintEverywhere() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        _ = try sapu.labelledBundles(batch, count: 2)
        let hint = "error: bundle id \"\(batch)-00001\" is not written as on the label; did you mean \(batch)-0001?\n"
        let before = try sapu.dump()
        for arguments in [["bundle", "show", batch + "-00001"], ["inspect", batch + "-00001", "--pass", "--grade", "B"],
                          ["label", batch + "-00001", "--out", "again"]] {
            let output = try sapu.run(arguments + ["--lang", "en"])
            #expect(output.status == 1, "\(arguments)")
            #expect(output.stderr == hint, "\(arguments)")
        }
        #expect(try sapu.run("bundle", "show", batch + "-1", "--lang", "en").stderr
                == "error: bundle id \"\(batch)-1\" is not written as on the label; did you mean \(batch)-0001?\n")
        #expect(try sapu.dump() == before)

        // The scanning station answers it and changes nothing.
        let scan = try sapu.scan("receive", [batch + "-00001", batch.lowercased() + " 0002"])
        #expect(scan.outcomes == ["not-sapu", "accepted"])
        #expect(scan.answers[0].reason == "bundle id \"\(batch)-00001\" is not written as on the label; did you mean \(batch)-0001?")
        #expect(try sapu.states()[batch + "-0001"] == "inspected")
    }

    @Test func thePartnersCheckGivesTheSameHint() throws {
        let shop = try ShippedWorkshop(ship: false)
        let partner = try shop.partner()
        let typed = shop.packed[0].replacingOccurrences(of: "-", with: "-0")
        let output = try partner.run(shop.verifyArguments + ["--lang", "en"], input: typed + "\n" + shop.packed[1] + "\n")
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("did you mean \(shop.packed[0])?"), "\(output.stdout)")
        #expect(output.stdout.contains("(1/50)"))
    }

    @Test func aBatchCodeWithATabOrNewlineNeverReachesAFileName() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        try sapu.ok("inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", "2")
        for typed in [batch + "\t", batch + "\n", "\t" + batch, batch + "\r"] {
            for format in ["pdf", "zpl", "png"] {
                let output = try sapu.run("label", "--batch", typed, "--format", format, "--out", "out", "--lang", "en")
                #expect(output.status == 1, "\(typed.debugDescription) \(format)")
                #expect(output.stderr.hasPrefix("error: invalid batch code: \""), "\(output.stderr)")
                #expect(output.stderr.contains("\\u{"), "\(output.stderr)")
            }
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/out")) ?? []
        #expect(files.isEmpty, "\(files)")
        // Spaces around a code are still forgiven, and the file is named from the canonical code.
        try sapu.ok("label", "--batch", " " + batch.lowercased() + " ", "--format", "pdf", "--out", "out")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sapu.directory + "/out") == ["labels-\(batch)-a4-3x8.pdf"])
    }
}
