import ArgumentParser
import SapuApp
import SapuCore

/// `sapu init`: creates the site's database and its signing key.
struct Initialise: SapuCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database and the site's signing key.",
        discussion: "Safe to run again after it was interrupted: it finishes or starts over, and never replaces a site.")

    @Option(help: "Site code, 0-9 and A-Z (e.g. PWT).") var site: String
    @Option(help: "Site name (e.g. \"Lapas Kelas IIA Purwokerto\").") var name: String
    @Option(help: Message.helpInitTimeZone.help) var timeZone: String = SiteClock.standardIdentifier
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let code = try Code.normalise(site, as: .site)
        let clock = try SiteClock(identifier: timeZone)
        let made = try SiteInitialisation.initialise(databasePath: context.databasePath, site: code, name: name, clock: clock,
                                                     at: clock.now(fixed: Context.fixedNow))
        context.noteSaved()
        if context.json {
            context.emit(InitOutput(site: made.site, database: made.database, privateKey: made.privatePath,
                                    publicKey: made.publicPath, keyID: made.key.keyID, fingerprint: made.key.fingerprint,
                                    resumed: made.resumed?.rawValue))
            return
        }
        switch made.resumed {
        case .keptKey: context.say(.initResumedKeptKey(privatePath: made.privatePath))
        case .wrotePublicKey: context.say(.initResumedPublicKey(publicPath: made.publicPath))
        case .alreadyMade: context.say(.initAlreadyMade(database: made.database))
        case nil: break
        }
        if made.resumed != .alreadyMade { context.say(.initialised(site: made.site, database: made.database)) }
        context.say(.keyWritten(privatePath: made.privatePath, publicPath: made.publicPath,
                                keyID: made.key.keyID, fingerprint: made.key.fingerprint))
    }
}

struct InitOutput: Encodable {
    var site, database, privateKey, publicKey, keyID, fingerprint: String
    /// `keptKey`, `wrotePublicKey` or `alreadyMade` when this run finished an interrupted one.
    var resumed: String?
}
