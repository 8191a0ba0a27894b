/// A company the workshop ships to, with the public keys its receipts are signed with.
///
/// The workshop registers a partner's keys from the partner's own public key file and
/// confirms each fingerprint with the partner; a receipt counts only when signed by one
/// of them. No maker names here: a partner is a company, never a person at the site.
public struct Partner: Sendable, Equatable {
    /// The partner's own site code (what its `sapu init --site` chose), e.g. `PHC`.
    public var code: String
    public var name: String
    public var address: String?
    /// Every key ever registered for the partner, oldest first, retired ones included.
    public var keys: [PartnerKey]

    public init(code: String, name: String, address: String?, keys: [PartnerKey]) {
        self.code = code
        self.name = name
        self.address = address
        self.keys = keys
    }

    /// The registered key with that id, active or retired.
    public func key(_ keyID: String) -> PartnerKey? {
        keys.first { $0.key.keyID == keyID }
    }

    /// True while at least one key may sign new receipts.
    public var isActive: Bool { keys.contains(where: \.active) }
}

/// One public key registered for a partner.
public struct PartnerKey: Sendable, Equatable {
    public var key: PublicKey
    public var added: Instant
    /// When the workshop stopped accepting new receipts signed with it.
    public var retired: Instant?

    public init(key: PublicKey, added: Instant, retired: Instant?) {
        self.key = key
        self.added = added
        self.retired = retired
    }

    public var active: Bool { retired == nil }
}

/// What a clerk types to register a partner.
public struct PartnerDraft: Sendable, Equatable {
    public var code: String
    public var name: String
    public var address: String?

    public init(code: String, name: String, address: String? = nil) {
        self.code = code
        self.name = name
        self.address = address
    }
}
