extension PageTemplate {
    /// The shipments: every one with its status, and the form that opens a new one.
    static let shipments = PageTemplate("""
        {{#hasShipments}}<div class="scroll-x"><table id="shipments">
        <thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#shipments}}<tr><td><a href="{{href}}" class="shipment-id">{{id}}</a></td><td>{{date}}</td><td>{{consignee}}</td><td>{{bundles}}</td><td class="status-{{statusValue}}">{{status}}</td></tr>{{/shipments}}</tbody>
        </table></div>{{/hasShipments}}
        {{^hasShipments}}<p class="hint">{{none}}</p>{{/hasShipments}}
        <h2>{{createTitle}}</h2>
        <form method="post" action="/shipments" id="shipment-form" class="card narrow">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{partnerLabel}}<select name="partner">{{#partners}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/partners}}</select></label>
        <label>{{consigneeLabel}}<input name="to" value="{{typed.to}}" maxlength="200"></label>
        <label>{{addressLabel}}<textarea name="address" rows="2" maxlength="500">{{typed.address}}</textarea></label>
        <label>{{vehicleLabel}}<input name="vehicle" value="{{typed.vehicle}}" maxlength="100"></label>
        <label>{{driverLabel}}<input name="driver" value="{{typed.driver}}" maxlength="100"></label>
        <label>{{referenceLabel}}<input name="ref" value="{{typed.ref}}" maxlength="100"></label>
        <button type="submit" class="primary" id="create-shipment">{{openButton}}</button>
        </form>
        """)

    /// One shipment: what it is, what can be done with it now, its documents and bundles.
    static let shipment = PageTemplate("""
        <dl class="facts">{{#facts}}<dt>{{label}}</dt><dd{{#hasID}} id="{{id}}"{{/hasID}}>{{value}}</dd>{{/facts}}</dl>
        {{#isOpen}}
        <p><a class="button primary" id="pack-shipment" href="{{packHref}}">{{packLabel}}</a></p>
        <form method="post" action="{{base}}/close" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">{{closeHint}}</p>
        <button type="submit" class="primary" id="close-shipment">{{closeLabel}}</button>
        </form>
        {{/isOpen}}
        {{#canShip}}
        <form method="post" action="{{base}}/ship" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">{{shipHint}}</p>
        <button type="submit" class="primary" id="ship-shipment">{{shipLabel}}</button>
        </form>
        {{/canShip}}
        <h2>{{documentsTitle}}</h2>
        {{#hasDocuments}}<ul class="links" id="documents">{{#documents}}<li><a class="download" href="{{href}}" download>{{label}}</a> <small>{{name}}</small></li>{{/documents}}</ul>{{/hasDocuments}}
        {{^hasDocuments}}<p class="hint">{{noDocuments}}</p>{{/hasDocuments}}
        {{#hasFindings}}<h2>{{findingsTitle}}</h2><ul class="plain" id="reconcile-result">{{#findings}}<li>{{.}}</li>{{/findings}}</ul>{{/hasFindings}}
        {{#canReconcile}}
        <h2>{{reconcileTitle}}</h2>
        <form method="post" action="{{base}}/reconcile" enctype="multipart/form-data" id="reconcile-form" class="card narrow">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p class="hint">{{reconcileHint}}</p>
        <label>{{receiptLabel}}<input type="file" name="receipt" accept=".json,application/json" required></label>
        <label>{{signatureLabel}}<input type="file" name="signature" accept=".sig,text/plain" required></label>
        <button type="submit" class="primary" id="reconcile">{{reconcileButton}}</button>
        </form>
        {{/canReconcile}}
        <h2>{{bundlesTitle}}</h2>
        {{#hasBundles}}<div class="scroll-x"><table id="shipment-bundles">
        <thead><tr>{{#columns}}<th>{{.}}</th>{{/columns}}</tr></thead>
        <tbody>{{#bundles}}<tr><td><a href="/bundles/{{id}}" class="bundle-id">{{id}}</a></td><td>{{product}}</td><td>{{maker}}</td><td>{{result}}</td><td>{{state}}</td></tr>{{/bundles}}</tbody>
        </table></div>{{/hasBundles}}
        {{^hasBundles}}<p class="hint">{{noBundles}}</p>{{/hasBundles}}
        """)
}
