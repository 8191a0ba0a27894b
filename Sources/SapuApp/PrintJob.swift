import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// The files of one print job, in a private temporary folder for `lp` to read; removed once
/// CUPS has its own copy (or refused it).
struct PrintJob {
    let directory: String
    let paths: [String]

    init(_ files: [(name: String, bytes: [UInt8])]) throws(SapuError) {
        let base = NSTemporaryDirectory()
        var template = Array(((base as NSString).appendingPathComponent("sapu-print.XXXXXX")).utf8CString)
        guard let made = mkdtemp(&template) else { throw .fileUnwritable(path: base) }
        directory = String(cString: made)
        var paths: [String] = []
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file.name)
            guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes), attributes: [.posixPermissions: 0o600]) else {
                try? FileManager.default.removeItem(atPath: directory)
                throw .fileUnwritable(path: path)
            }
            paths.append(path)
        }
        self.paths = paths
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
