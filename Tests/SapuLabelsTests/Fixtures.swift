import Foundation
import SapuLabels

/// Shared data and helpers for the label tests.
enum Fixtures {
    /// The repository's `labels/` directory.
    static let labelsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("labels").path

    static let templateNames = ["a4-3x7", "a4-3x8", "thermal-50x30", "thermal-60x40"]

    /// A signature-like tail: 103 Crockford Base32 characters, different per seed.
    static func signature(seed: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var state = UInt64(truncatingIfNeeded: seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return String((0..<103).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return alphabet[Int(state >> 59)]
        })
    }

    static func serial(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A passed bundle's label as the CLI would word it in Indonesian.
    static func passed(serial number: Int = 42) -> LabelFace {
        let serial = serial(number)
        return LabelFace(
            payload: "SAPU1 K1 TLIDI BPWT251121A S\(serial) MM042 D251121 QA R1 " + signature(seed: number),
            title: "Sapu Lidi",
            bundleID: "PWT251121A-\(serial)",
            lines: ["Batch PWT251121A", "Pembuat M042", "Tgl QC 2025-11-21"],
            droppableLines: 1,
            workshop: ["Lapas Purwokerto", "PWT"],
            content: "isi 10",
            result: "LULUS QC",
            grade: "A")
    }

    /// A failed bundle's label, the longest payload Sapu makes in practice.
    static func failed(serial number: Int = 43) -> LabelFace {
        let serial = serial(number)
        return LabelFace(
            payload: "SAPU1 K1 TLIDI BPWT251121A S\(serial) MM042 D251121 QF XLOOSE XDAMP R2 "
                + signature(seed: number),
            title: "Sapu Lidi",
            bundleID: "PWT251121A-\(serial)",
            lines: ["Batch PWT251121A", "Pembuat M042", "Tgl QC 2025-11-21"],
            droppableLines: 1,
            workshop: ["Lapas Purwokerto", "PWT"],
            content: "isi 10",
            result: "TIDAK LULUS",
            defects: "LOOSE, DAMP",
            failed: true)
    }

    static func template(_ name: String) throws -> LabelTemplate {
        try LabelTemplates.named(name, in: labelsDirectory)
    }

    /// A fresh directory for one test's files.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("sapu-labels-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a command and returns its standard output; throws if it exits non-zero.
    @discardableResult
    static func run(_ arguments: [String], allowFailure: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0 && !allowFailure {
            throw CommandFailed(arguments: arguments, status: process.terminationStatus)
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The fields `pdfinfo` prints, such as `Pages` and `Page size`.
    static func pdfinfo(_ path: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run(["pdfinfo", path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// What `zbarimg --raw -q` reads in a file, one text per code.
    static func zbarimg(_ path: String) throws -> [String] {
        // zbarimg exits 4 when it finds no code; that is an answer, not a failure.
        try run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path], allowFailure: true)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    struct CommandFailed: Error {
        var arguments: [String]
        var status: Int32
    }
}
