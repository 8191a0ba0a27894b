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
        input.scan-input { display: block; width: 100%; font-size: 24px; padding: 12px; margin: 4px 0 8px; }
        .result { font-size: 26px; font-weight: bold; padding: 16px; margin: 8px 0; border-radius: 6px; background: #e4e7eb;
                  min-height: 1.4em; overflow-wrap: anywhere; }
        .result.ok { background: #2e7d32; color: #fff; }
        .result.repeat { background: #f9a825; color: #1f2933; }
        .result.refused { background: #c62828; color: #fff; }
        .count { font-size: 18px; font-weight: bold; margin: 4px 0 8px; }
        .choices { display: flex; flex-wrap: wrap; gap: 0 12px; }
        .choices label { flex: 1 1 180px; }
        .photo { margin-top: 16px; border-top: 1px solid #d9e2ec; padding-top: 8px; }
        ol.scan-log { padding-left: 24px; font-size: 14px; }
        ol.scan-log li { padding: 2px 4px; border-left: 4px solid #9aa5b1; margin: 2px 0; overflow-wrap: anywhere; }
        ol.scan-log li.ok { border-color: #2e7d32; }
        ol.scan-log li.repeat { border-color: #f9a825; }
        ol.scan-log li.refused { border-color: #c62828; background: #fdecea; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; background: #fff; padding: 12px;
                   border: 1px solid #d9e2ec; border-radius: 6px; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        dl.bundle-lists { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
        dl.bundle-lists dt { font-weight: bold; }
        dl.bundle-lists dd { margin: 0; overflow-wrap: anywhere; font-family: "DejaVu Sans Mono", monospace; font-size: 14px; }
        @media (max-width: 600px) { dl.facts, dl.bundle-lists { grid-template-columns: 1fr; } dl.bundle-lists dd { margin-bottom: 8px; } }
        a.button { display: inline-block; padding: 10px 18px; border-radius: 4px; border: 1px solid #1b5e20; text-decoration: none; }
        a.button.primary { background: #2e7d32; color: #fff; font-weight: bold; }
        """

    /// The script: progressive help only, every page works without it.
    ///
    /// The scan field (docs/web-warehouse.md, "The scan field"): every `form.scan-form` answers each
    /// line in place. A wedge scanner types the next code at once, so the field is cleared
    /// and refocused as soon as Enter is read; lines wait in a queue and go one at a time, in
    /// order, each with the fields the previous answer set (a control code changes the mode).
    /// A photo chosen in `#scan-photo` is posted at once. Plain ES5 for an old phone's Chrome.
    static let script = """
        "use strict";
        (function () {
          var audio = null;
          function beep() {
            try {
              var Context = window.AudioContext || window.webkitAudioContext;
              if (!Context) { return; }
              audio = audio || new Context();
              if (audio.state === "suspended") { audio.resume(); }
              var tone = audio.createOscillator(), gain = audio.createGain(), now = audio.currentTime;
              tone.type = "square";
              tone.frequency.value = 330;
              gain.gain.setValueAtTime(0.2, now);
              gain.gain.exponentialRampToValueAtTime(0.001, now + 0.35);
              tone.connect(gain);
              gain.connect(audio.destination);
              tone.start(now);
              tone.stop(now + 0.35);
            } catch (ignored) { }
          }
          function token(form) {
            var field = form.querySelector("input[name=csrf]");
            return field ? field.value : "";
          }
          function fields(form, code) {
            var params = new URLSearchParams(), data = new FormData(form);
            data.forEach(function (value, name) {
              if (typeof value === "string" && name !== "code") { params.append(name, value); }
            });
            params.append("code", code);
            return params;
          }
          function setField(id, value) {
            var field = document.getElementById(id);
            if (!field) { return; }
            if (field.tagName === "SELECT" && value !== "") {
              var known = false;
              for (var i = 0; i < field.options.length; i++) { if (field.options[i].value === value) { known = true; } }
              if (!known) { var option = document.createElement("option"); option.value = value; option.text = value; field.add(option); }
            }
            field.value = value;
          }
          function show(answer) {
            var result = document.getElementById("scan-result");
            var tone = answer.tone || "refused", line = answer.line || answer.error || "";
            if (result) { result.textContent = line; result.className = "result " + tone; }
            var name;
            for (name in (answer.counts || {})) {
              var element = document.getElementById(name);
              if (element) { element.textContent = answer.counts[name]; }
            }
            for (name in (answer.fields || {})) { setField(name, answer.fields[name]); }
            var log = document.getElementById("scan-log");
            var lines = answer.answers && answer.answers.length ? answer.answers : [{tone: tone, line: line}];
            if (log) {
              lines.forEach(function (item) {
                var entry = document.createElement("li");
                entry.className = item.tone;
                entry.textContent = item.line;
                log.insertBefore(entry, log.firstChild);
              });
              while (log.children.length > 50) { log.removeChild(log.lastChild); }
            }
            if (tone === "refused") { beep(); }
          }
          function post(form, action, body) {
            return fetch(action, {method: "POST", credentials: "same-origin",
                                  headers: {"Accept": "application/json", "X-CSRF-Token": token(form)}, body: body})
              .then(function (response) { return response.json(); })
              .then(show, function () { show({tone: "refused", line: form.getAttribute("data-not-sent") || ""}); });
          }
          function station(form) {
            var input = form.querySelector("#scan-input"), photo = form.querySelector("#scan-photo");
            var queue = [], busy = false;
            if (!input) { return; }
            function send(job) {
              if (job.photo) {
                var data = new FormData(form);
                data.delete("code");
                data.set("photo", job.photo, job.photo.name || "photo");
                return post(form, photo.getAttribute("data-action"), data);
              }
              return post(form, form.getAttribute("action"), fields(form, job.code));
            }
            function next() {
              if (busy || queue.length === 0) { return; }
              busy = true;
              send(queue.shift()).then(function () {
                busy = false;
                next();
              });
            }
            form.addEventListener("submit", function (event) {
              event.preventDefault();
              var line = input.value;
              input.value = "";
              input.focus();
              if (line.trim() !== "") { queue.push({code: line}); next(); }
            });
            if (photo) {
              var button = form.querySelector("#scan-photo-send");
              if (button) { button.hidden = true; }
              photo.addEventListener("change", function () {
                if (!photo.files || photo.files.length === 0) { return; }
                queue.push({photo: photo.files[0]});
                photo.value = "";
                input.focus();
                next();
              });
            }
          }
          document.addEventListener("DOMContentLoaded", function () {
            var forms = document.querySelectorAll("form.scan-form");
            for (var i = 0; i < forms.length; i++) { station(forms[i]); }
            var focus = document.querySelector("[autofocus]");
            if (focus) { focus.focus(); }
          });
        })();
        """
}
