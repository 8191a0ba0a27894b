import Foundation
import SapuCore

#if canImport(Glibc)
import Glibc
#endif

/// Files the web app hands out: only plain files directly inside one known folder, named with
/// safe characters. A name with a slash, `..`, a leading dot, or a link to elsewhere is no file.
enum Downloads {
    /// The largest file handed out: a 10,000-label PDF is about 14 MiB.
    static let limit = 256 << 20

    /// The bytes of `name` inside `directory`, or `downloadMissing`.
    static func read(_ name: String, in directory: String) throws(SapuError) -> [UInt8] {
        guard isSafe(name) else { throw .downloadMissing(name) }
        let path = (directory as NSString).appendingPathComponent(name)
        // O_NOFOLLOW: a symbolic link is not followed out of the folder; O_NONBLOCK: a named pipe is not waited on.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { throw .downloadMissing(name) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= limit,
              let data = try? handle.read(upToCount: limit) else { throw .downloadMissing(name) }
        return [UInt8](data)
    }

    /// `A-Z a-z 0-9 . _ -`, not starting with a dot, at most 128 characters.
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 128 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789._-".unicodeScalars.contains($0)) }
    }

    /// The content type a browser needs to show or save a file Sapu wrote.
    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "pdf": "application/pdf"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "zpl", "tspl", "txt", "sig", "pub": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
