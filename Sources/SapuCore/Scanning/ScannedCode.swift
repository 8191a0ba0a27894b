/// What one scanned or typed line turned out to be, before it touches the database.
public enum ScannedCode: Sendable, Equatable {
    /// A label whose signature verified.
    case label(LabelPayload)
    /// A bundle id typed by hand from the printed label.
    case typed(BundleID)
    /// A control code shaped like those of `sapu label commands`; its tag is not checked yet
    /// (only the site's own stations hold the secret that checks it).
    case control(ScannedControl)
    /// Nothing to look up: blank, garbage, forged; the result says why.
    case rejected(ScanResult)

    /// Classifies a line from a scanner or keyboard, verifying label signatures.
    public static func classify(_ line: String, keys: KeyRing) -> ScannedCode {
        let text = line.trimmingSpaces()
        if text.isEmpty { return .rejected(ScanResult(outcome: .notSapu, reason: .emptyScan)) }
        // Invalid UTF-8 decodes to U+FFFD; a scanner never types that character itself.
        if text.unicodeScalars.contains("\u{FFFD}") { return .rejected(ScanResult(outcome: .notSapu, reason: .notUTF8)) }
        if text.unicodeScalars.count > LabelCodec.maximumLength + 16 {
            return .rejected(ScanResult(outcome: .notSapu, reason: .scanTooLong(text.unicodeScalars.count)))
        }
        if let control = ScannedControl(scanned: text) { return .control(control) }
        // A text starting with SAPU is a label (or a cut-short one), never a typed id: `SAPU1`
        // was once answered "did you mean SAPU-0001?".
        if !text.uppercased().hasPrefix("SAPU") {
            if let canonical = BundleID.canonicalSuggestion(for: text) {
                return .rejected(ScanResult(outcome: .notSapu, reason: .nonCanonicalBundleID(typed: text, canonical: canonical)))
            }
            if let id = BundleID(typed: text) { return .typed(id) }
        }
        do {
            let label = try LabelCodec.parse(text)
            do {
                try LabelCodec.verify(label, keys: keys)
            } catch {
                if swapsYAndZ(text, keys: keys) {
                    return .rejected(ScanResult(outcome: .notSapu, bundle: label.payload.bundleID, reason: .keyboardSwapsYAndZ))
                }
                return .rejected(ScanResult(outcome: .forged, bundle: label.payload.bundleID, reason: error))
            }
            return .label(label.payload)
        } catch {
            if swapsYAndZ(text, keys: keys) {
                return .rejected(ScanResult(outcome: .notSapu, reason: .keyboardSwapsYAndZ))
            }
            if isCutShort(text) {
                return .rejected(ScanResult(outcome: .notSapu, reason: .incompleteScan))
            }
            switch error {
            case .malformedField, .badSignature, .unknownKey:
                // Shaped like our label but not as we sign it: altered or forged.
                return .rejected(ScanResult(outcome: .forged, reason: error))
            default:
                return .rejected(ScanResult(outcome: .notSapu, reason: error))
            }
        }
    }
}

/// True when a `SAPU1` text stops before its signature is complete: a scan cut short, not
/// a forgery.
private func isCutShort(_ text: String) -> Bool {
    let tokens = LabelCodec.normalised(text).split(separator: " ", omittingEmptySubsequences: false)
    guard tokens.first == Substring(LabelCodec.version) else { return false }
    guard let last = tokens.last else { return true }
    // A complete label ends with the 103-character signature after at least nine fields.
    return tokens.count < 10 || last.count < LabelCodec.signatureLength
}

/// True when the text is a genuine label once Y and Z trade places, as a scanner set to a
/// German (QWERTZ) keyboard layout types them.
private func swapsYAndZ(_ text: String, keys: KeyRing) -> Bool {
    let swapped = String(text.map { $0 == "Y" ? "Z" : $0 == "Z" ? "Y" : $0 == "y" ? "z" : $0 == "z" ? "y" : $0 })
    guard swapped != text, let label = try? LabelCodec.parse(swapped) else { return false }
    return (try? LabelCodec.verify(label, keys: keys)) != nil
}

/// A QR code on the clerk's command sheet that changes the station instead of a bundle.
///
/// Untagged payloads: `SAPUC MODE RECEIVE`, `SAPUC SHIPMENT 001 SJ PWT XI 2025`,
/// `SAPUC OPERATOR G01`; the printed code adds the site's tag (`ControlKey`).
public enum ControlCode: Sendable, Equatable {
    case mode(ScanMode)
    case shipment(String)
    case operatorCode(String)

    public static let prefix = "SAPUC"

    /// The text the tag covers: only `0-9`, `A-Z` and single spaces, like labels.
    public var untaggedPayload: String {
        switch self {
        case .mode(let mode): "\(Self.prefix) MODE \(mode.rawValue.uppercased())"
        case .shipment(let id): "\(Self.prefix) SHIPMENT " + id.replacingSlashes(with: " ")
        case .operatorCode(let code): "\(Self.prefix) OPERATOR \(code)"
        }
    }

    /// Why a station that was started in `startMode` must not obey this code, if it must not.
    ///
    /// A destructive mode is chosen on the command line, never by a scan; a station
    /// started read-only (`check`) stays read-only.
    public func refusal(stationStartedIn startMode: ScanMode, current: ScanMode) -> SapuError? {
        guard case .mode(let mode) = self else { return nil }
        if mode.isDestructive { return .controlCodeCannotSelect(mode: mode, current: current) }
        if startMode == .check, mode.writes { return .checkStationStaysReadOnly(mode: mode) }
        return nil
    }
}

/// A control code as scanned: what it asks for and the tag it carries, not yet checked.
public struct ScannedControl: Sendable, Equatable {
    public var code: ControlCode
    /// The text before the tag, as read: what the tag must cover.
    public var untaggedText: String
    /// The last token when the code carries one; nil for an untagged (typed) code.
    public var tag: String?

    /// Reads a control code as scanners deliver it; nil for anything else.
    ///
    /// Forgiven, exactly as for labels: blanks around the text, an AIM prefix, lower case.
    /// Not forgiven: doubled spaces and any other change of the printed text, which the
    /// tag covers as it is.
    public init?(scanned: String) {
        let text = LabelCodec.normalised(scanned)
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard tokens.count >= 3, tokens[0] == ControlCode.prefix, !tokens.contains("") else { return nil }
        let words = Array(tokens[2...])
        // Untagged as typed, else the last token is the tag.
        if let code = ControlCode(command: tokens[1], words: words) {
            (self.code, untaggedText, tag) = (code, text, nil)
        } else if words.count > 1, let code = ControlCode(command: tokens[1], words: words.dropLast()) {
            (self.code, untaggedText, tag) = (code, tokens.dropLast().joined(separator: " "), words.last)
        } else {
            return nil
        }
    }
}

extension ControlCode {
    /// The code that `SAPUC COMMAND WORDS...` asks for, if it is one.
    init?(command: String, words: some Collection<String>) {
        switch command {
        case "MODE":
            guard words.count == 1, let word = words.first, let mode = ScanMode(rawValue: word.lowercased()) else { return nil }
            self = .mode(mode)
        case "SHIPMENT":
            guard let id = ShipmentID(typed: words.joined(separator: " ")) else { return nil }
            self = .shipment(id.description)
        case "OPERATOR":
            guard words.count == 1, let word = words.first, let code = try? Code.normalise(word, as: .operator) else {
                return nil
            }
            self = .operatorCode(code)
        default:
            return nil
        }
    }
}

extension String {
    func replacingSlashes(with separator: String) -> String {
        split(separator: "/").joined(separator: separator)
    }
}
