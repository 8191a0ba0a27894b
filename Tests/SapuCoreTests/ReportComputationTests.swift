import SapuCore
import Testing

@Suite("Reports: computations")
struct ReportComputationTests {
    static let day1 = CalendarDate(year: 2025, month: 11, day: 3)!
    static let day2 = CalendarDate(year: 2025, month: 11, day: 4)!
    static let day3 = CalendarDate(year: 2025, month: 11, day: 5)!

    static func inspection(_ day: CalendarDate, _ hour: Int64, first: Bool, _ result: QCResult) -> InspectionHistory.Inspection {
        .init(day: day, unixSeconds: Instant.startOf(day, utcOffset: 25_200).unixSeconds + hour * 3600, first: first, result: result)
    }

    /// Two batches: B1 (LIDI) on day 1 by M1: 3 A, 1 B, one failed and reworked to B on day 2, and by M2 one
    /// failed, reworked and failed again on day 3; B2 (GLAGAH) on day 2 by M2: 2 A and one failed, never reworked.
    static func history(_ period: ReportPeriod, _ detail: InspectionHistory.Detail = .batches) -> InspectionHistory {
        func within(_ day: CalendarDate) -> Bool {
            (period.from.map { $0 <= day } ?? true) && (period.to.map { day <= $0 } ?? true)
        }
        let once: [InspectionHistory.Tally]
        switch detail {
        case .batches:
            once = [
                .init(day: day1, batch: "B1", maker: nil, product: "LIDI", result: .pass(.a), count: 3),
                .init(day: day1, batch: "B1", maker: nil, product: "LIDI", result: .pass(.b), count: 1),
                .init(day: day2, batch: "B2", maker: nil, product: "GLAGAH", result: .pass(.a), count: 2),
                .init(day: day2, batch: "B2", maker: nil, product: "GLAGAH", result: .fail(["SHORT"]), count: 1),
            ].filter { within($0.day!) }
        case .makers:
            once = [
                within(day1) ? [InspectionHistory.Tally(day: nil, batch: nil, maker: "M1", product: "LIDI", result: .pass(.a), count: 3),
                                .init(day: nil, batch: nil, maker: "M1", product: "LIDI", result: .pass(.b), count: 1)] : [],
                within(day2) ? [InspectionHistory.Tally(day: nil, batch: nil, maker: "M2", product: "GLAGAH", result: .pass(.a), count: 2),
                                .init(day: nil, batch: nil, maker: "M2", product: "GLAGAH", result: .fail(["SHORT"]), count: 1)] : [],
            ].flatMap { $0 }
        }
        return InspectionHistory(
            period: period, detail: detail, once: once,
            reworked: [
                .init(batch: "B1", maker: "M1", product: "LIDI", inspections: [
                    inspection(day2, 9, first: false, .pass(.b)), inspection(day1, 8, first: true, .fail(["LOOSE"])),
                ]),
                .init(batch: "B1", maker: "M2", product: "LIDI", inspections: [
                    inspection(day1, 8, first: true, .fail(["DAMP", "LOOSE"])), inspection(day3, 9, first: false, .fail(["DAMP"])),
                ]),
            ],
            bundleSizes: ["LIDI": 10, "GLAGAH": 5])
    }

    @Test func qcCountsFirstInspectionsByResultAndReworksSeparately() throws {
        let report = QCReport(Self.history(try ReportPeriod()), by: .batch)
        #expect(report.rows.map(\.group) == ["B1", "B2"])
        #expect(report.rows[0].tally == QCTally(inspected: 6, gradeA: 3, gradeB: 1, failed: 2, reworks: 2, passedAfterRework: 5))
        #expect(report.rows[1].tally == QCTally(inspected: 3, gradeA: 2, gradeB: 0, failed: 1, reworks: 0, passedAfterRework: 2))
        #expect(report.total.passRate == 6.0 / 9)
        #expect(report.total.finalYield == 7.0 / 9)
        #expect(report.failedInspections == 4)
        #expect(report.defects.map(\.code) == ["DAMP", "LOOSE", "SHORT"])
        #expect(report.defects.map(\.count) == [2, 2, 1])
    }

    @Test func theResultAfterReworkIsTakenAtTheEndOfThePeriod() throws {
        let untilDayOne = QCReport(Self.history(try ReportPeriod(to: Self.day1)), by: .batch)
        #expect(untilDayOne.total == QCTally(inspected: 6, gradeA: 3, gradeB: 1, failed: 2, reworks: 0, passedAfterRework: 4))
        let untilDayTwo = QCReport(Self.history(try ReportPeriod(to: Self.day2)), by: .batch)
        #expect(untilDayTwo.rows[0].tally.passedAfterRework == 5)
        #expect(untilDayTwo.rows[0].tally.reworks == 1)
    }

    @Test func aReworkInThePeriodCountsForABundleFirstInspectedBefore() throws {
        let report = QCReport(Self.history(try ReportPeriod(from: Self.day3, to: Self.day3), .makers), by: .maker)
        #expect(report.rows.map(\.group) == ["M2"])
        #expect(report.rows[0].tally == QCTally(inspected: 0, gradeA: 0, gradeB: 0, failed: 0, reworks: 1, passedAfterRework: 0))
        #expect(report.rows[0].tally.passRate == nil)
        #expect(report.defects.map(\.code) == ["DAMP"])
        #expect(!report.isEmpty)
    }

    /// A bundle that passed A, was re-graded B, was found damaged (a re-grade too: it had
    /// passed), then reworked and passed again: one rework, two re-grades.
    static func regradedHistory(_ period: ReportPeriod, _ detail: InspectionHistory.Detail) -> InspectionHistory {
        InspectionHistory(period: period, detail: detail, once: [], reworked: [
            .init(batch: "B1", maker: "M1", product: "LIDI", inspections: [
                inspection(day3, 8, first: false, .pass(.b)),
                inspection(day1, 8, first: true, .pass(.a)),
                inspection(day2, 8, first: false, .pass(.b)),
                inspection(day2, 9, first: false, .fail(["BROKEN"])),
            ]),
        ], bundleSizes: ["LIDI": 10])
    }

    @Test func aReinspectionCountsAsReworkOnlyWhenTheBundleHadFailed() throws {
        let report = QCReport(Self.regradedHistory(try ReportPeriod(), .batches), by: .batch)
        #expect(report.total == QCTally(inspected: 1, gradeA: 1, gradeB: 0, failed: 0, reworks: 1, passedAfterRework: 1,
                                        regrades: 2))
        let byDay = QCReport(Self.regradedHistory(try ReportPeriod(), .batches), by: .day)
        #expect(byDay.rows.map(\.tally.reworks) == [0, 0, 1])
        #expect(byDay.rows.map(\.tally.regrades) == [0, 2, 0])
        // The inspection before the period decides too: on day 3 alone, the pass after the failure is a rework.
        let dayThree = QCReport(Self.regradedHistory(try ReportPeriod(from: Self.day3, to: Self.day3), .batches), by: .batch)
        #expect(dayThree.total == QCTally(inspected: 0, gradeA: 0, gradeB: 0, failed: 0, reworks: 1, passedAfterRework: 0))
        #expect(!dayThree.isEmpty)
        // A re-grade that failed still names its defect.
        #expect(report.defects.map(\.code) == ["BROKEN"])
        let makers = try MakersReport(Self.regradedHistory(try ReportPeriod(), .makers))
        #expect(makers.rows.map(\.tally.reworks) == [1])
        #expect(makers.rows.map(\.tally.regrades) == [2])
        let regradesOnly = QCReport(Self.regradedHistory(try ReportPeriod(from: Self.day2, to: Self.day2), .batches), by: .batch)
        #expect(regradesOnly.total.regrades == 2 && regradesOnly.total.reworks == 0)
        #expect(!regradesOnly.isEmpty)
        let heading = ReportHeading(site: Site(code: "PWT", name: "Lapas"), made: Instant(unixSeconds: 0, utcOffset: 25_200))
        let table = regradesOnly.document(.en, heading: heading, defects: []).text
        #expect(table.contains("RE-GRADES") && table.contains("0 re-inspections after rework, 2 re-grades"), "\(table)")
    }

    @Test func qcGroupsByDayAndProduct() throws {
        let byDay = QCReport(Self.history(try ReportPeriod()), by: .day)
        #expect(byDay.rows.map(\.group) == ["2025-11-03", "2025-11-04", "2025-11-05"])
        #expect(byDay.rows.map(\.tally.inspected) == [6, 3, 0])
        #expect(byDay.rows.map(\.tally.reworks) == [0, 1, 1])
        let byProduct = QCReport(Self.history(try ReportPeriod()), by: .product)
        #expect(byProduct.rows.map(\.group) == ["GLAGAH", "LIDI"])
        let byMaker = QCReport(Self.history(try ReportPeriod(), .makers), by: .maker)
        #expect(byMaker.rows.map(\.group) == ["M1", "M2"])
        #expect(byMaker.total == QCReport(Self.history(try ReportPeriod()), by: .batch).total)
        #expect(byMaker.days.isEmpty)
    }

    @Test func makersReportCountsBroomsByBundleSizeAndKeepsNamesOutUnlessGiven() throws {
        let report = try MakersReport(Self.history(try ReportPeriod(), .makers))
        #expect(report.rows.map(\.maker) == ["M1", "M2"])
        #expect(report.rows.map(\.brooms) == [50, 25])
        #expect(report.rows.map(\.tally.reworks) == [1, 1])
        #expect(report.brooms == 75)
        #expect(!report.showsNames)
        let named = try MakersReport(Self.history(try ReportPeriod(), .makers), names: ["M1": "Budi"])
        #expect(named.rows.map(\.name) == ["Budi", ""])
    }

    @Test func paretoRanksByCountThenCodeAndEndsAtAHundredPercent() {
        let ranked = DefectShare.pareto(["UNDER": 1, "LOOSE": 5, "DAMP": 3, "BROKEN": 1, "NONE": 0])
        #expect(ranked.map(\.code) == ["LOOSE", "DAMP", "BROKEN", "UNDER"])
        #expect(ranked.map(\.share) == [0.5, 0.3, 0.1, 0.1])
        #expect(abs(ranked.last!.cumulative - 1) < 1e-12)
        #expect(DefectShare.pareto([:]).isEmpty)
    }

    @Test func stockRowsPivotStatesAndTotalEverything() {
        let report = StockReport(asOf: nil, counts: [
            StockCount(product: "LIDI", grade: "FAIL", state: .quarantined, count: 2),
            StockCount(product: "LIDI", grade: "A", state: .shipped, count: 4),
            StockCount(product: "LIDI", grade: "A", state: .inStock, count: 3),
            StockCount(product: "LIDI", grade: "A", state: .inStock, count: 1),
            StockCount(product: "GLAGAH", grade: "B", state: .received, count: 0),
        ])
        #expect(report.states == [.inStock, .quarantined, .shipped])
        #expect(report.rows.map { "\($0.product) \($0.grade) \($0.counts) \($0.total)" } == ["LIDI A [4, 0, 4] 8", "LIDI FAIL [0, 2, 0] 2"])
        #expect(report.stateTotals == [4, 2, 4])
        #expect(report.total == 10)
        #expect(report.count(in: [.packed, .shipped]) == 4)
        #expect(StockReport(asOf: nil, counts: []).isEmpty)
    }

    @Test func shipmentTotalsGoPerConsignee() throws {
        let day = CalendarDate(year: 2025, month: 11, day: 4)!
        let report = ShipmentsReport(period: try ReportPeriod(), shipments: [
            ShipmentOutcome(id: "002/SJ/PWT/XI/2025", date: day, consignee: "Toko", status: .shipped, sent: 2, received: 0,
                            missing: 0, disputed: 0),
            ShipmentOutcome(id: "001/SJ/PWT/XI/2025", date: day, consignee: "CV", status: .disputed, sent: 8, received: 6,
                            missing: 1, disputed: 1),
        ])
        #expect(report.shipments.map(\.id) == ["001/SJ/PWT/XI/2025", "002/SJ/PWT/XI/2025"])
        #expect(report.consignees.map(\.consignee) == ["CV", "Toko"])
        #expect(report.shipments.map(\.inTransit) == [0, 2])
        #expect(report.total.sent == 10 && report.total.inTransit == 2 && report.total.disputed == 1)
    }

    @Test func periodsRefuseReversedRangesAndBadDates() throws {
        #expect(throws: SapuError.reversedRange(from: Self.day2, to: Self.day1)) {
            try ReportPeriod(from: Self.day2, to: Self.day1)
        }
        #expect(throws: SapuError.invalidDate("2025-02-30")) { try ReportPeriod(fromText: "2025-02-30", toText: nil) }
        #expect(try ReportPeriod(fromText: "2025-11-03", toText: "2025-11-03").from == Self.day1)
    }

    @Test func theSimulatedHistoryIsRepeatableAndHasTheBundlesAskedFor() {
        func run(seed: UInt64) -> (events: Int, bundles: Int, shipments: Int) {
            let simulation = HistorySimulation(.init(site: "PWT", bundles: 3000, makers: 5, days: 30, end: Self.day3, seed: seed))
            var events = 0
            simulation.run { _, _, dayEvents in events += dayEvents.count }
            return (events, simulation.bundles.count, simulation.shipments.count)
        }
        let first = run(seed: 7)
        #expect(first.bundles == 3000)
        #expect(first.events > 5 * 3000)
        #expect(first.shipments > 5)
        #expect(run(seed: 7) == first)
    }

    @Test func simulatedEventsFollowTheLifecycleInTimeOrder() {
        let simulation = HistorySimulation(.init(site: "PWT", bundles: 2000, makers: 4, days: 20, end: Self.day3, seed: 3))
        var facts: [Int: Lifecycle.Facts] = [:]
        var last: Int64 = .min
        var illegal: [String] = []
        simulation.run { _, _, events in
            for event in events {
                if event.at < last { illegal.append("out of order") }
                last = event.at
                let result = event.result ?? .pass(.a)
                if event.move == .inspect {
                    guard case .success(let state) = Lifecycle.inspect(nil, result: result), state == event.state else {
                        illegal.append("inspect \(result) to \(event.state)")
                        continue
                    }
                    facts[event.bundle] = .init(state: state, passed: result.passed, labelled: false)
                    continue
                }
                guard var current = facts[event.bundle] else { illegal.append("no inspection"); continue }
                let outcome = event.move == .reinspect ? Lifecycle.inspect(current, result: result)
                    : Lifecycle.apply(event.move, to: current)
                if let result = event.result { current.passed = result.passed }
                switch outcome {
                case .success(let state) where state == event.state:
                    current.state = state
                    if event.move == .label { current.labelled = true }
                    facts[event.bundle] = current
                default:
                    illegal.append("\(event.move) from \(current.state)")
                }
            }
        }
        #expect(illegal.isEmpty, "\(illegal.prefix(5))")
        for (index, bundle) in simulation.bundles.enumerated() { #expect(facts[index]?.state == bundle.state) }
    }
}
