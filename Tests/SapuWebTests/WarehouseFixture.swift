import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SapuApp
import SapuCore
import SapuLabels
import SapuStore
import Testing
@testable import SapuWeb

/// What the warehouse pages need on a fixture site: labelled bundles, a registered partner,
/// and the partner's side of a shipment (its signed receipt), made by the same code as the CLI.
extension WebFixture {
    static let qc = Actor(operatorCode: "QC1", station: "meja-qc")

    /// `count` bundles of a new batch, passed grade A and labelled as PNG files.
    func labelledBundles(_ count: Int, product: String = "LIDI", maker: String = "M042") throws -> [LabelPrinting.Written] {
        if (try? store.makers().contains { $0.code == maker }) != true {
            try store.addMaker(Maker(code: maker, name: nil, active: true))
        }
        let batch = try store.createBatch(product: product, date: Self.day.date, at: Self.day).code
        let bundles = try store.inspect(batch: batch, maker: maker, result: .pass(.a), count: count, actor: Self.qc, at: Self.day)
        let outcome = try LabelPrinting.run(.init(selection: .bundles(bundles.map(\.id)), again: false, template: nil,
                                                  templateOverrides: nil, format: .png, skip: 0,
                                                  directory: directory + "/labels-" + batch, language: .id, actor: Self.qc,
                                                  now: Self.day), store: store)
        return outcome.written
    }

    /// Registers the partner PHC with a fresh key, as `sapu partner add` does; returns its private key.
    func registerPartner(code: String = "PHC") throws -> SigningKey {
        let key = try SigningKey.generate(site: code, keyID: "K1")
        _ = try store.addPartner(PartnerDraft(code: code, name: "CV. Pusat Handicraft", address: "Kroya, Cilacap"),
                                 keys: [key.publicKey], at: Self.day)
        return key
    }

    /// The partner's signed receipt after scanning `labels` against the manifest: its bytes and signature text.
    func receipt(manifest bytes: [UInt8], scanned labels: [String], partner key: SigningKey,
                 finished: Instant = Instant(iso8601: "2025-11-22T09:00:00+07:00")!) throws -> (receipt: [UInt8], signature: String) {
        let manifest = try ShipmentFiles.decodeManifest(bytes, path: "manifest.json")
        var verification = Verification(manifest: manifest, keys: try KeyRing([self.key.publicKey]))
        for label in labels { _ = verification.scan(label) }
        let receipt = Receipt(verification: verification, manifestSHA256: Digest.sha256Hex(bytes),
                              receiver: Site(code: key.publicKey.site, name: "CV. Pusat Handicraft"), key: key, finished: finished)
        let encoded = ShipmentFiles.encode(receipt)
        return (encoded, DetachedSignature(signing: encoded, with: key).text)
    }

    /// A page of labels photographed together: the label PNGs side by side on a grey card.
    static func photo(of labels: [LabelPrinting.Written]) throws -> [UInt8] {
        let images = try labels.map { try GrayImage(contentsOfFile: $0.file ?? "") }
        let margin = 40
        var card = GrayImage(width: images.reduce(margin) { $0 + $1.width + margin },
                             height: (images.map(\.height).max() ?? 0) + 2 * margin, filledWith: 200)
        var x = margin
        for image in images {
            card.draw(image, atX: x, y: margin)
            x += image.width + margin
        }
        return try card.png(dotsPerInch: 203)
    }

    /// Every event of a bundle.
    func history(_ id: String) throws -> [BundleEvent] {
        try store.history(of: try #require(BundleID(typed: id)))
    }
}

extension Browser {
    /// Posts a form as the page's script does: urlencoded, asking for JSON, the token in a header.
    func fetch(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await client.execute(uri: uri, method: .post, headers: headers([
            .contentType: "application/x-www-form-urlencoded", .accept: "application/json",
        ], csrfHeader: true), body: ByteBuffer(string: body))
    }

    /// Switches the user's pages to the other language.
    func switchLanguage(_ client: any TestClientProtocol) async throws {
        _ = try await post(client, "/language", [])
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        get throws {
            try #require(try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any], "\(text)")
        }
    }
    var bytes: [UInt8] { Array(body.readableBytesView) }
}
