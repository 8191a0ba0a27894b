import SapuCore

extension LabelTemplate {
    /// Refuses values no printer can honour, naming the first offending field, and a QR
    /// symbol that does not fit beside its text.
    public func validate() throws(SapuError) {
        func require(_ condition: Bool, _ field: String) throws(SapuError) {
            if !condition { throw .templateInvalid(name: name, field: field) }
        }
        try require(!name.isEmpty && name.allSatisfy(Self.isNameCharacter), "name")
        try require((100...1200).contains(dpi), "dpi")
        try require(Self.isLength(label.widthMM) && label.widthMM <= 1000, "label.widthMM")
        try require(Self.isLength(label.heightMM) && label.heightMM <= 1000, "label.heightMM")
        try require(marginMM.isFinite && marginMM >= 0 && 2 * marginMM < min(label.widthMM, label.heightMM),
                    "marginMM")
        try require((1...40).contains(qr.version), "qr.version")
        try require(qr.quietZone >= 4 && qr.quietZone <= 40, "qr.quietZone")
        // Below 4 dots a module smears on a 203 or 300 dpi head; finer heads may go lower
        // but never under the same physical size (4 dots at 300 dpi).
        let minimumModuleDots = dpi <= 300 ? 4 : Int((4.0 * Double(dpi) / 300).rounded(.up))
        try require(qr.moduleDots >= minimumModuleDots && qr.moduleDots <= 100, "qr.moduleDots")

        // A sheet goes to an office printer, which prints pages, not label languages.
        try require(kind == .thermal || !(printerLanguage?.isRaw ?? false), "printerLanguage")

        switch (kind, sheet) {
        case (.thermal, nil):
            break
        case (.thermal, .some):
            try require(false, "sheet")
        case (.sheet, nil):
            try require(false, "sheet")
        case (.sheet, let sheet?):
            try validate(sheet)
        }

        let available = min(heightDots, widthDots - dots(marginMM) - dots(Self.minimumTextWidthMM))
        guard qrSideDots <= available else {
            throw .qrDoesNotFit(template: name, neededDots: qrSideDots, availableDots: max(0, available))
        }
    }

    private func validate(_ sheet: Sheet) throws(SapuError) {
        func require(_ condition: Bool, _ field: String) throws(SapuError) {
            if !condition { throw .templateInvalid(name: name, field: "sheet." + field) }
        }
        // A hundredth of a millimetre of slack absorbs the rounding in published sheet sizes.
        let slack = 0.01
        try require(Self.isLength(sheet.pageWidthMM) && sheet.pageWidthMM <= 2000, "pageWidthMM")
        try require(Self.isLength(sheet.pageHeightMM) && sheet.pageHeightMM <= 2000, "pageHeightMM")
        try require(sheet.originXMM.isFinite && sheet.originXMM >= 0, "originXMM")
        try require(sheet.originYMM.isFinite && sheet.originYMM >= 0, "originYMM")
        try require(sheet.pitchXMM.isFinite && sheet.pitchXMM + slack >= label.widthMM, "pitchXMM")
        try require(sheet.pitchYMM.isFinite && sheet.pitchYMM + slack >= label.heightMM, "pitchYMM")
        try require(sheet.columns >= 1 && sheet.columns <= 100
                    && sheet.originXMM + Double(sheet.columns - 1) * sheet.pitchXMM + label.widthMM
                    <= sheet.pageWidthMM + slack, "columns")
        try require(sheet.rows >= 1 && sheet.rows <= 100
                    && sheet.originYMM + Double(sheet.rows - 1) * sheet.pitchYMM + label.heightMM
                    <= sheet.pageHeightMM + slack, "rows")
    }

    private static func isLength(_ millimetres: Double) -> Bool {
        millimetres.isFinite && millimetres > 0
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }
}
