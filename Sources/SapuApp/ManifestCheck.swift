import SapuCore
import SapuStore

/// A manifest whose signature, signer and claimed key have all been checked.
public struct CheckedManifest: Sendable {
    public let manifest: Manifest
    /// The file's exact bytes, which the signature covers.
    public let bytes: [UInt8]
    /// SHA-256 of `bytes`, hex: what a receipt names.
    public let sha256: String
    /// The key that signed it: the shipper site's key that the manifest names.
    public let key: PublicKey
}

/// The partner's first step: is this manifest what the shipper site signed?
public enum ManifestCheck {
    /// Checks the manifest's bytes against its detached signature and the partner's keys.
    ///
    /// In order, nothing of the manifest read before its signature holds:
    /// 1. the `.sig` text is a signature (else `manifestTampered`);
    /// 2. the ring has a key of the signature's site and key id (else `manifestUnknownKey`:
    ///    not altered, but the partner lacks the key, e.g. after a rotation);
    /// 3. that key signed exactly these bytes (else `manifestTampered`);
    /// 4. the manifest names that very key: `shipper.site`, `keyID` and `keyFingerprint`
    ///    are the signing key's (else `manifestSignerMismatch`). A genuine signature of
    ///    another workshop, or of another key than claimed, proves nothing about the
    ///    shipper the manifest names.
    public static func check(_ bytes: [UInt8], path: String, signature text: String, keys: KeyRing)
        throws(SapuError) -> CheckedManifest {
        guard let detached = DetachedSignature(text: text) else { throw .manifestTampered(path) }
        let key: PublicKey
        do throws(SapuError) {
            key = try detached.verify(bytes, keys: keys)
        } catch {
            if case .unknownKey(let site, let keyID) = error {
                throw .manifestUnknownKey(path: path, site: site, keyID: keyID)
            }
            throw .manifestTampered(path)
        }
        let manifest = try ShipmentFiles.decodeManifest(bytes, path: path)
        guard manifest.shipper.site == key.site, manifest.keyID == key.keyID,
              manifest.keyFingerprint == key.fingerprint else {
            throw .manifestSignerMismatch(
                path: path,
                claimed: "\(manifest.shipper.site ?? "?") \(manifest.keyID) (\(manifest.keyFingerprint))",
                signedBy: "\(key.site) \(key.keyID) (\(key.fingerprint))")
        }
        return CheckedManifest(manifest: manifest, bytes: bytes, sha256: Digest.sha256Hex(bytes), key: key)
    }
}
