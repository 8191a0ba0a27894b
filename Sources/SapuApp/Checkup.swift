import Foundation
import SapuCore
import SapuStore

/// `sapu doctor`: whether the database is sound, the signing key is the one it registers,
/// and every closed shipment's documents are where the closing put them, unchanged.
///
/// Reads only; one finding per line, each with a verdict.
public enum Checkup {
    public enum Area: String, Sendable, Codable {
        case access, integrity, quickCheck = "quick-check", keys, documents
    }

    public struct Finding: Sendable {
        public var area: Area
        public var ok: Bool
        public var message: Message
    }

    public static func run(store: SQLiteStore) -> [Finding] {
        var findings: [Finding] = []
        switch store.access {
        case .readOnly: findings.append(Finding(area: .access, ok: true, message: .doctorReadOnly))
        case .damaged: findings.append(Finding(area: .access, ok: false, message: .doctorDamagedAtOpen))
        case .readWrite: break
        }
        findings.append(integrity(store))
        if let last = try? store.lastQuickCheck() {
            // Kept in UTC; read on the site's clock like every other time.
            let clock = (try? store.site()).flatMap { try? SiteClock(identifier: $0.timeZone) } ?? .standard
            let at = Instant(iso8601: last.at).map(clock.shown) ?? last.at
            findings.append(Finding(area: .quickCheck, ok: true, message: .doctorLastQuickCheck(at: at, seconds: last.seconds)))
        } else if store.access != .damaged {
            findings.append(Finding(area: .quickCheck, ok: true, message: .doctorLastQuickCheck(at: nil, seconds: nil)))
        }
        findings.append(keys(store))
        findings += documents(store)
        return findings
    }

    private static func integrity(_ store: SQLiteStore) -> Finding {
        do {
            if let problems = try store.integrityProblems() {
                return Finding(area: .integrity, ok: false, message: .doctorIntegrityDamaged(problems))
            }
            return Finding(area: .integrity, ok: true, message: .doctorIntegritySound)
        } catch {
            return Finding(area: .integrity, ok: false, message: .doctorUnreadable(error.message))
        }
    }

    private static func keys(_ store: SQLiteStore) -> Finding {
        do {
            let key = try SiteSigner.current(store: store)
            let path = KeyFiles(databasePath: store.path, site: key.site).privatePath
            return Finding(area: .keys, ok: true,
                           message: .doctorKeyMatches(keyID: key.keyID, fingerprint: key.publicKey.fingerprint, path: path))
        } catch {
            return Finding(area: .keys, ok: false, message: .doctorKeyProblem(error.message))
        }
    }

    /// Every closed (shipped, delivered, disputed) shipment: its recorded files exist, the
    /// manifest's SHA-256 is the one recorded when it closed, the others are as written.
    private static func documents(_ store: SQLiteStore) -> [Finding] {
        let shipments: [Shipment]
        let records: [String: ShipmentDocumentRecord]
        do {
            shipments = try store.shipments().filter { [.closed, .shipped, .delivered, .disputed].contains($0.status) }
            records = Dictionary(try store.documentRecords().map { ($0.shipment, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            return [Finding(area: .documents, ok: false, message: .doctorUnreadable(error.message))]
        }
        var findings: [Finding] = []
        var checked = 0
        var failing = 0
        var unrecorded = 0
        for shipment in shipments {
            guard let record = records[shipment.id] else {
                unrecorded += 1
                continue
            }
            checked += 1
            var problems: [Message] = []
            if !record.complete {
                problems.append(.doctorClosingUnfinished(shipment: shipment.id))
            } else {
                let written = (try? store.documentBytes(ofShipment: shipment.id)) ?? []
                for (index, path) in record.paths.enumerated() {
                    guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else {
                        problems.append(.doctorDocumentMissing(shipment: shipment.id, path: path))
                        continue
                    }
                    if index == 0 {
                        if Digest.sha256Hex(bytes) != shipment.manifestSHA256 {
                            problems.append(.doctorManifestAltered(shipment: shipment.id, path: path))
                        }
                    } else if index < written.count, bytes != written[index] {
                        problems.append(.doctorDocumentAltered(shipment: shipment.id, path: path))
                    }
                }
            }
            if !problems.isEmpty { failing += 1 }
            findings += problems.map { Finding(area: .documents, ok: false, message: $0) }
        }
        findings.append(failing == 0
            ? Finding(area: .documents, ok: true, message: .doctorDocumentsInPlace(checked: checked, unrecorded: unrecorded))
            : Finding(area: .documents, ok: false, message: .doctorDocumentsProblems(checked: checked, failing: failing)))
        return findings
    }
}
