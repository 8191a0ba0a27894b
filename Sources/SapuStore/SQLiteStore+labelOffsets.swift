import GRDB
import SapuCore

extension SQLiteStore {
    /// The calibration shift stored for `template`, or nil when none was set. A stored value
    /// that is not a number within ±`LabelOffset.limitMM` (text, a blob, 1e308: the database
    /// changed by hand) is refused, never used.
    public func labelOffset(template: String) throws(SapuError) -> LabelOffset? {
        try read { db in
            // A database opened read-only before this table existed has no shifts.
            guard try db.tableExists("label_offset"),
                  let row = try Row.fetchOne(db, sql: "SELECT x_mm, y_mm FROM label_offset WHERE template = ?",
                                             arguments: [template]) else { return nil }
            let x: DatabaseValue = row["x_mm"], y: DatabaseValue = row["y_mm"]
            guard let xMM = Double.fromDatabaseValue(x), let yMM = Double.fromDatabaseValue(y),
                  let offset = try? LabelOffset.checked(xMM: xMM, yMM: yMM) else {
                throw SapuError.storedLabelOffsetInvalid(template: template)
            }
            return offset
        }
    }

    /// Stores the calibration shift for `template`, replacing the one before.
    public func setLabelOffset(_ offset: LabelOffset, template: String, at now: Instant) throws(SapuError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO label_offset (template, x_mm, y_mm, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (template) DO UPDATE SET x_mm = excluded.x_mm, y_mm = excluded.y_mm,
                    updated_at = excluded.updated_at
                """, arguments: [template, offset.xMM, offset.yMM, now.iso8601])
        }
    }
}
