import Foundation
import SapuCore
import Testing

/// What a fuzzed line must get, decided from how it was made and from the label format's
/// documented forgiveness only (never by asking Sapu's own parser).
enum FuzzExpectation: Equatable {
    /// A genuine label of this site, possibly with the changes the format forgives.
    case genuine(bundle: String)
    /// A tagged control code of this site that the station obeys.
    case control
    /// A tagged control code of this site that the station refuses (scrap; a writing mode at a check station).
    case refusedControl
    /// A bundle id typed by hand that the database does not have.
    case unknown
    /// Anything else: random bytes, altered labels, codes without a valid tag, other sites'
    /// codes. Answered as not Sapu, forged, or (what remains looks like a typed id) unknown.
    case garbage
}

/// One line of fuzz input: its bytes (no CR or LF inside), its ending, and what it must get.
struct FuzzLine {
    var bytes: [UInt8]
    var ending: [UInt8] = [0x0A]
    var expectation: FuzzExpectation
}

/// Seeded generator of hostile scanner input from real payloads.
struct FuzzInput {
    var random: SplitMix64
    let labels: [String: String]          // bundle id → genuine label text (this site)
    let foreignLabels: [String]           // genuine labels of another site
    let controls: [String]                // this site's tagged control codes, as printed
    let foreignControls: [String]         // another site's tagged control codes
    let scrap: String                     // a correctly tagged scrap code, which no sheet prints
    let batch: String
    /// The bytes a line may be cut to before the station answers (docs/scanning.md).
    static let keptLength = 4 * 217

    mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZILOU abcdefghijklmnopqrstuvwxyz")

    /// Mutates text by one of the ways a scanner, a keyboard or an attacker changes it.
    mutating func mutate(_ text: String) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return "X" }
        switch int(0..<10) {
        case 0:  // change one character
            let index = int(0..<characters.count)
            var replacement = pick(Self.alphabet)
            while replacement == characters[index] { replacement = pick(Self.alphabet) }
            characters[index] = replacement
        case 1:  // insert one
            characters.insert(pick(Self.alphabet), at: int(0..<(characters.count + 1)))
        case 2:  // delete one
            characters.remove(at: int(0..<characters.count))
        case 3:  // swap two neighbours
            let index = int(0..<max(1, characters.count - 1))
            if index + 1 < characters.count { characters.swapAt(index, index + 1) }
        case 4:  // change the case of some letters (forgiven)
            for _ in 0..<int(1..<6) {
                let index = int(0..<characters.count)
                characters[index] = Character(characters[index].isUppercase ? characters[index].lowercased() : characters[index].uppercased())
            }
        case 5:  // cut short
            characters = Array(characters.prefix(int(0..<characters.count)))
        case 6:  // Y and Z swapped, as a QWERTZ layout types them
            characters = characters.map { $0 == "Y" ? "Z" : $0 == "Z" ? "Y" : $0 }
        case 7:  // a space doubled, or a space where there was none
            let index = int(0..<characters.count)
            characters.insert(" ", at: index)
        case 8:  // blanks around (forgiven) or a tab inside
            if chance(50) {
                characters = Array(pick(["", " ", "\t", "  "])) + characters + Array(pick(["", " ", "\t"]))
            } else {
                characters.insert("\t", at: int(0..<characters.count))
            }
        default:  // a symbology prefix (forgiven for `]Q1`-shaped ones)
            characters = Array(pick(["]Q1", "]Q0", "]q1", "]Z", "]]Q1", "Q1"])) + characters
        }
        return String(characters)
    }

    /// The format's documented forgiveness: blanks around, an AIM prefix `]` + letter +
    /// letter or digit, lower case a–z. Nothing else.
    static func forgiven(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        let blanks: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
        while let first = scalars.first, blanks.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, blanks.contains(last) { scalars.removeLast() }
        func letter(_ scalar: Unicode.Scalar) -> Bool { ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) }
        if scalars.count >= 3, scalars[0] == "]", letter(scalars[1]), letter(scalars[2]) || ("0"..."9").contains(scalars[2]) {
            scalars.removeFirst(3)
        }
        return String(String.UnicodeScalarView(scalars.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32)! : $0 }))
    }

    /// What a text line must get, from the genuine texts it may forgivably equal.
    func expectation(of text: String, checkStation: Bool) -> FuzzExpectation {
        let plain = Self.forgiven(text)
        if let bundle = labels.first(where: { $0.value == plain })?.key { return .genuine(bundle: bundle) }
        if plain == scrap { return .refusedControl }
        if controls.contains(plain) {
            let writes = ["RECEIVE", "PACK", "UNPACK", "RETURN", "QUARANTINE"].contains { plain.hasPrefix("SAPUC MODE \($0) ") }
            return checkStation && writes ? .refusedControl : .control
        }
        return .garbage
    }

    mutating func line(checkStation: Bool, genuineShare: Int) -> FuzzLine {
        let text: String
        switch int(0..<100) {
        case 0..<genuineShare:
            // A genuine label or a valid control code, now and then with a forgiven change.
            var genuine = chance(85) ? pick(Array(labels.values)) : pick(controls)
            if chance(30) { genuine = pick(["", " ", "\t", "]Q1"]) + (chance(50) ? genuine.lowercased() : genuine) + pick(["", " "]) }
            text = genuine
        case genuineShare..<(genuineShare + 40):
            var mutated = pick(Array(labels.values) + foreignLabels)
            for _ in 0..<(chance(70) ? 1 : int(2..<5)) { mutated = mutate(mutated) }
            text = mutated
        case (genuineShare + 40)..<(genuineShare + 52):
            // Control-code lookalikes: untagged, altered, another site's, scrap, typed.
            let own = pick(controls)
            let untagged = own.split(separator: " ").dropLast().joined(separator: " ")
            text = pick([untagged, untagged.lowercased(), mutate(own), mutate(own), pick(foreignControls), scrap,
                         untagged + " " + String((0..<12).map { _ in pick(Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")) }),
                         "SAPUC MODE SCRAP", "sapuc mode scrap", mutate(scrap)])
        case (genuineShare + 52)..<(genuineShare + 56):
            // A typed id of a bundle the database does not have.
            return FuzzLine(bytes: Array("\(batch)-\(String(format: "%04d", int(100..<10_000)))".utf8), expectation: .unknown)
        case (genuineShare + 56)..<(genuineShare + 58) where chance(25):
            // A very long line: a genuine label followed by itself again and again.
            let length = chance(80) ? int(900..<50_000) : int(50_000..<1_000_000)
            let unit = Array((pick(Array(labels.values)) + " ").utf8)
            let bytes = Array(repeatElement(unit, count: length / unit.count + 1).joined().prefix(length))
            return FuzzLine(bytes: bytes, expectation: .garbage)
        default:
            // Random bytes: any value but CR and LF (those end the line), NUL and invalid UTF-8 included.
            let bytes = (0..<int(0..<300)).map { _ -> UInt8 in
                var byte = UInt8(truncatingIfNeeded: random.next())
                while byte == 0x0A || byte == 0x0D { byte = UInt8(truncatingIfNeeded: random.next()) }
                return byte
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let valid = Array(text.utf8) == bytes
            return FuzzLine(bytes: bytes, expectation: valid ? expectation(of: text, checkStation: checkStation) : .garbage)
        }
        let bytes = Array(text.utf8).filter { $0 != 0x0A && $0 != 0x0D }
        return FuzzLine(bytes: bytes, expectation: expectation(of: String(decoding: bytes, as: UTF8.self), checkStation: checkStation))
    }

    /// `count` lines, not yet ended: pick some, then give them endings with `ended`.
    mutating func lines(_ count: Int, checkStation: Bool, genuineShare: Int) -> [FuzzLine] {
        (0..<count).map { _ in line(checkStation: checkStation, genuineShare: genuineShare) }
    }

    /// The lines with LF, CR LF or CR endings, a CR never before an empty line (which would
    /// make the pair one ending). Given after any filtering, which could bring a CR-ended
    /// line next to an empty one.
    mutating func ended(_ lines: [FuzzLine]) -> [FuzzLine] {
        var lines = lines
        for index in lines.indices {
            let nextEmpty = index + 1 < lines.count && lines[index + 1].bytes.isEmpty
            lines[index].ending = pick(nextEmpty ? [[0x0A], [0x0D, 0x0A]] : [[0x0A], [0x0D, 0x0A], [0x0D]])
        }
        return lines
    }

    static func data(_ lines: [FuzzLine]) -> Data {
        var data = Data()
        for line in lines { data += line.bytes + line.ending }
        return data
    }
}

@Suite("sapu scan: seeded fuzz of hostile scanner input")
struct ScanFuzzTests {
    /// Fixed, so that a failure replays; `SAPU_FUZZ_SEED` tries another.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["SAPU_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_251_121

    /// 21,000 lines through the real `sapu scan`: garbage alone at a receive station, then
    /// garbage with genuine codes at a check station and at a receive station. Every line is
    /// answered once, in order; no altered label or control code is obeyed; garbage and the
    /// check station change nothing; genuine labels are received exactly once.
    @Test func hostileLinesAreEachAnsweredOnceAndOnlyGenuineCodesAreObeyed() throws {
        let seed = Self.seed
        let shop = try ScanningWorkshop()
        let sapu = shop.sapu
        let (other, otherBatch) = try SapuRunner.workshop()
        try other.ok("inspect", "--batch", otherBatch, "--maker", "M042", "--pass", "--grade", "A", "--count", "3")
        let foreignLabels = Array(try other.printedLabels((1...3).map { "\(otherBatch)-000\($0)" }).values)
        let shipment = try sapu.ok("shipment", "create", "--to", "CV. Pusat Handicraft").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let controls = Array(try sapu.controlCodes(shipments: [shipment], operators: ["G01"]).values)
        let foreignControls = Array(try other.controlCodes(operators: ["G01"]).values)
        var input = FuzzInput(random: SplitMix64(state: seed), labels: shop.labels, foreignLabels: foreignLabels,
                              controls: controls, foreignControls: foreignControls,
                              scrap: try sapu.controlKey().payload(.mode(.scrap)), batch: shop.batch)

        // 1. Garbage alone at a receive station: answered line by line, the database byte for byte the same.
        let garbage = input.ended(input.lines(9_500, checkStation: false, genuineShare: 0)
            .filter { $0.expectation == .garbage || $0.expectation == .unknown || $0.expectation == .refusedControl })
        let before = try sapu.dump()
        try Self.check(try sapu.scan("receive", data: FuzzInput.data(garbage)), garbage, seed: seed, run: "garbage")
        let unchangedByGarbage = try sapu.dump() == before
        #expect(unchangedByGarbage, "garbage changed the database (seed \(seed))")

        // 2. A check station: genuine labels are shown, no control code makes it write.
        let checking = input.ended(input.lines(6_000, checkStation: true, genuineShare: 15))
        try Self.check(try sapu.scan("check", data: FuzzInput.data(checking)), checking, seed: seed, run: "check")
        let unchangedByCheck = try sapu.dump() == before
        #expect(unchangedByCheck, "the check station changed the database (seed \(seed))")

        // 3. A receive station with genuine labels among the garbage. Control codes are left out
        //    here so that the station stays in receive mode and the expected database is known.
        let receiving = input.ended(input.lines(6_500, checkStation: false, genuineShare: 12).filter { $0.expectation != .control })
        let run = try sapu.scan("receive", data: FuzzInput.data(receiving))
        try Self.check(run, receiving, seed: seed, run: "receive")
        let scanned = Set(receiving.compactMap { line -> String? in
            if case .genuine(let bundle) = line.expectation { return bundle } else { return nil }
        })
        let receivable = Set((1...6).map(shop.id))
        #expect(try sapu.eventCounts("receive") == Dictionary(uniqueKeysWithValues: scanned.intersection(receivable).map { ($0, 1) }),
                "seed \(seed)")
        #expect(run.count("accepted") == scanned.intersection(receivable).count, "seed \(seed)")
        #expect(garbage.count + checking.count + receiving.count >= 20_000, "seed \(seed): only \(garbage.count + checking.count + receiving.count) lines")
    }

    /// One answer per line, in order, each as the line's expectation allows; a blank line
    /// (spaces and tabs only, not too long to be read whole) gets no answer at all.
    static func check(_ run: ScanRun, _ lines: [FuzzLine], seed: UInt64, run name: String) throws {
        let lines = lines.filter { line in
            line.bytes.count > FuzzInput.keptLength || !line.bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
        #expect(run.answers.count == lines.count, "\(name): \(run.answers.count) answers to \(lines.count) lines (seed \(seed))")
        #expect(run.summary?.values.reduce(0, +) == lines.count, "\(name): summary \(run.summary ?? [:]) (seed \(seed))")
        var failures: [String] = []
        for (index, (line, answer)) in zip(lines, run.answers).enumerated() {
            let echoed = String(decoding: line.bytes.prefix(FuzzInput.keptLength), as: UTF8.self)
            if answer.input != echoed {
                failures.append("line \(index): answer to another line: \(answer)")
                break  // everything after is shifted
            }
            let outcome = answer.outcome
            let allowed: Bool
            switch line.expectation {
            case .genuine(let bundle):
                allowed = ["accepted", "duplicate", "refused", "superseded"].contains(outcome) && answer.bundle == bundle
            case .control:
                allowed = outcome == "control"
            case .refusedControl:
                allowed = outcome == "refused" && answer.bundle == nil
            case .unknown:
                allowed = outcome == "unknown"
            case .garbage:
                // `unknown`: what is left of a label can look like a typed id (`SAPW1`), of no bundle here.
                allowed = outcome == "not-sapu" || outcome == "forged" || (outcome == "unknown" && answer.state == nil)
            }
            if !allowed { failures.append("line \(index) expected \(line.expectation): \(answer)") }
            if failures.count >= 10 { break }
        }
        #expect(failures.isEmpty, "\(name) (seed \(seed)):\n\(failures.joined(separator: "\n"))")
    }
}
