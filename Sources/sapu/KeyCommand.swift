import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu key`: the site's signing keys. The private key is never printed.
struct KeyCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "key", abstract: Message.helpKey.helpText,
        subcommands: [Show.self, Export.self, Rotate.self]) }

    struct Show: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: Message.helpKeyShow.helpText, discussion: Message.helpKeyShowDiscussion.helpText) }
        @Option(help: Message.helpKeyShowFile.help) var file: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            if let file {
                // Computed from the keys themselves, never from the file's comments.
                let ring = try KeyRing(keyFile: String(decoding: try ShipmentFiles.read(file), as: UTF8.self), path: file)
                let keys = ring.keys.map { FileKeyOutput(site: $0.site, keyID: $0.keyID, fingerprint: $0.fingerprint) }
                if context.json {
                    context.emit(keys)
                } else {
                    context.table([.columnSite, .columnKey, .columnFingerprint], keys.map { [$0.site, $0.keyID, $0.fingerprint] })
                }
                return
            }
            var keys: [KeyOutput] = []
            for stored in try context.store().publicKeys() {
                let key = try PublicKey(site: stored.site, keyID: stored.keyID, rawRepresentation: stored.raw)
                keys.append(KeyOutput(site: key.site, keyID: key.keyID, fingerprint: key.fingerprint, current: stored.current))
            }
            if context.json {
                context.emit(keys)
            } else {
                context.table([.columnSite, .columnKey, .columnFingerprint, .columnCurrent], keys.map {
                    [$0.site, $0.keyID, $0.fingerprint, ($0.current ? Message.keyCurrent : Message.keyRetired).text(context.language)]
                })
            }
        }
    }

    struct Export: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: Message.helpKeyExport.helpText, discussion: Message.helpKeyExportDiscussion.helpText) }
        @Option(help: Message.helpKeyExportOut.help) var out: String
        @Option(help: Message.helpKeyExportFormat.help)
        var format: KeyFormat = .sapu
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let paths = try KeyExport.write(store: try context.store(), format: format.exportFormat, out: out)
            context.noteSaved()
            if context.json {
                context.emit(["publicKeys": paths])
                return
            }
            switch format {
            case .sapu:
                context.say(.publicKeyExported(path: out, keys: try KeyExport.ring(store: try context.store()).keys.count))
            case .pem:
                context.say(.publicKeyPEMExported(paths: paths))
            }
        }
    }

    struct Rotate: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: Message.helpKeyRotate.helpText, discussion: Message.helpKeyRotateDiscussion.helpText) }
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let outcome = try KeyRotation.rotate(store: try context.store(), at: context.now)
            let key = outcome.key
            if context.json {
                context.emit(RotateOutput(site: key.site, keyID: key.keyID, fingerprint: key.fingerprint,
                                          newKey: outcome.newKey, publicKey: outcome.publicPath))
                return
            }
            if outcome.newKey {
                context.say(.keyRotated(keyID: key.keyID, fingerprint: key.fingerprint, publicPath: outcome.publicPath))
            } else {
                context.say(.keyRotationCompleted(keyID: key.keyID, fingerprint: key.fingerprint, publicPath: outcome.publicPath))
            }
        }
    }

    /// Every public key the database trusts for this site's labels.
    static func ring(_ context: Context) throws(SapuError) -> KeyRing {
        try KeyExport.ring(store: try context.store())
    }
}

/// `--format` of `sapu key export`.
enum KeyFormat: String, ExpressibleByArgument, OptionWord {
    case sapu, pem

    var word: Message { Message(id: rawValue, en: rawValue) }

    init?(argument: String) {
        guard let value = Self.argument(argument) else { return nil }
        self = value
    }

    var exportFormat: KeyExport.Format {
        switch self {
        case .sapu: .sapu
        case .pem: .pem
        }
    }
}

struct KeyOutput: Encodable {
    var site, keyID, fingerprint: String
    var current: Bool
}

struct FileKeyOutput: Encodable {
    var site, keyID, fingerprint: String
}

struct RotateOutput: Encodable {
    var site, keyID, fingerprint: String
    /// False when the run only finished an interrupted rotation.
    var newKey: Bool
    var publicKey: String
}
