import Foundation
import Testing

@Suite("sapu: a writer waits as long as the one ahead makes progress, and says what to do when it does not")
struct ConcurrentWritersTests {
    /// Another program keeps the write lock for longer than 30 seconds in one transaction
    /// that keeps writing (the way nine inspections of 100,000 bundles queue up behind each
    /// other): four inspections started meanwhile wait their turn, and every one gets in.
    @Test func writersWaitBehindALongTransactionThatMakesProgress() throws {
        let (sapu, batch) = try SapuRunner.workshop()
        let before = try sapu.count("SELECT COUNT(*) FROM bundle")
        let steps = (1...36).map { _ in "echo 'INSERT INTO scratch VALUES (randomblob(2000000));'; sleep 1" }.joined(separator: "; ")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "(echo 'BEGIN IMMEDIATE;'; echo 'CREATE TABLE scratch (b BLOB);'; echo \"SELECT 'locked';\"; "
                            + steps + "; echo 'ROLLBACK;') | sqlite3 '\(sapu.database)'"]
        let locked = Pipe()
        holder.standardOutput = locked
        try holder.run()
        #expect(String(decoding: locked.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))

        let runs = 4
        let count = 5000
        var processes: [(Process, URL)] = []
        for index in 0..<runs {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: SapuRunner.binary)
            process.arguments = ["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A", "--count", String(count),
                                 "--yes", "--lang", "en"]
            process.environment = sapu.environment
            process.currentDirectoryURL = URL(fileURLWithPath: sapu.directory)
            let errors = URL(fileURLWithPath: sapu.directory + "/inspect-\(index).err")
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
            processes.append((process, errors))
        }
        for (index, (process, errors)) in processes.enumerated() {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            #expect(process.terminationStatus == 0, "inspection \(index): \(stderr)")
        }
        holder.waitUntilExit()
        #expect(try sapu.sql("SELECT COUNT(*), COUNT(DISTINCT serial) FROM bundle")
                == ["\(before + runs * count)|\(before + runs * count)"])
    }

    /// A program that holds the write lock and does nothing with it is given up on, with
    /// what to do, and nothing is written.
    @Test func aWriterStuckWithoutProgressIsGivenUpOnWithWhatToDo() throws {
        let (sapu, _) = try SapuRunner.workshop()
        let before = try sapu.dump()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "(echo 'BEGIN IMMEDIATE;'; echo 'SELECT 1;'; sleep 40; echo 'ROLLBACK;') | sqlite3 '\(sapu.database)'"]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        // `1` is printed once the lock is held.
        _ = ready.fileHandleForReading.availableData
        let output = try sapu.run("maker", "add", "M099", "--lang", "en")
        holder.waitUntilExit()
        #expect(output.status == 1)
        #expect(output.stderr.contains("without progress") && output.stderr.contains("try again"), "\(output.stderr)")
        #expect(try sapu.dump() == before)
    }
}
