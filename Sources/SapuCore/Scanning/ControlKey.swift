import Crypto

/// The site's secret for control codes: it tags each code on the command sheet so that a
/// station obeys only codes its own site printed (docs/scanning.md, "Control codes").
///
/// Only the site's own stations read control codes, so a keyed hash is enough: a short
/// tag keeps the QR symbol small, and the secret never leaves the site's database.
public struct ControlKey: Sendable {
    /// Bytes in the secret.
    public static let secretLength = 32
    /// Characters in a tag: the first 60 bits of the HMAC in Crockford Base32.
    public static let tagLength = 12

    private let key: SymmetricKey

    /// The key of a site whose 32-byte secret was kept earlier; nil for any other length.
    public init?(secret: [UInt8]) {
        guard secret.count == Self.secretLength else { return nil }
        key = SymmetricKey(data: secret)
    }

    /// The tag of a code: HMAC-SHA256 of its untagged payload, first 12 Crockford characters.
    public func tag(_ control: ControlCode) -> String {
        tag(text: control.untaggedPayload)
    }

    private func tag(text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)
        return String(Crockford.encode(Array(mac)).prefix(Self.tagLength))
    }

    /// The text to put in the QR code: the untagged payload, a space and the tag.
    public func payload(_ control: ControlCode) -> String {
        control.untaggedPayload + " " + tag(control)
    }

    /// The code if its tag is this site's, else why not: no tag at all (typed, or an old
    /// sheet) or a tag that does not match (another site's sheet, or altered).
    public func authenticate(_ scanned: ScannedControl) -> Result<ControlCode, ControlTagProblem> {
        guard let tag = scanned.tag else { return .failure(.missing) }
        // The tag covers the text as read, so a variant the site never printed (a number
        // without its leading zeros) does not verify either.
        let expected = Array(self.tag(text: scanned.untaggedText).utf8)
        let given = Array(tag.uppercased().utf8)
        guard given.count == expected.count else { return .failure(.mismatch) }
        // Constant time, so that a station's answer time says nothing about the right tag.
        var difference: UInt8 = 0
        for (left, right) in zip(given, expected) { difference |= left ^ right }
        return difference == 0 ? .success(scanned.code) : .failure(.mismatch)
    }
}

/// Why a control code's tag was not accepted.
public enum ControlTagProblem: Error, Sendable, Equatable {
    /// No tag: typed by hand, or from a sheet printed before control codes were tagged.
    case missing
    /// A tag that this site's secret did not make: another site's sheet, or altered.
    case mismatch
}
