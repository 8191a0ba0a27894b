import ArgumentParser
import SapuApp
import SapuCore
import SapuStore

/// `sapu partner`: the companies shipments go to, with the keys their receipts are signed with.
struct PartnerCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "partner", abstract: Message.helpPartner.helpText,
        subcommands: [Add.self, List.self, KeyCommands.self]) }

    struct Add: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: Message.helpPartnerAdd.helpText, discussion: Message.helpPartnerAddDiscussion.helpText) }
        @Argument(help: Message.helpPartnerNewCode.help) var code: String
        @Option(help: Message.helpPartnerName.help) var name: String
        @Option(help: Message.helpPartnerAddress.help) var address: String?
        @Option(help: Message.helpPartnerKeyFile.help) var key: String
        @Option(help: Message.helpPartnerFingerprint.help) var fingerprint: [String] = []
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpPartnerList.helpText) }
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
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "key", abstract: Message.helpPartnerKey.helpText,
            subcommands: [AddKey.self, Retire.self]) }
    }

    struct AddKey: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "add", abstract: Message.helpPartnerKeyAdd.helpText) }
        @Argument(help: Message.helpPartnerCode.help) var code: String
        @Option(help: Message.helpPartnerNewKeyFile.help) var key: String
        @Option(help: Message.helpPartnerNewFingerprint.help) var fingerprint: [String] = []
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
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpPartnerRetire.helpText) }
        @Argument(help: Message.helpPartnerCode.help) var code: String
        @Argument(help: Message.helpPartnerKeyID.help) var keyID: String
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
