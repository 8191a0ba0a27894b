/// What the hub refused, or why a sync or a hub report could not run (docs/hub.md, "Faults").
/// Every case tells the site what happened and that nothing of its own was lost.
public enum HubProblem: Sendable, Equatable {
    /// The hub's address is not one Sapu can use (the reason, already in the user's words, is not needed).
    case urlInvalid(String)
    /// `sapu sync` without `--hub`, `SAPU_HUB` or an address kept from an earlier sync.
    case urlMissing
    /// The hub's PostgreSQL did not answer (down, a wrong address, no network).
    case unreachable(String)
    /// PostgreSQL refused the log-in (user, password or database).
    case loginRefused(String)
    /// The database has no hub schema yet.
    case notInitialised
    /// The hub's schema is newer than this Sapu knows.
    case schemaNewer(found: Int, known: Int)
    /// The hub's schema is older; `sapu hub init` upgrades it.
    case schemaOlder(found: Int, known: Int)
    /// The database holds tables that are not a Sapu hub's.
    case notAHub
    /// The site is not registered at the hub.
    case siteUnknown(String)
    /// The batch is signed with a key the hub does not have for the site.
    case keyNotRegistered(site: String, keyID: String)
    /// The signature does not match the batch's bytes.
    case badSignature(site: String)
    /// The hub holds more of the site's log than the site has: a restore from an older backup.
    case siteBehindHub(site: String, hub: Int64, own: Int64)
    /// The hub's copy of the site's log is not a prefix of this site's log.
    case logDiverged(site: String, at: Int64)
    /// Another sync of the same site kept the hub busy for too long.
    case busy(String)
    /// The hub gave up waiting for a lock or a statement (another sync, or a long query there).
    case hubBusy(String)
    /// A batch that does not continue the hub's copy of the log (another sync got there first).
    case outOfOrder(site: String)
    /// A key file for another site than the one being registered.
    case keyForOtherSite(expected: String, found: String)
    /// A key id already registered for the site with other bytes.
    case keyIDTaken(site: String, keyID: String)
    /// A key in the site's key file whose fingerprint is not one confirmed with the site.
    case fingerprintMismatch(site: String, keyID: String, fingerprint: String)
    /// The key file holds no key.
    case noKey(String)
    /// The hub answered with an error Sapu does not expect; the database's own words are not shown.
    case failed(String)
    /// `sapu report --site` without `--hub`.
    case reportSiteNeedsHub
    /// `sapu report makers --names --hub`: names never leave a site.
    case reportNamesStayAtSite
}
