/// Writes, reads and verifies label payloads in the `SAPU1` text format.
///
/// `SAPU1 K1 TLIDI BPWT251121A S0042 MM042 D251121 QA R1 <signature>`: tokens separated
/// by one space, only `0-9`, `A-Z` and space, so that the QR code uses alphanumeric mode
/// and a keyboard-wedge scanner types it alike on any layout. docs/label-payload.md
/// describes the format and the reading rules.
public enum LabelCodec {
    /// The first token of every payload this version writes.
    public static let version = "SAPU1"

    /// Characters in an Ed25519 signature: 64 bytes in Crockford Base32.
    public static let signatureLength = Crockford.encodedLength(byteCount: 64)

    /// The longest payload: every code at its limit, the largest serial and revision,
    /// and `LabelPayload.maximumDefects` defects. Templates size their QR symbol for it.
    public static var maximumLength: Int {
        let tokens = [
            version.count,
            Code.limit(.key),
            1 + Code.limit(.product),
            1 + Code.limit(.batch),
            1 + String(LabelPayload.serials.upperBound).count,
            1 + Code.limit(.maker),
            1 + 6,
            2,
        ] + Array(repeating: 1 + Code.limit(.defect), count: LabelPayload.maximumDefects) + [
            1 + String(LabelPayload.revisions.upperBound).count,
            signatureLength,
        ]
        return tokens.reduce(0, +) + tokens.count - 1
    }

    /// The text the signature covers, ending with the space before the signature.
    public static func message(for payload: LabelPayload) -> String {
        var tokens = [
            version,
            payload.keyID,
            "T" + payload.product,
            "B" + payload.batch,
            "S" + BundleID.format(serial: payload.serial),
            "M" + payload.maker,
            "D" + payload.inspected.compact,
        ]
        switch payload.result {
        case .pass(let grade):
            tokens.append("Q" + grade.rawValue)
        case .fail(let defects):
            tokens.append("QF")
            tokens += defects.map { "X" + $0 }
        }
        tokens.append("R" + String(payload.revision))
        return tokens.joined(separator: " ") + " "
    }

    /// The full payload text for the label's QR code, signed with the site's key.
    ///
    /// The payload must name the key that signs it (`payload.keyID == key.keyID`).
    public static func sign(_ payload: LabelPayload, with key: SigningKey) -> String {
        precondition(payload.keyID == key.keyID,
                     "payload names key \(payload.keyID) but is signed with \(key.keyID)")
        let message = Array(message(for: payload).utf8)
        return String(decoding: message, as: UTF8.self) + Crockford.encode(key.signature(for: message))
    }

    /// Checks the label's signature with the ring's key of the label's site and key id.
    ///
    /// The site is the one its batch belongs to (`Batch.site(ofCode:)`): another site's key
    /// never vouches for a `BPWT...` label, even one with the same key id. Throws
    /// `unknownKey(site:keyID:)` if the ring has no such key, `badSignature` if that key did
    /// not sign exactly these bytes.
    public static func verify(_ label: SignedLabel, keys: KeyRing) throws(SapuError) {
        let site = label.payload.site
        guard let key = keys[site: site, keyID: label.payload.keyID] else {
            throw .unknownKey(site: site, keyID: label.payload.keyID)
        }
        guard key.isValidSignature(label.signature, for: label.message) else { throw .badSignature }
    }

    /// Parses and verifies what a scanner read, returning the payload it vouches for.
    public static func read(_ scanned: String, keys: KeyRing) throws(SapuError) -> LabelPayload {
        let label = try parse(scanned)
        try verify(label, keys: keys)
        return label.payload
    }
}
