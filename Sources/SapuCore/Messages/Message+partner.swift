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
            id: "Pengiriman \(shipment.id) \(shipment.status.message.indonesian): \(received) diterima, \(missing) hilang, \(disputed) disengketakan, \(extra) tanpa manifest, \(forged) label palsu",
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

    // MARK: Reconcile: the bundles behind each result

    public static func reconcileMissing(_ ids: [String]) -> Message {
        Message(id: "Hilang \(ids.count): \(ids.joined(separator: " "))", en: "Missing \(ids.count): \(ids.joined(separator: " "))")
    }

    /// Disputed bundles, each with what the partner found (`disputeDetail`).
    public static func reconcileDisputed(count: Int, details: [Message]) -> Message {
        Message(id: "Disengketakan \(count): \(details.map(\.indonesian).joined(separator: "; "))",
                en: "Disputed \(count): \(details.map(\.english).joined(separator: "; "))")
    }

    /// One entry of a receipt's `mismatched` list as people say it.
    public static func disputeDetail(bundle: String, field: String, manifest: String, label: String) -> Message {
        if field == Verification.Mismatch.labelRevisionField {
            return Message(id: "\(bundle) (tiba dengan label lama \(label) saja; berlaku \(manifest))",
                           en: "\(bundle) (arrived with old label \(label) only; current \(manifest))")
        }
        let name = Message.mismatchField(field)
        return Message(id: "\(bundle) (\(name.indonesian) di manifest \(manifest), di label \(label))",
                       en: "\(bundle) (\(name.english): manifest \(manifest), label \(label))")
    }

    /// Bundles at the partner that the manifest does not list, each annotated unless it became `extra` now.
    public static func reconcileExtra(entries: [Message], marked: Int) -> Message {
        let now = marked == 0 ? Message(id: "", en: "")
            : Message(id: "; \(marked) ikatan kini berstatus \"\(BundleState.extra.message.indonesian)\"",
                      en: "; \(englishCount(marked, "bundle")) \(marked == 1 ? "is" : "are") now \"\(BundleState.extra.message.english)\"")
        return Message(id: "Ada di mitra tanpa manifest \(entries.count): \(entries.map(\.indonesian).joined(separator: " "))\(now.indonesian)",
                       en: "At the partner, not in the manifest \(entries.count): \(entries.map(\.english).joined(separator: " "))\(now.english)")
    }

    /// An extra bundle id, with why its state did not change (nothing for one marked now).
    public static func extraEntry(_ id: String, effect: ExtraEffect) -> Message {
        switch effect {
        case .marked: Message(id: id, en: id)
        case .alreadyExtra: Message(id: "\(id) (sudah tercatat)", en: "\(id) (already recorded)")
        case .unchanged(let state):
            Message(id: "\(id) (\(state.message.indonesian), status tidak diubah)", en: "\(id) (\(state.message.english), state unchanged)")
        case .unknown: Message(id: "\(id) (tidak dikenal di sini)", en: "\(id) (not known here)")
        }
    }

    /// Forged scans, the bundle ids they claimed, and how many of those got a note in their history.
    public static func reconcileForged(scans: Int, claimed: [String], noted: Int) -> Message {
        let ids = claimed.joined(separator: " ")
        let claiming = claimed.isEmpty ? Message(id: "", en: "") : Message(id: ", mengaku sebagai \(ids)", en: ", claiming \(ids)")
        let note = noted == 0 ? Message(id: "", en: "")
            : Message(id: "; dicatat di riwayat \(noted) ikatan", en: "; noted in the history of \(englishCount(noted, "bundle"))")
        return Message(id: "Label palsu: \(scans) pindaian\(claiming.indonesian)\(note.indonesian)",
                       en: "Forged labels: \(englishCount(scans, "scan"))\(claiming.english)\(note.english)")
    }

    /// `shipment show`: the partner's receipt in force, in counts.
    public static func shipmentReceiptInForce(partner: String, finished: String, received: Int, missing: Int, disputed: Int,
                                              extra: Int, forged: Int) -> Message {
        Message(id: "Tanda terima mitra \(partner) (selesai \(finished)): \(received) diterima, \(missing) hilang, \(disputed) disengketakan, \(extra) tanpa manifest, \(forged) label palsu",
                en: "Partner \(partner)'s receipt (finished \(finished)): \(received) received, \(missing) missing, \(disputed) disputed, \(extra) extra, \(forged) forged")
    }

    /// Bundles an earlier receipt made `extra` that the newer one no longer names.
    public static func extraNoLongerNamed(_ ids: [String]) -> Message {
        let list = ids.joined(separator: " ")
        return Message(id: "Tidak lagi disebut tanpa manifest oleh tanda terima ini, tetapi tetap berstatus \"\(BundleState.extra.message.indonesian)\": \(list). Jika ikatan itu ada di gudang, pindai dengan mode retur lalu terima",
                       en: "No longer named extra by this receipt, but still \"\(BundleState.extra.message.english)\": \(list). If a bundle is at the workshop, scan it in return mode, then receive it")
    }
}
