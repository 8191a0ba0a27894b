extension PageTemplate {
    static let dashboard = PageTemplate("""
        <div class="tiles">
        {{#tiles}}<div class="tile"><b id="{{id}}">{{value}}</b><span>{{label}}</span></div>{{/tiles}}
        </div>
        {{#hasShipments}}<ul class="plain">{{#shipments}}<li><a href="{{href}}">{{id}}</a> · {{consignee}} · {{bundles}} · {{status}}</li>{{/shipments}}</ul>{{/hasShipments}}
        <section>
        <h2>{{chartTitle}}</h2>
        {{#hasChart}}{{{chart}}}{{/hasChart}}{{^hasChart}}<p class="hint">{{noChart}}</p>{{/hasChart}}
        </section>
        <section>
        <h2>{{reportsTitle}}</h2>
        <ul class="links">{{#reports}}<li><a href="{{href}}">{{label}}</a></li>{{/reports}}</ul>
        </section>
        """)
}
