/// The text forms of key files: one key per line, blank lines and `#` comments ignored.
///
/// Public:  `sapu-ed25519 PWT K1 <52 Crockford Base32 characters>`
/// Private: `sapu-ed25519-private PWT K1 <52 Crockford Base32 characters>`
///
/// Only text here; the CLI reads and writes the files. `path` only names the file in
/// errors, which read `keyUnreadable(path: "<path>:<line>")`.
enum KeyFile {
    static let publicTag = "sapu-ed25519"
    static let privateTag = "sapu-ed25519-private"

    /// The line's fields: site, key id and key bytes, for lines that carry a key.
    struct Line {
        let number: Int
        let site: String
        let keyID: String
        let bytes: [UInt8]
    }

    static func line(tag: String, site: String, keyID: String, bytes: [UInt8]) -> String {
        "\(tag) \(site) \(keyID) \(Crockford.encode(bytes))"
    }

    /// The key lines of a file whose lines all start with `tag`.
    static func lines(_ text: String, tag: String, path: String) throws(SapuError) -> [Line] {
        var lines: [Line] = []
        // `isNewline` rather than "\n": a CR LF pair is a single `Character`.
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = String(raw).trimmingSpaces()
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
            // The other kind of key file, named as such: a private key sent as public must be noticed.
            if let first = fields.first, first != tag, first == publicTag || first == privateTag {
                throw .keyFileWrongKind(path: "\(path):\(index + 1)", holdsPrivate: first == privateTag)
            }
            guard fields.count == 4, fields[0] == tag,
                  let bytes = Crockford.decode(fields[3]), bytes.count == 32 else {
                throw .keyUnreadable(path: "\(path):\(index + 1)")
            }
            lines.append(Line(number: index + 1, site: String(fields[1]), keyID: String(fields[2]), bytes: bytes))
        }
        return lines
    }
}

extension PublicKey {
    /// The key's line in a public key file: `sapu-ed25519 PWT K1 <key>`.
    public var keyFileLine: String {
        KeyFile.line(tag: KeyFile.publicTag, site: site, keyID: keyID, bytes: rawRepresentation)
    }
}

extension KeyRing {
    /// Reads a public key file: every key a partner should accept.
    ///
    /// A private key line is refused like any other unreadable line, so a private key
    /// sent by mistake is noticed rather than used.
    public init(keyFile text: String, path: String) throws(SapuError) {
        self.init()
        for line in try KeyFile.lines(text, tag: KeyFile.publicTag, path: path) {
            let key: PublicKey
            do {
                key = try PublicKey(site: line.site, keyID: line.keyID, rawRepresentation: line.bytes)
            } catch {
                throw .keyUnreadable(path: "\(path):\(line.number)")
            }
            try add(key)
        }
    }

    /// The public key file: for each key, a comment with its fingerprint and its line.
    public var keyFile: String {
        var text = "# Sapu label keys: \(KeyFile.publicTag) SITE KEYID KEY\n"
        for key in keys {
            text += "# \(key.site) \(key.keyID) fingerprint \(key.fingerprint)\n"
            text += key.keyFileLine + "\n"
        }
        return text
    }
}

extension SigningKey {
    /// The key's line in the site's private key file: `sapu-ed25519-private PWT K1 <key>`.
    public var keyFileLine: String {
        KeyFile.line(tag: KeyFile.privateTag, site: site, keyID: keyID, bytes: rawRepresentation)
    }

    /// Reads a private key file, oldest key first; the database says which one is current.
    public static func keys(fromKeyFile text: String, path: String) throws(SapuError) -> [SigningKey] {
        var keys: [SigningKey] = []
        for line in try KeyFile.lines(text, tag: KeyFile.privateTag, path: path) {
            let key: SigningKey
            do {
                key = try SigningKey(site: line.site, keyID: line.keyID, rawRepresentation: line.bytes)
            } catch {
                throw .keyUnreadable(path: "\(path):\(line.number)")
            }
            guard !keys.contains(where: { $0.keyID == key.keyID }) else {
                throw .duplicate(kind: .key, value: key.keyID)
            }
            keys.append(key)
        }
        return keys
    }

    /// The private key file for these keys, oldest first.
    public static func keyFile(_ keys: [SigningKey]) -> String {
        var text = "# Sapu private label keys: keep secret. The database says which key is current.\n"
        for key in keys {
            text += key.keyFileLine + "\n"
        }
        return text
    }
}
