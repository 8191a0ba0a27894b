/// Texts of the QC table (`sapu inspect`).
extension Message {
    /// Said after recording failed inspections: those bundles are now in quarantine.
    public static func inspectionQuarantined(count: Int) -> Message {
        Message(id: "\(count) ikatan TIDAK LULUS QC dan masuk karantina",
                en: count == 1 ? "1 bundle FAILED QC and is now in quarantine"
                    : "\(count) bundles FAILED QC and are now in quarantine")
    }
}
