/// What a user of `sapu serve` may do; the table of who may open which page is in SapuWeb.
public enum Role: String, Sendable, CaseIterable, Codable, OptionWord {
    /// Everything, including makers' names, users and keys.
    case admin
    /// Inspects bundles and prints their labels.
    case qc
    /// Scans, packs and ships: the warehouse clerk.
    case gudang
    /// The partner's receiving clerk: verifies shipments, nothing else.
    case mitra

    /// The role's word is the same in both languages.
    public var word: Message { Message(id: rawValue, en: rawValue) }

    /// What the role does, for `user list` and the users page.
    public var duty: Message {
        switch self {
        case .admin: Message(id: "semua, termasuk nama pembuat, pengguna dan kunci", en: "everything, including makers' names, users and keys")
        case .qc: Message(id: "memeriksa ikatan dan mencetak label", en: "inspects bundles and prints labels")
        case .gudang: Message(id: "memindai, mengemas dan mengirim", en: "scans, packs and ships")
        case .mitra: Message(id: "hanya memeriksa kiriman yang tiba", en: "only verifies shipments that arrive")
        }
    }
}

/// Someone who logs in to `sapu serve`.
public struct WebUser: Sendable, Equatable {
    /// A code like a maker's (`QC1`, `GUDANG`): it is the operator code on the events they make.
    public var code: String
    public var role: Role
    public var active: Bool
    /// The language their pages are in.
    public var language: Language

    public init(code: String, role: Role, active: Bool = true, language: Language = .standard) {
        self.code = code
        self.role = role
        self.active = active
        self.language = language
    }
}

/// A logged-in browser: the secret its cookie carries and the token its forms must return.
public struct WebSession: Sendable, Equatable {
    /// The cookie's value; the database keeps only its SHA-256.
    public var token: String
    /// The token every form and API write must carry (CSRF).
    public var formToken: String
    public var user: WebUser
    public var expires: Instant

    public init(token: String, formToken: String, user: WebUser, expires: Instant) {
        self.token = token
        self.formToken = formToken
        self.user = user
        self.expires = expires
    }
}

/// How wrong passwords slow an account down: from the fifth failure in a row, each further
/// failure closes the account to log-ins for twice as long as the one before (5 s, 10 s, 20 s,
/// ..., at most 15 minutes). A right password after the wait resets the count.
public enum LoginThrottle {
    public static let freeFailures = 4
    public static let firstWaitSeconds: Int64 = 5
    public static let longestWaitSeconds: Int64 = 15 * 60

    /// How long log-ins wait after the `failures`-th failure in a row; 0 while still free.
    public static func wait(afterFailures failures: Int) -> Int64 {
        guard failures > freeFailures else { return 0 }
        let doublings = min(failures - freeFailures - 1, 20)
        return min(firstWaitSeconds << Int64(doublings), longestWaitSeconds)
    }
}

/// The rules of a password: long enough to resist guessing, short enough for scrypt.
public enum PasswordRule {
    public static let minimumLength = 8
    public static let maximumLength = 128

    public static func check(_ password: String) throws(SapuError) {
        guard (minimumLength...maximumLength).contains(password.count) else {
            throw .passwordLength(minimum: minimumLength, maximum: maximumLength)
        }
    }
}
