import SapuCore

extension LabelTemplate {
    /// The error-correction level a label with `payload` gets on this template: the
    /// strongest whose capacity at `qr.version` holds it, never below `qr.level`; nil when
    /// the payload does not fit even there and the label is refused.
    public func level(for payload: String) -> ErrorCorrection? {
        try? QRMatrix.strongest(payload, version: qr.version, floor: qr.level).level
    }

    /// The level a typical passed bundle's label gets (`TypicalPayload.passed`).
    public var passedLevel: ErrorCorrection? { level(for: TypicalPayload.passed) }

    /// The level a typical failed bundle's label gets (`TypicalPayload.failed`).
    public var failedLevel: ErrorCorrection? { level(for: TypicalPayload.failed) }
}

/// The payloads docs/label-payload.md calls typical, for telling which level a template's
/// labels get without a bundle at hand.
public enum TypicalPayload {
    /// A signature-shaped tail: 103 Crockford characters, as long as a real one.
    static let signature = Crockford.encode((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 73 &+ 29) })

    /// A passed bundle at grade A with two-digit codes and serial, first revision: 156
    /// characters.
    public static let passed = "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 " + signature

    /// A failed bundle with two defects, second revision: 169 characters.
    public static let failed = "SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QF XLOOSE XDAMP R2 " + signature
}
