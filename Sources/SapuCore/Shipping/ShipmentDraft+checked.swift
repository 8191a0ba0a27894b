extension ShipmentDraft {
    /// The draft as it may be stored: text trimmed, empty optional fields dropped, no control
    /// characters (they would reach the terminal and the surat jalan). Without a consignee
    /// the store takes the partner's registered name.
    public func checked() throws(SapuError) -> ShipmentDraft {
        ShipmentDraft(partner: partner, consignee: try FreeText.check(consignee, as: .consignee),
                      address: try FreeText.check(address, as: .address), vehicle: try FreeText.check(vehicle, as: .vehicle),
                      driver: try FreeText.check(driver, as: .driver), reference: try FreeText.check(reference, as: .reference))
    }
}
