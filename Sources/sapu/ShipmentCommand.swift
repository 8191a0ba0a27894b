import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

/// `sapu shipment`: open, close, ship, cancel and reconcile shipments.
struct ShipmentCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "shipment", abstract: Message.helpShipment.helpText,
        subcommands: [Create.self, List.self, Show.self, Close.self, Documents.self, Ship.self, Cancel.self, Reconcile.self]) }

    struct Create: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: Message.helpShipmentCreate.helpText, discussion: Message.helpShipmentCreateDiscussion.helpText) }
        @Option(help: Message.helpShipmentPartner.help) var partner: String?
        @Option(help: Message.helpShipmentTo.help) var to: String?
        @Option(help: Message.helpShipmentAddress.help) var address: String?
        @Option(help: Message.helpShipmentVehicle.help) var vehicle: String?
        @Option(help: Message.helpShipmentDriver.help) var driver: String?
        @Option(help: Message.helpShipmentReference.help) var ref: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let shipment = try ShipmentOpening.open(partner: partner, consignee: to, address: address, vehicle: vehicle,
                                                    driver: driver, reference: ref, store: try context.store(), at: context.now)
            if context.json {
                context.emit(ShipmentOutput(shipment))
            } else {
                Console.out(shipment.id)
            }
        }
    }

    struct List: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpShipmentList.helpText) }
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let shipments = try context.store().shipments()
            if context.json {
                context.emit(shipments.map(ShipmentOutput.init))
                return
            }
            context.table([.columnShipment, .columnDate, .columnConsignee, .columnCount, .columnStatus], shipments.map {
                [$0.id, $0.created.date.iso, $0.consignee, String($0.bundleCount), $0.status.message.text(context.language)]
            })
        }
    }

    struct Show: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpShipmentShow.helpText) }
        @Argument(help: Message.helpShipmentNumberExample.help) var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let store = try context.store()
            let shipment = try store.shipment(try ShipmentCommand.parse(id))
            let bundles = try store.bundles(inShipment: shipment.id)
            let documents = try store.documentRecord(ofShipment: shipment.id)
            let defects = DefectNames(try store.defects())
            let inForce = try store.receiptInForce(forShipment: shipment.id)
            if context.json {
                var output = ShipmentOutput(shipment)
                output.bundles = bundles.map(BundleOutput.init)
                output.documents = documents.map(DocumentsOutput.init)
                output.receipt = inForce.map { PartnerResultsOutput(stored: $0.stored, receipt: $0.receipt) }
                context.emit(output)
                return
            }
            context.say(.shipmentHeader(shipment))
            if let documents { context.say(.shipmentDocuments(directory: documents.directory, files: documents.names,
                                                              complete: documents.complete)) }
            if let (stored, receipt) = inForce {
                context.say(.shipmentReceiptInForce(partner: stored.partner, finished: context.clock.shown(stored.finished),
                                                    received: receipt.received.count, missing: receipt.missing.count,
                                                    disputed: receipt.disputedBundles.count, extra: receipt.extra.count,
                                                    forged: receipt.forged))
                for line in ReceiptFindings.lines(receipt) { context.say(line) }
            }
            context.table([.columnBundle, .columnProduct, .columnMaker, .columnResult, .columnState], bundles.map {
                [$0.id.description, $0.product, $0.maker, Message.result($0.result, defects: defects).text(context.language),
                 $0.state.message.text(context.language)]
            })
        }
    }

    struct Close: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpShipmentClose.helpText) }
        @Argument(help: Message.helpShipmentNumber.help) var id: String
        @Option(help: Message.helpShipmentCloseOut.help) var out: String = "."
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let closed = try ShipmentClosing.close(try ShipmentCommand.parse(id), store: try context.store(), into: out,
                                                   language: context.language, at: context.now)
            if context.json {
                context.emit(ClosedOutput(id: closed.shipment.id, manifest: closed.manifest, signature: closed.signature,
                                          csv: closed.csv, pdf: closed.pdf, manifestSHA256: closed.shipment.manifestSHA256 ?? "",
                                          alreadyClosed: closed.alreadyClosed))
                return
            }
            for path in closed.files { Console.out(path.visible) }
            context.say(closed.alreadyClosed ? .shipmentWasClosed(closed.shipment) : .shipmentClosed(closed.shipment))
        }
    }

    struct Documents: SapuCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Message.helpShipmentDocuments.helpText,
                                 discussion: Message.helpShipmentDocumentsDiscussion.helpText)
        }

        @Argument(help: Message.helpShipmentNumberExample.help) var id: String
        @Option(help: Message.helpShipmentDocumentsOut.help) var out: String = "."
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let id = try ShipmentCommand.parse(self.id)
            let paths = try ShipmentDocuments.writeAgain(id, store: try context.store(), into: out)
            context.noteSaved()
            if context.json {
                context.emit(DocumentsWrittenOutput(id: id, files: paths))
                return
            }
            for path in paths { Console.out(path.visible) }
            context.say(.shipmentDocumentsWrittenAgain(id))
        }
    }

    struct Ship: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpShipmentShip.helpText) }
        @Argument(help: Message.helpShipmentNumber.help) var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let shipment = try context.store().shipShipment(try ShipmentCommand.parse(id),
                                                            actor: try context.actor(operatorCode: nil, station: nil),
                                                            at: context.now)
            if context.json { context.emit(ShipmentOutput(shipment)) }
            context.say(.shipmentShipped(shipment))
        }
    }

    struct Cancel: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpShipmentCancel.helpText) }
        @Argument(help: Message.helpShipmentNumber.help) var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let shipment = try context.store().cancelShipment(try ShipmentCommand.parse(id),
                                                              actor: try context.actor(operatorCode: nil, station: nil),
                                                              at: context.now)
            if context.json { context.emit(ShipmentOutput(shipment)) }
            context.say(.shipmentCancelled(shipment))
        }
    }

    struct Reconcile: SapuCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            abstract: Message.helpShipmentReconcile.helpText, discussion: Message.helpShipmentReconcileDiscussion.helpText) }
        @Argument(help: Message.helpShipmentReceipt.help) var receipt: String
        @Option(help: Message.helpShipmentReceiptSignature.help) var signature: String?
        @Option(help: Message.helpShipmentReceiptPartner.help) var partner: String?
        @Option(help: Message.helpReconcileShipment.help) var shipment: String?
        /// Gone: keys come only from the partner registry. Still parsed so that it gets its own reason.
        @Option(name: [.customLong("partner-key"), .customLong("key")], help: .hidden) var partnerKey: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            if partnerKey != nil { throw .partnerKeyOptionRemoved }
            let meant = try shipment.map { (text) throws(SapuError) in try ShipmentCommand.parse(text) }
            let outcome = try Reconciliation.apply(receipt: receipt, signature: signature, partner: partner, shipment: meant,
                                                   store: try context.store(),
                                                   actor: try context.actor(operatorCode: nil, station: nil), at: context.now)
            if context.json {
                context.emit(ReconcileOutput(outcome))
                return
            }
            for line in outcome.report(clock: context.clock) { context.say(line) }
        }
    }

    /// A typed shipment number in canonical form.
    static func parse(_ text: String) throws(SapuError) -> String {
        guard let id = ShipmentID(typed: text) else { throw .unknownShipment(text) }
        return id.description
    }
}

struct ShipmentOutput: Encodable {
    var id: String
    var status: String
    var consignee: String
    var address: String?
    var vehicle: String?
    var driver: String?
    var reference: String?
    var created: String
    var closed: String?
    var shipped: String?
    var manifestSHA256: String?
    var bundleCount: Int
    var partner: String?
    var bundles: [BundleOutput]?
    var documents: DocumentsOutput?
    /// `shipment show`: what the partner's receipt in force says.
    var receipt: PartnerResultsOutput?

    init(_ shipment: Shipment) {
        id = shipment.id
        partner = shipment.partner
        status = shipment.status.rawValue
        consignee = shipment.consignee
        address = shipment.address
        vehicle = shipment.vehicle
        driver = shipment.driver
        reference = shipment.reference
        created = shipment.created.iso8601
        closed = shipment.closed?.iso8601
        shipped = shipment.shipped?.iso8601
        manifestSHA256 = shipment.manifestSHA256
        bundleCount = shipment.bundleCount
    }
}

/// The partner's receipt in force for a shipment, as `shipment show --json` prints it.
struct PartnerResultsOutput: Encodable {
    var partner, keyID, finished, sha256: String
    var received, receivedByHand, missing, disputed, extra, forged: Int
    var missingBundles, disputedBundles, extraBundles, forgedBundles: [String]
    var mismatchedBundles: [Verification.Mismatch]

    init(stored: StoredReceipt, receipt: Receipt) {
        partner = stored.partner
        keyID = stored.keyID
        finished = stored.finished.iso8601
        sha256 = stored.sha256
        received = receipt.received.count
        receivedByHand = receipt.receivedByHand.count
        missing = receipt.missing.count
        disputed = receipt.disputedBundles.count
        extra = receipt.extra.count
        forged = receipt.forged
        missingBundles = receipt.missing
        disputedBundles = receipt.disputedBundles
        extraBundles = receipt.extra
        forgedBundles = receipt.forgedBundles
        mismatchedBundles = receipt.mismatched
    }
}

/// `shipment documents --json`.
struct DocumentsWrittenOutput: Encodable {
    var id: String
    var files: [String]
}

/// `shipment close --json`.
struct ClosedOutput: Encodable {
    var id, manifest, signature, csv, pdf, manifestSHA256: String
    var alreadyClosed: Bool
}

/// Where a closed shipment's documents are.
struct DocumentsOutput: Encodable {
    var directory: String
    var files: [String]
    var complete: Bool

    init(_ record: ShipmentDocumentRecord) {
        directory = record.directory
        files = record.paths
        complete = record.complete
    }
}

/// `shipment reconcile --json`: the counts, who signed, and which bundles were typed by hand.
struct ReconcileOutput: Encodable {
    var id, status: String
    var changed, received, missing, disputed, extra, forged: Int
    var partner, keyID, fingerprint: String
    /// SHA-256 of the receipt file, and when the partner finished it.
    var receipt, finished: String
    /// `applied` (first receipt), `superseded` (replaced an older one) or `already-applied`.
    var effect: String
    /// The receipt this one replaced (its SHA-256), for `superseded`.
    var supersedes: String?
    var receivedVerified, receivedByHand: Int
    var receivedByHandBundles, missingBundles, disputedBundles: [String]
    /// The receipt's `extra` ids, and those of them that became `extra` now.
    var extraBundles, extraMarked: [String]
    /// The ids forged labels claimed, and those whose history got a note now.
    var forgedBundles, forgedNoted: [String]
    var mismatchedBundles: [Verification.Mismatch]
    /// Bundles an earlier receipt made `extra` that this one no longer names (still `extra`).
    var extraNoLongerNamed: [String]

    init(_ outcome: Reconciliation.Outcome) {
        let receipt = outcome.receipt
        id = outcome.shipment.id
        status = outcome.shipment.status.rawValue
        changed = outcome.changed
        received = receipt.received.count
        missing = receipt.missing.count
        disputed = outcome.outcomes.disputed.count
        extra = receipt.extra.count
        forged = receipt.forged
        partner = outcome.partner.code
        keyID = outcome.key.keyID
        fingerprint = outcome.key.fingerprint
        self.receipt = outcome.sha256
        finished = receipt.finished
        switch outcome.effect {
        case .applied: effect = "applied"
        case .superseded(let previous):
            effect = "superseded"
            supersedes = previous.sha256
        case .alreadyApplied: effect = "already-applied"
        }
        receivedVerified = outcome.outcomes.verified.count
        receivedByHand = outcome.outcomes.typed.count
        receivedByHandBundles = outcome.outcomes.typed.map(\.description)
        missingBundles = receipt.missing
        disputedBundles = outcome.outcomes.disputed.map(\.description)
        extraBundles = receipt.extra
        extraMarked = outcome.extras.filter { $0.effect == .marked }.map(\.bundle.description)
        forgedBundles = receipt.forgedBundles
        forgedNoted = outcome.forgedNoted.map(\.description)
        mismatchedBundles = receipt.mismatched
        extraNoLongerNamed = outcome.extrasNoLongerNamed.map(\.description)
    }
}
