extension PageTemplate {
    /// The QC desk: the bundles just recorded (with their labels), new bundles, today's batch, re-inspection.
    static let inspect = PageTemplate("""
        {{#hasInspected}}
        <section class="card">
        <h2>{{inspectedHeading}}</h2>
        <ul class="plain">{{#inspected}}<li><a class="bundle-id" href="/bundles/{{.}}">{{.}}</a></li>{{/inspected}}</ul>
        <h2>{{labelsHeading}}</h2>
        {{{labelForm}}}
        </section>
        {{/hasInspected}}
        <section>
        <h2>{{newHeading}}</h2>
        <form method="post" action="/inspect" id="inspect-form" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{batchLabel}}<select name="batch" required>
        <option value="">{{choose}}</option>
        {{#batches}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{text}}</option>{{/batches}}
        </select></label>
        {{^hasBatches}}<p class="hint">{{noBatch}}</p>{{/hasBatches}}
        <label>{{makerLabel}}<select name="maker" required>
        <option value="">{{choose}}</option>
        {{#makers}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{text}}</option>{{/makers}}
        </select></label>
        {{^hasMakers}}<p class="hint">{{noMaker}}</p>{{/hasMakers}}
        {{{resultFields}}}
        <label>{{countLabel}}<input name="count" type="number" min="1" max="100000" inputmode="numeric" required value="{{count}}"></label>
        <label class="check"><input type="checkbox" name="confirm" value="yes"{{#confirmed}} checked{{/confirmed}}> {{confirmLabel}}</label>
        <p><button type="submit" id="inspect" class="primary">{{button}}</button></p>
        </form>
        </section>
        <section>
        <h2>{{batchHeading}}</h2>
        <form method="post" action="/batches" id="batch-form" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{productLabel}}<select name="product" required>
        {{#products}}<option value="{{code}}">{{code}} · {{name}}</option>{{/products}}
        </select></label>
        <button type="submit" id="create-batch">{{batchButton}}</button>
        </form>
        </section>
        <section>
        <h2>{{againHeading}}</h2>
        <form method="post" action="/inspect/again" id="inspect-again-form" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{againBundlesLabel}}<textarea name="bundles" rows="3" autocapitalize="characters" spellcheck="false" required>{{againBundles}}</textarea></label>
        {{{againResultFields}}}
        <p><button type="submit" id="inspect-again" class="primary">{{againButton}}</button></p>
        </form>
        </section>
        """)

    /// Pass with a grade, or fail with defects: the same fields in both inspection forms.
    static let resultFields = PageTemplate("""
        <fieldset>
        <legend>{{resultLabel}}</legend>
        <label class="check"><input type="radio" name="result" value="pass" required{{#pass}} checked{{/pass}}> {{passLabel}}</label>
        <label class="check"><input type="radio" name="result" value="fail"{{#fail}} checked{{/fail}}> {{failLabel}}</label>
        <p>{{gradeLabel}}<br>
        {{#grades}}<label class="check"><input type="radio" name="grade" value="{{value}}"{{#checked}} checked{{/checked}}> {{value}}</label>{{/grades}}
        </p>
        <p>{{defectsLabel}}<br>
        {{#defects}}<label class="check"><input type="checkbox" name="defect" value="{{code}}"{{#checked}} checked{{/checked}}> {{name}} ({{code}})</label>{{/defects}}
        </p>
        </fieldset>
        """)

    /// The label form: on the labels page and under the bundles just recorded.
    static let labelForm = PageTemplate("""
        <form method="post" action="/labels" id="label-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{bundlesLabel}}<textarea name="bundles" rows="3" autocapitalize="characters" spellcheck="false">{{bundles}}</textarea></label>
        <label>{{batchLabel}}<select name="batch">
        <option value="">{{noBatch}}</option>
        {{#batches}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{text}}</option>{{/batches}}
        </select></label>
        <label>{{templateLabel}}<select name="template">
        <option value="">{{usualTemplate}}</option>
        {{#templates}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}} · {{description}}</option>{{/templates}}
        </select></label>
        <label>{{formatLabel}}<select name="format">
        {{#formats}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{text}}</option>{{/formats}}
        </select></label>
        {{#hasPrinters}}
        <label>{{printerLabel}}<select name="printer">
        <option value="">{{noPrinter}}</option>
        {{#printers}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/printers}}
        </select></label>
        <p class="hint">{{printerHint}}</p>
        {{/hasPrinters}}
        <label class="check"><input type="checkbox" name="again" value="yes"{{#again}} checked{{/again}}> {{againLabel}}</label>
        <p><button type="submit" id="make-labels" class="primary">{{button}}</button></p>
        </form>
        """)

    /// The labels page: what was made, then the form.
    static let labels = PageTemplate("""
        {{#hasFiles}}
        <section class="card">
        <h2>{{filesHeading}}</h2>
        <ul class="plain">{{#files}}<li><a class="download" href="{{href}}" download>{{name}}</a></li>{{/files}}</ul>
        </section>
        {{/hasFiles}}
        <section class="card">
        {{{labelForm}}}
        </section>
        """)
}
