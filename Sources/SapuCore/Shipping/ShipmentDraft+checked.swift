extension ShipmentDraft {
    /// The draft as it may be stored: text trimmed, empty optional fields dropped, no control
    /// characters (they would reach the terminal and the surat jalan), a consignee given.
    public func checked() throws(SapuError) -> ShipmentDraft {
        guard let consignee = try FreeText.check(consignee, as: .consignee) else { throw .consigneeRequired }
        return ShipmentDraft(consignee: consignee, address: try FreeText.check(address, as: .address),
                             vehicle: try FreeText.check(vehicle, as: .vehicle), driver: try FreeText.check(driver, as: .driver),
                             reference: try FreeText.check(reference, as: .reference))
    }
}
