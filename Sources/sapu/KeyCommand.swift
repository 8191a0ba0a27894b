import ArgumentParser
import Foundation
import SapuCore
import SapuStore

/// `sapu key`: the site's label-signing keys. The private key is never printed.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Show, export or rotate the site's signing key.",
        subcommands: [Show.self, Export.self, Rotate.self])

    struct Show: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Show key ids and fingerprints.")
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let ring = try KeyCommand.ring(context)
            let current = try KeyCommand.files(context).signingKeys().last?.keyID
            let keys = ring.keys.map { KeyOutput(site: $0.site, keyID: $0.keyID, fingerprint: $0.fingerprint,
                                                 current: $0.keyID == current) }
            if context.json {
                context.emit(keys)
            } else {
                context.table([.columnSite, .columnKey, .columnFingerprint, .columnCurrent], keys.map {
                    [$0.site, $0.keyID, $0.fingerprint, ($0.current ? Message.yes : Message.no).text(context.language)]
                })
            }
        }
    }

    struct Export: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Write the public key file for partners.")
        @Option(help: "Where to write the public key file.") var out: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let ring = try KeyCommand.ring(context)
            do {
                try Data(ring.keyFile.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } catch {
                throw .fileUnwritable(path: out)
            }
            context.noteSaved()
            if context.json { context.emit(["publicKey": out]) }
            context.say(.publicKeyExported(path: out, keys: ring.keys.count))
        }
    }

    struct Rotate: SapuCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start signing with a new key; labels signed with older keys still verify.")
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let store = try context.store()
            let files = try KeyCommand.files(context)
            let keys = try files.signingKeys()
            let ring = try KeyRing(keys.map(\.publicKey))
            let next = try SigningKey.generate(site: files.site, keyID: ring.nextKeyID)
            try files.replace(with: keys + [next])
            do throws(SapuError) {
                try store.addPublicKey(StoredKey(keyID: next.keyID, site: next.site, raw: next.publicKey.rawRepresentation),
                                       at: context.now)
            } catch {
                try? files.replace(with: keys)
                throw error
            }
            if context.json {
                context.emit(KeyOutput(site: next.site, keyID: next.keyID, fingerprint: next.publicKey.fingerprint, current: true))
            }
            context.say(.keyRotated(keyID: next.keyID, fingerprint: next.publicKey.fingerprint, publicPath: files.publicPath))
        }
    }

    static func files(_ context: Context) throws(SapuError) -> KeyFiles {
        KeyFiles(databasePath: context.databasePath, site: try context.store().site().code)
    }

    /// Every public key the database trusts for this site's labels.
    static func ring(_ context: Context) throws(SapuError) -> KeyRing {
        var keys: [PublicKey] = []
        for stored in try context.store().publicKeys() {
            keys.append(try PublicKey(site: stored.site, keyID: stored.keyID, rawRepresentation: stored.raw))
        }
        return try KeyRing(keys)
    }
}

struct KeyOutput: Encodable {
    var site, keyID, fingerprint: String
    var current: Bool
}
