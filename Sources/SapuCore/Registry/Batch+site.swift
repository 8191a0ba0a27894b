extension Batch {
    /// The site a batch code belongs to: `PWT` for `PWT251121A`, nil when the code is not
    /// shaped as `Batch.code(site:date:runOfDay:)` makes it.
    ///
    /// A batch code is `SITE` + six digits (`YYMMDD`) + one or more letters `A-Z`. Read from
    /// the end: drop the trailing letters, then exactly six digits; what is left is the site
    /// (1 to 6 characters of `0-9A-Z`). Reading from the end makes the split unique even for
    /// site codes that end in digits, so a label's batch names exactly one site, and only
    /// that site's keys can vouch for the label (docs/label-payload.md).
    public static func site(ofCode code: some StringProtocol) -> String? {
        let scalars = Array(code.unicodeScalars)
        var end = scalars.count
        while end > 0, ("A"..."Z").contains(scalars[end - 1]) { end -= 1 }
        guard end < scalars.count, end >= 6 else { return nil }
        let digits = scalars[(end - 6)..<end]
        guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        let site = scalars[..<(end - 6)]
        guard !site.isEmpty, site.count <= Code.limit(.site), site.allSatisfy(Code.isCodeCharacter) else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: site)
        return String(text)
    }
}
