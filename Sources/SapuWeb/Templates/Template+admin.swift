extension PageTemplate {
    /// `/admin/users`: every user with role, state and language; disable, set a password, add one.
    static let adminUsers = PageTemplate("""
        <p>{{intro}}</p>
        <div class="scroll-x">
        <table id="users">
        <thead><tr><th>{{codeLabel}}</th><th>{{roleLabel}}</th><th>{{activeLabel}}</th><th>{{languageLabel}}</th><th>{{dutyLabel}}</th><th>{{actionsLabel}}</th></tr></thead>
        <tbody>
        {{#users}}<tr id="user-{{code}}"{{^isActive}} class="inactive"{{/isActive}}>
        <td><b>{{code}}</b>{{#me}} {{you}}{{/me}}</td><td>{{role}}</td><td>{{active}}</td><td>{{language}}</td><td>{{duty}}</td>
        <td>
        {{#isActive}}<form method="post" action="/admin/users/{{code}}/disable" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="disable-user">{{disable}}</button></form>{{/isActive}}
        <form method="post" action="/admin/users/{{code}}/password" class="inline password-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="password" name="password" autocomplete="new-password" minlength="{{minimum}}" maxlength="{{maximum}}" required aria-label="{{newPasswordLabel}} {{code}}" placeholder="{{newPasswordLabel}}"> <button type="submit" class="set-password">{{setPassword}}</button></form>
        </td>
        </tr>
        {{/users}}
        </tbody>
        </table>
        </div>
        <p class="hint">{{disableHint}} {{setPasswordHint}}</p>
        <h2>{{addTitle}}</h2>
        <form method="post" action="/admin/users" id="user-form" class="card narrow">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{codeLabel}}<input name="code" id="user-code-field" value="{{typedCode}}" autocapitalize="characters" autocomplete="off" required></label>
        <p class="hint">{{codeHint}}</p>
        <label>{{roleLabel}}<select name="role" id="user-role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></label>
        <label>{{passwordLabel}}<input type="password" name="password" id="user-password" autocomplete="new-password" minlength="{{minimum}}" maxlength="{{maximum}}" required></label>
        <p class="hint">{{passwordHint}}</p>
        <label>{{languageLabel}}<select name="language" id="user-language">{{#languages}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/languages}}</select></label>
        <button type="submit" id="add-user" class="primary">{{add}}</button>
        </form>
        """)

    /// `/admin/makers`: codes with their local names; deactivate, add one.
    static let adminMakers = PageTemplate("""
        <p>{{intro}}</p>
        {{#hasMakers}}
        <div class="scroll-x">
        <table id="makers">
        <thead><tr><th>{{codeLabel}}</th><th>{{nameLabel}}</th><th>{{activeLabel}}</th><th>{{actionsLabel}}</th></tr></thead>
        <tbody>
        {{#makers}}<tr id="maker-{{code}}"{{^isActive}} class="inactive"{{/isActive}}><td><b>{{code}}</b></td><td class="maker-name">{{name}}</td><td>{{active}}</td>
        <td>{{#isActive}}<form method="post" action="/admin/makers/{{code}}/deactivate" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="deactivate-maker">{{deactivate}}</button></form>{{/isActive}}</td></tr>
        {{/makers}}
        </tbody>
        </table>
        </div>
        <p class="hint">{{deactivateHint}}</p>
        {{/hasMakers}}
        {{^hasMakers}}<p class="hint">{{noMakers}}</p>{{/hasMakers}}
        <h2>{{addTitle}}</h2>
        <form method="post" action="/admin/makers" id="maker-form" class="card narrow">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{codeLabel}}<input name="code" id="maker-code" value="{{typedCode}}" autocapitalize="characters" autocomplete="off" required></label>
        <p class="hint">{{codeHint}}</p>
        <label>{{nameLabel}}<input name="name" id="maker-name" value="{{typedName}}" autocomplete="off" maxlength="{{nameLimit}}"></label>
        <button type="submit" id="add-maker" class="primary">{{add}}</button>
        </form>
        """)

    /// `/admin/keys`: the site's keys, the current one marked; the public key file; rotation.
    static let adminKeys = PageTemplate("""
        <p>{{intro}}</p>
        <div class="scroll-x">
        <table id="keys">
        <thead><tr><th>{{siteLabel}}</th><th>{{keyLabel}}</th><th>{{fingerprintLabel}}</th><th>{{statusLabel}}</th></tr></thead>
        <tbody>
        {{#keys}}<tr{{#current}} id="current-key" class="current"{{/current}}><td>{{site}}</td><td><b>{{keyID}}</b></td><td><code>{{fingerprint}}</code></td><td>{{#current}}<b>{{status}}</b>{{/current}}{{^current}}{{status}}{{/current}}</td></tr>
        {{/keys}}
        </tbody>
        </table>
        </div>
        {{#hasPublicFile}}<p><a class="download" id="public-key" href="/admin/keys/public">{{download}}</a></p>{{/hasPublicFile}}
        <h2>{{rotateTitle}}</h2>
        <form method="post" action="/admin/keys/rotate" id="rotate-form" class="card">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p>{{rotateHint}}</p>
        <label class="check"><input type="checkbox" name="confirm" value="1" id="rotate-confirm" required> {{confirm}}</label>
        <p><button type="submit" id="rotate-key" class="primary">{{rotate}}</button></p>
        </form>
        """)
}
