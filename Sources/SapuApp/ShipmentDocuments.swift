import SapuCore
import SapuLabels

/// The surat jalan and CSV headings in the user's language, filled from a manifest.
public enum ShipmentDocuments {
    public static func csvHeader(_ language: Language) -> [String] {
        [Message.columnNumber, .columnBundle, .columnProduct, .columnBatch, .columnSerial, .columnMaker, .columnGrade,
         .columnQCDate, .columnLabel].map { $0.text(language) }
    }

    public static func suratJalan(_ manifest: Manifest, digest: String, language: Language) -> SuratJalan {
        let lang = language
        let closed = Instant(iso8601: manifest.closed)
        let date = closed.map { $0.date.iso } ?? manifest.closed
        var fields = [
            SuratJalan.Field(label: Message.sjDate.text(lang), value: date),
            SuratJalan.Field(label: Message.sjConsignee.text(lang), value: manifest.consignee.name),
        ]
        if let address = manifest.consignee.address { fields.append(.init(label: Message.sjAddress.text(lang), value: address)) }
        fields.append(.init(label: Message.sjVehicle.text(lang), value: manifest.vehicle ?? "-"))
        fields.append(.init(label: Message.sjDriver.text(lang), value: manifest.driver ?? "-"))
        if let reference = manifest.reference { fields.append(.init(label: Message.sjReference.text(lang), value: reference)) }

        var totals = manifest.totals.map { [$0.productName, $0.grade, String($0.bundles), String($0.brooms)] }
        totals.append([Message.sjTotal.text(lang), "", String(manifest.bundleCount), String(manifest.broomCount)])
        let bundles = manifest.bundles.enumerated().map { index, item in
            [String(index + 1), item.id, item.product, item.maker, item.grade]
        }
        return SuratJalan(
            title: Message.sjTitle.text(lang),
            number: "No. " + manifest.shipment,
            sender: manifest.shipper.name + " (" + (manifest.shipper.site ?? "") + ")",
            fields: fields,
            totals: .init(header: [Message.columnProduct, .columnGrade, .sjBundles, .sjBrooms].map { $0.text(lang) }, rows: totals),
            bundles: .init(header: [Message.columnNumber, .columnBundle, .columnProduct, .columnMaker, .columnGrade].map { $0.text(lang) },
                           rows: bundles),
            signatures: [Message.sjSender, .sjDriverSignature, .sjReceiver].map { $0.text(lang) },
            footer: [
                Message.sjKey(keyID: manifest.keyID, fingerprint: manifest.keyFingerprint).text(lang),
                Message.sjManifestHash(digest).text(lang),
                Message.sjHowToVerify(manifest: (ShipmentID(typed: manifest.shipment)?.fileStem ?? "ID") + ".manifest.json",
                                      key: (manifest.shipper.site ?? "SITE") + ".pub").text(lang),
            ],
            qrPayload: "SAPUM " + manifest.shipment.split(separator: "/").joined(separator: " ") + " " + digest.uppercased(),
            pageLabel: Message.sjPage.text(lang))
    }
}
