/// What one scanned or typed line turned out to be, before it touches the database.
public enum ScannedCode: Sendable, Equatable {
    /// A label whose signature verified.
    case label(LabelPayload)
    /// A bundle id typed by hand from the printed label.
    case typed(BundleID)
    /// A control code from `sapu label commands`.
    case control(ControlCode)
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
        if let control = ControlCode(scanned: text) { return .control(control) }
        if let canonical = BundleID.canonicalSuggestion(for: text) {
            return .rejected(ScanResult(outcome: .notSapu, reason: .nonCanonicalBundleID(typed: text, canonical: canonical)))
        }
        if let id = BundleID(typed: text), !text.uppercased().hasPrefix("SAPU") { return .typed(id) }
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
/// Payloads: `SAPUC MODE RECEIVE`, `SAPUC SHIPMENT 001 SJ PWT XI 2025`, `SAPUC OPERATOR G01`.
public enum ControlCode: Sendable, Equatable {
    case mode(ScanMode)
    case shipment(String)
    case operatorCode(String)

    public static let prefix = "SAPUC"

    public init?(scanned: String) {
        // Forgive what scanners add, exactly as for labels: spaces, CR/LF, an AIM prefix, case.
        let tokens = LabelCodec.normalised(scanned).split(separator: " ").map(String.init)
        guard tokens.count >= 3, tokens[0] == Self.prefix else { return nil }
        switch tokens[1] {
        case "MODE":
            guard tokens.count == 3, let mode = ScanMode(rawValue: tokens[2].lowercased()) else { return nil }
            self = .mode(mode)
        case "SHIPMENT":
            guard let id = ShipmentID(typed: tokens[2...].joined(separator: " ")) else { return nil }
            self = .shipment(id.description)
        case "OPERATOR":
            guard tokens.count == 3, let code = try? Code.normalise(tokens[2], as: .inspector) else { return nil }
            self = .operatorCode(code)
        default:
            return nil
        }
    }

    /// The text to put in the QR code: only `0-9`, `A-Z` and space, like labels.
    public var payload: String {
        switch self {
        case .mode(let mode): "\(Self.prefix) MODE \(mode.rawValue.uppercased())"
        case .shipment(let id): "\(Self.prefix) SHIPMENT " + id.replacingSlashes(with: " ")
        case .operatorCode(let code): "\(Self.prefix) OPERATOR \(code)"
        }
    }
}

extension String {
    func replacingSlashes(with separator: String) -> String {
        split(separator: "/").joined(separator: separator)
    }
}
