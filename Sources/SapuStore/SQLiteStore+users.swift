import GRDB
import SapuCore

/// A user's row as the log-in check needs it.
public struct StoredUser: Sendable, Equatable {
    public var user: WebUser
    /// `scrypt$...` (docs/web.md, "Passwords").
    public var passwordHash: String
    public var failedLogins: Int
    /// Log-ins wait until this moment (Unix seconds); 0 when they need not.
    public var lockedUntil: Int64
}

extension SQLiteStore {
    /// Every user, by code.
    public func users() throws(SapuError) -> [WebUser] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, role, language, active FROM web_user ORDER BY code").map(webUser)
        }
    }

    /// The user with `code`, with what a log-in checks; nil when there is none.
    public func storedUser(_ code: String) throws(SapuError) -> StoredUser? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT code, role, language, active, password_hash, failed_logins, locked_until_unix
                FROM web_user WHERE code = ?
                """, arguments: [code]) else { return nil }
            return StoredUser(user: try self.webUser(row), passwordHash: row["password_hash"],
                              failedLogins: row["failed_logins"], lockedUntil: row["locked_until_unix"])
        }
    }

    /// Adds a user; `duplicate` when the code is taken.
    public func addUser(_ user: WebUser, passwordHash: String, at now: Instant) throws(SapuError) {
        try write { db in
            if try Self.exists(db, "web_user", user.code) { throw SapuError.duplicate(kind: .user, value: user.code) }
            try db.execute(sql: """
                INSERT INTO web_user (code, role, password_hash, language, active, created_at) VALUES (?, ?, ?, ?, 1, ?)
                """, arguments: [user.code, user.role.rawValue, passwordHash, user.language.rawValue, now.iso8601])
        }
    }

    /// Disables a user and ends their sessions at once; the last active admin stays.
    public func disableUser(_ code: String) throws(SapuError) {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT role, active FROM web_user WHERE code = ?", arguments: [code]) else {
                throw SapuError.unknown(kind: .user, value: code)
            }
            let role: String = row["role"], active: Bool = row["active"]
            if active && role == Role.admin.rawValue {
                let admins = try Int.fetchOne(db, sql: "SELECT count(*) FROM web_user WHERE role = 'admin' AND active = 1") ?? 0
                if admins <= 1 { throw SapuError.lastAdmin(code) }
            }
            try db.execute(sql: "UPDATE web_user SET active = 0 WHERE code = ?", arguments: [code])
            try db.execute(sql: "DELETE FROM web_session WHERE user = ?", arguments: [code])
        }
    }

    /// Sets a new password, enables the user, clears the wrong-password count and ends their sessions.
    public func setPassword(_ code: String, passwordHash: String) throws(SapuError) {
        try write { db in
            guard try Self.exists(db, "web_user", code) else { throw SapuError.unknown(kind: .user, value: code) }
            try db.execute(sql: """
                UPDATE web_user SET password_hash = ?, active = 1, failed_logins = 0, locked_until_unix = 0 WHERE code = ?
                """, arguments: [passwordHash, code])
            try db.execute(sql: "DELETE FROM web_session WHERE user = ?", arguments: [code])
        }
    }

    /// Counts a wrong password; returns the count in a row, now.
    ///
    /// The count is read and raised in one transaction, so two wrong passwords at once count twice.
    public func recordFailedLogin(_ code: String, at now: Instant) throws(SapuError) -> Int {
        try write { db in
            let failures = (try Int.fetchOne(db, sql: "SELECT failed_logins FROM web_user WHERE code = ?", arguments: [code]) ?? 0) + 1
            let wait = LoginThrottle.wait(afterFailures: failures)
            try db.execute(sql: "UPDATE web_user SET failed_logins = ?, locked_until_unix = ? WHERE code = ?",
                           arguments: [failures, wait > 0 ? now.unixSeconds + wait : 0, code])
            return failures
        }
    }

    /// Starts a session after a right password: the count of wrong ones goes back to zero.
    /// Sessions past their end are removed on the way.
    public func startSession(user code: String, tokenSHA256: String, formToken: String, expires: Int64, at now: Instant) throws(SapuError) {
        try write { db in
            try db.execute(sql: "UPDATE web_user SET failed_logins = 0, locked_until_unix = 0 WHERE code = ?", arguments: [code])
            try db.execute(sql: "DELETE FROM web_session WHERE expires_unix <= ?", arguments: [now.unixSeconds])
            try db.execute(sql: """
                INSERT INTO web_session (token_sha256, user, form_token, created_at, expires_unix) VALUES (?, ?, ?, ?, ?)
                """, arguments: [tokenSHA256, code, formToken, now.iso8601, expires])
        }
    }

    /// The live session whose cookie hashes to `tokenSHA256`, with its active user; nil otherwise.
    public func session(tokenSHA256: String, at now: Instant) throws(SapuError) -> (user: WebUser, formToken: String, expires: Int64)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT u.code, u.role, u.language, u.active, s.form_token, s.expires_unix
                FROM web_session s JOIN web_user u ON u.code = s.user
                WHERE s.token_sha256 = ? AND s.expires_unix > ? AND u.active = 1
                """, arguments: [tokenSHA256, now.unixSeconds]) else { return nil }
            return (try self.webUser(row), row["form_token"], row["expires_unix"])
        }
    }

    /// Ends one session (log-out); unknown tokens are no error.
    public func endSession(tokenSHA256: String) throws(SapuError) {
        try write { db in
            try db.execute(sql: "DELETE FROM web_session WHERE token_sha256 = ?", arguments: [tokenSHA256])
        }
    }

    /// A user's language for their pages.
    public func setUserLanguage(_ code: String, _ language: Language) throws(SapuError) {
        try write { db in
            guard try Self.exists(db, "web_user", code) else { throw SapuError.unknown(kind: .user, value: code) }
            try db.execute(sql: "UPDATE web_user SET language = ? WHERE code = ?", arguments: [language.rawValue, code])
        }
    }

    private func webUser(_ row: Row) throws -> WebUser {
        let roleText: String = row["role"], languageText: String = row["language"]
        // The CHECK constraints keep both readable; a row edited by hand around them is refused.
        guard let role = Role(rawValue: roleText), let language = Language(rawValue: languageText) else {
            throw SapuError.databaseDamaged(path: path)
        }
        return WebUser(code: row["code"], role: role, active: row["active"], language: language)
    }
}
