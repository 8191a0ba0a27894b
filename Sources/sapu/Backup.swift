import ArgumentParser
import SapuCore
import SapuStore

/// `sapu backup --out FILE`: a checked copy of the database, taken while stations work.
struct Backup: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        abstract: Message.helpBackup.helpText, discussion: Message.helpBackupDiscussion.helpText) }
    @Option(help: Message.helpBackupOut.help) var out: String
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
    static var configuration: CommandConfiguration { CommandConfiguration(
        abstract: Message.helpRestore.helpText, discussion: Message.helpRestoreDiscussion.helpText) }
    @Argument(help: Message.helpRestoreFile.help) var file: String
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
