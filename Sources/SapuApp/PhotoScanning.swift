import Foundation
import SapuCore
import SapuLabels
import SapuStore

/// Scanning a photo: every QR code in it is one scan, in reading order (`sapu scan --image`,
/// and the phone's camera on the scanning page). docs/scanning.md, "Images and photos".
public enum PhotoScanning {
    /// What one photo gave: an answer per code, or one answer saying why it gave none.
    public struct Scanned {
        public var reports: [ScanStation.Report]
        /// False when the image could not be read or held no code (`reports` has that one answer).
        public var read: Bool
    }

    /// Applies every code in the image file at `file`.
    public static func scan(file: String, station: ScanStation) -> Scanned {
        apply(codes(inFile: file), name: file, station: station)
    }

    /// Applies every code in an uploaded image, decoded from its bytes (never written to a file);
    /// `name` is how the answers name it (the name the phone gave the photo).
    public static func scan(bytes: [UInt8], name: String, station: ScanStation) -> Scanned {
        apply(codes(inImage: bytes, name: name), name: name, station: station)
    }

    /// The codes in an image file, or why it gave none: missing, unreadable, over a limit, no code.
    public static func codes(inFile file: String) -> Result<[String], SapuError> {
        guard FileManager.default.fileExists(atPath: file) else { return .failure(.fileUnreadable(path: file)) }
        return found(file) { () throws(SapuError) in try QRImageDecoder.decode(fileAt: file) }
    }

    /// The codes in an image's bytes, or why it gave none.
    public static func codes(inImage bytes: [UInt8], name: String) -> Result<[String], SapuError> {
        found(name) { () throws(SapuError) in try QRImageDecoder.decode(bytes: bytes, name: name) }
    }

    private static func found(_ name: String, _ decode: () throws(SapuError) -> [String]) -> Result<[String], SapuError> {
        do throws(SapuError) {
            let codes = try decode()
            return codes.isEmpty ? .failure(.noCodeInImage(name)) : .success(codes)
        } catch {
            return .failure(error)
        }
    }

    private static func apply(_ codes: Result<[String], SapuError>, name: String, station: ScanStation) -> Scanned {
        switch codes {
        case .success(let codes):
            return Scanned(reports: station.process(codes), read: true)
        case .failure(let reason):
            return Scanned(reports: [station.reject(name, reason: reason)], read: false)
        }
    }
}
