import ArgumentParser
import SapuApp
import SapuCore

/// `sapu init`: creates the site's database and its signing key.
struct Initialise: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "init", abstract: Message.helpInit.helpText, discussion: Message.helpInitDiscussion.helpText) }

    @Option(help: Message.helpInitSite.help) var site: String
    @Option(help: Message.helpInitName.help) var name: String
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let code = try Code.normalise(site, as: .site)
        let made = try SiteInitialisation.initialise(databasePath: context.databasePath, site: code, name: name, at: context.now)
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
