import Foundation
import SapuApp
import SapuCore
import SapuStore
import Testing

@Suite("Label printing and voiding workflows")
struct LabelPrintingTests {
    let actor = Actor(operatorCode: "QC1", station: "meja-qc")

    private func request(_ site: TemporarySite, _ selection: LabelPrinting.Selection, again: Bool, folder: String)
        -> LabelPrinting.Request {
        .init(selection: selection, again: again, template: nil, templateOverrides: nil, format: .zpl, skip: 0,
              directory: site.directory + "/" + folder, language: .id, actor: actor, now: TemporarySite.day)
    }

    @Test func aBatchIsLabelledOnceAndWrittenAgainOnlyOnRequest() throws {
        let site = try TemporarySite()
        try site.store.addMaker(Maker(code: "M042", name: nil, active: true))
        let batch = try site.store.createBatch(product: "LIDI", date: TemporarySite.day.date, at: TemporarySite.day).code
        let ids = try site.store.inspect(batch: batch, maker: "M042", result: .pass(.a), count: 3, actor: actor,
                                         at: TemporarySite.day).map(\.id)
        let first = try LabelPrinting.run(request(site, .batch(batch), again: false, folder: "a"), store: site.store)
        #expect(first.written.map(\.bundle.id) == ids && first.written.allSatisfy { !$0.sameRevision } && first.skipped.isEmpty)

        let second = try LabelPrinting.run(request(site, .batch(batch), again: false, folder: "b"), store: site.store)
        #expect(second.written.isEmpty && second.files.isEmpty && second.skipped == ids)
        #expect(!FileManager.default.fileExists(atPath: site.directory + "/b"))

        let again = try LabelPrinting.run(request(site, .batch(batch), again: true, folder: "c"), store: site.store)
        #expect(again.written.map(\.payload) == first.written.map(\.payload) && again.written.allSatisfy(\.sameRevision))
        #expect(try Data(contentsOf: URL(fileURLWithPath: again.files[0])) == (try Data(contentsOf: URL(fileURLWithPath: first.files[0]))))
        #expect(try site.store.history(of: ids[0]).map(\.move) == [.inspect, .label, .reprint])

        let fresh = try site.store.inspect(batch: batch, maker: "M042", result: .pass(.b), count: 1, actor: actor,
                                           at: TemporarySite.day).map(\.id)
        #expect(throws: SapuError.nothingToReprint(fresh.map(\.description))) {
            try LabelPrinting.run(request(site, .bundles(fresh), again: true, folder: "d"), store: site.store)
        }
        let mixed = try LabelPrinting.run(request(site, .batch(batch), again: true, folder: "e"), store: site.store)
        #expect(mixed.written.map(\.bundle.id) == ids && mixed.skipped == fresh)
    }

    @Test func aRangeOrMoreThanTwentyBundlesIsConfirmedFirst() throws {
        let site = try TemporarySite()
        try site.store.addMaker(Maker(code: "M042", name: nil, active: true))
        let batch = try site.store.createBatch(product: "LIDI", date: TemporarySite.day.date, at: TemporarySite.day).code
        let ids = try site.store.inspect(batch: batch, maker: "M042", result: .pass(.a), count: 22, actor: actor,
                                         at: TemporarySite.day).map(\.id)
        #expect(try !BundleVoiding.plan(.bundles(Array(ids.prefix(20))), store: site.store).needsConfirmation)
        #expect(try BundleVoiding.plan(.bundles(Array(ids.prefix(21))), store: site.store).needsConfirmation)
        let range = try BundleVoiding.plan(.range(batch: batch, from: 2, to: 3), store: site.store)
        #expect(range.needsConfirmation && range.outcome.toVoid == [ids[1], ids[2]])
        let whole = try BundleVoiding.plan(.range(batch: batch, from: nil, to: nil), store: site.store)
        #expect(whole.bundles == ids)
        _ = try BundleVoiding.void(range, reason: "salah hitung", actor: actor, at: TemporarySite.day, store: site.store)
        // Nothing left to void in the range: a repeat needs no question.
        let repeated = try BundleVoiding.plan(.range(batch: batch, from: 2, to: 3), store: site.store)
        #expect(!repeated.needsConfirmation && repeated.outcome.alreadyVoided == [ids[1], ids[2]])
        #expect(throws: SapuError.unknownBundle("\(batch)-0023")) {
            try BundleVoiding.plan(.range(batch: batch, from: 20, to: 30), store: site.store)
        }
        #expect(throws: SapuError.unknownBundle("\(batch)-0030")) {
            try BundleVoiding.plan(.range(batch: batch, from: 30, to: nil), store: site.store)
        }
        #expect(throws: SapuError.reversedSerialRange(from: 3, to: 2)) {
            try BundleVoiding.plan(.range(batch: batch, from: 3, to: 2), store: site.store)
        }
    }
}
