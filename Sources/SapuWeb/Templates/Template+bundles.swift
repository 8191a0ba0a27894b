extension PageTemplate {
    /// Finding a bundle: a typed id or a scanned label.
    static let bundleSearch = PageTemplate("""
        <form method="get" action="/bundles" id="bundle-search-form" class="card">
        <label>{{searchLabel}}<input id="bundle-search" name="q" autocomplete="off" autocapitalize="characters" spellcheck="false" autofocus value="{{q}}"></label>
        <button type="submit" id="find-bundle">{{findButton}}</button>
        <p class="hint">{{searchHint}}</p>
        </form>
        """)

    /// One bundle: how it was found, its state, its label's text and its whole history.
    static let bundle = PageTemplate("""
        {{#typed}}<p class="manual-entry notice" id="bundle-entry">{{typed}}</p>{{/typed}}
        {{#verified}}<p class="verified-label notice" id="bundle-entry">{{verified}}</p>{{/verified}}
        {{#notCurrent}}<p class="verified-label error" id="bundle-entry">{{notCurrent}} {{problem}}</p>{{/notCurrent}}
        <dl class="card">
        <dt>{{stateLabel}}</dt><dd id="bundle-state">{{state}}</dd>
        <dt>{{labelLabel}}</dt><dd id="bundle-label">{{label}}</dd>
        </dl>
        <section>
        <h2>{{labelTextHeading}}</h2>
        <div class="card label-text" id="label-text">
        <b>{{faceTitle}}</b><br>
        <b class="big">{{id}}</b><br>
        {{#faceLines}}{{.}}<br>{{/faceLines}}
        {{faceResult}}<br>
        {{#revision}}{{revision}}{{/revision}}
        </div>
        {{#canLabel}}<p><a href="/labels?bundles={{id}}">{{printLabel}}</a>{{#canReinspect}} · <a href="/inspect?bundles={{id}}">{{reinspect}}</a>{{/canReinspect}}</p>{{/canLabel}}
        </section>
        <section>
        <h2>{{historyHeading}}</h2>
        <div class="scroll-x"><table id="bundle-history">
        <thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#events}}<tr><td>{{when}}</td><td>{{what}}</td><td>{{state}}</td><td>{{detail}}</td><td>{{who}}</td><td>{{station}}</td></tr>{{/events}}</tbody>
        </table></div>
        </section>
        {{{search}}}
        """)
}
