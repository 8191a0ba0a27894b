import CQREncode
import SapuCore

/// The error-correction level of a QR symbol, from L (7 % of the symbol may be lost) to H
/// (30 %).
public enum ErrorCorrection: String, Sendable, Codable, CaseIterable {
    case L, M, Q, H

    /// The levels from `H` down to `floor`, in the order a label tries them.
    public static func strongestFirst(downTo floor: ErrorCorrection) -> [ErrorCorrection] {
        Array([.H, .Q, .M, .L].prefix { $0.strength >= floor.strength })
    }

    private var strength: Int {
        switch self {
        case .L: 0
        case .M: 1
        case .Q: 2
        case .H: 3
        }
    }

    var qrencodeLevel: QRecLevel {
        switch self {
        case .L: QR_ECLEVEL_L
        case .M: QR_ECLEVEL_M
        case .Q: QR_ECLEVEL_Q
        case .H: QR_ECLEVEL_H
        }
    }
}

/// A QR symbol as a square of dark and light modules, without its quiet zone.
///
/// This is the one place a label's code is made; PNG, PDF and ZPL all draw these modules,
/// so every output carries exactly the same symbol.
public struct QRMatrix: Sendable, Equatable {
    /// Modules per side: `4 × version + 17`.
    public let size: Int
    /// The symbol version (1...40).
    public let version: Int
    /// The error-correction level the symbol was encoded at.
    public let level: ErrorCorrection
    private let modules: [Bool]

    /// Whether the module at column `x`, row `y` (from the top left) is dark.
    public func isDark(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }

    /// Modules per side of a symbol of the given version.
    public static func size(version: Int) -> Int {
        4 * version + 17
    }

    /// Encodes `text` in a symbol of exactly `version`.
    ///
    /// libqrencode picks the densest mode for each stretch of the text, so Sapu's
    /// upper-case payloads go in alphanumeric mode. A text that needs a bigger symbol is
    /// refused rather than silently growing the printed code.
    public static func encode(_ text: String, version: Int, level: ErrorCorrection) throws(SapuError) -> QRMatrix {
        guard (1...40).contains(version) else {
            throw .payloadTooLong(template: "QR-\(level.rawValue)", version: version)
        }
        guard let matrix = make(text, version: version, level: level), matrix.version == version else {
            throw .payloadTooLong(template: "QR-\(level.rawValue)", version: version)
        }
        return matrix
    }

    /// Encodes `text` in a symbol of exactly `version` at the strongest level that holds
    /// it: H, then Q, then M, then L, but never below `floor`.
    ///
    /// The version, and so the printed size, stays the same whatever the level; a text
    /// that fits no level down to `floor` is refused as `encode` refuses it.
    public static func strongest(_ text: String, version: Int, floor: ErrorCorrection = .L) throws(SapuError) -> QRMatrix {
        for level in ErrorCorrection.strongestFirst(downTo: floor) where level != floor {
            // Only an encode that may fit is tried: a refused one costs as much as a label.
            if QRCapacity.cannotFit(text, version: version, level: level) { continue }
            if let matrix = try? encode(text, version: version, level: level) { return matrix }
        }
        return try encode(text, version: version, level: floor)
    }

    /// Encodes `text` in the smallest symbol that holds it at `level`.
    public static func smallest(_ text: String, level: ErrorCorrection) throws(SapuError) -> QRMatrix {
        // Version 0 asks libqrencode for the smallest version that fits.
        guard let matrix = make(text, version: 0, level: level) else {
            throw .payloadTooLong(template: "QR-\(level.rawValue)", version: 40)
        }
        return matrix
    }

    /// libqrencode's symbol for `text`, which may be bigger than `version` asks for.
    private static func make(_ text: String, version: Int, level: ErrorCorrection) -> QRMatrix? {
        // NULL means the text does not fit any symbol (ERANGE) or is invalid (EINVAL).
        guard let code = QRcode_encodeString(text, Int32(version), level.qrencodeLevel, QR_MODE_8, 1) else {
            return nil
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let actual = Int(code.pointee.version)
        guard width == size(version: actual) else { return nil }
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour; the other bits describe its role.
        return QRMatrix(version: actual, level: level, size: width, modules: data.map { $0 & 1 == 1 })
    }

    private init(version: Int, level: ErrorCorrection, size: Int, modules: [Bool]) {
        self.version = version
        self.level = level
        self.size = size
        self.modules = modules
    }
}
