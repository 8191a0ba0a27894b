extension PageTemplate {
    /// The scanning station: one field with focus, the big answer, the running count, and
    /// a photo from the phone's camera. Works without the script (the form posts, the page
    /// comes back with the answer); with it, each line is answered in place (docs/web-warehouse.md).
    static let scanning = PageTemplate("""
        <form class="scan-form card" method="post" action="/scan" enctype="application/x-www-form-urlencoded" data-not-sent="{{notSent}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="tally" id="scan-tally" value="{{tally}}">
        <label for="scan-input">{{inputLabel}}</label>
        <input id="scan-input" name="code" class="scan-input" autocomplete="off" autocapitalize="characters" autocorrect="off" spellcheck="false" autofocus>
        <div id="scan-result" class="result{{#hasTone}} {{tone}}{{/hasTone}}" aria-live="assertive">{{line}}</div>
        <p id="scan-count" class="count">{{count}}</p>
        <div class="choices">
        <label>{{modeLabel}}<select name="mode" id="scan-mode">{{#modes}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/modes}}</select></label>
        <label>{{shipmentLabel}}<select name="shipment" id="scan-shipment">{{#shipments}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/shipments}}</select></label>
        <label>{{operatorLabel}}<select name="operator" id="scan-operator">{{#operators}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/operators}}</select></label>
        </div>
        <button type="submit" class="primary" id="scan-send">{{send}}</button>
        <div class="photo">
        <label for="scan-photo">{{photoLabel}}</label>
        <input type="file" accept="image/*" capture="environment" id="scan-photo" name="photo" data-action="/scan/photo">
        <button type="submit" formaction="/scan/photo" formenctype="multipart/form-data" id="scan-photo-send">{{photoButton}}</button>
        <p class="hint">{{photoHint}}</p>
        </div>
        <p class="hint">{{hint}}</p>
        </form>
        <h2>{{logTitle}}</h2>
        <ol id="scan-log" class="scan-log">{{#answers}}<li class="{{tone}}">{{line}}</li>{{/answers}}</ol>
        """)
}
