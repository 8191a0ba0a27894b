import SapuCore
import SapuHub
import SapuStore

/// `sapu hub init` and `sapu hub site add`: setting up the hub and telling it which sites,
/// with which keys, may send their logs (docs/hub.md, "Setting up a hub").
public enum HubSetup {
    /// Creates the hub's schema, or brings it up to date.
    public static func initialise(url text: String) async throws(SapuError) -> HubSchema.Initialised {
        let url = try HubURL(text)
        return try await HubConnection.with(url) { hub throws(SapuError) in try await HubSchema.initialise(hub) }
    }

    /// Registers a site with the keys of its public key file (`sapu key export`): its current
    /// key, and after a rotation the new one too. Fingerprints given must all match.
    public static func addSite(_ code: String, keyFile path: String, fingerprints: [String], url text: String)
        async throws(SapuError) -> HubLedger.Registered {
        let site = try Code.normalise(code, as: .site)
        let url = try HubURL(text)
        let ring = try KeyRing(keyFile: String(decoding: try ShipmentFiles.read(path), as: UTF8.self), path: path)
        do throws(SapuError) {
            try PartnerRegistration.confirm(ring.keys(of: site), fingerprints: fingerprints)
        } catch .partnerFingerprintMismatch(let site, let keyID, let fingerprint) {
            // The same check as for a partner's key; the message names a site, not a partner.
            throw .hub(.fingerprintMismatch(site: site, keyID: keyID, fingerprint: fingerprint))
        }
        return try await HubConnection.with(url) { hub throws(SapuError) in
            try await HubLedger.register(site: site, keys: ring, source: path, hub: hub)
        }
    }
}
