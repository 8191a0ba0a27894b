/// How far everything a template prints is shifted on the page, in millimetres, to make up
/// for a printer that does not place the page where it should (`sapu label calibrate`).
///
/// Positive `x` moves the print to the right, positive `y` down. Kept per template.
public struct LabelOffset: Sendable, Equatable, Codable {
    public var xMM: Double
    public var yMM: Double

    /// No shift.
    public static let zero = LabelOffset(xMM: 0, yMM: 0)

    /// The largest shift taken in either direction: more is a wrong template or a wrong
    /// measurement, not a printer's feed.
    public static let limitMM = 20.0

    public init(xMM: Double, yMM: Double) {
        self.xMM = xMM
        self.yMM = yMM
    }

    /// A shift from what a user typed, refused outside ±`limitMM`; `-0` becomes 0.
    public static func checked(xMM: Double, yMM: Double) throws(SapuError) -> LabelOffset {
        for value in [xMM, yMM] where !(value.isFinite && abs(value) <= limitMM) {
            throw .labelOffsetOutOfRange(value: value, limitMM: limitMM)
        }
        return LabelOffset(xMM: xMM + 0, yMM: yMM + 0)
    }
}
