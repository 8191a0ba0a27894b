import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reading a file as every input is read: a regular file of at most `limit` bytes, never a
/// device, pipe or directory read (or waited on) without end.
enum BoundedFile {
    enum Refusal: Error {
        /// Missing, not a regular file, or not readable.
        case unreadable
        /// Larger than the limit, or grew past it while read.
        case tooLarge
    }

    static func read(_ path: String, limit: Int) throws(Refusal) -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable }
        defer { try? handle.close() }
        guard status.st_size <= limit else { throw .tooLarge }
        guard let data = try? handle.read(upToCount: limit + 1) else { return [] }
        guard data.count <= limit else { throw .tooLarge }
        return [UInt8](data)
    }
}
