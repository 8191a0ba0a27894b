import Foundation
import GRDB
import SapuCore

extension SQLiteStore {
    public func site() throws(SapuError) -> Site {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM site LIMIT 1") else {
                throw SapuError.notSapuDatabase(path: path)
            }
            return Self.site(row)
        }
    }

    /// A site row; one written before time zones were kept is in Jakarta.
    static func site(_ row: Row) -> Site {
        Site(code: row["code"], name: row["name"], timeZone: row["time_zone"] ?? "Asia/Jakarta")
    }

    public func products() throws(SapuError) -> [Product] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, bundle_size FROM product ORDER BY code").map {
                Product(code: $0["code"], name: $0["name"], bundleSize: $0["bundle_size"])
            }
        }
    }

    public func addProduct(_ product: Product) throws(SapuError) {
        let product = try Self.checked(product)
        try write { db in
            if try Self.exists(db, "product", product.code) { throw SapuError.duplicate(kind: .product, value: product.code) }
            try db.execute(sql: "INSERT INTO product (code, name, bundle_size) VALUES (?, ?, ?)",
                           arguments: [product.code, product.name, product.bundleSize])
        }
    }

    /// Changes a product's name or bundle size; manifests already written keep their counts.
    public func updateProduct(_ code: String, name: String?, bundleSize: Int?) throws(SapuError) -> Product {
        guard let current = try products().first(where: { $0.code == code }) else {
            throw .unknown(kind: .product, value: code)
        }
        let product = try Self.checked(Product(code: code, name: name ?? current.name, bundleSize: bundleSize ?? current.bundleSize))
        try write { db in
            try db.execute(sql: "UPDATE product SET name = ?, bundle_size = ? WHERE code = ?",
                           arguments: [product.name, product.bundleSize, product.code])
        }
        return product
    }

    /// The product as it may be stored: a bundle size in range, a name without control characters.
    static func checked(_ product: Product) throws(SapuError) -> Product {
        guard Product.bundleSizes.contains(product.bundleSize) else { throw .invalidBundleSize(String(product.bundleSize)) }
        return Product(code: product.code, name: try FreeText.required(product.name, as: .productName),
                       bundleSize: product.bundleSize)
    }

    public func makers() throws(SapuError) -> [Maker] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name, active FROM maker ORDER BY code").map {
                Maker(code: $0["code"], name: $0["name"], active: $0["active"])
            }
        }
    }

    public func addMaker(_ maker: Maker) throws(SapuError) {
        let maker = Maker(code: maker.code, name: try FreeText.check(maker.name, as: .makerName), active: maker.active)
        try write { db in
            if try Self.exists(db, "maker", maker.code) { throw SapuError.duplicate(kind: .maker, value: maker.code) }
            try db.execute(sql: "INSERT INTO maker (code, name, active) VALUES (?, ?, ?)",
                           arguments: [maker.code, maker.name, maker.active])
        }
    }

    public func deactivateMaker(_ code: String) throws(SapuError) {
        try write { db in
            guard try Self.exists(db, "maker", code) else { throw SapuError.unknown(kind: .maker, value: code) }
            try db.execute(sql: "UPDATE maker SET active = 0 WHERE code = ?", arguments: [code])
        }
    }

    public func defects() throws(SapuError) -> [Defect] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name_id, name_en FROM defect ORDER BY code").map {
                Defect(code: $0["code"], nameID: $0["name_id"], nameEN: $0["name_en"])
            }
        }
    }

    public func addDefect(_ defect: Defect) throws(SapuError) {
        let defect = Defect(code: defect.code, nameID: try FreeText.required(defect.nameID, as: .defectName),
                            nameEN: try FreeText.required(defect.nameEN, as: .defectName))
        try write { db in
            if try Self.exists(db, "defect", defect.code) { throw SapuError.duplicate(kind: .defect, value: defect.code) }
            try db.execute(sql: "INSERT INTO defect (code, name_id, name_en) VALUES (?, ?, ?)",
                           arguments: [defect.code, defect.nameID, defect.nameEN])
        }
    }

    public func createBatch(product: String, date: CalendarDate, at now: Instant) throws(SapuError) -> Batch {
        try write { db in
            guard try Self.exists(db, "product", product) else { throw SapuError.unknown(kind: .product, value: product) }
            let site = try String.fetchOne(db, sql: "SELECT code FROM site LIMIT 1") ?? ""
            let prefix = site + date.compact
            // Runs of the same day get the next free letter; the write lock makes this race-free.
            let taken = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM batch WHERE code LIKE ? || '%' AND made_on = ?",
                                         arguments: [prefix, date.iso]) ?? 0
            var run = taken
            var code = Batch.code(site: site, date: date, runOfDay: run)
            while try Self.exists(db, "batch", code) {
                run += 1
                code = Batch.code(site: site, date: date, runOfDay: run)
            }
            try db.execute(sql: "INSERT INTO batch (code, product, made_on, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [code, product, date.iso, now.iso8601])
            return Batch(code: code, product: product, date: date)
        }
    }

    public func batches() throws(SapuError) -> [Batch] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, product, made_on FROM batch ORDER BY made_on, code").map(Self.batch)
        }
    }

    public func batch(_ code: String) throws(SapuError) -> Batch {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT code, product, made_on FROM batch WHERE code = ?",
                                             arguments: [code]) else {
                throw SapuError.unknown(kind: .batch, value: code)
            }
            return try Self.batch(row)
        }
    }

    public func publicKeys() throws(SapuError) -> [StoredKey] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT key_id, site, public_key, status FROM signing_key").map(Self.storedKey)
                .sorted { Self.keyOrder($0.keyID) < Self.keyOrder($1.keyID) }
        }
    }

    public func currentKey() throws(SapuError) -> StoredKey {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT key_id, site, public_key, status FROM signing_key WHERE status = 'current'")
            else { throw SapuError.noCurrentKey }
            return Self.storedKey(row)
        }
    }

    public func rotateKey(to key: StoredKey, replacing: String, at now: Instant) throws(SapuError) {
        try write { db in
            let current = try String.fetchOne(db, sql: "SELECT key_id FROM signing_key WHERE status = 'current'")
            guard current == replacing else { throw SapuError.duplicate(kind: .key, value: current ?? replacing) }
            if try Self.exists(db, "signing_key", key.keyID, column: "key_id") {
                throw SapuError.duplicate(kind: .key, value: key.keyID)
            }
            try db.execute(sql: "UPDATE signing_key SET status = 'retired' WHERE status = 'current'")
            try db.execute(sql: "INSERT INTO signing_key (key_id, site, public_key, created_at, status) VALUES (?, ?, ?, ?, 'current')",
                           arguments: [key.keyID, key.site, Data(key.raw), now.iso8601])
        }
    }

    /// `K2` before `K10`: by key number, then by text for ids of another shape.
    static func keyOrder(_ keyID: String) -> (Int, String) {
        (PublicKey.number(ofKeyID: keyID) ?? Int.max, keyID)
    }

    static func storedKey(_ row: Row) -> StoredKey {
        StoredKey(keyID: row["key_id"], site: row["site"], raw: [UInt8](row["public_key"] as Data),
                  current: (row["status"] as String) == "current")
    }

    // MARK: Row mapping

    static func exists(_ db: Database, _ table: String, _ code: String, column: String = "code") throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(column) = ?)", arguments: [code]) ?? false
    }

    static func batch(_ row: Row) throws -> Batch {
        let made: String = row["made_on"]
        return Batch(code: row["code"], product: row["product"], date: try CalendarDate(iso: made))
    }
}
