extension PageTemplate {
    /// `/verify`: the three files of a shipment, and the verifications already started.
    static let verifyIndex = PageTemplate("""
        <form method="post" action="/verify" enctype="multipart/form-data" id="verify-form" class="card narrow">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">{{intro}}</p>
        <label>{{manifestLabel}}<input type="file" name="manifest" accept=".json,application/json" required></label>
        <label>{{signatureLabel}}<input type="file" name="signature" accept=".sig" required></label>
        <label>{{keyLabel}}<input type="file" name="key" accept=".pub" required></label>
        <button type="submit" id="upload-manifest" class="primary">{{button}}</button>
        </form>
        <section>
        <h2>{{listTitle}}</h2>
        {{#hasList}}
        <table id="verifications">
        <thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead>
        <tbody>
        {{#rows}}<tr><td><a href="/verify/{{id}}">{{shipment}}</a></td><td>{{shipper}}</td><td>{{expected}}</td><td>{{received}}</td><td>{{missing}}</td><td>{{state}}</td></tr>{{/rows}}
        </tbody>
        </table>
        {{/hasList}}
        {{^hasList}}<p class="hint">{{none}}</p>{{/hasList}}
        </section>
        """)

    /// `/verify/{id}`: the scan field (docs: the scan field contract), the live tallies, the
    /// bundles behind them, and finishing with the receipt's downloads.
    static let verification = PageTemplate("""
        <dl class="facts">
        {{#facts}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/facts}}
        </dl>
        <p class="hint" id="manifest-genuine">{{genuine}}</p>
        <form class="scan-form card" method="post" action="/verify/{{id}}/scan">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label for="scan-input">{{scanLabel}}</label>
        <input id="scan-input" name="code" autocomplete="off" autocapitalize="characters" autocorrect="off" spellcheck="false" autofocus>
        <button type="submit" id="scan-submit">{{scanButton}}</button>
        <div id="scan-result" class="result {{tone}}" aria-live="assertive">{{line}}</div>
        </form>
        <ol id="scan-log" class="scan-log"></ol>
        <section>
        <h2>{{talliesTitle}}</h2>
        <div class="tiles">
        {{#tiles}}<div class="tile"><b id="{{id}}">{{value}}</b><span>{{label}}</span></div>{{/tiles}}
        </div>
        </section>
        <section>
        <h2>{{listsTitle}}</h2>
        <dl class="bundle-lists">
        {{#lists}}<dt>{{label}}</dt><dd id="{{id}}" class="ids">{{value}}</dd>{{/lists}}
        </dl>
        </section>
        <section>
        <h2>{{finishTitle}}</h2>
        <form method="post" action="/verify/{{id}}/finish" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">{{finishHint}}</p>
        <button type="submit" id="finish-verification" class="primary">{{finishButton}}</button>
        </form>
        {{#receipt}}
        <div id="receipt" class="card">
        <h3>{{title}}</h3>
        <p>{{made}}</p>
        {{#hasOutdated}}<p class="error">{{outdated}}</p>{{/hasOutdated}}
        <ul class="links">{{#files}}<li><a class="download" href="{{href}}" download>{{name}}</a></li>{{/files}}</ul>
        </div>
        {{/receipt}}
        </section>
        """)
}
