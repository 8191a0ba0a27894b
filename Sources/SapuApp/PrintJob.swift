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
        Self.removeAbandoned(in: base)
        // The process id in the name lets a later run tell a folder whose run was killed.
        var template = Array(((base as NSString).appendingPathComponent("sapu-print.\(getpid()).XXXXXX")).utf8CString)
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

    /// Removes job folders left by runs that were killed before they could remove their own
    /// (`sapu-print.PID.XXXXXX` whose process is gone); another run's live folder stays.
    static func removeAbandoned(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix("sapu-print.") {
            let parts = name.split(separator: ".")
            guard parts.count == 3, let pid = Int32(parts[1]), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: (base as NSString).appendingPathComponent(name))
            }
        }
    }
}
