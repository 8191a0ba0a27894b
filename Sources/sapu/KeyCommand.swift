import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu key`: the site's signing keys. The private key is never printed.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Show, export or rotate the site's signing key.",
        subcommands: [Show.self, Export.self, Rotate.self])

    struct Show: SapuCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show key ids, fingerprints and which key the database calls current.",
            discussion: """
                sapu key show                   (this site's keys, from the database)
                sapu key show --file PWT.pub    (a public key file received from a workshop: fingerprints to confirm by phone)
                """)
        @Option(help: "A public key file to show instead of this site's keys (no database needed).") var file: String?
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
        static let configuration = CommandConfiguration(
            abstract: "Write the public keys for partners.",
            discussion: """
                sapu key export --out PWT.pub                  (every key in one sapu key file)
                sapu key export --format pem --out DIR         (DIR/PWT-K1.pem, DIR/PWT-K2.pem, ...: one PEM file per key)
                """)
        @Option(help: "The file (sapu format) or the directory (pem format) to write.") var out: String
        @Option(help: "sapu (one key file) or pem (SubjectPublicKeyInfo, one SITE-KEYID.pem file per key).")
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
        static let configuration = CommandConfiguration(
            abstract: "Start signing with a new key; labels and manifests signed with older keys still verify.",
            discussion: "Safe to run again after an interruption: it finishes the interrupted rotation instead of skipping a key id.")
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
enum KeyFormat: String, ExpressibleByArgument, CaseIterable {
    case sapu, pem

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
