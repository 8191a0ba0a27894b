/// The public keys a reader trusts, by site and key id: each site's current key and those
/// it rotated out.
///
/// A partner who buys from two workshops keeps both in one ring, and both workshops have a
/// `K1`: a key is therefore always looked up by (site, key id), never by key id alone, and
/// a document counts as genuine only under a key of the site it claims to come from.
public struct KeyRing: Sendable, Equatable {
    /// The keys in the order they were added, oldest first.
    public private(set) var keys: [PublicKey] = []

    /// An empty ring, which verifies nothing.
    public init() {}

    /// A ring of these keys; throws `duplicate` if two different keys share a site and key id.
    public init(_ keys: [PublicKey]) throws(SapuError) {
        for key in keys {
            try add(key)
        }
    }

    /// Adds a key; adding the same key again changes nothing.
    ///
    /// A label names its key by id, and its site by its batch: two different keys with
    /// one site and id would be ambiguous, so that throws
    /// `duplicate(kind: .key, value: "PWT K1")`.
    public mutating func add(_ key: PublicKey) throws(SapuError) {
        if let known = self[site: key.site, keyID: key.keyID] {
            guard known == key else { throw .duplicate(kind: .key, value: "\(key.site) \(key.keyID)") }
            return
        }
        keys.append(key)
    }

    /// The key of that site with that id, if the ring holds it.
    public subscript(site site: String, keyID keyID: String) -> PublicKey? {
        keys.first { $0.site == site && $0.keyID == keyID }
    }

    /// The sites the ring holds keys of, in the order their first key was added.
    public var sites: [String] {
        var seen: [String] = []
        for key in keys where !seen.contains(key.site) { seen.append(key.site) }
        return seen
    }

    /// The ring's keys of one site only.
    public func keys(of site: String) -> [PublicKey] {
        keys.filter { $0.site == site }
    }
}

extension PublicKey {
    /// The number in a key id `K<number>` (`K10` → 10), nil for other ids.
    ///
    /// Rotation numbers keys `K1`, `K2`, ... with no gaps; ordering by this number rather
    /// than by text keeps `K10` after `K2`.
    public static func number(ofKeyID keyID: String) -> Int? {
        guard keyID.hasPrefix("K"), keyID.count > 1,
              keyID.dropFirst().unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              !keyID.dropFirst().hasPrefix("0") else { return nil }
        return Int(keyID.dropFirst())
    }

    /// The id a rotation gives the next key after these: `K1` for none, else one more than the highest.
    public static func nextKeyID(after keyIDs: [String]) -> String {
        "K\((keyIDs.compactMap(number(ofKeyID:)).max() ?? 0) + 1)"
    }
}
