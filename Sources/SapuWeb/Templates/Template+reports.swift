extension PageTemplate {
    /// `/reports`: every report with what it tells.
    static let reports = PageTemplate("""
        <p>{{intro}}</p>
        <ul class="reports">
        {{#reports}}<li><a href="{{href}}">{{label}}</a><br><span class="hint">{{about}}</span></li>
        {{/reports}}
        </ul>
        """)

    /// `/reports/KIND`: the period and grouping form, then the report as `sapu report --format html` draws it.
    static let report = PageTemplate("""
        <form method="get" action="{{action}}" id="report-form" class="card">
        {{#isStock}}
        <label>{{atLabel}}<input type="date" name="at" id="report-at" value="{{at}}" min="2000-01-01" max="2099-12-31"></label>
        <p class="hint">{{atHint}}</p>
        {{/isStock}}
        {{#hasPeriod}}
        <div class="period">
        <label>{{fromLabel}}<input type="date" name="from" id="report-from" value="{{from}}" min="2000-01-01" max="2099-12-31"></label>
        <label>{{toLabel}}<input type="date" name="to" id="report-to" value="{{to}}" min="2000-01-01" max="2099-12-31"></label>
        </div>
        <p class="hint">{{periodHint}}</p>
        <p class="presets">{{quickPeriod}} {{#presets}}<a href="{{href}}">{{label}}</a> {{/presets}}</p>
        {{/hasPeriod}}
        {{#isQC}}
        <label>{{byLabel}}<select name="by" id="report-by">{{#groupings}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/groupings}}</select></label>
        {{/isQC}}
        {{#canName}}
        <label class="check"><input type="checkbox" name="names" value="1" id="report-names"{{#names}} checked{{/names}}> {{namesLabel}}</label>
        <p class="hint">{{namesHint}}</p>
        {{/canName}}
        <button type="submit" id="show-report" class="primary">{{show}}</button>
        </form>
        {{#subtitle}}<p class="hint">{{.}}</p>{{/subtitle}}
        {{#empty}}<p class="notice" id="report-empty">{{empty}}</p>{{/empty}}
        {{#hasReport}}
        <p><a class="download" id="report-csv" href="{{csvHref}}">{{downloadCSV}}</a> · <a href="{{jsonHref}}" id="report-json">{{json}}</a></p>
        <div class="report" id="report">
        {{{report}}}
        </div>
        {{/hasReport}}
        """)
}
