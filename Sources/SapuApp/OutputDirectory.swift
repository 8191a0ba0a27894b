import Dispatch
import Foundation
import SapuCore
import Synchronization

/// Writes a command's files so that either all of them appear or none do.
public struct OutputDirectory {
    public let path: String

    /// The directory, created if missing; refused if it cannot be written.
    public init(_ path: String) throws(SapuError) {
        self.path = path
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw .fileUnwritable(path: path)
            }
        } else if !isDirectory.boolValue {
            throw .fileUnwritable(path: path)
        }
        guard FileManager.default.isWritableFile(atPath: path) else { throw .fileUnwritable(path: path) }
    }

    /// Files written under temporary names, not yet visible under their real ones.
    public struct Staged: Sendable {
        public var temporary: [String]
        public var final: [String]
    }

    public func stage(_ files: [(name: String, bytes: [UInt8])]) throws(SapuError) -> Staged {
        try Self.checkNames(files.map(\.name))
        let token = UUID().uuidString.prefix(8)
        let final = files.map { (path as NSString).appendingPathComponent($0.name) }
        let temporary = files.map { (path as NSString).appendingPathComponent(".\($0.name).\(token).tmp") }
        // Thousands of label files: the file system work overlaps on every core.
        let failed = Mutex<Int?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            if !FileManager.default.createFile(atPath: temporary[index], contents: Data(files[index].bytes)) {
                failed.withLock { $0 = $0 ?? index }
            }
        }
        let staged = Staged(temporary: temporary, final: final)
        if let index = failed.withLock({ $0 }) {
            discard(staged)
            throw .fileUnwritable(path: final[index])
        }
        return staged
    }

    public func discard(_ staged: Staged) {
        for file in staged.temporary { try? FileManager.default.removeItem(atPath: file) }
    }

    /// Renames the staged files into place; returns their paths.
    public func commit(_ staged: Staged) throws(SapuError) -> [String] {
        let failed = Mutex<Int?>(nil)
        DispatchQueue.concurrentPerform(iterations: staged.final.count) { index in
            if rename(staged.temporary[index], staged.final[index]) != 0 { failed.withLock { $0 = $0 ?? index } }
        }
        if let index = failed.withLock({ $0 }) {
            discard(staged)
            throw .fileUnwritable(path: staged.final[index])
        }
        return staged.final
    }
}
