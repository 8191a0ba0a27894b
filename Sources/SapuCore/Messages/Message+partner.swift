/// Texts of the partner registry and of applying a partner's receipt.
extension Message {
    public static let columnPartner = Message(id: "MITRA", en: "PARTNER")
    public static let columnAddress = Message(id: "ALAMAT", en: "ADDRESS")
    public static let columnKeyActive = Message(id: "AKTIF", en: "ACTIVE")

    public static func partnerAdded(code: String, name: String) -> Message {
        Message(id: "Mitra \(code) (\(name)) didaftarkan", en: "Partner \(code) (\(name)) registered")
    }

    /// One registered key, with what to do with its fingerprint.
    public static func partnerKeyRegistered(code: String, keyID: String, fingerprint: String) -> Message {
        Message(id: "Kunci \(code) \(keyID) didaftarkan, sidik jari \(fingerprint): cocokkan dengan mitra lewat telepon sebelum menerima tanda terimanya",
                en: "Key \(code) \(keyID) registered, fingerprint \(fingerprint): compare it with the partner over the phone before accepting its receipts")
    }

    public static func partnerKeyAlreadyRegistered(code: String, keyID: String, fingerprint: String, active: Bool) -> Message {
        let state = active ? Message(id: "aktif", en: "active") : Message(id: "dipensiunkan", en: "retired")
        return Message(id: "Kunci \(code) \(keyID) (sidik jari \(fingerprint)) sudah terdaftar (\(state.indonesian)); tidak berubah",
                       en: "Key \(code) \(keyID) (fingerprint \(fingerprint)) is already registered (\(state.english)); unchanged")
    }

    public static func partnerKeyRetired(code: String, keyID: String, changed: Bool, activeLeft: Int) -> Message {
        if !changed {
            return Message(id: "Kunci \(code) \(keyID) sudah dipensiunkan sebelumnya; tidak berubah",
                           en: "Key \(code) \(keyID) was already retired; unchanged")
        }
        let hint = activeLeft == 0
            ? Message(id: "; mitra \(code) tidak punya kunci aktif lagi: daftarkan kunci barunya dengan sapu partner key add",
                      en: "; partner \(code) has no active key left: register its new key with sapu partner key add")
            : Message(id: "", en: "")
        return Message(id: "Kunci \(code) \(keyID) dipensiunkan: tanda terima baru yang ditandatangani dengannya ditolak\(hint.indonesian)",
                       en: "Key \(code) \(keyID) retired: new receipts signed with it are refused\(hint.english)")
    }

    /// Who signed the receipt, so the clerk can compare the fingerprint with the partner's.
    public static func receiptSignedBy(partner: String, name: String, keyID: String, fingerprint: String) -> Message {
        Message(id: "Tanda terima sah dari mitra \(partner) (\(name)), kunci \(keyID), sidik jari \(fingerprint)",
                en: "Receipt genuinely signed by partner \(partner) (\(name)), key \(keyID), fingerprint \(fingerprint)")
    }

    public static func reconciled(_ shipment: Shipment, received: Int, missing: Int, disputed: Int, extra: Int,
                                  forged: Int) -> Message {
        Message(
            id: "Pengiriman \(shipment.id) \(shipment.status.message.indonesian): \(received) diterima, \(missing) hilang, \(disputed) disengketakan, \(extra) lebih, \(forged) palsu",
            en: "Shipment \(shipment.id) \(shipment.status.message.english): \(received) received, \(missing) missing, \(disputed) disputed, \(extra) extra, \(forged) forged")
    }

    /// Received bundles read from a verified label against those typed by hand.
    public static func receivedByHand(verified: Int, typed: [String]) -> Message {
        let ids = typed.isEmpty ? "" : ": " + typed.joined(separator: " ")
        return Message(id: "Diterima dengan label terverifikasi \(verified); diketik tangan, tidak terverifikasi \(typed.count)\(ids)",
                       en: "Received with a verified label \(verified); typed by hand, unverified \(typed.count)\(ids)")
    }

    public static func receiptAlreadyApplied(_ shipment: Shipment) -> Message {
        Message(id: "Tanda terima \(shipment.id) sudah diterapkan; tidak ada yang berubah (status \(shipment.status.message.indonesian))",
                en: "Receipt for \(shipment.id) already applied; nothing changed (status \(shipment.status.message.english))")
    }

    public static func receiptSupersedes(finished: String, previous: String, changed: Int) -> Message {
        Message(id: "Tanda terima ini (selesai \(finished)) menggantikan tanda terima sebelumnya (selesai \(previous)), yang tetap disimpan; \(changed) ikatan berubah status",
                en: "This receipt (finished \(finished)) supersedes the earlier one (finished \(previous)), which is kept; \(changed) bundles changed state")
    }
}
