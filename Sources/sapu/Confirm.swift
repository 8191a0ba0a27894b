import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// Asks a person to confirm a large change before it is made.
///
/// At a terminal the question goes to stderr and only `ya` or `yes` goes on. When input
/// is not a terminal (a script, a pipe) nobody can answer: `--yes` must have been given,
/// else the command is refused with `refusal` and nothing changes.
enum Confirm {
    static func ask(_ question: Message, yes: Bool, refusal: SapuError, context: Context) throws(SapuError) {
        if yes { return }
        guard isatty(0) == 1 else { throw refusal }
        Console.error(question.text(context.language))
        Console.prompt(Message.confirmPrompt.text(context.language))
        guard let answer = readLine(strippingNewline: true),
              ["ya", "y", "yes"].contains(answer.trimmingSpaces().lowercased()) else {
            throw .notConfirmed
        }
    }
}
