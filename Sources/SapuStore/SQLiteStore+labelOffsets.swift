import GRDB
import SapuCore

extension SQLiteStore {
    /// The calibration shift stored for `template`, or nil when none was set.
    public func labelOffset(template: String) throws(SapuError) -> LabelOffset? {
        try read { db in
            // A database opened read-only before this table existed has no shifts.
            guard try db.tableExists("label_offset"),
                  let row = try Row.fetchOne(db, sql: "SELECT x_mm, y_mm FROM label_offset WHERE template = ?",
                                             arguments: [template]) else { return nil }
            return LabelOffset(xMM: row["x_mm"], yMM: row["y_mm"])
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
