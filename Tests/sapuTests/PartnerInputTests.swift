import Foundation
import Testing

/// What a clerk types when registering a partner ends up on every manifest and surat jalan.
@Suite("sapu: partner registration input")
struct PartnerInputTests {
    /// An escape sequence in the partner's name once reached the manifest's consignee and
    /// every table that lists shipments.
    @Test func aPartnerNameOrAddressWithAControlCharacterIsRefused() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        try Data(SapuRunner.partnerKeyFile.utf8).write(to: URL(fileURLWithPath: sapu.directory + "/PHC.pub"))
        let before = try sapu.dump()
        let name = try sapu.run("partner", "add", "PHC", "--name", "\u{1B}[31mCV\u{1B}[0m", "--key", "PHC.pub", "--lang", "en")
        #expect(name.status != 0)
        #expect(name.stderr == "error: partner name contains a control character: \"\\u{1B}[31mCV\\u{1B}[0m\"; type it again without it\n",
                "\(name.stderr)")
        let address = try sapu.run("partner", "add", "PHC", "--name", "CV", "--address", "Kroya\nCilacap", "--key", "PHC.pub")
        #expect(address.status != 0 && address.stderr.contains("alamat berisi karakter kendali"), "\(address.stderr)")
        #expect(try sapu.dump() == before)
        try sapu.ok("partner", "add", "PHC", "--name", "  CV. Pusat Handicraft ", "--key", "PHC.pub")
        #expect(try sapu.sql("SELECT name FROM partner") == ["CV. Pusat Handicraft"])
    }

    /// The partner sent its private key file by mistake: that is said, not "damaged".
    @Test func aPrivateKeyFileGivenAsThePartnersKeyIsNamedAsPrivate() throws {
        let (sapu, _) = try SapuRunner.workshop(partner: false)
        let partner = try SapuRunner()
        try partner.ok("init", "--site", "PHC", "--name", "CV. Pusat Handicraft")
        let before = try sapu.dump()
        let output = try sapu.run("partner", "add", "PHC", "--name", "CV", "--key", partner.directory + "/PHC.key", "--lang", "en")
        #expect(output.status != 0)
        #expect(output.stderr.contains("holds a PRIVATE key (sapu-ed25519-private), not a public key"), "\(output.stderr)")
        #expect(output.stderr.contains("sapu key rotate"))
        #expect(try sapu.dump() == before)
    }
}
