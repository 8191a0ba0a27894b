import ArgumentParser
import SapuCore
import SapuStore

/// `sapu backup --out FILE`: a checked copy of the database, taken while stations work.
struct Backup: SapuCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the database to FILE while stations keep working; the copy is integrity-checked before it replaces FILE.",
        discussion: "Daily, e.g. from cron:  sapu backup --db /srv/sapu/sapu.sqlite --out /media/backup/sapu-$(date +%F).sqlite")
    @Option(help: "The backup file to write.") var out: String
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let summary = try context.store().backup(to: out)
        context.noteSaved()
        if context.json {
            context.emit(BackupOutput(path: summary.path, site: summary.site, bundles: summary.bundles))
            return
        }
        context.say(.backupWritten(path: summary.path, site: summary.site, bundles: summary.bundles))
    }
}

/// `sapu restore FILE`: replaces the database with a backup of the same site.
struct Restore: SapuCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replace the database with a backup of the same site; the replaced one is kept beside it under a dated name.",
        discussion: "Stop every scanning station first: restore refuses while another process has the database open.")
    @Argument(help: "The backup file, e.g. made by sapu backup.") var file: String
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let summary = try SQLiteStore.restore(from: file, into: context.databasePath)
        context.noteSaved()
        if context.json {
            context.emit(RestoreOutput(database: context.databasePath, site: summary.site, bundles: summary.bundles, kept: summary.kept))
            return
        }
        context.say(.restored(file: file, database: context.databasePath, site: summary.site, bundles: summary.bundles,
                              kept: summary.kept))
    }
}

struct BackupOutput: Encodable {
    var path, site: String
    var bundles: Int
}

struct RestoreOutput: Encodable {
    var database, site: String
    var bundles: Int
    var kept: String?
}
