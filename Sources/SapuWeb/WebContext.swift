import Hummingbird
import NIOCore
import SapuCore

/// What a request carries through the gate to its handler: who is logged in, in which
/// language, and the form it posted (read and checked by the gate, never twice).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The logged-in user's session; nil on the log-in page and for static files.
    public var session: WebSession?
    /// The fields and files a POST carried.
    public var form = Form()
    /// The browser's address, for the station name on events.
    public let remoteAddress: String?
    /// The language of a page for a visitor who is not logged in.
    public var visitorLanguage: Language = .standard

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The language the page speaks: the user's, else the visitor's.
    public var language: Language { session?.user.language ?? visitorLanguage }

    /// The logged-in user; the gate lets no request without one reach a protected handler.
    public var user: WebUser {
        get throws(SapuError) {
            guard let user = session?.user else { throw .sessionExpired }
            return user
        }
    }

    /// Who did it, for the event log: the user's code, and the browser as the station.
    public var actor: Actor {
        get throws(SapuError) {
            Actor(operatorCode: try user.code, station: WebContext.station(remoteAddress))
        }
    }

    /// `web 192.168.1.20`: a browser on the LAN, told apart from a CLI station's host name.
    static func station(_ address: String?) -> String {
        "web " + String((address ?? "?").prefix(39))
    }
}
