import SapuCore
import SapuStore

/// `sapu init`: a new site's database and first signing key, all or nothing, safe to run again.
///
/// Under the database's open lock and the key files' lock, in this order:
/// 1. the whole database is built under a temporary name (`.sapu.sqlite.init-TOKEN.tmp`)
///    and synced; it registers the new key `K1` as current;
/// 2. the private key file is written owner-only (temporary file, sync, `link`, directory sync);
/// 3. the database is renamed into place and the directory synced: the commit point;
/// 4. the temporary databases of earlier killed runs are removed and `CODE.pub` written.
///
/// A kill before 3 leaves no database, so nothing was ever signed with the key: the next
/// run builds again and keeps the key file only when a temporary database of an earlier
/// run registers exactly that key (proof that an init made it, docs/database.md). A kill
/// after 3 leaves a complete database; the next run with the same arguments writes a
/// missing `CODE.pub`, or finds everything done, and changes nothing else.
public enum SiteInitialisation {
    /// What `sapu init` made.
    public struct Outcome: Sendable, Equatable {
        public var site: String
        public var database: String
        public var privatePath: String
        public var publicPath: String
        public var key: PublicKey
        /// What this run finished of an earlier run that was interrupted, if anything.
        public var resumed: Resumption?
    }

    /// How a run finished an interrupted one.
    public enum Resumption: String, Sendable, Equatable {
        /// The earlier run wrote the private key file but not the database: the key was kept.
        case keptKey
        /// The earlier run made the database but not the public key file: only that was written.
        case wrotePublicKey
        /// The earlier run with these same arguments had made everything; nothing was changed.
        case alreadyMade
    }

    /// The first key id of every site.
    static let firstKeyID = "K1"

    public static func initialise(databasePath path: String, site code: String, name: String,
                                  clock: SiteClock = .standard, at now: Instant) throws(SapuError) -> Outcome {
        let site = Site(code: code, name: try FreeText.required(name, as: .siteName), timeZone: clock.identifier)
        let now = clock.local(now)
        let files = KeyFiles(databasePath: path, site: code)
        return try SQLiteStore.withCreationLock(at: path) { () throws(SapuError) -> Outcome in
            try files.withRotationLock { () throws(SapuError) -> Outcome in
                files.removeTemporaryFiles()
                if let existing = try SQLiteStore.existing(at: path) {
                    SQLiteStore.removeUnfinishedCreations(at: path)
                    return try resume(existing, site: site, files: files, path: path)
                }
                let (key, kept) = try signingKey(for: site, files: files, path: path)
                let database = try SQLiteStore.build(
                    at: path, site: site, key: StoredKey(keyID: key.keyID, site: code, raw: key.publicKey.rawRepresentation),
                    at: now)
                do throws(SapuError) {
                    if !kept { try files.createPrivate(key) }
                    try database.commit()
                } catch {
                    database.discard()
                    // A key this run wrote and no database registers: gone with the run.
                    if !kept, (try? SQLiteStore.existing(at: path)) == nil { files.removePrivateFile() }
                    throw error
                }
                SQLiteStore.removeUnfinishedCreations(at: path)
                try files.writePublic(try KeyRing([key.publicKey]))
                return Outcome(site: code, database: path, privatePath: files.privatePath, publicPath: files.publicPath,
                               key: key.publicKey, resumed: kept ? .keptKey : nil)
            }
        }
    }

    /// A new key, or the one in a key file that an interrupted init left.
    ///
    /// The key file is kept only when it holds exactly one key, this site's `K1`, and a
    /// temporary database of an earlier `sapu init` for this path registers exactly that key
    /// as current: then no database was ever put in place with it, so nothing was ever
    /// signed with it. Any other key file may be a live site's key whose database was lost:
    /// refused, saying to restore the database or move the key file away.
    private static func signingKey(for site: Site, files: KeyFiles, path: String) throws(SapuError) -> (SigningKey, kept: Bool) {
        guard files.privateFileExists else {
            // No key file: the temporaries of killed runs prove nothing any more.
            SQLiteStore.removeUnfinishedCreations(at: path)
            return (try SigningKey.generate(site: site.code, keyID: firstKeyID), false)
        }
        let unfinished = SQLiteStore.unfinishedCreations(at: path).filter { $0.site.code == site.code }
        guard !unfinished.isEmpty else { throw .keyFileExists(path: files.privatePath) }
        // Owner-only, readable, this site's: otherwise the reason, with what to do.
        let keys = try files.signingKeys()
        guard keys.count == 1, let key = keys.first, key.site == site.code, key.keyID == firstKeyID else {
            throw .keyFileExists(path: files.privatePath)
        }
        let registered = StoredKey(keyID: firstKeyID, site: site.code, raw: key.publicKey.rawRepresentation, current: true)
        guard unfinished.contains(where: { $0.keys == [registered] }) else { throw .keyFileExists(path: files.privatePath) }
        return (key, true)
    }

    /// Finishes an init killed after its database was put in place: writes the missing or
    /// stale public key file, or finds that the earlier run had finished.
    ///
    /// Only for a database made with these same arguments in which nothing was recorded
    /// since, whose key file holds exactly its key: the case of an init that was killed
    /// before it could say it was done. Anything else at the path is refused as it always was.
    private static func resume(_ existing: ExistingDatabase, site: Site, files: KeyFiles,
                               path: String) throws(SapuError) -> Outcome {
        guard existing.site == site, existing.untouched, existing.keys.count == 1, let only = existing.keys.first,
              only.keyID == firstKeyID, only.site == site.code, only.current,
              let key = try? PublicKey(site: only.site, keyID: only.keyID, rawRepresentation: only.raw),
              let fileKeys = try? files.signingKeys(), fileKeys.count == 1,
              fileKeys[0].site == site.code, fileKeys[0].keyID == firstKeyID, fileKeys[0].publicKey == key else {
            throw .alreadyInitialised(path: path)
        }
        var resumed = Resumption.alreadyMade
        if files.publicKeys().map({ Set($0.keys) }) != [key] {
            try files.writePublic(try KeyRing([key]))
            resumed = .wrotePublicKey
        }
        return Outcome(site: site.code, database: path, privatePath: files.privatePath, publicPath: files.publicPath,
                       key: key, resumed: resumed)
    }
}
