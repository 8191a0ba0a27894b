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
        // Keys (docs/keys.md): the database, not the order of rows or of the key file, says
        // which key is current; exactly one is. Existing sites: the highest `K<n>` is current
        // (created_at cannot tell two rotations in one second apart, and text puts K10 before K2).
        // A label's revision follows its key id, so the bundle remembers which key signed its
        // last label (NULL for labels printed before: the next print gets a new revision).
        """
        ALTER TABLE signing_key ADD COLUMN status TEXT NOT NULL DEFAULT 'retired' CHECK (status IN ('current', 'retired'));
        UPDATE signing_key SET status = 'current' WHERE key_id = (
            SELECT key_id FROM signing_key
            ORDER BY CASE WHEN key_id GLOB 'K[1-9]*' AND substr(key_id, 2) NOT GLOB '*[^0-9]*'
                          THEN CAST(substr(key_id, 2) AS INTEGER) ELSE 0 END DESC, created_at DESC
            LIMIT 1);
        CREATE UNIQUE INDEX signing_key_one_current ON signing_key(status) WHERE status = 'current';
        ALTER TABLE bundle ADD COLUMN label_key TEXT;
        """,
        // Partners and their receipts (docs/shipments.md): a receipt counts only when signed
        // by a key registered here for the shipment's partner. Every receipt applied is kept;
        // a newer one from the partner supersedes the older (`superseded_by`).
        """
        CREATE TABLE partner (
            code TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            address TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE partner_key (
            partner TEXT NOT NULL REFERENCES partner(code),
            key_id TEXT NOT NULL,
            public_key BLOB NOT NULL UNIQUE,
            added_at TEXT NOT NULL,
            retired_at TEXT,
            PRIMARY KEY (partner, key_id)
        );
        ALTER TABLE shipment ADD COLUMN partner TEXT REFERENCES partner(code);
        CREATE TABLE receipt (
            sha256 TEXT PRIMARY KEY NOT NULL,
            shipment TEXT NOT NULL REFERENCES shipment(id),
            manifest_sha256 TEXT NOT NULL,
            partner TEXT NOT NULL REFERENCES partner(code),
            key_id TEXT NOT NULL,
            finished TEXT NOT NULL,
            finished_unix INTEGER NOT NULL,
            bytes BLOB NOT NULL,
            signature TEXT NOT NULL,
            applied_at TEXT NOT NULL,
            superseded_by TEXT REFERENCES receipt(sha256)
        );
        CREATE INDEX receipt_shipment ON receipt(shipment, finished_unix);
        CREATE TRIGGER receipt_is_kept_delete BEFORE DELETE ON receipt
            BEGIN SELECT RAISE(ABORT, 'receipts are kept'); END;
        CREATE TRIGGER receipt_is_kept_update
            BEFORE UPDATE OF sha256, shipment, manifest_sha256, partner, key_id, finished, finished_unix, bytes, signature,
                applied_at ON receipt
            BEGIN SELECT RAISE(ABORT, 'receipts are kept'); END;
        CREATE TRIGGER receipt_is_superseded_once BEFORE UPDATE OF superseded_by ON receipt
            WHEN OLD.superseded_by IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'receipts are kept'); END;
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
        // Durability (docs/database.md): a shipment's documents are kept with the commit that
        // closes it, so an interrupted closing is finished or undone by the next command; and
        // when SQLite's quick check last passed, so it runs at least daily before a write.
        """
        CREATE TABLE shipment_documents (
            shipment TEXT PRIMARY KEY NOT NULL REFERENCES shipment(id),
            directory TEXT NOT NULL,
            token TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('staging', 'writing', 'written'))
        );
        CREATE INDEX shipment_documents_pending ON shipment_documents(state) WHERE state != 'written';
        CREATE TABLE shipment_document (
            shipment TEXT NOT NULL REFERENCES shipment_documents(shipment),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            bytes BLOB,
            PRIMARY KEY (shipment, position)
        );
        CREATE TABLE database_check (
            kind TEXT PRIMARY KEY NOT NULL,
            passed_at TEXT NOT NULL,
            passed_unix INTEGER NOT NULL,
            seconds REAL NOT NULL
        );
        """,
        // Times (docs/database.md, "Times"): the site's IANA time zone, chosen at `sapu init`;
        // every event is written with its offset, whatever the PC's TZ.
        """
        ALTER TABLE site ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta';
        """,
        // Voids (docs/states.md): a bundle created by mistake keeps its row and events, the
        // `void` event says why; the reports take the few voided bundles off their counts
        // through this small index (docs/reports.md).
        """
        ALTER TABLE event ADD COLUMN reason TEXT;
        CREATE INDEX bundle_voided ON bundle(inspections, inspected_on, batch, maker, product, result) WHERE state = 'voided';
        """,
        // Label calibration (docs/label-templates.md, "Calibrating a printer"): the shift in
        // millimetres every label of a template is printed with, set by `sapu label calibrate`.
        """
        CREATE TABLE label_offset (
            template TEXT PRIMARY KEY NOT NULL,
            x_mm REAL NOT NULL,
            y_mm REAL NOT NULL,
            updated_at TEXT NOT NULL
        );
        """,
        // Users of `sapu serve` (docs/web.md): a scrypt hash, never the password; the count of
        // wrong passwords in a row and until when log-ins wait. A session row keeps only the
        // SHA-256 of its cookie, so a copy of the database logs nobody in.
        """
        CREATE TABLE web_user (
            code TEXT PRIMARY KEY NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('admin', 'qc', 'gudang', 'mitra')),
            password_hash TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until_unix INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE web_session (
            token_sha256 TEXT PRIMARY KEY NOT NULL,
            user TEXT NOT NULL REFERENCES web_user(code),
            form_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_unix INTEGER NOT NULL
        );
        CREATE INDEX web_session_user ON web_session(user);
        """,
        // The log the hub receives (docs/hub.md, "The log"): every event, and every change to the
        // records the events refer to, numbered in the order written, by triggers in the same
        // transaction as the change. Mutable records travel as a snapshot taken then; makers'
        // names never enter it. Existing data enters it once, records before events.
        // `hub_sync` keeps, per hub, how far that hub has acknowledged the log.
        """
        CREATE TABLE sync_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('site', 'product', 'batch', 'shipment', 'event', 'receipt', 'supersede')),
            event INTEGER,
            record TEXT,
            CHECK ((kind = 'event') = (event IS NOT NULL) AND (kind = 'event') = (record IS NULL))
        );
        CREATE TRIGGER sync_log_is_append_only_update BEFORE UPDATE ON sync_log
            BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
        CREATE TRIGGER sync_log_is_append_only_delete BEFORE DELETE ON sync_log
            BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
        CREATE TABLE hub_sync (
            hub TEXT PRIMARY KEY NOT NULL,
            url TEXT NOT NULL,
            acked_seq INTEGER NOT NULL,
            acked_head TEXT NOT NULL,
            synced_at TEXT NOT NULL
        );

        INSERT INTO sync_log (kind, record)
            SELECT 'site', json_object('code', code, 'name', name, 'time_zone', time_zone) FROM site;
        INSERT INTO sync_log (kind, record)
            SELECT 'product', json_object('code', code, 'name', name, 'bundle_size', bundle_size) FROM product ORDER BY code;
        INSERT INTO sync_log (kind, record)
            SELECT 'batch', json_object('code', code, 'product', product, 'made_on', made_on, 'created_at', created_at)
            FROM batch ORDER BY created_at, code;
        INSERT INTO sync_log (kind, record)
            SELECT 'shipment', json_object('id', id, 'number', number, 'status', status, 'consignee', consignee,
                'partner', partner, 'created_at', created_at, 'closed_at', closed_at, 'shipped_at', shipped_at,
                'reconciled_at', reconciled_at, 'manifest_sha256', manifest_sha256)
            FROM shipment ORDER BY created_at, id;
        INSERT INTO sync_log (kind, event) SELECT 'event', seq FROM event ORDER BY seq;
        INSERT INTO sync_log (kind, record)
            SELECT 'receipt', json_object('sha256', sha256, 'shipment', shipment, 'manifest_sha256', manifest_sha256,
                'partner', partner, 'key_id', key_id, 'finished', finished, 'finished_unix', finished_unix,
                'bytes', hex(bytes), 'signature', signature, 'applied_at', applied_at)
            FROM receipt ORDER BY rowid;
        INSERT INTO sync_log (kind, record)
            SELECT 'supersede', json_object('sha256', sha256, 'superseded_by', superseded_by)
            FROM receipt WHERE superseded_by IS NOT NULL ORDER BY rowid;

        CREATE TRIGGER log_site_insert AFTER INSERT ON site BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('site', json_object('code', NEW.code, 'name', NEW.name, 'time_zone', NEW.time_zone)); END;
        CREATE TRIGGER log_site_update AFTER UPDATE ON site BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('site', json_object('code', NEW.code, 'name', NEW.name, 'time_zone', NEW.time_zone)); END;
        CREATE TRIGGER log_product_insert AFTER INSERT ON product BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('product', json_object('code', NEW.code, 'name', NEW.name, 'bundle_size', NEW.bundle_size)); END;
        CREATE TRIGGER log_product_update AFTER UPDATE ON product BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('product', json_object('code', NEW.code, 'name', NEW.name, 'bundle_size', NEW.bundle_size)); END;
        CREATE TRIGGER log_batch_insert AFTER INSERT ON batch BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('batch', json_object('code', NEW.code, 'product', NEW.product, 'made_on', NEW.made_on,
                                         'created_at', NEW.created_at)); END;
        CREATE TRIGGER log_shipment_insert AFTER INSERT ON shipment BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('shipment', json_object('id', NEW.id, 'number', NEW.number, 'status', NEW.status,
                'consignee', NEW.consignee, 'partner', NEW.partner, 'created_at', NEW.created_at,
                'closed_at', NEW.closed_at, 'shipped_at', NEW.shipped_at, 'reconciled_at', NEW.reconciled_at,
                'manifest_sha256', NEW.manifest_sha256)); END;
        CREATE TRIGGER log_shipment_update AFTER UPDATE ON shipment BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('shipment', json_object('id', NEW.id, 'number', NEW.number, 'status', NEW.status,
                'consignee', NEW.consignee, 'partner', NEW.partner, 'created_at', NEW.created_at,
                'closed_at', NEW.closed_at, 'shipped_at', NEW.shipped_at, 'reconciled_at', NEW.reconciled_at,
                'manifest_sha256', NEW.manifest_sha256)); END;
        CREATE TRIGGER log_event_insert AFTER INSERT ON event BEGIN
            INSERT INTO sync_log (kind, event) VALUES ('event', NEW.seq); END;
        CREATE TRIGGER log_receipt_insert AFTER INSERT ON receipt BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('receipt', json_object('sha256', NEW.sha256, 'shipment', NEW.shipment,
                'manifest_sha256', NEW.manifest_sha256, 'partner', NEW.partner, 'key_id', NEW.key_id,
                'finished', NEW.finished, 'finished_unix', NEW.finished_unix, 'bytes', hex(NEW.bytes),
                'signature', NEW.signature, 'applied_at', NEW.applied_at)); END;
        CREATE TRIGGER log_receipt_supersede AFTER UPDATE OF superseded_by ON receipt
            WHEN NEW.superseded_by IS NOT NULL BEGIN
            INSERT INTO sync_log (kind, record)
            VALUES ('supersede', json_object('sha256', NEW.sha256, 'superseded_by', NEW.superseded_by)); END;
        """,
    ]
}
