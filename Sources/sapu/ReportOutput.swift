import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuHub
import SapuStore

/// The options every report shares: the format and where it goes.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: Message.helpReportFormat.help) var format: String?
    @Option(help: Message.helpReportOut.help) var out: String?
    @Option(help: Message.helpReportHub.help) var hub: String?
    @Option(help: Message.helpReportSite.help) var site: String?

    /// The format asked for: `--format`, else `json` with the global `--json`, else a table.
    func resolved(_ context: Context) throws(SapuError) -> ReportFormat {
        if let format { return try context.word(format, option: "--format", as: ReportFormat.self) }
        return context.json ? .json : .table
    }

    /// Makes the report asked for, then prints or writes it, or says there is nothing to show.
    func deliver(_ request: Reporting.Request, context: Context) throws(SapuError) {
        let format = try resolved(context)
        let report = try make(request, context: context)
        let document = report.document, empty = report.empty
        if format != .json, let empty {
            // Nothing to chart or tabulate: say so, and write no empty table or file.
            Console.out(([document.title] + document.subtitle.prefix(1) + [empty.text(context.language)]).map(\.visible)
                .joined(separator: "\n"))
            return
        }
        let bytes: [UInt8]
        switch format {
        case .json: bytes = Array((JSONOutput.encode(report.json, pretty: true) + "\n").utf8)
        case .table: bytes = Array((document.text + "\n").utf8)
        case .csv: bytes = document.csv
        case .html: bytes = Array(document.html.utf8)
        }
        guard let out else {
            Console.document(bytes)
            return
        }
        try OutputFile.write(bytes, to: out)
        context.noteSaved()
        if format != .json { context.say(.reportWritten(out)) }
    }
}

extension ReportOutputOptions {
    /// The report from this site's database, or with `--hub` from the hub, which needs no
    /// database here at all.
    private func make(_ request: Reporting.Request, context: Context) throws(SapuError) -> Reporting.Made {
        guard let hub else {
            if site != nil { throw .hub(.reportSiteNeedsHub) }
            return try Reporting.make(request, store: try context.store(), language: context.language, made: context.now,
                                      clock: context.clock)
        }
        let url = try HubURL(hub)
        let code = try site.map { (text) throws(SapuError) -> String in try Code.normalise(text, as: .site) }
        let (language, made, clock) = (context.language, context.now, context.clock)
        return try AsyncCommand.wait { () async throws(SapuError) in
            try await Reporting.make(request, hub: url, site: code, language: language, made: made, clock: clock)
        }
    }
}

/// Turns the `--from` and `--to` texts into a period, refusing bad dates and reversed ranges.
struct ReportPeriodOptions: ParsableArguments {
    @Option(help: Message.helpReportFrom.help) var from: String?
    @Option(help: Message.helpReportTo.help) var to: String?

    func period() throws(SapuError) -> ReportPeriod { try ReportPeriod(fromText: from, toText: to) }
}

