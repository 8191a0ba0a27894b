import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu partner`: the companies shipments go to, with the keys their receipts are signed with.
struct PartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "Register partners and their public keys (receipts count only when signed by them).",
        subcommands: [Add.self, List.self, KeyCommands.self])

    struct Add: SapuCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a partner with the public key file from its own sapu init / sapu key export.",
            discussion: "Compare each printed fingerprint with the partner over the phone before applying its receipts.")
        @Argument(help: "The partner's site code, as in its key file (e.g. PHC).") var code: String
        @Option(help: "The partner's name, e.g. \"CV. Pusat Handicraft\".") var name: String
        @Option(help: "The partner's address (default for shipments).") var address: String?
        @Option(help: "The partner's public key file (e.g. PHC.pub).") var key: String
        @Option(help: "A fingerprint the partner read out (sapu key show); every key must match one.") var fingerprint: [String] = []
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let partner = try PartnerRegistration.add(code: code, name: name, address: address, keyFile: key,
                                                      fingerprints: fingerprint, store: try context.store(), at: context.now)
            if context.json {
                context.emit(PartnerOutput(partner))
                return
            }
            context.say(.partnerAdded(code: partner.code, name: partner.name))
            for registered in partner.keys {
                context.say(.partnerKeyRegistered(code: partner.code, keyID: registered.key.keyID,
                                                  fingerprint: registered.key.fingerprint))
            }
        }
    }

    struct List: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "List partners with their keys and fingerprints.")
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let partners = try context.store().partners()
            if context.json {
                context.emit(partners.map(PartnerOutput.init))
                return
            }
            let lang = context.language
            context.table([.columnCode, .columnName, .columnAddress, .columnKey, .columnFingerprint, .columnKeyActive],
                          partners.flatMap { partner in
                              partner.keys.map {
                                  [partner.code, partner.name, partner.address ?? "", $0.key.keyID, $0.key.fingerprint,
                                   ($0.active ? Message.yes : Message.no).text(lang)]
                              }
                          })
        }
    }

    struct KeyCommands: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "key", abstract: "Add a partner's new key after its rotation, or retire an old one.",
            subcommands: [AddKey.self, Retire.self])
    }

    struct AddKey: SapuCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Register the new key(s) in the partner's public key file; known ones are left as they are.")
        @Argument(help: "Partner code.") var code: String
        @Option(help: "The partner's public key file (from its sapu key export).") var key: String
        @Option(help: "A fingerprint the partner read out (sapu key show); every new key must match one.") var fingerprint: [String] = []
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let (partner, added) = try PartnerRegistration.addKeys(partner: code, keyFile: key, fingerprints: fingerprint,
                                                                  store: try context.store(), at: context.now)
            if context.json {
                var output = PartnerOutput(partner)
                output.added = added.map(\.keyID)
                context.emit(output)
                return
            }
            let fresh = Set(added.map(\.keyID))
            for registered in partner.keys {
                if fresh.contains(registered.key.keyID) {
                    context.say(.partnerKeyRegistered(code: partner.code, keyID: registered.key.keyID,
                                                      fingerprint: registered.key.fingerprint))
                } else {
                    context.say(.partnerKeyAlreadyRegistered(code: partner.code, keyID: registered.key.keyID,
                                                             fingerprint: registered.key.fingerprint, active: registered.active))
                }
            }
        }
    }

    struct Retire: SapuCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop accepting new receipts signed with a partner's key (receipts applied before stay).")
        @Argument(help: "Partner code.") var code: String
        @Argument(help: "Key id, e.g. K1.") var keyID: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let (partner, changed) = try PartnerRegistration.retireKey(partner: code, keyID: keyID, store: try context.store(),
                                                                      at: context.now)
            if context.json {
                context.emit(PartnerOutput(partner))
                return
            }
            let retired = partner.keys.first { $0.key.keyID == keyID.trimmingSpaces().uppercased() }?.key.keyID ?? keyID
            context.say(.partnerKeyRetired(code: partner.code, keyID: retired, changed: changed,
                                           activeLeft: partner.keys.filter(\.active).count))
        }
    }
}

struct PartnerOutput: Encodable {
    struct Key: Encodable {
        var keyID, fingerprint, added: String
        var active: Bool
        var retired: String?
    }

    var code, name: String
    var address: String?
    var keys: [Key]
    /// `partner key add`: the key ids that were new.
    var added: [String]?

    init(_ partner: Partner) {
        code = partner.code
        name = partner.name
        address = partner.address
        keys = partner.keys.map {
            Key(keyID: $0.key.keyID, fingerprint: $0.key.fingerprint, added: $0.added.iso8601, active: $0.active,
                retired: $0.retired?.iso8601)
        }
    }
}
