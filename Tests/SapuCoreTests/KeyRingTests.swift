import SapuCore
import Testing

@Suite struct KeyRingTests {
    @Test func publicKeyFileRoundTripsEveryKey() throws {
        let ring = try KeyRing([DemoKeys.k1.publicKey, DemoKeys.k2.publicKey])
        let reread = try KeyRing(keyFile: ring.keyFile, path: "pwt.pub")
        #expect(reread == ring)
        #expect(reread.keys.map(\.keyID) == ["K1", "K2"])
    }

    @Test func publicKeyLineIsTagSiteKeyIDAndBase32() {
        #expect(DemoKeys.k1.publicKey.keyFileLine == DemoKeys.publicKeyLine)
    }

    /// docs/keys.md's PEM of the demo key, computed with Python (DER prefix + base64).
    @Test func pemIsTheStandardSubjectPublicKeyInfo() {
        #expect(DemoKeys.k1.publicKey.pem == """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEAJBePK/BpJUuKCYmprcKy9b8Cd/7o/j9grCjHIQxZCy4=
            -----END PUBLIC KEY-----

            """)
        #expect(DemoKeys.bgrK1.publicKey.pem.contains("MCowBQYDK2VwAyEAwuWZ39Z+4IoRf2c9YMKqe9BuJad0wGvUdXpy0jygaZY="))
        #expect(DemoKeys.k1.publicKey.subjectPublicKeyInfo.count == 44)
        #expect(DemoKeys.k2.publicKey.pemFileName == "PWT-K2.pem")
    }

    @Test func fingerprintIsFourGroupsOfFourFromTheKeysSHA256() {
        #expect(DemoKeys.k1.publicKey.fingerprint == DemoKeys.fingerprint)
    }

    @Test func readsKeyFilesWithCommentsBlankLinesTabsAndCRLF() throws {
        let text = "# keys from PWT\r\n\r\n  \(DemoKeys.publicKeyLine)  \r\n\t# rotated\n"
            + DemoKeys.k2.publicKey.keyFileLine.replacingSpaces(with: "\t") + "\n"
        let ring = try KeyRing(keyFile: text, path: "pwt.pub")
        #expect(ring.keys == [DemoKeys.k1.publicKey, DemoKeys.k2.publicKey])
    }

    @Test func readsLowerCaseCodesAsUpperCase() throws {
        let line = "sapu-ed25519 pwt k1 " + DemoKeys.publicKeyLine.split(separator: " ")[3].lowercased()
        let ring = try KeyRing(keyFile: line, path: "pwt.pub")
        #expect(ring.keys == [DemoKeys.k1.publicKey])
    }

    @Test func namesTheFileAndLineOfAnUnreadableKey() {
        let truncated = String(DemoKeys.publicKeyLine.dropLast(2))
        #expect(throws: SapuError.keyUnreadable(path: "pwt.pub:3")) {
            try KeyRing(keyFile: "# PWT\n\n\(truncated)\n", path: "pwt.pub")
        }
        #expect(throws: SapuError.keyUnreadable(path: "pwt.pub:1")) {
            try KeyRing(keyFile: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 user@host", path: "pwt.pub")
        }
    }

    @Test func refusesAPrivateKeyInAPublicKeyFile() {
        #expect(throws: SapuError.keyFileWrongKind(path: "pwt.pub:1", holdsPrivate: true)) {
            try KeyRing(keyFile: DemoKeys.k1.keyFileLine, path: "pwt.pub")
        }
    }

    @Test func refusesTwoDifferentKeysWithOneSiteAndKeyID() throws {
        let impostor = try SigningKey.generate(site: "PWT", keyID: "K1")
        #expect(throws: SapuError.duplicate(kind: .key, value: "PWT K1")) {
            try KeyRing([DemoKeys.k1.publicKey, impostor.publicKey])
        }
    }

    /// A partner who buys from two workshops keeps both in one file, and both have a K1.
    @Test func holdsTwoSitesKeysWithTheSameKeyIDApart() throws {
        let ring = try KeyRing([DemoKeys.k1.publicKey, DemoKeys.bgrK1.publicKey])
        #expect(ring[site: "PWT", keyID: "K1"] == DemoKeys.k1.publicKey)
        #expect(ring[site: "BGR", keyID: "K1"] == DemoKeys.bgrK1.publicKey)
        #expect(ring.sites == ["PWT", "BGR"])
        let reread = try KeyRing(keyFile: ring.keyFile, path: "partner.pub")
        #expect(reread == ring)
    }

    @Test func addingTheSameKeyTwiceKeepsOne() throws {
        let ring = try KeyRing([DemoKeys.k1.publicKey, DemoKeys.k1.publicKey])
        #expect(ring.keys.count == 1)
    }

    @Test func findsKeysBySiteAndID() throws {
        let ring = try KeyRing([DemoKeys.k1.publicKey, DemoKeys.k2.publicKey])
        #expect(ring[site: "PWT", keyID: "K2"] == DemoKeys.k2.publicKey)
        #expect(ring[site: "PWT", keyID: "K3"] == nil)
        #expect(ring[site: "BGR", keyID: "K1"] == nil)
    }

    @Test func nextKeyIDFollowsTheHighestNumberNotTheTextOrder() {
        #expect(PublicKey.nextKeyID(after: []) == "K1")
        #expect(PublicKey.nextKeyID(after: ["K1"]) == "K2")
        #expect(PublicKey.nextKeyID(after: ["K2", "K1"]) == "K3")
        #expect(PublicKey.nextKeyID(after: ["K1", "K10", "K9"]) == "K11")
        #expect(PublicKey.number(ofKeyID: "K01") == nil && PublicKey.number(ofKeyID: "KX") == nil)
    }

    @Test func privateKeyFileRoundTripsOldestFirst() throws {
        let text = SigningKey.keyFile([DemoKeys.k1, DemoKeys.k2])
        let keys = try SigningKey.keys(fromKeyFile: text, path: "pwt.key")
        #expect(keys == [DemoKeys.k1, DemoKeys.k2])
        #expect(DemoKeys.k1.keyFileLine == DemoKeys.privateKeyLine)
    }

    @Test func refusesAPublicKeyInAPrivateKeyFile() {
        #expect(throws: SapuError.keyFileWrongKind(path: "pwt.key:1", holdsPrivate: false)) {
            try SigningKey.keys(fromKeyFile: DemoKeys.publicKeyLine, path: "pwt.key")
        }
    }

    @Test func signingKeyRoundTripsThroughItsRawBytes() throws {
        let key = try SigningKey.generate(site: "pwt", keyID: "k7")
        let again = try SigningKey(site: "PWT", keyID: "K7", rawRepresentation: key.rawRepresentation)
        #expect(again == key)
        #expect(again.publicKey == key.publicKey)
        #expect(key.rawRepresentation.count == 32)
        #expect(key.publicKey.rawRepresentation.count == 32)
    }

    @Test func refusesKeyBytesOfTheWrongLength() {
        #expect(throws: SapuError.malformedField("key")) {
            try SigningKey(site: "PWT", keyID: "K1", rawRepresentation: [1, 2, 3])
        }
        #expect(throws: SapuError.malformedField("key")) {
            try PublicKey(site: "PWT", keyID: "K1", rawRepresentation: [UInt8](repeating: 0, count: 31))
        }
    }

    @Test func refusesKeyIDsLongerThanTheKeyCodeLimit() {
        #expect(throws: SapuError.codeTooLong(kind: .key, value: "K1000", limit: 4)) {
            try SigningKey.generate(site: "PWT", keyID: "K1000")
        }
    }
}

extension String {
    fileprivate func replacingSpaces(with separator: String) -> String {
        split(separator: " ").joined(separator: separator)
    }
}
