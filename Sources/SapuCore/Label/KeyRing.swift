/// The public keys a reader trusts, by key id: a site's current key and those it rotated out.
public struct KeyRing: Sendable, Equatable {
    /// The keys in the order they were added, oldest first.
    public private(set) var keys: [PublicKey] = []

    /// An empty ring, which verifies nothing.
    public init() {}

    /// A ring of these keys; throws `duplicate` if two different keys share a key id.
    public init(_ keys: [PublicKey]) throws(SapuError) {
        for key in keys {
            try add(key)
        }
    }

    /// Adds a key; adding the same key again changes nothing.
    ///
    /// A label names its key by id only, so two different keys with one id would be
    /// ambiguous: that throws `duplicate(kind: .key, value: keyID)`.
    public mutating func add(_ key: PublicKey) throws(SapuError) {
        if let known = self[key.keyID] {
            guard known == key else { throw .duplicate(kind: .key, value: key.keyID) }
            return
        }
        keys.append(key)
    }

    /// The key with that id, if the ring holds it.
    public subscript(keyID: String) -> PublicKey? {
        keys.first { $0.keyID == keyID }
    }

    /// The id for the next key after a rotation: `K1` for an empty ring, then `K2`, `K3`...
    public var nextKeyID: String {
        let numbers = keys.compactMap { key -> Int? in
            guard key.keyID.hasPrefix("K") else { return nil }
            return Int(key.keyID.dropFirst())
        }
        return "K\((numbers.max() ?? 0) + 1)"
    }
}
