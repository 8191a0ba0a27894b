import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

#if canImport(Glibc)
import Glibc
#endif

/// `sapu verify`: the partner's receiving check, with only the manifest and the public key.
struct Verify: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        abstract: Message.helpVerify.helpText, discussion: Message.helpVerifyDiscussion.helpText) }

    @Option(help: Message.helpVerifyManifest.help) var manifest: String
    @Option(help: Message.helpVerifyKey.help) var key: String
    @Option(help: Message.helpVerifySignature.help) var signature: String?
    @Option(parsing: .upToNextOption, help: Message.helpVerifyImage.help) var image: [String] = []
    @Option(help: Message.helpVerifyState.help) var state: String?
    @Flag(help: Message.helpVerifyFinish.help) var finish = false
    @Option(help: Message.helpVerifyOut.help) var out: String = "."
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let session = try PartnerVerification(manifest: manifest, signature: signature, key: key, state: state)
        let parsed = session.manifest
        if finish {
            try finishVerification(session, context: context)
            return
        }
        context.say(.verifyStart(shipment: parsed.shipment, expected: parsed.bundleCount, resumed: session.resumed))
        let interactive = image.isEmpty && isatty(0) == 1
        /// `lengths[i]` is the real length of line i when only its start was read.
        func answer(_ lines: [String], lengths: [Int?] = []) throws(SapuError) {
            let scanned = try session.scan(lines, lengths: lengths, at: context.now)
            if scanned.isEmpty { return }
            context.noteSaved()
            for item in scanned {
                print(item.input, item.answer, total: parsed.bundleCount, context: context, interactive: interactive)
            }
        }
        // Answers nobody sees as they come (stdout redirected) get a count at the terminal.
        let progress = TerminalProgress.watchingAnswers(context)
        defer { progress.end() }
        if image.isEmpty {
            let reader = LineReader()
            progress.begin(.applyingScans, total: nil)
            while !Console.outputEnded, let chunk = reader.nextChunk(limit: interactive ? 1 : Scan.chunkLimit) {
                // An over-long line arrives as its start only, which is still far too long for a label.
                try answer(chunk.map(\.text), lengths: chunk.map(\.skippedLength))
                progress.advance(by: chunk.count)
            }
        } else {
            progress.begin(.readingImages, total: image.count)
            for file in image where !Console.outputEnded {
                defer { progress.advance() }
                let codes = try QRImageDecoder.decode(fileAt: file)
                if codes.isEmpty {
                    // Said on its own line; the next file is read, and the status tells a script.
                    context.fail(.noCodeInImage(file))
                    context.exitStatus = 1
                }
                try answer(codes)
            }
        }
        progress.end()
        let verification = session.verification
        context.say(.verifyProgress(received: verification.received.count, expected: parsed.bundleCount,
                                    missing: verification.missing.count))
    }

    private func print(_ line: String, _ answer: Verification.Answer, total: Int, context: Context, interactive: Bool) {
        let lang = context.language
        if context.json {
            context.emit(VerifyScanOutput(input: line, outcome: answer.outcome.rawValue, bundle: answer.bundle,
                                          received: answer.progress, expected: total,
                                          reason: answer.reason?.message.text(lang), manual: answer.manual))
            return
        }
        var text = Message.verifyOutcome(answer.outcome).text(lang).padding(toLength: 18, withPad: " ", startingAt: 0)
        text += answer.bundle ?? String(line.trimmingSpaces().prefix(40))
        if answer.outcome == .expected { text += "  (\(answer.progress)/\(total))" }
        if answer.manual { text += " " + Message.manualEntry.text(lang) }
        if let reason = answer.reason { text += "  — " + reason.message.text(lang) }
        if interactive {
            Console.styled(text, style: answer.outcome == .expected ? .good : .problem)
        } else {
            Console.out(text.visible)
        }
    }

    /// Signs and writes the receipt, then prints the report. The report needs no key: where
    /// the receipt cannot be signed or written (no `sapu init` yet), it is printed all the
    /// same, followed by the reason.
    private func finishVerification(_ session: PartnerVerification, context: Context) throws(SapuError) {
        let finished: PartnerVerification.Finished
        do throws(SapuError) {
            finished = try session.finish(store: try context.store(), into: out, at: context.now)
        } catch {
            // Whatever kept the receipt from being signed or written, the scans still tell what arrived.
            show(VerifyReport(session.verification, receiptPath: nil), session.verification, context: context)
            if case .databaseMissing(let path) = error { throw .receiptNeedsOwnSite(database: path) }
            throw error
        }
        context.noteSaved()
        show(VerifyReport(session.verification, receiptPath: finished.path), session.verification, context: context)
        context.say(.receiptWritten(finished.path))
    }

    /// The report of `--finish`: what the receipt says (or would say), one row per result.
    private func show(_ report: VerifyReport, _ verification: Verification, context: Context) {
        if context.json {
            context.emit(report)
            return
        }
        let lang = context.language
        func describe(_ mismatch: Verification.Mismatch) -> String {
            "\(mismatch.bundle) (\(Message.mismatchField(mismatch.field).text(lang)) \(mismatch.manifest)→\(mismatch.label))"
        }
        var rows: [[String]] = [
            [Message.reportExpected.text(lang), String(report.expected), ""],
            [Message.reportReceived.text(lang), String(report.received), ""],
            [Message.reportReceivedByHand.text(lang), String(report.receivedByHand), report.receivedByHandBundles.joined(separator: " ")],
            [Message.reportMissing.text(lang), String(report.missing), report.missingBundles.joined(separator: " ")],
            [Message.reportExtra.text(lang), String(report.extra), report.extraBundles.joined(separator: " ")],
            [Message.reportDuplicates.text(lang), String(report.duplicates), report.duplicateBundles.joined(separator: " ")],
            [Message.reportForged.text(lang), String(report.forged), report.forgedBundles.joined(separator: " ")],
        ]
        if !verification.unknownKeyLabels.isEmpty {
            rows.append([Message.reportUnknownKey.text(lang), String(verification.unknownKeyLabels.count),
                         verification.unknownKeyBundles.joined(separator: " ")])
        }
        rows.append([Message.reportMismatched.text(lang), String(verification.disputes.count),
                     verification.disputes.map(describe).joined(separator: " ")])
        rows.append([Message.reportOldLabelOnly.text(lang), String(verification.oldLabelOnly.count),
                     verification.oldLabelOnly.map { Message.oldLabelOnlyBundle($0.bundle, label: $0.label, current: $0.manifest)
                         .text(lang) }.joined(separator: " ")])
        context.table([.columnWhat, .columnCount, .columnVerifiedBundles], rows)
    }
}

struct VerifyScanOutput: Encodable {
    var input, outcome: String
    var bundle: String?
    var received, expected: Int
    var reason: String?
    var manual: Bool
}

/// The `--finish --json` report: counts under the documented keys, lists beside them.
struct VerifyReport: Encodable {
    var shipment: String
    var expected, received, receivedByHand, missing, extra, duplicates, forged, mismatched, oldLabelOnly: Int
    var receivedBundles, receivedByHandBundles, missingBundles, extraBundles, duplicateBundles, forgedBundles: [String]
    var oldLabelOnlyBundles: [String]
    var mismatchedBundles: [Verification.Mismatch]
    /// The receipt's path; null when it could not be signed (no `sapu init` yet).
    var receipt: Path

    /// The same numbers the receipt carries (`Receipt.init(verification:...)`), without needing a key.
    init(_ verification: Verification, receiptPath: String?) {
        shipment = verification.manifest.shipment
        expected = verification.expectedCount
        received = verification.received.count
        receivedByHand = verification.receivedByHand.count
        missing = verification.missing.count
        extra = verification.extra.count
        duplicates = verification.duplicates.count
        forged = verification.forgedCount
        mismatched = verification.mismatched.count
        oldLabelOnly = verification.oldLabelOnly.count
        receivedBundles = verification.received
        receivedByHandBundles = verification.receivedByHand
        missingBundles = verification.missing
        extraBundles = verification.extra
        duplicateBundles = verification.duplicates
        forgedBundles = verification.forgedClaims
        oldLabelOnlyBundles = verification.oldLabelOnly.map(\.bundle)
        mismatchedBundles = verification.mismatched
        receipt = Path(value: receiptPath)
    }

    /// A path written as JSON `null` when there is none, rather than left out.
    struct Path: Encodable {
        var value: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if let value { try container.encode(value) } else { try container.encodeNil() }
        }
    }
}
