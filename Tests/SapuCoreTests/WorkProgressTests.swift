import SapuCore
import Synchronization
import Testing

@Suite("Work progress: readings in order, an end, and the line a terminal shows")
struct WorkProgressTests {
    @Test func aWatcherSeesEveryStageCountedAndThenTheEnd() {
        let seen = Mutex<[WorkProgress.Reading?]>([])
        let progress = WorkProgress { reading in seen.withLock { $0.append(reading) } }
        progress.advance()  // before any stage: nothing to count
        progress.begin(.signingLabels, total: 2)
        progress.advance()
        progress.advance()
        progress.begin(.writingFiles, total: 1)
        progress.advance()
        progress.end()
        #expect(seen.withLock { $0 } == [
            .init(stage: .signingLabels, done: 0, total: 2), .init(stage: .signingLabels, done: 1, total: 2),
            .init(stage: .signingLabels, done: 2, total: 2), .init(stage: .writingFiles, done: 0, total: 1),
            .init(stage: .writingFiles, done: 1, total: 1), nil,
        ])
    }

    @Test func theLineSaysTheStageTheCountAndThePercentageInEitherLanguage() {
        let reading = WorkProgress.Reading(stage: .drawingLabels, done: 4210, total: 10000)
        #expect(Message.progress(reading).text(.id) == "Menggambar label: 4210 dari 10000 (42%)")
        #expect(Message.progress(reading).text(.en) == "Drawing labels: 4210 of 10000 (42%)")
        let open = WorkProgress.Reading(stage: .applyingScans, done: 12000, total: nil)
        #expect(Message.progress(open).text(.id) == "Memproses pindaian: 12000")
        #expect(Message.progress(open).text(.en) == "Applying scans: 12000")
    }
}

/// A photo of one label is one scan: the summary says so in the singular (it said "1 scans").
@Suite("Scan summary wording")
struct ScanSummaryWordingTests {
    @Test func oneScanIsSingularInEnglish() {
        #expect(Message.scanSummary(total: 1, parts: ["NOT SAPU 1"]).text(.en) == "Summary: 1 scan: NOT SAPU 1")
        #expect(Message.scanSummary(total: 2, parts: ["OK 2"]).text(.en) == "Summary: 2 scans: OK 2")
        #expect(Message.scanSummary(total: 1, parts: []).text(.id) == "Ringkasan: 1 pindaian")
    }
}
