import Foundation
import HTTPTypes
import Hummingbird
import SapuApp
import SapuCore
import SapuStore

/// Administration, for admin only (the gate sees to that): users, makers' codes and local
/// names, and the site's signing keys. Each page calls what the CLI's `sapu user`, `sapu maker`
/// and `sapu key rotate` call.
///
/// A change answers with a redirect back to its page (a reload does not post it again) whose
/// query names what changed; the page says so only when the database agrees, so a link
/// cannot make it announce what did not happen.
extension WebServer {
    func addAdminRoutes(to router: Router<WebContext>) {
        // MARK: Users
        router.get("/admin/users") { request, context in
            let query = PageQuery(request)
            let users = try await self.users()
            return self.usersPage(users, notice: Self.userNotice(query, users: users), error: nil, context)
        }
        router.post("/admin/users") { _, context in
            do {
                let user = try await self.addUser(context.form, language: context.language)
                return Reply.redirect("/admin/users?added=" + user.code)
            } catch {
                return self.usersPage(try await self.users(), notice: nil, error: error, context)
            }
        }
        router.post("/admin/users/{code}/disable") { _, context in
            let code = try Self.pathCode(context)
            do {
                let accounts = self.accounts
                try await Blocking.run { () throws(SapuError) in try accounts.disable(code: code) }
                // Whoever disables their own account has just ended their own session.
                return Reply.redirect(code == (try context.user.code) ? "/login" : "/admin/users?disabled=" + code)
            } catch {
                return self.usersPage(try await self.users(), notice: nil, error: error, context)
            }
        }
        router.post("/admin/users/{code}/password") { _, context in
            let code = try Self.pathCode(context)
            do {
                guard let password = context.form.fields["password"]?.first, !password.isEmpty else {
                    throw SapuError.formFieldMissing(field: .webAdminNewPassword)
                }
                let accounts = self.accounts
                try await Blocking.run { () throws(SapuError) in try accounts.setPassword(code: code, password: password) }
                return Reply.redirect(code == (try context.user.code) ? "/login" : "/admin/users?password=" + code)
            } catch {
                return self.usersPage(try await self.users(), notice: nil, error: error, context)
            }
        }
        router.get("/api/v1/users") { _, _ in
            Reply.json(try await self.users().map(UserOutput.init))
        }
        router.post("/api/v1/users") { _, context in
            let user = try await self.addUser(context.form, language: context.language)
            return Reply.json(["code": user.code, "role": user.role.rawValue])
        }

        // MARK: Makers
        router.get("/admin/makers") { request, context in
            let makers = try await self.makers()
            return self.makersPage(makers, notice: Self.makerNotice(PageQuery(request), makers: makers), error: nil,
                                   typed: Form(), context)
        }
        router.post("/admin/makers") { _, context in
            do {
                let code = try await self.addMaker(context.form)
                return Reply.redirect("/admin/makers?added=" + code)
            } catch {
                return self.makersPage(try await self.makers(), notice: nil, error: error, typed: context.form, context)
            }
        }
        router.post("/admin/makers/{code}/deactivate") { _, context in
            do {
                let code = try Code.normalise(context.parameters.get("code") ?? "", as: .maker)
                let store = self.store
                try await Blocking.run { () throws(SapuError) in try store.deactivateMaker(code) }
                return Reply.redirect("/admin/makers?deactivated=" + code)
            } catch {
                return self.makersPage(try await self.makers(), notice: nil, error: error, typed: Form(), context)
            }
        }
        router.get("/api/v1/makers") { _, _ in
            Reply.json(try await self.makers().map(MakerOutput.init))
        }

        // MARK: Keys
        router.get("/admin/keys") { request, context in
            let keys = try await self.keys()
            return self.keysPage(keys, notice: self.keyNotice(PageQuery(request), keys: keys), error: nil, context)
        }
        router.post("/admin/keys/rotate") { _, context in
            do {
                guard context.form["confirm"] != nil else { throw SapuError.formFieldMissing(field: .webAdminRotateConfirm) }
                let store = self.store, now = self.now
                let outcome = try await Blocking.run { () throws(SapuError) in try KeyRotation.rotate(store: store, at: now) }
                return Reply.redirect("/admin/keys?rotated=" + outcome.key.keyID + (outcome.newKey ? "" : "&finished=1"))
            } catch {
                return self.keysPage(try await self.keys(), notice: nil, error: error, context)
            }
        }
        router.get("/admin/keys/public") { _, _ in
            let file = self.keyFiles
            let name = (file.publicPath as NSString).lastPathComponent
            let bytes = try await Blocking.run { () throws(SapuError) in try Downloads.read(name, in: file.directory) }
            return Reply.download(bytes, name: name, type: Downloads.contentType(name))
        }
    }

    // MARK: Work

    private var keyFiles: KeyFiles { KeyFiles(databasePath: store.path, site: siteCode) }

    private func users() async throws(SapuError) -> [WebUser] {
        let accounts = self.accounts
        return try await Blocking.run { () throws(SapuError) in try accounts.list() }
    }

    /// `sapu user add` from a form or a JSON body: code, role, password, language.
    private func addUser(_ form: Form, language pageLanguage: Language) async throws(SapuError) -> WebUser {
        let code = try form.required("code", label: .webAdminCode)
        let role = try Role.read(try form.required("role", label: .webAdminRole), option: Message.webAdminRole.text(pageLanguage)).value
        // The page always sends one; an API call without one gets the admin's own.
        let languageText = form["language"] ?? pageLanguage.rawValue
        guard let language = Language(rawValue: languageText.lowercased()) else { throw .invalidLanguage(languageText) }
        guard let password = form.fields["password"]?.first, !password.isEmpty else {
            throw .formFieldMissing(field: .webAdminPassword)
        }
        let accounts = self.accounts, now = self.now
        return try await Blocking.run { () throws(SapuError) in
            try accounts.add(code: code, role: role, password: password, language: language, at: now)
        }
    }

    private func makers() async throws(SapuError) -> [Maker] {
        let store = self.store
        return try await Blocking.run { () throws(SapuError) in try store.makers() }
    }

    /// `sapu maker add`: a code and an optional local name.
    private func addMaker(_ form: Form) async throws(SapuError) -> String {
        let code = try Code.normalise(try form.required("code", label: .webAdminCode), as: .maker)
        let name = form["name"]
        let store = self.store
        try await Blocking.run { () throws(SapuError) in try store.addMaker(Maker(code: code, name: name, active: true)) }
        return code
    }

    private func keys() async throws(SapuError) -> [(key: PublicKey, current: Bool)] {
        let store = self.store
        return try await Blocking.run { () throws(SapuError) in
            var keys: [(key: PublicKey, current: Bool)] = []
            for stored in try store.publicKeys() {
                keys.append((try PublicKey(site: stored.site, keyID: stored.keyID, rawRepresentation: stored.raw), stored.current))
            }
            return keys
        }
    }

    private static func pathCode(_ context: WebContext) throws(SapuError) -> String {
        try Code.normalise(context.parameters.get("code") ?? "", as: .user)
    }

    // MARK: Notices

    private static func userNotice(_ query: PageQuery, users: [WebUser]) -> Message? {
        func user(_ name: String) -> WebUser? { query[name].flatMap { code in users.first { $0.code == code } } }
        if let added = user("added") { return .userAdded(added.code, role: added.role) }
        if let disabled = user("disabled"), !disabled.active { return .userDisabled(disabled.code) }
        if let changed = user("password"), changed.active { return .userPasswordSet(changed.code) }
        return nil
    }

    private static func makerNotice(_ query: PageQuery, makers: [Maker]) -> Message? {
        func maker(_ name: String) -> Maker? { query[name].flatMap { code in makers.first { $0.code == code } } }
        if let added = maker("added") { return .added(kind: .maker, code: added.code) }
        if let deactivated = maker("deactivated"), !deactivated.active { return .makerDeactivated(deactivated.code) }
        return nil
    }

    private func keyNotice(_ query: PageQuery, keys: [(key: PublicKey, current: Bool)]) -> Message? {
        guard let id = query["rotated"], let current = keys.first(where: { $0.current && $0.key.keyID == id })?.key else { return nil }
        let file = (keyFiles.publicPath as NSString).lastPathComponent
        return query["finished"] == nil
            ? .webAdminKeyRotated(keyID: current.keyID, fingerprint: current.fingerprint, file: file)
            : .webAdminKeyRotationCompleted(keyID: current.keyID, fingerprint: current.fingerprint, file: file)
    }

    // MARK: Pages

    private func usersPage(_ users: [WebUser], notice: Message?, error: (any Error)?, _ context: WebContext) -> Response {
        let language = context.language
        let me = context.session?.user.code
        let refusal = error.map(Self.refusal)
        // After a refused add, the form keeps what was typed, except the password.
        let typed = error == nil ? Form() : context.form
        let typedRole = typed["role"] ?? Role.qc.rawValue
        let typedLanguage = typed["language"] ?? language.rawValue
        let model: [String: Any] = [
            "intro": Message.webUsersIntro.text(language),
            "codeLabel": Message.webAdminCode.text(language), "roleLabel": Message.webAdminRole.text(language),
            "activeLabel": Message.webAdminActive.text(language), "languageLabel": Message.webAdminLanguage.text(language),
            "dutyLabel": Message.webAdminDuty.text(language), "actionsLabel": Message.webAdminActions.text(language),
            "newPasswordLabel": Message.webAdminNewPassword.text(language),
            "disable": Message.webAdminDisable.text(language), "setPassword": Message.webAdminSetPassword.text(language),
            "disableHint": Message.webAdminDisableHint.text(language),
            "setPasswordHint": Message.webAdminSetPasswordHint.text(language),
            "users": users.map { user in
                [
                    "code": user.code, "role": user.role.rawValue, "duty": user.role.duty.text(language),
                    "active": (user.active ? Message.yes : Message.no).text(language), "isActive": user.active,
                    "language": (user.language == .id ? Message.webAdminIndonesian : Message.webAdminEnglish).text(language),
                    "me": user.code == me, "you": Message.webAdminYou.text(language),
                ] as [String: Any]
            },
            "csrf": context.session?.formToken ?? "",
            "addTitle": Message.webAdminAddUser.text(language), "add": Message.webAdminAdd.text(language),
            "codeHint": Message.webAdminCodeHint("QC2").text(language),
            "passwordLabel": Message.webAdminPassword.text(language),
            "passwordHint": Message.webAdminPasswordHint(minimum: PasswordRule.minimumLength).text(language),
            "minimum": PasswordRule.minimumLength, "maximum": PasswordRule.maximumLength,
            "typedCode": typed["code"] ?? "",
            "roles": Role.allCases.map { role in
                ["value": role.rawValue, "label": "\(role.rawValue) — \(role.duty.text(language))",
                 "selected": role.rawValue == typedRole] as [String: Any]
            },
            "languages": [(Language.id, Message.webAdminIndonesian), (.en, Message.webAdminEnglish)].map { item in
                ["value": item.0.rawValue, "label": item.1.text(language), "selected": item.0.rawValue == typedLanguage] as [String: Any]
            },
        ]
        return page(Page("admin-users", title: .webUsersTitle, body: (try? PageTemplate.adminUsers.render(model)) ?? "",
                         status: refusal?.status ?? .ok, error: refusal?.text(language), notice: notice?.text(language)), context)
    }

    private func makersPage(_ makers: [Maker], notice: Message?, error: (any Error)?, typed: Form,
                            _ context: WebContext) -> Response {
        let language = context.language
        let refusal = error.map(Self.refusal)
        let model: [String: Any] = [
            "intro": Message.webMakersIntro.text(language),
            "codeLabel": Message.webAdminCode.text(language), "nameLabel": Message.webAdminMakerName.text(language),
            "activeLabel": Message.webAdminActive.text(language), "actionsLabel": Message.webAdminActions.text(language),
            "deactivate": Message.webAdminDeactivate.text(language),
            "deactivateHint": Message.webAdminDeactivateHint.text(language),
            "hasMakers": !makers.isEmpty, "noMakers": Message.webAdminNoMakers.text(language),
            "makers": makers.map { maker in
                ["code": maker.code, "name": maker.name ?? "", "isActive": maker.active,
                 "active": (maker.active ? Message.yes : Message.no).text(language)] as [String: Any]
            },
            "csrf": context.session?.formToken ?? "",
            "addTitle": Message.webAdminAddMaker.text(language), "add": Message.webAdminAdd.text(language),
            "codeHint": Message.webAdminMakerCodeHint("M042").text(language),
            "typedCode": typed["code"] ?? "", "typedName": typed["name"] ?? "", "nameLimit": FreeText.limit,
        ]
        return page(Page("admin-makers", title: .webMakersTitle, body: (try? PageTemplate.adminMakers.render(model)) ?? "",
                         status: refusal?.status ?? .ok, error: refusal?.text(language), notice: notice?.text(language)), context)
    }

    private func keysPage(_ keys: [(key: PublicKey, current: Bool)], notice: Message?, error: (any Error)?,
                          _ context: WebContext) -> Response {
        let language = context.language
        let refusal = error.map(Self.refusal)
        let file = (keyFiles.publicPath as NSString).lastPathComponent
        let model: [String: Any] = [
            "intro": Message.webKeysIntro.text(language),
            "siteLabel": Message.webAdminSite.text(language), "keyLabel": Message.webAdminKey.text(language),
            "fingerprintLabel": Message.webAdminFingerprint.text(language), "statusLabel": Message.webAdminKeyStatus.text(language),
            "keys": keys.map { item in
                ["site": item.key.site, "keyID": item.key.keyID, "fingerprint": item.key.fingerprint, "current": item.current,
                 "status": (item.current ? Message.keyCurrent : Message.keyRetired).text(language)] as [String: Any]
            },
            "hasPublicFile": FileManager.default.fileExists(atPath: keyFiles.publicPath),
            "download": Message.webAdminPublicKeyDownload(file).text(language),
            "csrf": context.session?.formToken ?? "",
            "rotateTitle": Message.webAdminRotateTitle.text(language), "rotateHint": Message.webAdminRotateHint.text(language),
            "confirm": Message.webAdminRotateConfirm.text(language), "rotate": Message.webAdminRotateButton.text(language),
        ]
        return page(Page("admin-keys", title: .webKeysTitle, body: (try? PageTemplate.adminKeys.render(model)) ?? "",
                         status: refusal?.status ?? .ok, error: refusal?.text(language), notice: notice?.text(language)), context)
    }

    /// A refusal's words and status; what is not Sapu's own refusal says only that nothing changed.
    private static func refusal(_ error: any Error) -> (text: (Language) -> String, status: HTTPResponse.Status) {
        let refusal = error as? SapuError ?? .storageFailure("request")
        return ({ refusal.message.text($0) }, refusal.httpStatus)
    }
}
