import ArgumentParser
import Foundation
import SapuApp
import SapuCore
import SapuLabels
import SapuStore

/// `sapu shipment`: open, close, ship, cancel and reconcile shipments.
struct ShipmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipment", abstract: "Shipments: open, pack (sapu scan --mode pack), close, ship, reconcile.",
        subcommands: [Create.self, List.self, Show.self, Close.self, Ship.self, Cancel.self, Reconcile.self])

    struct Create: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Open a shipment; prints its number.")
        @Option(help: "Consignee, e.g. \"CV. Pusat Handicraft\".") var to: String
        @Option(help: "Consignee's address.") var address: String?
        @Option(help: "Vehicle and plate number.") var vehicle: String?
        @Option(help: "Driver's name.") var driver: String?
        @Option(help: "Reference, e.g. the partner's order number.") var ref: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            // The store trims and checks the text (no control characters) for every front end.
            let shipment = try context.store().createShipment(
                ShipmentDraft(consignee: to, address: address, vehicle: vehicle, driver: driver, reference: ref), at: context.now)
            if context.json {
                context.emit(ShipmentOutput(shipment))
            } else {
                Console.out(shipment.id)
            }
        }
    }

    struct List: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "List shipments.")
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
        static let configuration = CommandConfiguration(abstract: "Show a shipment and its bundles.")
        @Argument(help: "Shipment number, e.g. 001/SJ/PWT/XI/2025.") var id: String
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let store = try context.store()
            let shipment = try store.shipment(try ShipmentCommand.parse(id))
            let bundles = try store.bundles(inShipment: shipment.id)
            if context.json {
                var output = ShipmentOutput(shipment)
                output.bundles = bundles.map(BundleOutput.init)
                context.emit(output)
                return
            }
            context.say(.shipmentHeader(shipment))
            context.table([.columnBundle, .columnProduct, .columnMaker, .columnResult, .columnState], bundles.map {
                [$0.id.description, $0.product, $0.maker, Message.result($0.result).text(context.language),
                 $0.state.message.text(context.language)]
            })
        }
    }

    struct Close: SapuCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a shipment: writes the signed manifest, the CSV and the surat jalan PDF.")
        @Argument(help: "Shipment number.") var id: String
        @Option(help: "Directory for the files.") var out: String = "."
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let store = try context.store()
            let shipmentID = try ShipmentCommand.parse(id)
            let site = try store.site()
            let key = try SiteSigner.current(store: store)
            let products = try store.products()
            let output = try OutputDirectory(out)
            let stem = ShipmentID(typed: shipmentID)?.fileStem ?? shipmentID
            var staged: OutputDirectory.Staged?
            let now = context.now
            let closed = try store.closeShipment(shipmentID, at: now) { (shipment, bundles) throws(SapuError) -> String in
                let manifest = try Manifest(shipment: shipment, site: site, bundles: bundles, products: products,
                                        key: key.publicKey, closed: now)
                let bytes = ShipmentFiles.encode(manifest)
                let signature = DetachedSignature(signing: bytes, with: key)
                let digest = Digest.sha256Hex(bytes)
                let document = ShipmentDocuments.suratJalan(manifest, digest: digest, language: context.language)
                staged = try output.stage([
                    (stem + ".manifest.json", bytes),
                    (stem + ".manifest.sig", Array(signature.text.utf8)),
                    (stem + ".csv", ShipmentFiles.csv(manifest, header: ShipmentDocuments.csvHeader(context.language))),
                    (stem + ".pdf", try SuratJalanRenderer.pdf(document)),
                ])
                return digest
            }
            guard let staged else { return }
            let paths = try output.commit(staged)
            if context.json {
                context.emit(["id": closed.id, "manifest": paths[0], "signature": paths[1], "csv": paths[2], "pdf": paths[3],
                              "manifestSHA256": closed.manifestSHA256 ?? ""])
                return
            }
            for path in paths { Console.out(path.visible) }
            context.say(.shipmentClosed(closed))
        }
    }

    struct Ship: SapuCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a closed shipment as gone with the driver.")
        @Argument(help: "Shipment number.") var id: String
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
        static let configuration = CommandConfiguration(abstract: "Cancel a shipment before it ships; bundles go back to stock.")
        @Argument(help: "Shipment number.") var id: String
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
        static let configuration = CommandConfiguration(
            abstract: "Apply the partner's signed receipt: bundles become received, missing or disputed.")
        @Argument(help: "The receipt file (ID.receipt.json); its .sig file must be beside it.") var receipt: String
        @Option(name: [.customLong("partner-key"), .customLong("key")], help: "The partner's public key file.")
        var partnerKey: String
        @Option(help: "The receipt's signature file (default: beside the receipt).") var signature: String?
        @OptionGroup var global: GlobalOptions

        func execute(_ context: Context) throws(SapuError) {
            let store = try context.store()
            let bytes = try ShipmentFiles.read(receipt)
            let ring = try KeyRing(keyFile: String(decoding: try ShipmentFiles.read(partnerKey), as: UTF8.self), path: partnerKey)
            let signaturePath = signature ?? ShipmentFiles.signaturePath(for: receipt)
            guard let detached = DetachedSignature(text: String(decoding: try ShipmentFiles.read(signaturePath), as: UTF8.self)) else {
                throw .receiptTampered(receipt)
            }
            do throws(SapuError) {
                try detached.verify(bytes, keys: ring)
            } catch {
                throw .receiptTampered(receipt)
            }
            let parsed = try ShipmentFiles.decodeReceipt(bytes, path: receipt)
            let shipment = try store.shipment(parsed.shipment)
            guard shipment.manifestSHA256 == parsed.manifestSHA256 else {
                throw .receiptForOtherShipment(receipt: parsed.shipment, shipment: shipment.id)
            }
            func ids(_ texts: [String]) throws(SapuError) -> [BundleID] {
                var result: [BundleID] = []
                for text in texts {
                    guard let id = BundleID(typed: text) else { throw .receiptUnreadable(receipt) }
                    result.append(id)
                }
                return result
            }
            let disputed = Array(Set(parsed.mismatched.map(\.bundle))).sorted()
            let (reconciled, changed) = try store.reconcile(
                shipment.id, received: try ids(parsed.received), missing: try ids(parsed.missing), disputed: try ids(disputed),
                clean: parsed.isClean, actor: try context.actor(operatorCode: nil, station: nil), at: context.now)
            if context.json {
                context.emit(ReconcileOutput(id: reconciled.id, status: reconciled.status.rawValue, changed: changed,
                                             received: parsed.received.count, missing: parsed.missing.count,
                                             disputed: disputed.count, extra: parsed.extra.count, forged: parsed.forged))
                return
            }
            context.say(.reconciled(reconciled, changed: changed, received: parsed.received.count,
                                    missing: parsed.missing.count, disputed: disputed.count, extra: parsed.extra.count,
                                    forged: parsed.forged))
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
    var bundles: [BundleOutput]?

    init(_ shipment: Shipment) {
        id = shipment.id
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

struct ReconcileOutput: Encodable {
    var id, status: String
    var changed, received, missing, disputed, extra, forged: Int
}
