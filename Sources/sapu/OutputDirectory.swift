import Foundation
import SapuCore

/// Writes a command's files so that either all of them appear or none do.
struct OutputDirectory {
    let path: String

    /// The directory, created if missing; refused if it cannot be written.
    init(_ path: String) throws(SapuError) {
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
    struct Staged {
        var temporary: [String]
        var final: [String]
    }

    func stage(_ files: [(name: String, bytes: [UInt8])]) throws(SapuError) -> Staged {
        var staged = Staged(temporary: [], final: [])
        let token = UUID().uuidString.prefix(8)
        for file in files {
            let final = (path as NSString).appendingPathComponent(file.name)
            let temporary = (path as NSString).appendingPathComponent(".\(file.name).\(token).tmp")
            guard FileManager.default.createFile(atPath: temporary, contents: Data(file.bytes)) else {
                discard(staged)
                throw .fileUnwritable(path: final)
            }
            staged.temporary.append(temporary)
            staged.final.append(final)
        }
        return staged
    }

    func discard(_ staged: Staged) {
        for file in staged.temporary { try? FileManager.default.removeItem(atPath: file) }
    }

    /// Renames the staged files into place; returns their paths.
    func commit(_ staged: Staged) throws(SapuError) -> [String] {
        for (temporary, final) in zip(staged.temporary, staged.final) where rename(temporary, final) != 0 {
            discard(staged)
            throw .fileUnwritable(path: final)
        }
        return staged.final
    }
}
