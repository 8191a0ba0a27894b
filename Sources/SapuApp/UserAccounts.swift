import Crypto
import Foundation
import SapuCore
import SapuStore
import Synchronization

/// The users of `sapu serve`: adding, disabling, passwords, log-in and sessions. The CLI's
/// `sapu user` and the web app's log-in page and users page both call this, and nothing else
/// touches a password.
public struct UserAccounts: Sendable {
    let store: SQLiteStore

    /// How long a session lives after log-in: a working day and a half.
    public static let sessionSeconds: Int64 = 12 * 60 * 60

    public init(store: SQLiteStore) {
        self.store = store
    }

    // MARK: Managing users

    @discardableResult
    public func add(code: String, role: Role, password: String, language: Language, at now: Instant) throws(SapuError) -> WebUser {
        let user = WebUser(code: try Code.normalise(code, as: .user), role: role, language: language)
        try PasswordRule.check(password)
        // The code is checked before the slow hash, so a taken code answers at once.
        if try store.storedUser(user.code) != nil { throw .duplicate(kind: .user, value: user.code) }
        try store.addUser(user, passwordHash: try PasswordHash.make(password), at: now)
        return user
    }

    public func list() throws(SapuError) -> [WebUser] {
        try store.users()
    }

    public func disable(code: String) throws(SapuError) {
        try store.disableUser(try Code.normalise(code, as: .user))
    }

    /// A new password; it also enables a disabled user and ends their sessions.
    public func setPassword(code: String, password: String) throws(SapuError) {
        let code = try Code.normalise(code, as: .user)
        try PasswordRule.check(password)
        guard try store.storedUser(code) != nil else { throw .unknown(kind: .user, value: code) }
        try store.setPassword(code, passwordHash: try PasswordHash.make(password))
    }

    public func setLanguage(code: String, _ language: Language) throws(SapuError) {
        try store.setUserLanguage(try Code.normalise(code, as: .user), language)
    }

    // MARK: Log-in and sessions

    /// Checks a password and starts a session. An unknown code, a disabled user and a wrong
    /// password all answer `loginFailed`, after the same slow hash; a user whose wrong
    /// passwords are being waited out gets `loginThrottled` without a check.
    public func logIn(code typed: String, password: String, at now: Instant) throws(SapuError) -> WebSession {
        guard let code = try? Code.normalise(typed, as: .user), let stored = try store.storedUser(code) else {
            // A code that is no user slows down as a user's does: a 429 must not tell them apart.
            let stranger = store.path + "\u{0}" + String(typed.trimmingSpaces().uppercased().prefix(64))
            if let seconds = Self.strangerWait(stranger, at: now) { throw .loginThrottled(seconds: seconds) }
            _ = PasswordHash.matches(password, PasswordHash.decoy)
            Self.strangerFailed(stranger, at: now)
            throw .loginFailed
        }
        if stored.lockedUntil > now.unixSeconds {
            throw .loginThrottled(seconds: Int(stored.lockedUntil - now.unixSeconds))
        }
        guard PasswordHash.matches(password, stored.passwordHash), stored.user.active else {
            _ = try store.recordFailedLogin(code, at: now)
            throw .loginFailed
        }
        let token = Self.randomToken(), formToken = Self.randomToken()
        let expires = now.unixSeconds + Self.sessionSeconds
        try store.startSession(user: code, tokenSHA256: Self.sha256(token), formToken: formToken, expires: expires, at: now)
        return WebSession(token: token, formToken: formToken, user: stored.user,
                          expires: Instant(unixSeconds: expires, utcOffset: now.utcOffset))
    }

    /// Wrong log-ins under codes that name no user, counted in this process's memory as the
    /// store counts a user's (`LoginThrottle`). Bounded: when full, the oldest waits are forgotten.
    private static let strangers = Mutex<[String: (failures: Int, lockedUntil: Int64)]>([:])
    private static let strangersKept = 10_000

    private static func strangerWait(_ key: String, at now: Instant) -> Int? {
        strangers.withLock { table in
            guard let entry = table[key], entry.lockedUntil > now.unixSeconds else { return nil }
            return Int(entry.lockedUntil - now.unixSeconds)
        }
    }

    private static func strangerFailed(_ key: String, at now: Instant) {
        strangers.withLock { table in
            if table.count >= strangersKept, table[key] == nil {
                table = table.filter { $0.value.lockedUntil > now.unixSeconds }
                if table.count >= strangersKept { table.removeAll() }
            }
            let failures = (table[key]?.failures ?? 0) + 1
            let wait = LoginThrottle.wait(afterFailures: failures)
            table[key] = (failures, wait > 0 ? now.unixSeconds + wait : 0)
        }
    }

    /// The live session a cookie carries; nil for no, an unknown, an expired or a disabled user's session.
    public func session(token: String, at now: Instant) throws(SapuError) -> WebSession? {
        // A cookie value that no token of ours can be is not looked up.
        guard token.utf8.count == 43, token.utf8.allSatisfy(Self.isTokenByte) else { return nil }
        guard let found = try store.session(tokenSHA256: Self.sha256(token), at: now) else { return nil }
        return WebSession(token: token, formToken: found.formToken, user: found.user,
                          expires: Instant(unixSeconds: found.expires, utcOffset: now.utcOffset))
    }

    public func logOut(token: String) throws(SapuError) {
        try store.endSession(tokenSHA256: Self.sha256(token))
    }

    /// 32 random bytes in base64url without padding (43 characters).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
