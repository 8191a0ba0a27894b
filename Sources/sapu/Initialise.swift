import ArgumentParser
import SapuApp
import SapuCore

/// `sapu init`: creates the site's database and its signing key.
struct Initialise: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init", abstract: Message.helpInit.helpText, discussion: Message.helpInitDiscussion.helpText) }

    @Option(help: Message.helpInitSite.help) var site: String
    @Option(help: Message.helpInitName.help) var name: String
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
