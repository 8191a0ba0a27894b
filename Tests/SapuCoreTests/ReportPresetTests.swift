import SapuCore
import Testing

@Suite("Quick report periods")
struct ReportPresetTests {
    private func days(_ preset: ReportPreset, _ today: String) throws -> String {
        let period = try preset.period(today: try CalendarDate(iso: today))
        return "\(period.from?.iso ?? "-") \(period.to?.iso ?? "-")"
    }

    @Test func aWeekStartsOnMondayAndAMonthOnTheFirst() throws {
        #expect(try days(.today, "2025-11-21") == "2025-11-21 2025-11-21")
        #expect(try days(.week, "2025-11-21") == "2025-11-17 2025-11-21")
        #expect(try days(.week, "2025-11-17") == "2025-11-17 2025-11-17")
        #expect(try days(.week, "2025-11-23") == "2025-11-17 2025-11-23")
        #expect(try days(.week, "2026-01-01") == "2025-12-29 2026-01-01")
        #expect(try days(.month, "2025-11-21") == "2025-11-01 2025-11-21")
        #expect(try days(.month, "2024-02-29") == "2024-02-01 2024-02-29")
    }

    @Test func theWordsAreReadInEitherLanguage() throws {
        #expect(try ReportPreset.read("minggu-ini", option: "period").value == .week)
        #expect(try ReportPreset.read("this-month", option: "period").value == .month)
        #expect(try ReportPreset.read(ReportPreset.week.rawValue, option: "period").value == .week)
        #expect(throws: SapuError.self) { try ReportPreset.read("yesterday", option: "period") }
    }
}
