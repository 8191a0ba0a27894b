import Foundation
import Hummingbird
import Logging
import NIOCore
import SapuApp
import SapuCore
import SapuStore

/// `sapu serve`: the web app on the site's PC, over the same store and workflows as the CLI.
public struct WebServer: Sendable {
    public let store: SQLiteStore
    /// Where the web app keeps what it writes besides the database: label files, the
    /// partner's verifications, uploaded receipts. Downloads never leave it.
    public let files: String
    public let clock: SiteClock
    /// `SAPU_NOW`, for tests and back-filling, as the CLI reads it.
    public let fixedNow: Instant?
    let site: Site

    static let sessionCookie = "sapu_session"
    static let languageCookie = "sapu_lang"

    public init(store: SQLiteStore, files: String, clock: SiteClock, fixedNow: Instant? = nil) throws(SapuError) {
        self.store = store
        self.files = files
        self.clock = clock
        self.fixedNow = fixedNow
        site = try store.site()
        do {
            try FileManager.default.createDirectory(atPath: files, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .fileUnwritable(path: files)
        }
    }

    var now: Instant { clock.now(fixed: fixedNow) }
    var accounts: UserAccounts { UserAccounts(store: store) }
    var siteCode: String { site.code }

    /// The routes, behind the gate. Every path registered here has its line in `Access.rules`
    /// (a test checks both ways).
    public func router() -> Router<WebContext> {
        // HEAD is answered like GET, through the same gate (Access.rule), without the body.
        let router = Router(context: WebContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: Gate(server: self))
        addAssetRoutes(to: router)
        addSessionRoutes(to: router)
        addDashboardRoutes(to: router)
        addInspectionRoutes(to: router)
        addLabelRoutes(to: router)
        addBundleRoutes(to: router)
        addScanningRoutes(to: router)
        addShipmentRoutes(to: router)
        addVerificationRoutes(to: router)
        addReportRoutes(to: router)
        addAdminRoutes(to: router)
        return router
    }

    /// Serves until SIGINT or SIGTERM; `running` is called once the port is open.
    public func run(host: String, port: Int, running: @escaping @Sendable (String) -> Void) async throws(SapuError) {
        var logger = Logger(label: "sapu")
        logger.logLevel = .critical
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "Sapu"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                running("http://\(shownHost):\(port)/")
            },
            logger: logger)
        do {
            try await app.runService()
        } catch {
            throw .listenFailed(address: "\(host):\(port)")
        }
    }

    /// A line on stderr for what the user cannot act on (the answer said it failed).
    func log(_ line: String) {
        FileHandle.standardError.write(Data(("sapu serve: " + line + "\n").utf8))
    }

    /// A page's answer, in the layout.
    func page(_ page: Page, _ context: WebContext) -> Response {
        page.response(context, site: site.code)
    }
}
