import Foundation
import SapuCore
import Testing

@Suite("Option values as Indonesian or English words")
struct OptionWordTests {
    @Test func scanModesAreReadInEitherLanguageAndAnyCase() throws {
        let typed: [(String, ScanMode, Language?)] = [
            ("terima", .receive, .id), ("RECEIVE", .receive, .en), (" Kemas ", .pack, .id), ("bongkar", .unpack, .id),
            ("retur", .return, .id), ("Karantina", .quarantine, .id), ("musnahkan", .scrap, .id), ("cek", .check, .id),
            ("check", .check, .en),
        ]
        for (text, mode, language) in typed {
            let read = try ScanMode.read(text, option: "--mode")
            #expect(read.value == mode && read.language == language, "\(text)")
        }
    }

    @Test func statesAreReadAsTablesPrintThem() throws {
        for text in ["di gudang", "di-gudang", "DI_GUDANG", "in stock", "in-stock", "In_Stock"] {
            #expect(try BundleState.read(text, option: "--state").value == .inStock, "\(text)")
        }
        #expect(try BundleState.read("karantina", option: "--state").value == .quarantined)
        #expect(BundleState.words(.id).contains("di-gudang"))
    }

    /// The English name of `extra` has a comma; it was offered as `at-partner,-not-in-manifest`.
    @Test func aStateWhoseNameHasACommaIsOfferedAndReadWithoutIt() throws {
        #expect(BundleState.words(.en).contains("at-partner-not-in-manifest"))
        #expect(BundleState.words(.en).allSatisfy { !$0.contains(",") })
        for text in ["at-partner-not-in-manifest", "at partner, not in manifest", "AT_PARTNER_NOT_IN_MANIFEST"] {
            #expect(try BundleState.read(text, option: "--state") == (.extra, .en), "\(text)")
        }
        #expect(try BundleState.read("ada-di-mitra-tanpa-manifest", option: "--state") == (.extra, .id))
    }

    @Test func wordsSharedByBothLanguagesBelongToNeither() throws {
        #expect(try ReportGrouping.read("batch", option: "--by").language == nil)
        #expect(try ReportFormat.read("CSV", option: "--format").language == nil)
        #expect(try ReportGrouping.read("pembuat", option: "--by") == (.maker, .id))
        #expect(try ReportFormat.read("tabel", option: "--format") == (.table, .id))
    }

    @Test func anUnknownWordListsTheValidOnesInEachLanguage() {
        do {
            _ = try ScanMode.read("kirim", option: "--mode")
            Issue.record("kirim was read")
        } catch {
            #expect(error.message.indonesian
                == "--mode tidak mengenal \"kirim\"; pakai terima, kemas, bongkar, retur, karantina, musnahkan atau cek")
            #expect(error.message.english
                == "--mode does not take \"kirim\"; use receive, pack, unpack, return, quarantine, scrap or check")
        }
        for empty in ["", "  ", "-"] {
            #expect(throws: SapuError.self) { try ReportFormat.read(empty, option: "--format") }
        }
    }

    @Test func oneCommandLineMayNotMixTheLanguages() throws {
        var reader = OptionWordReader()
        _ = try reader.read("terima", option: "--mode", as: ScanMode.self)
        #expect(throws: SapuError.mixedOptionLanguages(indonesian: "--mode terima", english: "--by product")) {
            try reader.read("product", option: "--by", as: ReportGrouping.self)
        }
        var english = OptionWordReader()
        _ = try english.read("maker", option: "--by", as: ReportGrouping.self)
        #expect(throws: SapuError.mixedOptionLanguages(indonesian: "--format tabel", english: "--by maker")) {
            try english.read("tabel", option: "--format", as: ReportFormat.self)
        }
    }

    @Test func sharedWordsMixWithEitherLanguage() throws {
        var indonesian = OptionWordReader()
        #expect(try indonesian.read("batch", option: "--by", as: ReportGrouping.self) == .batch)
        #expect(try indonesian.read("csv", option: "--format", as: ReportFormat.self) == .csv)
        #expect(try indonesian.read("hari", option: "--by", as: ReportGrouping.self) == .day)
        var english = OptionWordReader()
        #expect(try english.read("json", option: "--format", as: ReportFormat.self) == .json)
        #expect(try english.read("day", option: "--by", as: ReportGrouping.self) == .day)
    }

    /// A new case whose word another case already uses would make a typed word ambiguous.
    @Test func everyWordNamesOneValue() {
        func check<Value: OptionWord>(_: Value.Type) {
            var seen: [String: Int] = [:]
            for (index, value) in Value.allCases.enumerated() {
                for word in Set([value.word.indonesian, value.word.english].map(Value.wordKey)) {
                    #expect(seen[word] == nil, "\(Value.self): \(word)")
                    seen[word] = index
                }
            }
        }
        check(ScanMode.self)
        check(BundleState.self)
        check(ReportGrouping.self)
        check(ReportFormat.self)
    }

    @Test func aFailedResultNamesItsDefects() {
        let names = DefectNames(Defect.standard)
        let result = Message.result(.fail(["LOOSE", "DAMP", "NEW"]), defects: names)
        #expect(result.indonesian == "TIDAK LULUS: Ikatan longgar, Lembap / belum kering, NEW")
        #expect(result.english == "FAIL: Loose binding, Damp / not dry, NEW")
        #expect(Message.result(.pass(.a), defects: names).indonesian == "LULUS A")
        #expect(Message.grade("FAIL").indonesian == "TIDAK LULUS" && Message.grade("FAIL").english == "FAIL")
        #expect(Message.grade("B").indonesian == "B")
    }
}

extension OptionWord {
    /// The test's own reading of "the same word": case, spaces, hyphens and underscores aside.
    static func wordKey(_ word: String) -> String {
        word.lowercased().split(whereSeparator: { " -_".contains($0) }).joined(separator: "-")
    }
}
