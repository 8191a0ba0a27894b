import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// `sapu init`: creates the site's database and its signing key.
struct Initialise: SapuCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database and the site's signing key.")

    @Option(help: "Site code, 0-9 and A-Z (e.g. PWT).") var site: String
    @Option(help: "Site name (e.g. \"Lapas Kelas IIA Purwokerto\").") var name: String
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let code = try Code.normalise(site, as: .site)
        let path = context.databasePath
        if FileManager.default.fileExists(atPath: path) { throw .alreadyInitialised(path: path) }
        let files = KeyFiles(databasePath: path, site: code)
        let key = try SigningKey.generate(site: code, keyID: "K1")
        try files.create(key)
        do throws(SapuError) {
            _ = try SQLiteStore.create(at: path, site: Site(code: code, name: name),
                                       key: StoredKey(keyID: key.keyID, site: code, raw: key.publicKey.rawRepresentation),
                                       at: context.now)
        } catch {
            try? FileManager.default.removeItem(atPath: files.privatePath)
            try? FileManager.default.removeItem(atPath: files.publicPath)
            throw error
        }
        context.noteSaved()
        if context.json {
            context.emit(InitOutput(site: code, database: path, privateKey: files.privatePath, publicKey: files.publicPath,
                                    keyID: key.keyID, fingerprint: key.publicKey.fingerprint))
        } else {
            context.say(.initialised(site: code, database: path))
            context.say(.keyWritten(privatePath: files.privatePath, publicPath: files.publicPath,
                                    keyID: key.keyID, fingerprint: key.publicKey.fingerprint))
        }
    }
}

struct InitOutput: Encodable {
    var site, database, privateKey, publicKey, keyID, fingerprint: String
}
