import CQREncode
import SapuCore

/// The error-correction level of a QR symbol; M and Q are the ones Sapu's templates use.
public enum ErrorCorrection: String, Sendable, Codable, CaseIterable {
    case L, M, Q, H

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
        guard let code = QRcode_encodeString(text, Int32(version), level.qrencodeLevel, QR_MODE_8, 1) else {
            // NULL means the text does not fit any symbol (ERANGE) or is invalid (EINVAL).
            throw .payloadTooLong(template: "QR-\(level.rawValue)", version: version)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard Int(code.pointee.version) == version, width == size(version: version) else {
            throw .payloadTooLong(template: "QR-\(level.rawValue)", version: version)
        }
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        // Bit 0 of each byte is the module's colour; the other bits describe its role.
        return QRMatrix(version: version, size: width, modules: data.map { $0 & 1 == 1 })
    }

    private init(version: Int, size: Int, modules: [Bool]) {
        self.version = version
        self.size = size
        self.modules = modules
    }
}
