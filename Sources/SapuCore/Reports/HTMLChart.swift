/// Draws report charts as inline SVG: plain shapes and text, readable without scripts.
///
/// Every bar and point carries a `<title>` so that hovering shows its exact value.
enum HTMLChart {
    static let width = 1000.0
    static let font = "font-family=\"DejaVu Sans, Arial, sans-serif\""

    static func svg(_ chart: ReportChart, language: Language) -> String {
        switch chart {
        case .stacked(let bars): bars.horizontal ? horizontal(bars, language) : vertical(bars, language)
        case .pareto(let pareto): self.pareto(pareto, language)
        }
    }

    // MARK: Vertical stacked bars

    static func vertical(_ chart: ReportChart.StackedBars, _ language: Language) -> String {
        let count = max(1, chart.categories.count)
        let left = 64.0, right = 16.0, top = 58.0, plotHeight = 260.0
        let band = (width - left - right) / Double(count)
        let longest = chart.categories.map(\.count).max() ?? 0
        let rotate = Double(longest) * 7 + 6 > band
        let every = rotate ? max(1, Int((13.0 / band).rounded(.up))) : 1
        let bottom = rotate ? min(120, Double(longest) * 6 + 24) : 30
        let height = top + plotHeight + bottom
        let scale = Scale(maximum: chart.totals.max() ?? 0)
        var svg = open(height: height, label: chart.title)
        svg += heading(chart.title, legend: chart.series.map { ($0.name, $0.colour) })
        for tick in scale.ticks {
            let y = top + plotHeight - plotHeight * Double(tick) / Double(scale.top)
            svg += line(left, y, width - right, y, stroke: tick == 0 ? "#7b8794" : "#e4e7eb")
            svg += text(left - 6, y + 4, ReportNumber.grouped(tick, language), anchor: "end", size: 11, fill: "#52606d")
        }
        for (index, category) in chart.categories.enumerated() {
            let barWidth = min(band * 0.7, 56)
            let x = left + band * (Double(index) + 0.5) - barWidth / 2
            var base = top + plotHeight
            for series in chart.series {
                let value = index < series.values.count ? series.values[index] : 0
                guard value > 0 else { continue }
                let h = plotHeight * Double(value) / Double(scale.top)
                base -= h
                svg += rect(x, base, barWidth, h, fill: series.colour,
                            tip: "\(category) · \(series.name): \(ReportNumber.grouped(value, language))")
            }
            guard index % every == 0 else { continue }
            let labelX = left + band * (Double(index) + 0.5)
            if rotate {
                let y = top + plotHeight + 10
                svg += "<text x=\"\(f(labelX))\" y=\"\(f(y))\" font-size=\"11\" fill=\"#334e68\" text-anchor=\"end\" "
                    + "transform=\"rotate(-60 \(f(labelX)) \(f(y)))\" \(font)>\(HTMLWriter.escape(category))</text>\n"
            } else {
                svg += text(labelX, top + plotHeight + 18, category, anchor: "middle", size: 12, fill: "#334e68")
            }
        }
        return svg + "</svg>\n"
    }

    // MARK: Horizontal stacked bars

    static func horizontal(_ chart: ReportChart.StackedBars, _ language: Language) -> String {
        let longest = chart.categories.map(\.count).max() ?? 0
        let left = min(300, Double(longest) * 7.5 + 16), right = 80.0, top = 58.0, row = 22.0
        let plotWidth = width - left - right
        let plotHeight = row * Double(max(1, chart.categories.count))
        let height = top + plotHeight + 30
        let totals = chart.totals
        let scale = Scale(maximum: totals.max() ?? 0)
        var svg = open(height: height, label: chart.title)
        svg += heading(chart.title, legend: chart.series.map { ($0.name, $0.colour) })
        for tick in scale.ticks {
            let x = left + plotWidth * Double(tick) / Double(scale.top)
            svg += line(x, top, x, top + plotHeight, stroke: tick == 0 ? "#7b8794" : "#e4e7eb")
            svg += text(x, top + plotHeight + 16, ReportNumber.grouped(tick, language), anchor: "middle", size: 11, fill: "#52606d")
        }
        for (index, category) in chart.categories.enumerated() {
            let y = top + row * Double(index)
            svg += text(left - 8, y + row / 2 + 4, category, anchor: "end", size: 12, fill: "#334e68")
            var x = left
            for series in chart.series {
                let value = index < series.values.count ? series.values[index] : 0
                guard value > 0 else { continue }
                let w = plotWidth * Double(value) / Double(scale.top)
                svg += rect(x, y + 3, w, row - 6, fill: series.colour,
                            tip: "\(category) · \(series.name): \(ReportNumber.grouped(value, language))")
                x += w
            }
            svg += text(x + 6, y + row / 2 + 4, ReportNumber.grouped(totals[index], language), anchor: "start", size: 11,
                        fill: "#52606d")
        }
        return svg + "</svg>\n"
    }

    // MARK: Pareto

    static func pareto(_ chart: ReportChart.Pareto, _ language: Language) -> String {
        let count = max(1, chart.categories.count)
        let left = 64.0, right = 64.0, top = 58.0, plotHeight = 260.0
        let band = (width - left - right) / Double(count)
        let longest = chart.categories.map(\.count).max() ?? 0
        let rotate = Double(longest) * 7 + 6 > band
        let bottom = rotate ? min(100, Double(longest) * 6 + 24) : 30
        let height = top + plotHeight + bottom
        // Headroom above the tallest bar for its label.
        let peak = chart.counts.max() ?? 0
        let scale = Scale(maximum: peak.saturatingAdding(peak / 10).saturatingAdding(1))
        let base = top + plotHeight
        var svg = open(height: height, label: chart.title)
        svg += heading(chart.title, legend: [(chart.countLabel, ReportColour.bar), (chart.cumulativeLabel, ReportColour.line)])
        for tick in scale.ticks {
            let y = base - plotHeight * Double(tick) / Double(scale.top)
            svg += line(left, y, width - right, y, stroke: tick == 0 ? "#7b8794" : "#e4e7eb")
            svg += text(left - 6, y + 4, ReportNumber.grouped(tick, language), anchor: "end", size: 11, fill: "#52606d")
        }
        for percent in stride(from: 0, through: 100, by: 20) {
            let y = base - plotHeight * Double(percent) / 100
            svg += text(width - right + 6, y + 4, "\(percent) %", anchor: "start", size: 11, fill: ReportColour.line)
        }
        let eighty = base - plotHeight * 0.8
        svg += "<line x1=\"\(f(left))\" y1=\"\(f(eighty))\" x2=\"\(f(width - right))\" y2=\"\(f(eighty))\" "
            + "stroke=\"#9aa5b1\" stroke-dasharray=\"6 4\"/>\n"
        var points: [(Double, Double)] = []
        for (index, category) in chart.categories.enumerated() {
            let value = index < chart.counts.count ? chart.counts[index] : 0
            let h = plotHeight * Double(value) / Double(scale.top)
            let center = left + band * (Double(index) + 0.5)
            let barWidth = min(band * 0.7, 90)
            svg += rect(center - barWidth / 2, base - h, barWidth, h, fill: ReportColour.bar,
                        tip: "\(category): \(ReportNumber.grouped(value, language))")
            svg += text(center, base - h - 5, ReportNumber.grouped(value, language), anchor: "middle", size: 11, fill: "#243b53")
            if rotate {
                svg += "<text x=\"\(f(center))\" y=\"\(f(base + 10))\" font-size=\"11\" fill=\"#334e68\" text-anchor=\"end\" "
                    + "transform=\"rotate(-60 \(f(center)) \(f(base + 10)))\" \(font)>\(HTMLWriter.escape(category))</text>\n"
            } else {
                svg += text(center, base + 18, category, anchor: "middle", size: 12, fill: "#334e68")
            }
            let share = index < chart.cumulative.count ? chart.cumulative[index] : 1
            points.append((center, base - plotHeight * share))
        }
        svg += "<polyline fill=\"none\" stroke=\"\(ReportColour.line)\" stroke-width=\"2.5\" points=\""
            + points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>\n"
        for (index, point) in points.enumerated() {
            let share = ReportNumber.percent(chart.cumulative[index], language) + " %"
            svg += "<circle cx=\"\(f(point.0))\" cy=\"\(f(point.1))\" r=\"4\" fill=\"\(ReportColour.line)\">"
                + "<title>\(HTMLWriter.escape(chart.categories[index])): \(share)</title></circle>\n"
        }
        return svg + "</svg>\n"
    }

    // MARK: Pieces

    /// Axis ticks at 1, 2 or 5 times a power of ten, topping the largest value.
    struct Scale {
        let step: Int
        let top: Int

        init(maximum: Int) {
            // Far above any real count, and low enough that no step below can overflow.
            let maximum = min(max(1, maximum), Int.max / 100)
            let raw = maximum / 5
            var power = 1
            while power * 10 <= raw { power *= 10 }
            let step = [1, 2, 5, 10].map { $0 * power }.first { $0 * 5 >= max(1, maximum) } ?? power * 10
            self.step = step
            self.top = max(step, ((max(1, maximum) + step - 1) / step) * step)
        }

        var ticks: [Int] { Array(stride(from: 0, through: top, by: step)) }
    }

    static func open(height: Double, label: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" "
            + "height=\"\(f(height))\" role=\"img\" aria-label=\"\(HTMLWriter.escape(label))\">\n"
    }

    /// The chart's title on the left, its legend under it.
    static func heading(_ title: String, legend: [(String, String)]) -> String {
        var svg = "<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"bold\" fill=\"#1f2933\" \(font)>"
            + "\(HTMLWriter.escape(title))</text>\n"
        var x = 0.0
        for (name, colour) in legend {
            svg += "<rect x=\"\(f(x))\" y=\"30\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>\n"
            svg += text(x + 17, 40, name, anchor: "start", size: 12, fill: "#334e68")
            x += 17 + Double(name.count) * 7.5 + 18
        }
        return svg
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, tip: String) -> String {
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, w)))\" height=\"\(f(max(0, h)))\" fill=\"\(fill)\">"
            + "<title>\(HTMLWriter.escape(tip))</title></rect>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    static func text(_ x: Double, _ y: Double, _ content: String, anchor: String, size: Int, fill: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(size)\" fill=\"\(fill)\" text-anchor=\"\(anchor)\" \(font)>"
            + "\(HTMLWriter.escape(content))</text>\n"
    }

    /// A coordinate with one decimal, the way SVG reads it.
    static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
