import Foundation
import HubTestSupport
import SapuApp
import SapuCore
import SapuHub
import SapuStore
import Testing

/// A site made the way `sapu init` makes it (database and key files side by side), with a maker.
struct TestSite {
    static let day = Instant(iso8601: "2025-11-21T08:00:00+07:00")!
    static let actor = Actor(operatorCode: "QC1", station: "meja-qc")

    let code: String
    let directory: String
    let path: String
    let store: SQLiteStore

    var publicPath: String { KeyFiles(databasePath: path, site: code).publicPath }

    init(_ code: String = "PWT", directory: String? = nil, database: String = "sapu.sqlite") throws {
        self.code = code
        self.directory = directory ?? NSTemporaryDirectory() + "sapu-hub-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        path = self.directory + "/" + database
        _ = try SiteInitialisation.initialise(databasePath: path, site: code, name: "Lapas \(code)", at: Self.day)
        store = try SQLiteStore.open(at: path)
        try store.addMaker(Maker(code: "M042", name: "Budi Santoso", active: true))
        try store.addMaker(Maker(code: "M043", name: "Slamet Riyadi", active: true))
    }

    /// Opens another database of the same site in the same directory (its key files are shared).
    init(opening path: String, code: String) throws {
        self.code = code
        directory = (path as NSString).deletingLastPathComponent
        self.path = path
        store = try SQLiteStore.open(at: path)
    }

    /// A new batch with `count` bundles inspected, labelled and received into stock (4 + 3 × count entries).
    @discardableResult
    func work(_ count: Int = 3, result: QCResult = .pass(.a), maker: String = "M042", at: Instant = day) throws -> [BundleID] {
        let batch = try store.createBatch(product: "LIDI", date: at.date, at: at)
        let ids = try store.inspect(batch: batch.code, maker: maker, result: result, count: count, actor: Self.actor, at: at)
            .map(\.id)
        guard result.passed else { return ids }
        _ = try store.recordLabelPrints(ids, again: false, keyID: "K1", actor: Self.actor, at: at)
        _ = try store.applyScans(ids.map { ScanRequest(bundle: $0, label: nil) }, mode: .receive, shipment: nil,
                                 actor: Self.actor, at: at)
        return ids
    }

    func events() throws -> Int64 { try store.logEnd().events }

    /// A batch of the site's log after `seq`, signed with `key` (the site's current key by default).
    func signedBatch(after seq: Int64 = 0, previous: String = LogChain.start, limit: Int = 10_000,
                     key: SigningKey? = nil) throws -> (bytes: [UInt8], signature: DetachedSignature, batch: LogBatch) {
        let batch = LogBatch(site: code, previous: previous, entries: try store.logEntries(after: seq, limit: limit))
        let bytes = batch.bytes
        return (bytes, DetachedSignature(signing: bytes, with: try key ?? SiteSigner.current(store: store)), batch)
    }

    /// `sqlite3` on the site's database: the rows, tab-separated.
    func sqlite(_ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", "-separator", "\t", path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs `body`; the SapuError it threw, or nil (another error is reported as one that no Sapu code throws).
func refusal<T>(_ body: () async throws -> T) async -> SapuError? {
    do {
        _ = try await body()
        return nil
    } catch let error as SapuError {
        return error
    } catch {
        return .hub(.failed("not a SapuError: \(error)"))
    }
}

/// The hub's ledger against a real PostgreSQL (docs/hub.md): what it stores, once, and what it refuses.
@Suite("Hub: storing signed batches", .serialized)
struct HubLedgerTests {
    let now = TestSite.day

    func initialised() async throws -> HubDatabase {
        let hub = try HubDatabase()
        _ = try await HubSetup.initialise(url: hub.url)
        return hub
    }

    func register(_ site: TestSite, _ hub: HubDatabase) async throws {
        _ = try await HubSetup.addSite(site.code, keyFile: site.publicPath, fingerprints: [], url: hub.url)
    }

    func store(_ signed: (bytes: [UInt8], signature: DetachedSignature, batch: LogBatch), _ hub: HubDatabase)
        async throws(SapuError) -> HubPosition {
        try await HubConnection.with(try HubURL(hub.url)) { connection throws(SapuError) in
            try await HubLedger.store(signed.bytes, signature: signed.signature, hub: connection).position
        }
    }

    func sync(_ site: TestSite, _ hub: HubDatabase, batchSize: Int = Syncing.defaultBatchSize) async throws(SapuError)
        -> Syncing.Outcome {
        try await Syncing.run(store: site.store, url: try HubURL(hub.url), now: now, batchSize: batchSize)
    }

    /// What the hub holds: batches, events, the site's position, bundles, records.
    func holdings(_ hub: HubDatabase) throws -> String {
        try hub.psql("""
            SELECT (SELECT count(*) FROM log_batch), (SELECT count(*) FROM event), (SELECT count(*) FROM bundle),
                   (SELECT count(*) FROM product), (SELECT count(*) FROM batch),
                   (SELECT string_agg(code || ':' || log_seq || ':' || log_head || ':' || events, ',' ORDER BY code) FROM site)
            """)
    }

    // MARK: (a) forged batches

    @Test func aBatchSignedByAKeyTheHubDoesNotHaveForTheSiteIsRefusedAndNothingStored() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite("PWT")
        try site.work()
        try await register(site, hub)
        let nothing = try holdings(hub)

        // A key PWT never registered (a K2 made elsewhere), another site's real key, a forged K1.
        let other = try TestSite("NKB")
        try await register(other, hub)
        let before = try holdings(hub)
        let k2 = try SigningKey.generate(site: "PWT", keyID: "K2")
        #expect(await refusal { try await store(try site.signedBatch(key: k2), hub) }
            == .hub(.keyNotRegistered(site: "PWT", keyID: "K2")))
        let otherKey = try SiteSigner.current(store: other.store)
        #expect(await refusal { try await store(try site.signedBatch(key: otherKey), hub) }
            == .hub(.keyNotRegistered(site: "PWT", keyID: "K1")))
        let forgedK1 = try SigningKey.generate(site: "PWT", keyID: "K1")
        #expect(await refusal { try await store(try site.signedBatch(key: forgedK1), hub) } == .hub(.badSignature(site: "PWT")))
        #expect(try holdings(hub) == before)
        #expect(nothing != before)

        // One byte changed after signing, in an entry: the batch still reads, the signature does not match.
        var signed = try site.signedBatch()
        let at = try #require(signed.bytes.firstIndex(of: UInt8(ascii: "M")))
        signed.bytes[at] = UInt8(ascii: "N")
        #expect(await refusal { try await store(signed, hub) } == .hub(.badSignature(site: "PWT")))
        // A byte appended after the last line: not a batch at all.
        var longer = try site.signedBatch()
        longer.bytes.append(0x0A)
        #expect(await refusal { try await store(longer, hub) } == .malformedLogBatch)
        #expect(try holdings(hub) == before)
    }

    @Test func aBatchFromASiteTheHubDoesNotKnowIsRefused() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite("SMG")
        try site.work()
        let before = try holdings(hub)
        #expect(await refusal { try await store(try site.signedBatch(), hub) } == .hub(.siteUnknown("SMG")))
        #expect(await refusal { try await sync(site, hub) } == .hub(.siteUnknown("SMG")))
        #expect(try holdings(hub) == before)
        #expect(try site.store.hubAcknowledgement(hub: try hub.psql("SELECT hub_id FROM sapu_hub")) == nil)
    }

    /// `sapu hub site add PWT` takes PWT's own key file: one holding another site's key too is
    /// refused whole, never registered in part.
    @Test func aKeyFileHoldingAnotherSitesKeyIsRefusedAndNothingRegistered() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let own = try TestSite("PWT")
        let other = try TestSite("NKB")
        let mixed = own.directory + "/mixed.pub"
        let text = try String(contentsOfFile: own.publicPath, encoding: .utf8)
            + (try String(contentsOfFile: other.publicPath, encoding: .utf8))
        try text.write(toFile: mixed, atomically: true, encoding: .utf8)
        #expect(await refusal { _ = try await HubSetup.addSite("PWT", keyFile: mixed, fingerprints: [], url: hub.url) }
            == .hub(.keyForOtherSite(expected: "PWT", found: "NKB")))
        #expect(try hub.count("SELECT count(*) FROM site") == 0)
        #expect(try hub.count("SELECT count(*) FROM site_key") == 0)
    }

    /// With `--fingerprint`, only the keys confirmed with the site are registered, and the refusal
    /// names the site (the check is the one a partner's key gets).
    @Test func aKeyWhoseFingerprintWasNotConfirmedWithTheSiteIsRefused() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite("PWT")
        let key = try SiteSigner.current(store: site.store).publicKey
        #expect(await refusal {
            _ = try await HubSetup.addSite("PWT", keyFile: site.publicPath, fingerprints: ["AAAA-BBBB-CCCC-DDDD"], url: hub.url)
        } == .hub(.fingerprintMismatch(site: "PWT", keyID: "K1", fingerprint: key.fingerprint)))
        #expect(try hub.count("SELECT count(*) FROM site_key") == 0)
        let registered = try await HubSetup.addSite("PWT", keyFile: site.publicPath, fingerprints: [key.fingerprint],
                                                    url: hub.url)
        #expect(registered.added.map(\.keyID) == ["K1"])
    }

    // MARK: (b) replay, (c) order

    @Test func theSameBatchStoredTwiceIsStoredOnce() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work(5)
        try await register(site, hub)
        let signed = try site.signedBatch()
        let first = try await store(signed, hub)
        #expect(first.seq == signed.batch.last && first.head == signed.batch.head && first.events == 15)
        let stored = try holdings(hub)
        let again = try await store(signed, hub)
        #expect(again == first)
        // The hub's answer says it stored nothing this time, so a sync counts nothing as sent.
        let answer = try await HubConnection.with(try HubURL(hub.url)) { connection throws(SapuError) in
            try await HubLedger.store(signed.bytes, signature: signed.signature, hub: connection)
        }
        #expect(answer == HubLedger.Answer(position: first, stored: false))
        #expect(try holdings(hub) == stored)
        #expect(try hub.count("SELECT count(*) FROM log_batch") == 1)
        #expect(try hub.count("SELECT count(*) FROM event WHERE site = 'PWT'") == (try site.events()))
        // A replay changed after signing is a forgery, not a replay.
        var forged = signed
        let at = try #require(forged.bytes.lastIndex(of: UInt8(ascii: "A")))
        forged.bytes[at] = UInt8(ascii: "B")
        #expect(await refusal { try await store(forged, hub) } == .hub(.badSignature(site: "PWT")))
        // What the hub stored stays as it came, even for its administrator's own SQL.
        #expect(throws: (any Error).self) { try hub.psql("UPDATE event SET state = 'scrapped'") }
        #expect(throws: (any Error).self) { try hub.psql("DELETE FROM log_batch") }
        #expect(try holdings(hub) == stored)
        // Initialising again changes nothing.
        let again2 = try await HubSetup.initialise(url: hub.url)
        #expect(again2.from == HubSchema.version && again2.to == HubSchema.version)
        #expect(try holdings(hub) == stored)
        // A sync after it sends nothing.
        let outcome = try await sync(site, hub)
        #expect(outcome.entries == 0 && outcome.position == first)
        #expect(try holdings(hub) == stored)
    }

    @Test func aBatchThatDoesNotContinueTheHubsCopyIsOutOfOrder() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work(5)
        try await register(site, hub)
        let head = try await store(try site.signedBatch(limit: 6), hub)
        #expect(head.seq == 6)
        let stored = try holdings(hub)
        // Skips ahead (7 missing); continues from a wrong value; starts inside what the hub has.
        #expect(await refusal { try await store(try site.signedBatch(after: 7, previous: head.head), hub) }
            == .hub(.outOfOrder(site: "PWT")))
        #expect(await refusal { try await store(try site.signedBatch(after: 6, previous: LogChain.start), hub) }
            == .hub(.outOfOrder(site: "PWT")))
        #expect(await refusal { try await store(try site.signedBatch(after: 3, previous: head.head), hub) }
            == .hub(.outOfOrder(site: "PWT")))
        #expect(try holdings(hub) == stored)
        let rest = try await store(try site.signedBatch(after: 6, previous: head.head), hub)
        #expect(rest.seq == (try site.store.logEnd().last))
        #expect(rest.events == (try site.events()))
    }

    // MARK: (d) schema

    @Test func aDatabaseWithOtherTablesIsNotAHubAndANewerHubIsRefusedEverywhere() async throws {
        let other = try HubDatabase()
        defer { other.drop() }
        try other.psql("CREATE TABLE invoices (id integer)")
        #expect(await refusal { try await HubSetup.initialise(url: other.url) } == .hub(.notAHub))
        #expect(try other.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == 1)

        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work()
        try await register(site, hub)
        let known = HubSchema.version
        try hub.psql("UPDATE sapu_hub SET schema_version = \(known + 1)")
        let newer = SapuError.hub(.schemaNewer(found: known + 1, known: known))
        let before = try holdings(hub)
        #expect(await refusal { try await sync(site, hub) } == newer)
        #expect(await refusal { try await HubSetup.addSite("PWT", keyFile: site.publicPath, fingerprints: [], url: hub.url) }
            == newer)
        #expect(await refusal { try await HubSetup.initialise(url: hub.url) } == newer)
        #expect(try holdings(hub) == before)
        #expect(try hub.count("SELECT schema_version FROM sapu_hub") == Int64(known + 1))
        // Not yet initialised: said so, not a database error.
        let empty = try HubDatabase()
        defer { empty.drop() }
        #expect(await refusal { try await sync(site, empty) } == .hub(.notInitialised))
    }

    // MARK: (e) reaching the hub

    @Test func anUnreachableHubOrAWrongDatabaseIsOneLineAndTheSiteUnchanged() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work()
        let before = try site.sqlite(".dump")
        let empty = NSTemporaryDirectory() + "sapu-nopg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        for url in ["postgres://sapu@localhost:5432/postgres?host=\(empty)",
                    "postgres://sapu:secret@127.0.0.1:1/postgres?sslmode=disable&connect_timeout=3"] {
            let problem = await refusal { try await Syncing.run(store: site.store, url: try HubURL(url), now: now) }
            guard case .hub(.unreachable(let shown)) = problem else {
                Issue.record("\(url): \(String(describing: problem))")
                continue
            }
            #expect(!shown.contains("secret"))
            for language in Language.allCases {
                let text = problem!.message.text(language)
                #expect(!text.contains("\n") && !text.contains("secret") && !text.isEmpty, "\(text)")
            }
        }
        let wrong = try HubDatabase.url(hub.url, database: "no_such_hub_database")
        #expect(await refusal { try await Syncing.run(store: site.store, url: try HubURL(wrong), now: now) }
            == .hub(.loginRefused(try HubURL(wrong).shown)))
        #expect(try site.sqlite(".dump") == before)
        // The site keeps working.
        try site.work(1)
    }

    // MARK: (f) key rotation

    @Test func aRotatedKeyIsRefusedUntilRegisteredAndOlderBatchesStillVerify() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work()
        try await register(site, hub)
        let first = try await sync(site, hub)
        #expect(first.position.events == (try site.events()))

        let rotated = try KeyRotation.rotate(store: site.store, at: now)
        #expect(rotated.key.keyID == "K2")
        try site.work()
        let stored = try holdings(hub)
        #expect(await refusal { try await sync(site, hub) } == .hub(.keyNotRegistered(site: "PWT", keyID: "K2")))
        #expect(try holdings(hub) == stored)
        // The site still works, and still refuses until the hub knows the key.
        try site.work(1)
        #expect(await refusal { try await sync(site, hub) } == .hub(.keyNotRegistered(site: "PWT", keyID: "K2")))

        let registered = try await HubSetup.addSite("PWT", keyFile: site.publicPath, fingerprints: [], url: hub.url)
        #expect(registered.added.map(\.keyID) == ["K2"] && registered.known.map(\.keyID) == ["K1"])
        let second = try await sync(site, hub)
        #expect(second.position.events == (try site.events()))
        #expect(second.position.seq == (try site.store.logEnd().last))

        // Every stored batch verifies under the keys registered, K1's as well as K2's.
        let ring = try KeyExport.ring(store: site.store)
        var keyIDs: [String] = []
        for row in try hub.psql("""
            SELECT replace(encode(bytes, 'base64'), E'\\n', ''), rtrim(signature, E'\\n') FROM log_batch ORDER BY first_seq
            """)
            .split(separator: "\n") {
            let columns = row.split(separator: "\t", omittingEmptySubsequences: false)
            let bytes = try #require(Data(base64Encoded: String(columns[0])))
            let signature = try #require(DetachedSignature(text: String(columns[1]) + "\n"))
            try signature.verify(Array(bytes), keys: ring)
            keyIDs.append(signature.keyID)
        }
        #expect(keyIDs.first == "K1" && keyIDs.last == "K2")

        // Another K2 under PWT's name: the hub never replaces a key.
        let impostor = try SigningKey.generate(site: "PWT", keyID: "K2")
        let file = site.directory + "/impostor.pub"
        try Data(try KeyRing([impostor.publicKey]).keyFile.utf8).write(to: URL(fileURLWithPath: file))
        #expect(await refusal { try await HubSetup.addSite("PWT", keyFile: file, fingerprints: [], url: hub.url) }
            == .hub(.keyIDTaken(site: "PWT", keyID: "K2")))
        #expect(try hub.count("SELECT count(*) FROM site_key WHERE site = 'PWT'") == 2)
    }

    // MARK: (g) a site restored from a backup

    @Test func aSiteRestoredFromAnOlderBackupIsRefusedNotMerged() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work(4)
        try await register(site, hub)
        _ = try await sync(site, hub)
        let copy = site.directory + "/backup.sqlite"
        _ = try site.store.backup(to: copy)
        try site.work(4)
        let synced = try await sync(site, hub)
        let stored = try holdings(hub)

        let restored = try TestSite(opening: copy, code: "PWT")
        let own = try restored.store.logEnd().last
        #expect(own < synced.position.seq)
        #expect(await refusal { try await sync(restored, hub) }
            == .hub(.siteBehindHub(site: "PWT", hub: synced.position.seq, own: own)))
        #expect(try holdings(hub) == stored)

        // Different work until the restored log is longer than the hub's copy: diverged, still refused.
        try restored.work(6, maker: "M043")
        #expect(try restored.store.logEnd().last > synced.position.seq)
        guard case .hub(.logDiverged(site: "PWT", at: synced.position.seq)) = await refusal({ try await sync(restored, hub) })
        else {
            Issue.record("the restored site's other log was not refused")
            return
        }
        #expect(try holdings(hub) == stored)
        // The original site goes on as before.
        try site.work(1)
        #expect(try await sync(site, hub).position.events == (try site.events()))
    }

    /// Two copies of one site that wrote different entries under the same numbers, syncing at
    /// the same time: the hub's answer for a batch it already holds is checked against the
    /// copy's own chain before it is acknowledged, so the second copy is refused, not merged.
    @Test func aCopyOfTheSiteWhoseSameNumberedBatchTheHubAlreadyHoldsIsRefused() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        try site.work(3)
        try await register(site, hub)
        let copyPath = site.directory + "/copy.sqlite"
        _ = try site.store.backup(to: copyPath)
        let copy = try TestSite(opening: copyPath, code: "PWT")
        let common = try site.store.logEnd().last
        // The same moves, other facts: both logs end at the same number.
        try site.work(3, maker: "M042")
        try copy.work(3, maker: "M043")
        #expect(try site.store.logEnd().last == (try copy.store.logEnd().last))
        let url = try HubURL(hub.url)
        let now = now
        let original = site.store
        // The copy sends the common part; meanwhile the original sends all of its log.
        let problem = await refusal {
            try await Syncing.run(store: copy.store, url: url, now: now, batchSize: Int(common)) { sent, _ in
                guard sent == common else { return }
                let done = DispatchSemaphore(value: 0)
                Task.detached {
                    _ = try? await Syncing.run(store: original, url: url, now: now)
                    done.signal()
                }
                done.wait()
            }
        }
        let hubEnd = try site.store.logEnd().last
        guard case .hub(.logDiverged(site: "PWT", at: hubEnd)) = problem else {
            Issue.record("the copy was not refused: \(String(describing: problem))")
            return
        }
        // The copy goes on working; its next sync is refused too, and the hub holds the original only.
        try copy.work(2, maker: "M043")
        #expect(await refusal { try await sync(copy, hub) } == .hub(.logDiverged(site: "PWT", at: hubEnd)))
        #expect(try hub.count("SELECT log_seq FROM site WHERE code = 'PWT'") == hubEnd)
        #expect(try hub.count("SELECT count(*) FROM event WHERE maker = 'M043'") == 0)
        #expect(try hub.count("SELECT count(*) FROM event") == (try site.events()))
    }

    // MARK: (h) two syncs at once

    func concurrentSyncs(_ first: SQLiteStore, _ second: SQLiteStore, site: TestSite, hub: HubDatabase) async throws {
        let url = try HubURL(hub.url)
        let now = now
        async let one = refusal { try await Syncing.run(store: first, url: url, now: now, batchSize: 5) }
        async let two = refusal { try await Syncing.run(store: second, url: url, now: now, batchSize: 5) }
        for problem in await [one, two] {
            guard let problem else { continue }
            guard case .hub(.busy) = problem else {
                Issue.record("a concurrent sync failed: \(problem)")
                continue
            }
        }
        // Whatever gave up, a last sync completes, and each event is there exactly once.
        _ = try await Syncing.run(store: first, url: url, now: now)
        #expect(try hub.count("SELECT count(*) FROM event WHERE site = 'PWT'") == (try site.events()))
        #expect(try hub.count("SELECT count(*) FROM (SELECT seq FROM event GROUP BY site, seq HAVING count(*) > 1) d") == 0)
        #expect(try hub.count("SELECT events FROM site WHERE code = 'PWT'") == (try site.events()))
        #expect(try hub.count("SELECT log_seq FROM site WHERE code = 'PWT'") == (try site.store.logEnd().last))
        // The batches tile the log: no overlap, no gap.
        #expect(try hub.count("SELECT COALESCE(sum(last_seq - first_seq + 1), 0) FROM log_batch WHERE site = 'PWT'")
            == (try site.store.logEnd().last))
        #expect(try hub.count("""
            SELECT count(*) FROM log_batch a JOIN log_batch b ON a.site = b.site AND a.first_seq < b.first_seq
            AND a.last_seq >= b.first_seq
            """) == 0)
    }

    @Test func twoSyncsOfOneSiteAtOnceStoreEachEventOnce() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let site = try TestSite()
        for round in 0..<6 { try site.work(5, maker: round.isMultiple(of: 2) ? "M042" : "M043") }
        try await register(site, hub)
        try await concurrentSyncs(site.store, site.store, site: site, hub: hub)
        // Two stores (two stations) on one file, with more to send.
        for _ in 0..<4 { try site.work(5) }
        let other = try SQLiteStore.open(at: site.path)
        try await concurrentSyncs(site.store, other, site: site, hub: hub)
    }

    // MARK: (i) a generated history

    @Test func aGeneratedHistoryArrivesWholeAndEachBundlesProjectionIsTheSitesRow() async throws {
        let hub = try await initialised()
        defer { hub.drop() }
        let directory = NSTemporaryDirectory() + "sapu-hub-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/sapu.sqlite"
        _ = try SiteInitialisation.initialise(databasePath: path, site: "PWT", name: "Lapas PWT", at: now)
        let store = try SQLiteStore.open(at: path)
        let simulation = HistorySimulation(.init(site: "PWT", bundles: 2_000, makers: 12, days: 90, end: now.date,
                                                 utcOffset: now.utcOffset, seed: 13))
        let (_, events) = try store.importHistory(simulation)
        let site = try TestSite(opening: path, code: "PWT")
        try await register(site, hub)
        let outcome = try await sync(site, hub, batchSize: 1_000)
        #expect(outcome.events == Int64(events) && outcome.position.events == Int64(events))
        #expect(outcome.batches > 1)
        #expect(try hub.count("SELECT count(*) FROM event WHERE site = 'PWT'") == (try site.events()))
        #expect(try hub.count("SELECT count(*) FROM bundle WHERE site = 'PWT'") == 2_000)

        let columns = "id, state, result, COALESCE(grade, '-'), inspections, inspected_on, product, maker, batch, serial"
        let hubRows = try hub.psql("SELECT \(columns) FROM bundle WHERE site = 'PWT' ORDER BY id")
        let siteRows = try site.sqlite("SELECT \(columns) FROM bundle ORDER BY id")
        #expect(hubRows.split(separator: "\n").count == 2_000)
        let mismatched = zip(hubRows.split(separator: "\n"), siteRows.split(separator: "\n")).filter { $0 != $1 }
        #expect(mismatched.isEmpty, "\(mismatched.prefix(5))")
        let shipments = "id, COALESCE(shipment, '-'), updated_at"
        let hubShipments = try hub.psql("SELECT \(shipments) FROM bundle WHERE site = 'PWT' ORDER BY id")
        let siteShipments = try site.sqlite("SELECT \(shipments) FROM bundle ORDER BY id")
        let differing = zip(hubShipments.split(separator: "\n"), siteShipments.split(separator: "\n")).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        // No maker's name reached the hub.
        let names = try site.sqlite("SELECT name FROM maker WHERE name IS NOT NULL AND name <> ''")
            .split(separator: "\n").map(String.init)
        #expect(!names.isEmpty)
        let hubText = try hub.psql("SELECT string_agg(convert_from(bytes, 'UTF8'), '') FROM log_batch")
        for name in names { #expect(!hubText.contains(name), "\(name)") }
    }
}
