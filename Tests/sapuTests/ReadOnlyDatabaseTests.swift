import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Tests run as root, for whom every file is writable: these run `sapu` as `nobody`
/// (`setpriv`), so that file modes mean what they mean at a site.
extension SapuRunner {
    static let nobody: uid_t = 65534
    static let canDropPrivileges = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs `sapu ARGS` as the user `nobody`.
    func runAsNobody(_ arguments: [String], input: String? = nil) throws -> Output {
        try Self.execute("/usr/bin/setpriv", ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", "--",
                                              Self.binary] + arguments,
                         input: input.map { Data($0.utf8) }, environment: environment, directory: directory)
    }

    /// Every file in the directory with its size, owner and mode: what a command must leave as it was.
    func listing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted().map { name in
            var info = stat()
            _ = lstat(directory + "/" + name, &info)
            return "\(name) \(info.st_size) \(info.st_uid) \(String(info.st_mode, radix: 8))"
        }
    }

    func chown(_ name: String, to user: uid_t) {
        _ = Glibc.chown(name.hasPrefix("/") ? name : directory + "/" + name, user, user)
    }

    func chmod(_ name: String, _ mode: mode_t) {
        _ = Glibc.chmod(name.hasPrefix("/") ? name : directory + "/" + name, mode)
    }
}

@Suite("sapu on a database it cannot write: reads work, writes are refused, nothing is left behind",
       .enabled(if: SapuRunner.canDropPrivileges, "needs root and setpriv"))
struct ReadOnlyDatabaseTests {
    /// The commands a manager runs against the site's database from an account that may only read it.
    static func reads(_ shop: ShippedWorkshop) -> [([String], String?)] {
        [(["stock"], nil),
         (["bundle", "show", shop.packed[0]], nil),
         (["scan", "--mode", "check"], shop.labels[shop.packed[0]]! + "\n"),
         (["report", "qc"], nil),
         (["report", "makers"], nil),
         (["report", "stock", "--format", "csv"], nil),
         (["shipment", "show", shop.shipment], nil),
         (["doctor"], nil)]
    }

    /// A read-only folder: nobody may read the database and the folder, and write neither.
    @Test func inAReadOnlyFolderReadsWorkAndWritesAreRefusedWithoutATrace() throws {
        let shop = try ShippedWorkshop()
        var sapu = shop.sapu
        sapu.environment["SAPU_LANG"] = "en"
        // The key file stays owner-only: nobody owns it, so that doctor can check it.
        sapu.chown("PWT.key", to: SapuRunner.nobody)
        sapu.chmod("", 0o755)
        let before = try sapu.listing()
        for (arguments, input) in Self.reads(shop) {
            let output = try sapu.runAsNobody(arguments, input: input)
            #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)")
        }
        let batch = try #require(shop.packed.first?.split(separator: "-").first.map(String.init))
        for (arguments, input) in [(["inspect", "--batch", batch, "--maker", "M042", "--pass", "--grade", "A"], nil),
                                   (["scan", "--mode", "receive"], shop.unpacked[0] + "\n"),
                                   (["maker", "add", "M099"], nil)] as [([String], String?)] {
            let output = try sapu.runAsNobody(arguments, input: input)
            // A scanning station answers the line with the reason, then says the scan was not saved.
            #expect(output.status == 1 && (output.stdout + output.stderr).contains("cannot be written"),
                    "sapu \(arguments.joined(separator: " ")): \(output.stdout) \(output.stderr)")
        }
        #expect(try sapu.listing() == before)
    }

    /// The owner made the file read-only (chmod a-w) in a folder it may write: reading must
    /// not leave a `-shm` or `-wal` that keeps the database read-only once it is writable again.
    @Test func aReadOnlyFileLeavesNoReadOnlyWALFilesBehindAndIsWritableAgainAfterChmod() throws {
        let shop = try ShippedWorkshop()
        let sapu = shop.sapu
        for name in try FileManager.default.contentsOfDirectory(atPath: sapu.directory) { sapu.chown(name, to: SapuRunner.nobody) }
        sapu.chown(sapu.directory, to: SapuRunner.nobody)
        sapu.chmod("sapu.sqlite", 0o444)
        let before = try sapu.listing()
        for (arguments, input) in Self.reads(shop) {
            let output = try sapu.runAsNobody(arguments, input: input)
            #expect(output.status == 0, "sapu \(arguments.joined(separator: " ")): \(output.stderr)")
        }
        let refused = try sapu.runAsNobody(["maker", "add", "M099", "--lang", "en"])
        #expect(refused.status == 1 && refused.stderr.contains("cannot be written"), "\(refused.stderr)")
        #expect(try sapu.listing() == before)

        sapu.chmod("sapu.sqlite", 0o644)
        let added = try sapu.runAsNobody(["maker", "add", "M099"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try sapu.sql("SELECT code FROM maker WHERE code = 'M099'") == ["M099"])
    }
}
