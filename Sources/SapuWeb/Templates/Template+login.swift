extension PageTemplate {
    static let login = PageTemplate("""
        <form method="post" action="/login" id="login-form" class="card narrow">
        <label>{{code}}<input name="code" autocomplete="username" autocapitalize="characters" required autofocus value="{{typed}}"></label>
        <label>{{password}}<input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit" id="login" class="primary">{{button}}</button>
        <p class="hint">{{hint}}</p>
        <p><a href="/login?lang={{otherCode}}" id="login-language">{{otherLanguage}}</a></p>
        </form>
        """)
}
