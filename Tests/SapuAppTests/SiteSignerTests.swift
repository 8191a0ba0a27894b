import Foundation
import SapuApp
import SapuCore
import SapuStore
import Testing

/// A site made the way `sapu init` makes it: database and key files side by side.
struct TemporarySite {
    let directory: String
    let store: SQLiteStore
    let files: KeyFiles
    let key: SigningKey
    static let day = Instant(iso8601: "2025-11-21T08:00:00+07:00")!

    init(site: String = "PWT") throws {
        directory = NSTemporaryDirectory() + "sapu-app-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/sapu.sqlite"
        key = try SigningKey.generate(site: site, keyID: "K1")
        files = KeyFiles(databasePath: path, site: site)
        try files.create(key)
        store = try SQLiteStore.create(at: path, site: Site(code: site, name: "Lapas"),
                                       key: StoredKey(keyID: "K1", site: site, raw: key.publicKey.rawRepresentation),
                                       at: Self.day)
    }
}

@Suite("Site signer")
struct SiteSignerTests {
    @Test func signsWithTheKeyTheDatabaseRegisters() throws {
        let site = try TemporarySite()
        #expect(try SiteSigner.current(store: site.store) == site.key)
    }

    @Test func refusesAKeyFileTheDatabaseDoesNotKnow() throws {
        let site = try TemporarySite()
        // Another site's key with the same id, copied over the site's key file.
        let stranger = try SigningKey.generate(site: "PWT", keyID: "K1")
        try site.files.replace(with: [stranger])
        #expect(throws: SapuError.signingKeyNotRegistered(path: site.files.privatePath)) {
            try SiteSigner.current(store: site.store)
        }
    }
}
