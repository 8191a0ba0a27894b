import SapuCore

/// A user as `sapu user list --json` and `/api/v1/users` give one: never a password or its hash.
public struct UserOutput: Encodable, Sendable {
    public var code: String
    public var role: String
    public var active: Bool
    public var language: String

    public init(_ user: WebUser) {
        code = user.code
        role = user.role.rawValue
        active = user.active
        language = user.language.rawValue
    }
}

/// A maker as `sapu maker list --json` and `/api/v1/makers` (admin only) give one, local name included.
public struct MakerOutput: Encodable, Sendable {
    public var code: String
    public var name: String?
    public var active: Bool

    public init(_ maker: Maker) {
        code = maker.code
        name = maker.name
        active = maker.active
    }
}
