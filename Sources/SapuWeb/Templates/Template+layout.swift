extension PageTemplate {
    /// Every page: the header with the user's menu, the body, nothing from the internet.
    static let layout = PageTemplate("""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Sapu</title>
        <link rel="stylesheet" href="/static/sapu.css">
        <script src="/static/sapu.js" defer></script>
        </head>
        <body class="page-{{pageName}}">
        <a class="skip" href="#main">{{skip}}</a>
        <header class="top">
        <a class="brand" href="/">Sapu <small>{{site}}</small></a>
        {{#user}}
        <nav>{{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>{{/nav}}</nav>
        <div class="who">
        <span>{{loggedInAs}} <b id="user-code">{{code}}</b> ({{role}})</span>
        <form method="post" action="/language" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="link" id="language">{{otherLanguage}}</button></form>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" id="logout">{{logout}}</button></form>
        </div>
        {{/user}}
        </header>
        <main id="main">
        <h1>{{title}}</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{{body}}}
        </main>
        </body>
        </html>
        """)
}
