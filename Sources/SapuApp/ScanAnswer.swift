import SapuCore
import SapuStore

/// The answer to one scan as the clerk reads it, whichever front end shows it: the outcome
/// word, then the bundle (or the control code, or what was scanned), its state, what a
/// `check` found, and why a scan was refused.
public enum ScanAnswer {
    /// How an answer is shown: good news, a repeat, or a problem to look at.
    public enum Tone: String, Sendable {
        case ok
        case repeated = "repeat"
        case refused
    }

    public static func tone(_ report: ScanStation.Report) -> Tone {
        switch report.result.outcome {
        case .accepted, .control: .ok
        case .duplicate: .repeated
        default: .refused
        }
    }

    /// The outcome word (`OK`, `DUPLIKAT`, ...) and the rest of the line.
    public static func words(_ report: ScanStation.Report, defects: DefectNames, language lang: Language)
        -> (outcome: String, detail: String) {
        let result = report.result
        var line: String
        if let control = report.control {
            line = Message.control(control).text(lang)
        } else if let bundle = result.bundle {
            line = bundle.description
        } else {
            line = String(report.input.trimmingSpaces().prefix(40))
        }
        if let state = result.state { line += "  " + state.message.text(lang) }
        if let details = result.details {
            line += "  " + details.product + " " + details.maker + " "
                + Message.result(details.result, defects: defects).text(lang)
                + (details.shipment.map { " " + $0 } ?? "")
        }
        if report.manual && result.bundle != nil { line += " " + Message.manualEntry.text(lang) }
        if case .illegalMove(_, let move, let state, let refusal)? = result.reason {
            // The line already names the bundle: say why, in the clerk's words.
            line += "  — " + refusal.explanation(move: move, state: state).text(lang)
        } else if let reason = result.reason {
            line += "  — " + reason.message.text(lang)
        }
        if let packed = result.packed {
            line += "  — " + Message.packedCount(packed.bundles, shipment: packed.shipment).text(lang)
        }
        return (Message.outcome(result.outcome).text(lang), line)
    }
}
