import SapuCore

extension LabelTemplate {
    /// Refuses values no printer can honour, naming every offending field (one line each
    /// in the message), and a QR symbol that does not fit beside its text.
    public func validate() throws(SapuError) {
        var bad: [String] = []
        func require(_ condition: Bool, _ field: String) {
            if !condition { bad.append(field) }
        }
        require(!name.isEmpty && name.allSatisfy(Self.isNameCharacter), "name")
        require((100...1200).contains(dpi), "dpi")
        require(Self.isLength(label.widthMM) && label.widthMM <= 1000, "label.widthMM")
        require(Self.isLength(label.heightMM) && label.heightMM <= 1000, "label.heightMM")
        // A check that depends on another field is made only when that field is possible,
        // so one mistake is named once.
        let sized = !bad.contains("label.widthMM") && !bad.contains("label.heightMM")
        require(marginMM.isFinite && marginMM >= 0 && (!sized || 2 * marginMM < min(label.widthMM, label.heightMM)),
                "marginMM")
        require((1...40).contains(qr.version), "qr.version")
        require(qr.quietZone >= 4 && qr.quietZone <= 40, "qr.quietZone")
        // Below 4 dots a module smears on a 203 or 300 dpi head; finer heads may go lower
        // but never under the same physical size (4 dots at 300 dpi).
        let minimumModuleDots = dpi <= 300 || bad.contains("dpi") ? 4 : Int((4.0 * Double(dpi) / 300).rounded(.up))
        require(qr.moduleDots >= minimumModuleDots && qr.moduleDots <= 100, "qr.moduleDots")

        // A sheet goes to an office printer, which prints pages, not label languages.
        require(kind == .thermal || !(printerLanguage?.isRaw ?? false), "printerLanguage")

        switch (kind, sheet) {
        case (.thermal, nil):
            break
        case (.thermal, .some), (.sheet, nil):
            require(false, "sheet")
        case (.sheet, let sheet?):
            bad += problems(of: sheet)
        }
        if bad.count == 1 { throw .templateInvalid(name: name, field: bad[0]) }
        if !bad.isEmpty { throw .templateFieldsInvalid(name: name, fields: bad) }

        let available = min(heightDots, widthDots - dots(marginMM) - dots(Self.minimumTextWidthMM))
        guard qrSideDots <= available else {
            throw .qrDoesNotFit(template: name, neededDots: qrSideDots, availableDots: max(0, available))
        }
        // Stickers within the unprintable margin have their content moved inward; each
        // must still hold its code and a text column.
        if sheet != nil,
           !(0..<slotsPerPage).allSatisfy({ holdsLabel(in: placement(slot: $0, offset: .zero).region) }) {
            throw .templateInvalid(name: name, field: "sheet.unprintableMM")
        }
    }

    /// The sheet's impossible fields; the grid is checked against the page only when the
    /// numbers it depends on are themselves possible, so one mistake is named once.
    private func problems(of sheet: Sheet) -> [String] {
        var bad: [String] = []
        func require(_ condition: Bool, _ field: String) {
            if !condition { bad.append("sheet." + field) }
        }
        // A hundredth of a millimetre of slack absorbs the rounding in published sheet sizes.
        let slack = 0.01
        require(Self.isLength(sheet.pageWidthMM) && sheet.pageWidthMM <= 2000, "pageWidthMM")
        require(Self.isLength(sheet.pageHeightMM) && sheet.pageHeightMM <= 2000, "pageHeightMM")
        require(sheet.unprintableMM.isFinite && sheet.unprintableMM >= 0 && sheet.unprintableMM <= 50,
                "unprintableMM")
        require(sheet.originXMM.isFinite && sheet.originXMM >= 0, "originXMM")
        require(sheet.originYMM.isFinite && sheet.originYMM >= 0, "originYMM")
        require(sheet.pitchXMM.isFinite && sheet.pitchXMM + slack >= label.widthMM, "pitchXMM")
        require(sheet.pitchYMM.isFinite && sheet.pitchYMM + slack >= label.heightMM, "pitchYMM")
        let across = !bad.contains { ["sheet.pageWidthMM", "sheet.originXMM", "sheet.pitchXMM"].contains($0) }
        let down = !bad.contains { ["sheet.pageHeightMM", "sheet.originYMM", "sheet.pitchYMM"].contains($0) }
        require(sheet.columns >= 1 && sheet.columns <= 100
                && (!across || sheet.originXMM + Double(sheet.columns - 1) * sheet.pitchXMM + label.widthMM
                    <= sheet.pageWidthMM + slack), "columns")
        require(sheet.rows >= 1 && sheet.rows <= 100
                && (!down || sheet.originYMM + Double(sheet.rows - 1) * sheet.pitchYMM + label.heightMM
                    <= sheet.pageHeightMM + slack), "rows")
        return bad
    }

    private static func isLength(_ millimetres: Double) -> Bool {
        millimetres.isFinite && millimetres > 0
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }
}
