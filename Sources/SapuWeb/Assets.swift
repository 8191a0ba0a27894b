import Hummingbird
import NIOCore
import SapuCore

/// The stylesheet and the script, served by Sapu itself: nothing is fetched from the internet.
extension WebServer {
    func addAssetRoutes(to router: Router<WebContext>) {
        router.get("/static/sapu.css") { _, _ in
            Self.asset(Assets.stylesheet + ReportStyle.scoped, type: "text/css; charset=utf-8")
        }
        router.get("/static/sapu.js") { _, _ in
            Self.asset(Assets.script, type: "text/javascript; charset=utf-8")
        }
    }

    private static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

enum Assets {
    /// One small stylesheet for a cheap phone and the workshop's PC; the reports' own rules follow.
    static let stylesheet = """
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "DejaVu Sans", "Noto Sans", Roboto, Arial, sans-serif; font-size: 16px;
               color: #1f2933; background: #f5f7fa; line-height: 1.4; }
        a { color: #1b5e20; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 12px;
                     background: #1b5e20; color: #fff; }
        header.top a { color: #fff; text-decoration: none; }
        header.top .brand { font-weight: bold; font-size: 20px; }
        header.top .brand small { font-weight: normal; opacity: .8; font-size: 14px; }
        header.top nav { display: flex; flex-wrap: wrap; gap: 4px; flex: 1 1 auto; }
        header.top nav a { padding: 6px 10px; border-radius: 4px; }
        header.top nav a[aria-current] { background: rgba(255,255,255,.2); }
        header.top .who { display: flex; gap: 8px; align-items: center; font-size: 14px; flex-wrap: wrap; }
        header.top button { background: rgba(255,255,255,.15); color: #fff; border: 1px solid rgba(255,255,255,.5); }
        main { max-width: 1040px; margin: 0 auto; padding: 12px 16px 48px; }
        h1 { font-size: 24px; margin: 12px 0; }
        h2 { font-size: 18px; margin: 24px 0 8px; border-bottom: 2px solid #d9e2ec; padding-bottom: 4px; }
        form.inline { display: inline; margin: 0; }
        .card { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 16px; margin: 12px 0; }
        .narrow { max-width: 420px; }
        label { display: block; margin: 8px 0; font-weight: bold; }
        label input, label select, label textarea { display: block; width: 100%; margin-top: 4px; font-weight: normal; }
        label.check { font-weight: normal; display: inline-block; margin-right: 16px; }
        label.check input { display: inline; width: auto; }
        input, select, textarea, button { font-size: 16px; padding: 8px; border: 1px solid #9aa5b1; border-radius: 4px; }
        button { cursor: pointer; background: #fff; }
        button.primary { background: #2e7d32; color: #fff; border-color: #1b5e20; font-weight: bold; padding: 10px 18px; }
        button.link { border: none; background: none; text-decoration: underline; padding: 0; }
        .error { background: #fdecea; border-left: 5px solid #c62828; padding: 10px 12px; color: #8e1c1c; }
        .notice { background: #e8f5e9; border-left: 5px solid #2e7d32; padding: 10px 12px; }
        .hint { color: #52606d; font-size: 14px; }
        ul.links, ul.plain { padding-left: 20px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; background: #fff; }
        th, td { padding: 4px 8px; border-bottom: 1px solid #e4e7eb; text-align: left; }
        th { background: #f0f4f8; }
        .scroll-x { overflow-x: auto; }
        .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 8px; }
        .tile { flex: 1 1 150px; background: #fff; border-left: 4px solid #2e7d32; padding: 8px 12px; }
        .tile b { display: block; font-size: 26px; color: #102a43; font-variant-numeric: tabular-nums; }
        .tile span { color: #52606d; font-size: 13px; }
        figure { margin: 12px 0; background: #fff; padding: 8px; }
        svg { width: 100%; height: auto; display: block; }
        @media (max-width: 600px) { body { font-size: 17px; } header.top nav a { padding: 8px; } }
        """

    /// The script: progressive help only, every page works without it. Each page's part is
    /// keyed on the body's `page-NAME` class.
    static let script = """
        "use strict";
        document.addEventListener("DOMContentLoaded", function () {
          var focus = document.querySelector("[autofocus]");
          if (focus) { focus.focus(); }
        });
        """
}
