/// A payload read from a label, with the signature to check and the bytes it signs.
public struct SignedLabel: Sendable, Equatable {
    /// What the label says; trust it only after `LabelCodec.verify`.
    public let payload: LabelPayload
    /// The 64-byte Ed25519 signature.
    public let signature: [UInt8]
    /// The exact bytes signed: the canonical text up to and including the space before
    /// the signature.
    public let message: [UInt8]

    /// The label's canonical text, as `LabelCodec.sign` writes it.
    public var text: String {
        String(decoding: message, as: UTF8.self) + Crockford.encode(signature)
    }
}
