/// The database schema as plain SQL migrations; a shipped migration never changes.
///
/// `PRAGMA user_version` holds how many have been applied; a larger number than this list
/// means a newer Sapu wrote the file.
enum Schema {
    /// 'SAPU' in ASCII: marks the file as a Sapu database.
    static let applicationID: Int32 = 0x5341_5055

    static let migrations: [String] = [
        """
        CREATE TABLE site (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE signing_key (
            key_id TEXT PRIMARY KEY NOT NULL,
            site TEXT NOT NULL,
            public_key BLOB NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE product (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            bundle_size INTEGER NOT NULL CHECK (bundle_size > 0)
        );
        CREATE TABLE maker (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT,
            active INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE defect (
            code TEXT PRIMARY KEY NOT NULL,
            name_id TEXT NOT NULL,
            name_en TEXT NOT NULL
        );
        CREATE TABLE batch (
            code TEXT PRIMARY KEY NOT NULL,
            product TEXT NOT NULL REFERENCES product(code),
            made_on TEXT NOT NULL,
            next_serial INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        );
        CREATE TABLE shipment (
            id TEXT PRIMARY KEY NOT NULL,
            number INTEGER NOT NULL,
            status TEXT NOT NULL,
            consignee TEXT NOT NULL,
            address TEXT,
            vehicle TEXT,
            driver TEXT,
            reference TEXT,
            created_at TEXT NOT NULL,
            closed_at TEXT,
            shipped_at TEXT,
            reconciled_at TEXT,
            manifest_sha256 TEXT
        );
        CREATE TABLE bundle (
            id TEXT PRIMARY KEY NOT NULL,
            batch TEXT NOT NULL REFERENCES batch(code),
            serial INTEGER NOT NULL,
            product TEXT NOT NULL REFERENCES product(code),
            maker TEXT NOT NULL REFERENCES maker(code),
            result TEXT NOT NULL,
            grade TEXT,
            inspected_on TEXT NOT NULL,
            inspections INTEGER NOT NULL DEFAULT 1,
            state TEXT NOT NULL,
            label_revision INTEGER NOT NULL DEFAULT 0,
            label_current INTEGER NOT NULL DEFAULT 0,
            shipment TEXT REFERENCES shipment(id),
            updated_at TEXT NOT NULL,
            UNIQUE (batch, serial)
        );
        CREATE INDEX bundle_state ON bundle(state);
        CREATE INDEX bundle_shipment ON bundle(shipment);
        CREATE TABLE event (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            bundle TEXT NOT NULL REFERENCES bundle(id),
            move TEXT NOT NULL,
            state TEXT NOT NULL,
            at TEXT NOT NULL,
            at_unix INTEGER NOT NULL,
            operator TEXT,
            station TEXT NOT NULL,
            result TEXT,
            label_revision INTEGER,
            shipment TEXT,
            manual INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX event_bundle ON event(bundle, seq);
        CREATE INDEX event_at ON event(at_unix);
        CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
            BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        """,
        // Reports (docs/reports.md): each report reads an index in the order it groups
        // by, so none sorts a million rows; the partial ones stay small.
        """
        CREATE INDEX bundle_stock ON bundle(product, grade, state, unixepoch(updated_at));
        CREATE INDEX bundle_first_inspection ON bundle(inspections, inspected_on, batch, result, maker, unixepoch(updated_at), id);
        CREATE INDEX bundle_maker_inspection ON bundle(inspections, maker, product, result, inspected_on);
        CREATE INDEX bundle_reworked ON bundle(unixepoch(updated_at), inspected_on, id, product) WHERE inspections > 1;
        CREATE INDEX event_inspection ON event(bundle, at_unix, move, result, at) WHERE result IS NOT NULL;
        CREATE INDEX event_shipment_outcome ON event(shipment, move) WHERE move IN ('ship', 'deliver', 'mark-missing', 'dispute');
        """,
        // Control codes (docs/scanning.md): the site's secret that tags them, made once per
        // site; SQLite's randomblob draws on the operating system's random source. It never
        // leaves the database: not printed, not in a manifest, receipt or export.
        """
        CREATE TABLE control_code_key (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            secret BLOB NOT NULL CHECK (typeof(secret) = 'blob' AND length(secret) = 32)
        );
        INSERT INTO control_code_key (id, secret) VALUES (1, randomblob(32));
        """,
    ]
}
