extension LabelCodec {
    /// Reads what a scanner delivered, without checking the signature (see `verify`).
    ///
    /// Forgiven: spaces, tabs, CR and LF around the text; an AIM symbology identifier
    /// such as `]Q1` in front; lower case (Caps Lock). Not forgiven: anything else, and in
    /// particular doubled spaces or non-canonical numbers, because the signature covers
    /// the exact text and a scanner never adds them.
    ///
    /// Errors, in the order they are checked:
    /// - `notSapuLabel`: other codes (an EAN-13, a URL, free text);
    /// - `outsideAlphabet(characters)`: text shaped like a Sapu label holding characters
    ///   other than `0-9`, `A-Z` and space, which a scanner typing on the wrong keyboard
    ///   layout produces;
    /// - `unknownPayloadVersion("SAPU2")`: a later format;
    /// - `malformedField(field)`: the first field (a `LabelField` raw value) that is
    ///   missing, out of order or not in canonical form;
    /// - `badSignature`: a signature of the right length that no key can have written.
    public static func parse(_ scanned: String) throws(SapuError) -> SignedLabel {
        let text = normalised(scanned)
        let outside = charactersOutsideAlphabet(text)
        guard outside.isEmpty else {
            throw looksLikeLabel(text) ? .outsideAlphabet(outside) : .notSapuLabel
        }
        var reader = TokenReader(tokens: text.split(separator: " ", omittingEmptySubsequences: false))
        let first = reader.tokens[0]
        guard first == version else {
            throw isVersionToken(first) ? .unknownPayloadVersion(String(first)) : .notSapuLabel
        }
        reader.position = 1

        let keyID = try reader.code(.key, kind: .key)
        let product = try reader.code(.product, kind: .product)
        let batch = try reader.code(.batch, kind: .batch)
        // The batch names the site whose key must have signed the label.
        guard Batch.site(ofCode: batch) != nil else { throw malformed(.batch) }
        let serial = try reader.number(.serial, in: LabelPayload.serials, format: BundleID.format(serial:))
        let maker = try reader.code(.maker, kind: .maker)
        let dateText = try reader.take(.date)
        guard dateText.count == 6, let inspected = CalendarDate(compact: String(dateText)) else {
            throw malformed(.date)
        }
        let result = try reader.result()
        let revision = try reader.number(.revision, in: LabelPayload.revisions, format: { String($0) })

        guard reader.position == reader.tokens.count - 1 else { throw malformed(.signature) }
        let signatureText = reader.tokens[reader.position]
        guard signatureText.utf8.count == signatureLength else { throw malformed(.signature) }
        // Right length, but not what `Crockford.encode` writes for any 64 bytes: a
        // character was changed.
        guard let signature = Crockford.decode(signatureText) else { throw .badSignature }

        let payload = LabelPayload(
            checked: String(keyID), product: String(product), batch: String(batch), serial: serial,
            maker: String(maker), inspected: inspected, result: result, revision: revision)
        let message = Array(text.utf8.dropLast(signatureLength))
        assert(message == Array(Self.message(for: payload).utf8), "parser accepted a non-canonical payload")
        return SignedLabel(payload: payload, signature: signature, message: message)
    }

    /// The scanned text trimmed, without a symbology identifier, in upper case.
    ///
    /// Works on Unicode scalars so that a CR LF pair (one `Character`) is trimmed too.
    static func normalised(_ scanned: String) -> String {
        var scalars = Substring(scanned).unicodeScalars[...]
        let blank: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
        while let first = scalars.first, blank.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, blank.contains(last) { scalars.removeLast() }

        // AIM ISO/IEC 15424 identifier: `]`, a symbology letter, a modifier (`]Q1` for QR).
        let prefix = Array(scalars.prefix(3))
        if prefix.count == 3, prefix[0] == "]", isASCIILetter(prefix[1]),
           isASCIILetter(prefix[2]) || ("0"..."9").contains(prefix[2]) {
            scalars.removeFirst(3)
        }

        var result = String.UnicodeScalarView()
        for scalar in scalars {
            if ("a"..."z").contains(scalar) {
                result.append(Unicode.Scalar(UInt8(scalar.value) - 32))
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Each character other than `0-9`, `A-Z` and space, once, in order of appearance.
    static func charactersOutsideAlphabet(_ text: String) -> String {
        var seen: Set<Unicode.Scalar> = []
        var outside = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar != " " && !Code.isCodeCharacter(scalar) {
            if seen.insert(scalar).inserted { outside.append(scalar) }
        }
        return String(outside)
    }

    /// True for text that is probably a Sapu label typed through the wrong keyboard
    /// layout, rather than another code: it starts with a `SAPU` version token, or it has
    /// at least the ten tokens of a label and ends with a signature-sized token (a layout
    /// changes characters, not their number or the spaces between them).
    static func looksLikeLabel(_ text: String) -> Bool {
        let tokens = text.split(separator: " ")
        guard let first = tokens.first, let last = tokens.last else { return false }
        if isVersionToken(first) { return true }
        return tokens.count >= 10 && last.unicodeScalars.count >= signatureLength - 10
    }

    /// `SAPU` followed by a decimal version number: `SAPU1`, `SAPU2`, `SAPU10`.
    static func isVersionToken(_ token: Substring) -> Bool {
        token.hasPrefix("SAPU") && token.count > 4
            && token.dropFirst(4).unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    static func malformed(_ field: LabelField) -> SapuError {
        .malformedField(field.rawValue)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar)
    }
}

/// Walks a payload's tokens in their fixed order.
private struct TokenReader {
    let tokens: [Substring]
    var position = 0

    init(tokens: [Substring]) {
        self.tokens = tokens
    }

    /// The next token without its prefix letter, if it starts with the field's letter.
    mutating func take(_ field: LabelField) throws(SapuError) -> Substring {
        guard position < tokens.count else { throw LabelCodec.malformed(field) }
        var token = tokens[position]
        if let prefix = field.prefix {
            guard token.first == prefix else { throw LabelCodec.malformed(field) }
            token = token.dropFirst()
        }
        position += 1
        return token
    }

    /// A code of that kind: one or more of `0-9A-Z`, at most the kind's limit.
    mutating func code(_ field: LabelField, kind: CodeKind) throws(SapuError) -> Substring {
        let code = try take(field)
        guard !code.isEmpty, code.count <= Code.limit(kind) else { throw LabelCodec.malformed(field) }
        return code
    }

    /// A number in the range, written exactly as `format` writes it (no extra zeros).
    mutating func number(
        _ field: LabelField, in range: ClosedRange<Int>, format: (Int) -> String
    ) throws(SapuError) -> Int {
        let digits = try take(field)
        guard digits.count <= 9, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              let number = Int(digits), range.contains(number), format(number) == digits else {
            throw LabelCodec.malformed(field)
        }
        return number
    }

    /// `QA`, `QB`, or `QF` followed by one to `LabelPayload.maximumDefects` `X` tokens.
    mutating func result() throws(SapuError) -> QCResult {
        let letter = try take(.result)
        var defects: [String] = []
        while position < tokens.count, tokens[position].first == LabelField.defect.prefix {
            let defect = try code(.defect, kind: .defect)
            defects.append(String(defect))
        }
        switch letter {
        case "A", "B":
            guard defects.isEmpty else { throw LabelCodec.malformed(.result) }
            return .pass(letter == "A" ? .a : .b)
        case "F":
            guard (1...LabelPayload.maximumDefects).contains(defects.count) else {
                throw LabelCodec.malformed(.defect)
            }
            return .fail(defects)
        default:
            throw LabelCodec.malformed(.result)
        }
    }
}
