import ArgumentParser
import SapuApp
import SapuCore

/// `sapu doctor`: checks the database, the keys and the shipment documents; one line each.
struct Doctor: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpDoctor.helpText) }
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let findings = Checkup.run(store: try context.store())
        let failed = findings.count { !$0.ok }
        if context.json {
            context.emit(DoctorOutput(ok: failed == 0, checks: findings.map {
                DoctorOutput.Check(check: $0.area.rawValue, ok: $0.ok, detail: $0.message.text(context.language))
            }))
        } else {
            let verdicts = [Message.checkPassed, .checkFailed].map { $0.text(context.language) }
            let width = verdicts.map(\.count).max() ?? 0
            for finding in findings {
                let verdict = finding.ok ? verdicts[0] : verdicts[1]
                Console.out(verdict + String(repeating: " ", count: width - verdict.count) + "  "
                            + finding.message.text(context.language).visible)
            }
        }
        if failed > 0 { throw .checksFailed(failed) }
    }
}

struct DoctorOutput: Encodable {
    struct Check: Encodable {
        var check: String
        var ok: Bool
        var detail: String
    }

    var ok: Bool
    var checks: [Check]
}
