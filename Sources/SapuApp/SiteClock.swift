import Foundation
import SapuCore

/// The site's time zone: every event is stored with its offset, and every time is shown in it,
/// whatever the PC's `TZ` says (docs/database.md, "Times").
public struct SiteClock: Sendable {
    /// Where the workshop is unless `sapu init --time-zone` said otherwise.
    public static let standardIdentifier = "Asia/Jakarta"

    public let identifier: String
    private let zone: TimeZone

    /// The zone with an IANA name such as `Asia/Jakarta`, `Asia/Makassar` or `Asia/Jayapura`.
    public init(identifier: String) throws(SapuError) {
        // Only IANA names: `GMT+7` or an abbreviation would mean nothing to a later reader.
        // Indonesia's zones have kept one offset since 1964: a machine without the zone database
        // still keeps them.
        guard identifier.contains("/") || identifier == "UTC",
              let zone = TimeZone(identifier: identifier) ?? Self.indonesianOffsets[identifier].flatMap(TimeZone.init(secondsFromGMT:))
        else { throw .unknownTimeZone(identifier) }
        self.identifier = identifier
        self.zone = zone
    }

    /// Jakarta, the default.
    public static let standard = SiteClock(
        identifier: standardIdentifier,
        zone: TimeZone(identifier: standardIdentifier) ?? TimeZone(secondsFromGMT: 25_200) ?? .gmt)

    private init(identifier: String, zone: TimeZone) {
        self.identifier = identifier
        self.zone = zone
    }

    /// This moment with the site's offset at that moment.
    public func local(_ instant: Instant) -> Instant {
        Instant(unixSeconds: instant.unixSeconds, utcOffset: offset(at: instant.unixSeconds))
    }

    /// Now on the site's clock; `fixed` (from `SAPU_NOW`) stands for the current moment.
    public func now(fixed: Instant? = nil) -> Instant {
        local(fixed ?? Instant(unixSeconds: Int64(Date().timeIntervalSince1970), utcOffset: 0))
    }

    /// `2026-12-01 09:14:03 WIB`: a moment as people at the site read it.
    public func shown(_ instant: Instant) -> String {
        let local = local(instant)
        return local.shown + " " + (Self.indonesianZones[identifier] ?? letters(at: instant) ?? local.offsetText)
    }

    /// Indonesia's zones and their offsets, in seconds east of UTC.
    private static let indonesianOffsets = [
        "Asia/Jakarta": 25_200, "Asia/Pontianak": 25_200, "Asia/Makassar": 28_800, "Asia/Jayapura": 32_400,
    ]

    /// The names Indonesia gives its zones, which the zone database does not know.
    private static let indonesianZones = [
        "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT",
    ]

    /// The zone's abbreviation when it is a name (`CET`), not an offset (`GMT+7`).
    private func letters(at instant: Instant) -> String? {
        let abbreviation = zone.abbreviation(for: Date(timeIntervalSince1970: TimeInterval(instant.unixSeconds)))
        return abbreviation.flatMap { $0.allSatisfy { $0.isASCII && $0.isLetter } && !$0.hasPrefix("GMT") ? $0 : nil }
    }

    private func offset(at unixSeconds: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }
}
