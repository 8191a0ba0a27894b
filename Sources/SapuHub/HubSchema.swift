import Foundation
import PostgresNIO
import SapuCore

/// The hub's tables (docs/hub.md, "Schema"), as numbered migrations like the site's own:
/// `sapu_hub.schema_version` says how many are applied; a shipped migration never changes.
///
/// Every table is keyed by the site first, the column a distributed hub shards on.
public enum HubSchema {
    static let migrations: [String] = [
        """
        CREATE TABLE sapu_hub (
            id integer PRIMARY KEY CHECK (id = 1),
            hub_id text NOT NULL,
            schema_version integer NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE site (
            code text PRIMARY KEY,
            name text,
            time_zone text,
            log_seq bigint NOT NULL DEFAULT 0,
            log_head text NOT NULL DEFAULT '\(LogChain.start)',
            events bigint NOT NULL DEFAULT 0,
            registered_at timestamptz NOT NULL DEFAULT now(),
            synced_at timestamptz
        );
        CREATE TABLE site_key (
            site text NOT NULL REFERENCES site (code),
            key_id text NOT NULL,
            public_key bytea NOT NULL,
            added_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (site, key_id)
        );
        CREATE TABLE log_batch (
            site text NOT NULL REFERENCES site (code),
            first_seq bigint NOT NULL,
            last_seq bigint NOT NULL,
            key_id text NOT NULL,
            bytes bytea NOT NULL,
            signature text NOT NULL,
            head text NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (site, first_seq)
        );
        CREATE TABLE event (
            site text NOT NULL,
            seq bigint NOT NULL,
            log_seq bigint NOT NULL,
            bundle text NOT NULL,
            batch text NOT NULL,
            product text NOT NULL,
            maker text NOT NULL,
            move text NOT NULL,
            state text NOT NULL,
            at text NOT NULL,
            at_unix bigint NOT NULL,
            operator text,
            station text NOT NULL,
            result text,
            label_revision integer,
            shipment text,
            manual boolean NOT NULL,
            reason text,
            PRIMARY KEY (site, seq)
        );
        CREATE INDEX event_bundle ON event (site, bundle, seq);
        CREATE INDEX event_inspection ON event (site, bundle, at_unix) WHERE result IS NOT NULL;
        CREATE INDEX event_shipment_outcome ON event (site, shipment, move)
            WHERE move IN ('ship', 'deliver', 'mark-missing', 'dispute');
        CREATE TABLE bundle (
            site text NOT NULL,
            id text NOT NULL,
            batch text NOT NULL,
            serial integer NOT NULL,
            product text NOT NULL,
            maker text NOT NULL,
            result text NOT NULL,
            grade text,
            inspected_on text NOT NULL,
            inspections integer NOT NULL,
            state text NOT NULL,
            shipment text,
            updated_at text NOT NULL,
            updated_unix bigint NOT NULL,
            PRIMARY KEY (site, id)
        );
        CREATE INDEX bundle_stock ON bundle (site, product, grade, state);
        CREATE INDEX bundle_inspection ON bundle (site, inspections, inspected_on);
        CREATE INDEX bundle_updated ON bundle (site, updated_unix);
        CREATE TABLE product (
            site text NOT NULL,
            code text NOT NULL,
            name text NOT NULL,
            bundle_size integer NOT NULL,
            PRIMARY KEY (site, code)
        );
        CREATE TABLE batch (
            site text NOT NULL,
            code text NOT NULL,
            product text NOT NULL,
            made_on text NOT NULL,
            created_at text NOT NULL,
            PRIMARY KEY (site, code)
        );
        CREATE TABLE shipment (
            site text NOT NULL,
            id text NOT NULL,
            number integer NOT NULL,
            status text NOT NULL,
            consignee text NOT NULL,
            partner text,
            created_at text NOT NULL,
            closed_at text,
            shipped_at text,
            reconciled_at text,
            manifest_sha256 text,
            PRIMARY KEY (site, id)
        );
        CREATE TABLE receipt (
            site text NOT NULL,
            sha256 text NOT NULL,
            shipment text NOT NULL,
            manifest_sha256 text NOT NULL,
            partner text NOT NULL,
            key_id text NOT NULL,
            finished text NOT NULL,
            finished_unix bigint NOT NULL,
            bytes bytea NOT NULL,
            signature text NOT NULL,
            applied_at text NOT NULL,
            superseded_by text,
            PRIMARY KEY (site, sha256)
        );
        CREATE INDEX receipt_shipment ON receipt (site, shipment);
        CREATE FUNCTION sapu_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the hub keeps events and batches as they came'; END $$;
        CREATE TRIGGER event_is_append_only BEFORE UPDATE OR DELETE ON event
            FOR EACH ROW EXECUTE FUNCTION sapu_append_only();
        CREATE TRIGGER log_batch_is_append_only BEFORE UPDATE OR DELETE ON log_batch
            FOR EACH ROW EXECUTE FUNCTION sapu_append_only();
        """,
    ]

    /// The schema version this Sapu writes and reads.
    public static var version: Int { migrations.count }

    /// What `sapu hub init` did.
    public struct Initialised: Sendable, Equatable {
        public var hubID: String
        public var from: Int
        public var to: Int
    }

    /// Creates the schema in an empty database, or brings an older one up to date.
    public static func initialise(_ hub: HubConnection) async throws(SapuError) -> Initialised {
        try await hub.transaction { () async throws(SapuError) -> Initialised in
            // Two inits at once: the second waits here, then finds the schema made.
            try await hub.run("SELECT pg_advisory_xact_lock(7365707531)")
            let found = try await installedVersion(hub)
            if found > version { throw SapuError.hub(.schemaNewer(found: found, known: version)) }
            if found == 0 {
                let tables = try await hub.rows("""
                    SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()
                    """)
                if let row = tables.first, try HubConnection.column(row, 0, as: Int64.self) > 0 {
                    throw SapuError.hub(.notAHub)
                }
            }
            for index in found..<version {
                for statement in statements(migrations[index]) { try await hub.run(PostgresQuery(unsafeSQL: statement)) }
            }
            if found == 0 {
                let id = UUID().uuidString.lowercased()
                try await hub.run("INSERT INTO sapu_hub (id, hub_id, schema_version) VALUES (1, \(id), \(version))")
            } else {
                try await hub.run("UPDATE sapu_hub SET schema_version = \(version) WHERE id = 1")
            }
            return Initialised(hubID: try await hubID(hub), from: found, to: version)
        }
    }

    /// A migration's statements, one by one (PostgreSQL prepares one at a time): split at each
    /// `;` that ends a line outside a `$$` body.
    static func statements(_ migration: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        for line in migration.split(separator: "\n", omittingEmptySubsequences: false) {
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody, line.hasSuffix(";") {
                statements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }

    /// The hub's id, after checking its schema is the one this Sapu knows.
    public static func check(_ hub: HubConnection) async throws(SapuError) -> String {
        let found = try await installedVersion(hub)
        if found == 0 { throw SapuError.hub(.notInitialised) }
        if found > version { throw SapuError.hub(.schemaNewer(found: found, known: version)) }
        if found < version { throw SapuError.hub(.schemaOlder(found: found, known: version)) }
        return try await hubID(hub)
    }

    private static func installedVersion(_ hub: HubConnection) async throws(SapuError) -> Int {
        let exists = try await hub.rows("SELECT to_regclass('sapu_hub') IS NOT NULL")
        guard let row = exists.first, try HubConnection.column(row, 0, as: Bool.self) else { return 0 }
        let rows = try await hub.rows("SELECT schema_version FROM sapu_hub WHERE id = 1")
        guard let version = rows.first else { throw SapuError.hub(.notAHub) }
        return Int(try HubConnection.column(version, 0, as: Int32.self))
    }

    private static func hubID(_ hub: HubConnection) async throws(SapuError) -> String {
        guard let row = try await hub.rows("SELECT hub_id FROM sapu_hub WHERE id = 1").first else {
            throw SapuError.hub(.notAHub)
        }
        return try HubConnection.column(row, 0, as: String.self)
    }
}
