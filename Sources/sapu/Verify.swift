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
        let ring = try KeyRing(keyFile: String(decoding: try ShipmentFiles.read(key), as: UTF8.self), path: key)
        let signaturePath = signature ?? ShipmentFiles.signaturePath(for: manifest)
        // The signature first: nothing in a tampered manifest is worth reading.
        let checked = try ManifestCheck.check(try ShipmentFiles.read(manifest), path: manifest,
                                              signature: String(decoding: try ShipmentFiles.read(signaturePath), as: UTF8.self),
                                              keys: ring)
        let parsed = checked.manifest
        let digest = checked.sha256
        let stem = ShipmentID(typed: parsed.shipment)?.fileStem ?? "manifest"
        let log = try VerificationLog(path: state ?? stem + ".verify.jsonl", shipment: parsed.shipment, manifestSHA256: digest)
        var verification = Verification(manifest: parsed, keys: ring)
        for line in log.previous { _ = verification.scan(line) }

        if finish {
            try finishVerification(verification, digest: digest, stem: stem, context: context)
            return
        }
        context.say(.verifyStart(shipment: parsed.shipment, expected: parsed.bundleCount, resumed: log.previous.count))
        let interactive = image.isEmpty && isatty(0) == 1
        /// `lengths[i]` is the real length of line i when only its start was read.
        func answer(_ lines: [String], lengths: [Int?] = []) throws(SapuError) {
            try log.append(lines, at: context.now)
            context.noteSaved()
            for (index, line) in lines.enumerated() {
                var result = verification.scan(line)
                if index < lengths.count, let length = lengths[index] { result.reason = .scanTooLong(length) }
                print(line, result, total: parsed.bundleCount, context: context, interactive: interactive)
            }
        }
        if image.isEmpty {
            let reader = LineReader()
            while !Console.outputEnded, let chunk = reader.nextChunk(limit: interactive ? 1 : Scan.chunkLimit) {
                // An over-long line arrives as its start only, which is still far too long for a label.
                try answer(chunk.map(\.text), lengths: chunk.map(\.skippedLength))
            }
        } else {
            for file in image where !Console.outputEnded {
                let codes = try QRImageDecoder.decode(fileAt: file)
                if codes.isEmpty { context.fail(.noCodeInImage(file)) }
                try answer(codes)
            }
        }
        let missing = verification.missing.count
        context.say(.verifyProgress(received: verification.received.count, expected: parsed.bundleCount, missing: missing))
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

    private func finishVerification(_ verification: Verification, digest: String, stem: String,
                                    context: Context) throws(SapuError) {
        let store = try context.store()
        let site = try store.site()
        let signer = try SiteSigner.current(store: store)
        let receipt = Receipt(verification: verification, manifestSHA256: digest, receiver: site, key: signer,
                              finished: context.now)
        let bytes = ShipmentFiles.encode(receipt)
        let signature = DetachedSignature(signing: bytes, with: signer)
        let output = try OutputDirectory(out)
        let paths = try output.commit(try output.stage([
            (stem + ".receipt.json", bytes), (stem + ".receipt.sig", Array(signature.text.utf8)),
        ]))
        context.noteSaved()
        let report = VerifyReport(receipt, duplicates: verification.duplicates, receiptPath: paths[0])
        if context.json {
            context.emit(report)
            return
        }
        let lang = context.language
        var rows: [[String]] = [
            [Message.reportExpected.text(lang), String(receipt.expected), ""],
            [Message.reportReceived.text(lang), String(receipt.received.count), ""],
            [Message.reportReceivedByHand.text(lang), String(receipt.receivedByHand.count), receipt.receivedByHand.joined(separator: " ")],
            [Message.reportMissing.text(lang), String(receipt.missing.count), receipt.missing.joined(separator: " ")],
            [Message.reportExtra.text(lang), String(receipt.extra.count), receipt.extra.joined(separator: " ")],
            [Message.reportDuplicates.text(lang), String(verification.duplicates.count), verification.duplicates.joined(separator: " ")],
            [Message.reportForged.text(lang), String(receipt.forged), receipt.forgedBundles.joined(separator: " ")],
        ]
        if !verification.unknownKeyLabels.isEmpty {
            rows.append([Message.reportUnknownKey.text(lang), String(verification.unknownKeyLabels.count),
                         verification.unknownKeyBundles.joined(separator: " ")])
        }
        rows.append([Message.reportMismatched.text(lang), String(receipt.mismatched.count),
                     receipt.mismatched.map { "\($0.bundle) (\(Message.mismatchField($0.field).text(lang)) \($0.manifest)→\($0.label))" }
                        .joined(separator: " ")])
        context.table([.columnWhat, .columnCount, .columnVerifiedBundles], rows)
        context.say(.receiptWritten(paths[0]))
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
    var expected, received, receivedByHand, missing, extra, duplicates, forged, mismatched: Int
    var receivedBundles, receivedByHandBundles, missingBundles, extraBundles, duplicateBundles, forgedBundles: [String]
    var mismatchedBundles: [Verification.Mismatch]
    var receipt: String

    init(_ receipt: Receipt, duplicates: [String], receiptPath: String) {
        shipment = receipt.shipment
        expected = receipt.expected
        received = receipt.received.count
        receivedByHand = receipt.receivedByHand.count
        missing = receipt.missing.count
        extra = receipt.extra.count
        self.duplicates = duplicates.count
        forged = receipt.forged
        mismatched = receipt.mismatched.count
        receivedBundles = receipt.received
        receivedByHandBundles = receipt.receivedByHand
        missingBundles = receipt.missing
        extraBundles = receipt.extra
        duplicateBundles = duplicates
        forgedBundles = receipt.forgedBundles
        mismatchedBundles = receipt.mismatched
        self.receipt = receiptPath
    }
}
