import Foundation
import SapuApp
import SapuCore
import SapuStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

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
        try files.createPrivate(key)
        try files.writePublic(try KeyRing([key.publicKey]))
        store = try SQLiteStore.create(at: path, site: Site(code: site, name: "Lapas"),
                                       key: StoredKey(keyID: "K1", site: site, raw: key.publicKey.rawRepresentation),
                                       at: Self.day)
    }

    /// The private key file's keys by id.
    func fileKeyIDs() throws -> [String] { try files.signingKeys().map(\.keyID) }

    /// Files in the site's directory, hidden ones included.
    func directoryEntries() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory))
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
        // A different key under the site's own code and id, copied over the site's key file.
        let stranger = try SigningKey.generate(site: "PWT", keyID: "K1")
        try site.files.writePrivate([stranger])
        #expect(throws: SapuError.keyFileUnknownKey(path: site.files.privatePath, keyID: "K1")) {
            try SiteSigner.current(store: site.store)
        }
    }

    @Test func refusesAnotherSitesKeyFilePutInPlace() throws {
        let site = try TemporarySite()
        let other = try SigningKey.generate(site: "BGR", keyID: "K1")
        try site.files.writePrivate([other])
        #expect(throws: SapuError.keyFileOtherSite(path: site.files.privatePath, found: "BGR", site: "PWT")) {
            try SiteSigner.current(store: site.store)
        }
    }

    @Test(arguments: [0o640, 0o604, 0o620, 0o602, 0o644, 0o666])
    func refusesAPrivateKeyFileThatOthersCanReadOrWrite(mode: Int) throws {
        let site = try TemporarySite()
        #expect(chmod(site.files.privatePath, mode_t(mode)) == 0)
        #expect(throws: SapuError.keyFilePermissions(path: site.files.privatePath)) {
            try SiteSigner.current(store: site.store)
        }
        let message = SapuError.keyFilePermissions(path: site.files.privatePath).message
        #expect(message.text(.en).contains("chmod 600 \(site.files.privatePath)"))
        #expect(message.text(.id).contains("chmod 600 \(site.files.privatePath)"))
        #expect(chmod(site.files.privatePath, 0o600) == 0)
        #expect(try SiteSigner.current(store: site.store) == site.key)
    }

    @Test func signsWithTheCurrentKeyWhateverTheOrderOfTheKeyFile() throws {
        let site = try TemporarySite()
        let rotated = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        let keys = try site.files.signingKeys()
        // The newest key first in the file: "the last line is current" no longer decides.
        try site.files.writePrivate(keys.reversed())
        #expect(try SiteSigner.current(store: site.store).keyID == rotated.key.keyID)
        #expect(try SiteSigner.current(store: site.store).publicKey == rotated.key)
    }

    @Test func keyTenIsCurrentAfterKeyNine() throws {
        let site = try TemporarySite()
        // Ten rotations within one second: neither the time nor the text order of ids tells K10 from K2.
        for _ in 2...10 { _ = try KeyRotation.rotate(store: site.store, at: TemporarySite.day) }
        #expect(try site.store.publicKeys().map(\.keyID) == (1...10).map { "K\($0)" })
        #expect(try site.store.currentKey().keyID == "K10")
        #expect(try SiteSigner.current(store: site.store).keyID == "K10")
        #expect(try KeyRotation.rotate(store: site.store, at: TemporarySite.day).key.keyID == "K11")
    }

    @Test func aKeyFileMissingTheCurrentKeyIsRefused() throws {
        let site = try TemporarySite()
        let keys = try site.files.signingKeys()
        _ = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        // The file restored from a backup taken before the rotation.
        try site.files.writePrivate(keys)
        #expect(throws: SapuError.signingKeyNotRegistered(path: site.files.privatePath, keyID: "K2")) {
            try SiteSigner.current(store: site.store)
        }
    }
}

@Suite("Key rotation")
struct KeyRotationTests {
    @Test func eachRotationAddsTheNextKeyToBothFilesAndTheDatabase() throws {
        let site = try TemporarySite()
        let second = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        let third = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        #expect(second.key.keyID == "K2" && second.newKey)
        #expect(third.key.keyID == "K3" && third.newKey)
        try expectAgreement(site, keyIDs: ["K1", "K2", "K3"], current: "K3")
    }

    /// The reported bug: killed after writing the key files, K2 is in the files only; the next
    /// rotation made K3 and K2 was never registered.
    @Test func aKeyLeftInTheFileByAKilledRotationIsRegisteredNotSkipped() throws {
        let site = try TemporarySite()
        let k2 = try SigningKey.generate(site: "PWT", keyID: "K2")
        try site.files.writePrivate([site.key, k2])
        // Meanwhile every signer keeps using K1, which the database still calls current.
        #expect(try SiteSigner.current(store: site.store) == site.key)
        let resumed = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        #expect(resumed.key == k2.publicKey && !resumed.newKey)
        try expectAgreement(site, keyIDs: ["K1", "K2"], current: "K2")
        #expect(try SiteSigner.current(store: site.store) == k2)
    }

    @Test func aPublicFileLeftBehindTheDatabaseIsBroughtUpToDateWithoutANewKey() throws {
        let site = try TemporarySite()
        _ = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        try site.files.writePublic(try KeyRing([site.key.publicKey]))
        let completed = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        #expect(completed.key.keyID == "K2" && !completed.newKey)
        try expectAgreement(site, keyIDs: ["K1", "K2"], current: "K2")
        #expect(try KeyRotation.rotate(store: site.store, at: TemporarySite.day).key.keyID == "K3")
    }

    @Test func temporaryFilesOfAKilledRunAreRemoved() throws {
        let site = try TemporarySite()
        let before = try site.directoryEntries()
        for name in [".PWT.key.tmp", ".PWT.pub.tmp"] {
            #expect(FileManager.default.createFile(atPath: site.directory + "/" + name, contents: Data("half".utf8)))
        }
        _ = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        #expect(try site.directoryEntries().subtracting(before) == ["PWT.key.lock"])
    }

    @Test func theNewPrivateKeyFileIsOwnerOnly() throws {
        let site = try TemporarySite()
        _ = try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        var status = stat()
        #expect(stat(site.files.privatePath, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func rotationRefusesAnotherSitesKeyFileAndChangesNothing() throws {
        let site = try TemporarySite()
        try site.files.writePrivate([try SigningKey.generate(site: "BGR", keyID: "K1")])
        #expect(throws: SapuError.keyFileOtherSite(path: site.files.privatePath, found: "BGR", site: "PWT")) {
            try KeyRotation.rotate(store: site.store, at: TemporarySite.day)
        }
        #expect(try site.store.publicKeys().map(\.keyID) == ["K1"])
    }

    private func expectAgreement(_ site: TemporarySite, keyIDs: [String], current: String,
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stored = try site.store.publicKeys()
        #expect(stored.map(\.keyID) == keyIDs, sourceLocation: sourceLocation)
        #expect(stored.filter(\.current).map(\.keyID) == [current], sourceLocation: sourceLocation)
        let privateKeys = try site.files.signingKeys()
        #expect(privateKeys.map(\.keyID) == keyIDs, sourceLocation: sourceLocation)
        #expect(privateKeys.map(\.publicKey.rawRepresentation) == stored.map(\.raw), sourceLocation: sourceLocation)
        let ring = try #require(site.files.publicKeys(), sourceLocation: sourceLocation)
        #expect(ring.keys == privateKeys.map(\.publicKey), sourceLocation: sourceLocation)
    }
}
