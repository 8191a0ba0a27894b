/// The free text a user types besides codes: names, addresses, vehicle, driver.
///
/// Such text is printed on terminals, the surat jalan and reports, so it may hold any
/// letter but no control character (see `VisibleText.isControl`), and it has a length a
/// page can show.
public enum FreeText {
    /// The longest free text, in characters.
    public static let limit = 200

    /// The text without surrounding spaces, or nil when nothing is left; refuses control
    /// characters and text longer than `limit`.
    public static func check(_ raw: String?, as field: TextField) throws(SapuError) -> String? {
        guard let raw else { return nil }
        // Checked before trimming: a trailing line break is no more typed by a person than an ESC.
        if raw.unicodeScalars.contains(where: VisibleText.isControl) {
            throw .controlCharacterInText(field: field, value: raw)
        }
        let text = raw.strippingSpaces()
        guard text.count <= limit else { throw .textTooLong(field: field, limit: limit) }
        return text.isEmpty ? nil : text
    }

    /// As `check`, for text that must be given.
    public static func required(_ raw: String, as field: TextField) throws(SapuError) -> String {
        guard let text = try check(raw, as: field) else { throw .emptyText(field: field) }
        return text
    }
}

/// The kinds of free text a user types; each has its own name in messages.
public enum TextField: String, Sendable, Equatable, CaseIterable {
    case siteName, productName, makerName, defectName, consignee, address, vehicle, driver, reference, station, partnerName
    /// Why bundles are voided (`sapu bundle void --reason`).
    case voidReason
}
