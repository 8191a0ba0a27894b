import SapuCore
import Testing

@Suite("Bundle lifecycle")
struct LifecycleTests {
    /// docs/states.md, written out independently of `Lifecycle`.
    static let legal: [Move: (from: [BundleState], to: BundleState?)] = [
        .reinspect: ([.inspected, .inStock, .quarantined, .returned], .inspected),
        .label: ([.inspected, .inStock, .quarantined, .returned], nil),
        .reprint: ([.inspected, .inStock, .quarantined, .returned], nil),
        .receive: ([.inspected, .returned], .inStock),
        .quarantine: ([.inspected, .inStock, .returned], .quarantined),
        .scrap: ([.inspected, .quarantined, .returned], .scrapped),
        .pack: ([.inStock], .packed),
        .unpack: ([.packed], .inStock),
        .ship: ([.packed], .shipped),
        .deliver: ([.shipped, .missing, .disputed], .received),
        .markMissing: ([.shipped, .received, .disputed], .missing),
        .dispute: ([.shipped, .received, .missing], .disputed),
        .return: ([.shipped, .received, .missing, .disputed, .extra], .returned),
        .void: ([.inspected, .inStock, .quarantined], .voided),
        .reportExtra: ([.inspected, .inStock, .quarantined, .returned], .extra),
        .reportForged: ([.inspected, .inStock, .quarantined, .packed, .shipped, .received, .missing, .disputed, .extra,
                         .returned], nil),
    ]

    @Test("every move from every state of a passed, labelled bundle follows the table",
          arguments: Move.allCases.filter { $0 != .inspect })
    func everyTransitionOfAPassedBundle(move: Move) {
        let rule = Self.legal[move]!
        for state in BundleState.allCases {
            let outcome = Lifecycle.apply(move, to: .init(state: state, passed: true, labelled: true))
            if rule.from.contains(state) {
                #expect(outcome == .success(rule.to ?? state), "\(move) from \(state)")
            } else {
                guard case .failure(let refusal) = outcome else {
                    Issue.record("\(move) from \(state) should be refused")
                    continue
                }
                let expected: MoveRefusal = switch (move, state) {
                case (_, .scrapped): .scrapped
                case (_, .voided): .voided
                case (.pack, .packed): .alreadyPacked
                case (.void, .packed): .voidPacked
                case (.void, _): .voidShipped
                default: .notFromState
                }
                #expect(refusal == expected, "\(move) from \(state)")
            }
        }
    }

    @Test func aFailedBundleCannotGoIntoStockOrAShipment() {
        let failed = Lifecycle.Facts(state: .inspected, passed: false, labelled: true)
        #expect(Lifecycle.apply(.receive, to: failed) == .failure(.failedBundle))
        let failedInStock = Lifecycle.Facts(state: .inStock, passed: false, labelled: true)
        #expect(Lifecycle.apply(.pack, to: failedInStock) == .failure(.failedBundle))
        #expect(Lifecycle.apply(.quarantine, to: failed) == .success(.quarantined))
        #expect(Lifecycle.apply(.scrap, to: failed) == .success(.scrapped))
    }

    @Test func aFailedInspectionQuarantinesTheBundleAndAPassedReinspectionReleasesIt() {
        #expect(Lifecycle.inspect(nil, result: .fail(["LOOSE"])) == .success(.quarantined))
        #expect(Lifecycle.inspect(nil, result: .pass(.a)) == .success(.inspected))
        let quarantined = Lifecycle.Facts(state: .quarantined, passed: false, labelled: true)
        #expect(Lifecycle.inspect(quarantined, result: .pass(.b)) == .success(.inspected))
        #expect(Lifecycle.inspect(quarantined, result: .fail(["DAMP"])) == .success(.quarantined))
        // A passed bundle found damaged later and re-inspected as a fail goes into quarantine too.
        let inStock = Lifecycle.Facts(state: .inStock, passed: true, labelled: true)
        #expect(Lifecycle.inspect(inStock, result: .fail(["BROKEN"])) == .success(.quarantined))
        #expect(Lifecycle.inspect(.init(state: .packed, passed: true, labelled: true), result: .pass(.a))
                == .failure(.notFromState))
        #expect(Lifecycle.inspect(.init(state: .scrapped, passed: false, labelled: true), result: .pass(.a))
                == .failure(.scrapped))
        // Out of quarantine, a relabelled bundle goes into stock as usual.
        #expect(Lifecycle.apply(.receive, to: .init(state: .inspected, passed: true, labelled: true)) == .success(.inStock))
    }

    @Test func everyRefusalAtAStationSaysWhereTheBundleIsAndWhatCannotHappenInBothLanguages() {
        let modes = ScanMode.allCases.compactMap(\.move)
        for state in BundleState.allCases {
            for move in modes {
                for (passed, labelled) in [(true, true), (false, true), (true, false)] {
                    guard case .failure(let refusal) = Lifecycle.apply(move, to: .init(state: state, passed: passed,
                                                                                       labelled: labelled)) else { continue }
                    let text = refusal.explanation(move: move, state: state)
                    let context = "\(move) from \(state) passed \(passed) labelled \(labelled)"
                    #expect(text.indonesian.contains("tidak bisa \(move.cannotBe.indonesian)"), "\(context): \(text.indonesian)")
                    #expect(text.english.contains("cannot be \(move.cannotBe.english)"), "\(context): \(text.english)")
                    for word in ["notFromState", "MoveRefusal", "refused", "ditolak", "`sapu"] {
                        #expect(!text.indonesian.contains(word) && !text.english.contains(word), "\(context)")
                    }
                }
            }
        }
        let quarantined = MoveRefusal.notFromState.explanation(move: .pack, state: .quarantined)
        #expect(quarantined.indonesian.hasPrefix("ikatan ini di karantina; tidak bisa dikemas"))
        #expect(quarantined.english.hasPrefix("this bundle is in quarantine; it cannot be packed"))
        #expect(SapuError.illegalMove(bundle: "PWT251121A-0001", move: .pack, state: .quarantined, reason: .notFromState)
            .message.english == "PWT251121A-0001: " + quarantined.english)
    }

    @Test func aBundleWithoutALabelCannotBeReceived() {
        let unlabelled = Lifecycle.Facts(state: .inspected, passed: true, labelled: false)
        #expect(Lifecycle.apply(.receive, to: unlabelled) == .failure(.notLabelled))
        #expect(Lifecycle.apply(.label, to: unlabelled) == .success(.inspected))
    }

    @Test func scrappedIsFinal() {
        for move in Move.allCases {
            let outcome = Lifecycle.apply(move, to: .init(state: .scrapped, passed: false, labelled: true))
            #expect(outcome == .failure(.scrapped), "\(move)")
        }
    }

    @Test func voidedIsFinalForEveryMove() {
        for move in Move.allCases {
            let outcome = Lifecycle.apply(move, to: .init(state: .voided, passed: true, labelled: true))
            #expect(outcome == .failure(.voided), "\(move)")
        }
        // Voiding again is a harmless repeat, not a refusal.
        #expect(Lifecycle.isRepeat(.void, state: .voided))
        #expect(!Lifecycle.isRepeat(.void, state: .inStock))
    }

    @Test("a bundle that ever left in a shipment cannot be voided, whatever its state now",
          arguments: [BundleState.inspected, .inStock, .quarantined])
    func aBundleShippedOnceIsNotVoidable(state: BundleState) {
        let neverShipped = Lifecycle.Facts(state: state, passed: true, labelled: true)
        #expect(Lifecycle.apply(.void, to: neverShipped) == .success(.voided))
        let backFromAShipment = Lifecycle.Facts(state: state, passed: true, labelled: true, shipped: true)
        #expect(Lifecycle.apply(.void, to: backFromAShipment) == .failure(.voidShipped))
    }

    @Test func aFailedOrUnlabelledBundleCanBeVoidedButOnlyACurrentLabelCanBeWrittenAgain() {
        let unlabelled = Lifecycle.Facts(state: .inspected, passed: false, labelled: false)
        #expect(Lifecycle.apply(.void, to: unlabelled) == .success(.voided))
        #expect(Lifecycle.apply(.reprint, to: unlabelled) == .failure(.notLabelled))
        #expect(Lifecycle.apply(.label, to: unlabelled) == .success(.inspected))
        let labelled = Lifecycle.Facts(state: .quarantined, passed: false, labelled: true)
        #expect(Lifecycle.apply(.reprint, to: labelled) == .success(.quarantined))
        #expect(!Lifecycle.isRepeat(.reprint, state: .quarantined))
    }

    @Test("a voided bundle's label is refused in every scanning mode, check included", arguments: ScanMode.allCases)
    func aVoidedBundlesLabelIsRefusedInEveryMode(mode: ScanMode) throws {
        let inspected = try CalendarDate(iso: "2025-11-21")
        let bundle = Bundle(id: BundleID(batch: "PWT251121A", serial: 3), product: "LIDI", maker: "M042", result: .pass(.a),
                            inspected: inspected, inspections: 1, state: .voided, labelRevision: 1, labelCurrent: true,
                            shipment: nil, labelKey: "K1")
        let label = try LabelPayload(keyID: "K1", product: "LIDI", batch: "PWT251121A", serial: 3, maker: "M042",
                                     inspected: inspected, result: .pass(.a), revision: 1)
        for scanned in [label, nil] {
            let decision = Scanning.decide(mode: mode, bundle: bundle, label: scanned, shipment: "001/SJ/PWT/XI/2025")
            #expect(decision == .init(outcome: .refused, newState: nil, reason: .voidedLabel), "\(mode)")
        }
        // Even a superseded label of a voided bundle says that the bundle is voided.
        var relabelled = bundle
        relabelled.labelRevision = 2
        #expect(Scanning.decide(mode: mode, bundle: relabelled, label: label, shipment: nil).reason == .voidedLabel)
    }

    @Test func scanningIntoTheCurrentStateIsARepeat() {
        #expect(Lifecycle.isRepeat(.receive, state: .inStock))
        #expect(Lifecycle.isRepeat(.quarantine, state: .quarantined))
        #expect(Lifecycle.isRepeat(.scrap, state: .scrapped))
        #expect(Lifecycle.isRepeat(.return, state: .returned))
        #expect(!Lifecycle.isRepeat(.receive, state: .inspected))
        #expect(!Lifecycle.isRepeat(.ship, state: .shipped))
    }
}

@Suite("Codes, dates and ids")
struct CodeTests {
    @Test func codesAreUpperCasedAndLimitedToDigitsAndLetters() throws {
        #expect(try Code.normalise(" m042 ", as: .maker) == "M042")
        #expect(throws: SapuError.invalidCode(kind: .maker, value: "M-042")) { try Code.normalise("M-042", as: .maker) }
        #expect(throws: SapuError.invalidCode(kind: .site, value: "PWTé")) { try Code.normalise("PWTé", as: .site) }
        #expect(throws: SapuError.emptyCode(kind: .product)) { try Code.normalise("  ", as: .product) }
        #expect(throws: SapuError.codeTooLong(kind: .site, value: "PURWOKERTO", limit: 6)) {
            try Code.normalise("purwokerto", as: .site)
        }
    }

    @Test func batchCodesStartWithTheSiteAndCountRunsOfTheDay() throws {
        let day = try CalendarDate(iso: "2025-11-21")
        #expect(Batch.code(site: "PWT", date: day, runOfDay: 0) == "PWT251121A")
        #expect(Batch.code(site: "PWT", date: day, runOfDay: 1) == "PWT251121B")
        #expect(Batch.code(site: "PWT", date: day, runOfDay: 26) == "PWT251121AA")
    }

    @Test func datesAreCheckedAndWrittenInEachForm() throws {
        let day = try CalendarDate(iso: "2024-02-29")
        #expect(day.compact == "240229")
        #expect(day.iso == "2024-02-29" && day.written(.id) == "2024-02-29" && day.written(.en) == "2024-02-29")
        #expect(CalendarDate(compact: "240229") == day)
        for bad in ["2025-02-29", "2025-13-01", "21-11-2025", "2025-1-1", "yesterday", ""] {
            #expect(throws: SapuError.invalidDate(bad)) { try CalendarDate(iso: bad) }
        }
    }

    @Test func instantsRoundTripWithTheirOffset() throws {
        let instant = try #require(Instant(iso8601: "2025-11-21T23:30:05+07:00"))
        #expect(instant.iso8601 == "2025-11-21T23:30:05+07:00")
        #expect(instant.date == (try CalendarDate(iso: "2025-11-21")))
        #expect(Instant(unixSeconds: instant.unixSeconds, utcOffset: 0).date == (try CalendarDate(iso: "2025-11-21")))
        #expect(Instant(unixSeconds: instant.unixSeconds, utcOffset: 0).iso8601 == "2025-11-21T16:30:05+00:00")
    }

    @Test func typedBundleIdsForgiveCaseAndSeparators() {
        let id = BundleID(batch: "PWT251121A", serial: 42)
        #expect(id.description == "PWT251121A-0042")
        for typed in ["PWT251121A-0042", "pwt251121a-0042", "PWT251121A 0042", "PWT251121A0042", " PWT251121A-0042\r\n"] {
            #expect(BundleID(typed: typed) == id, "\(typed)")
        }
        // The serial's digits are not forgiven: one spelling per bundle, with a hint (TypedBundleIDTests).
        #expect(BundleID(typed: "PWT251121A 42") == nil)
        for bad in ["", "PWT251121A-", "-0042", "PWT251121A-00X2", "PWT251121A-0"] {
            #expect(BundleID(typed: bad) == nil, "\(bad)")
        }
    }

    @Test func resultsHaveAStableStoredForm() {
        #expect(QCResult(code: QCResult.fail(["LOOSE", "DAMP"]).code) == .fail(["LOOSE", "DAMP"]))
        #expect(QCResult(code: "A") == .pass(.a))
        #expect(QCResult(code: "FAIL:") == nil)
        #expect(QCResult(code: "C") == nil)
    }

    @Test func everyErrorHasAMessageInBothLanguages() {
        let samples: [SapuError] = [
            .invalidCode(kind: .maker, value: "x"), .databaseMissing(path: "a"), .notSapuDatabase(path: "a"),
            .illegalMove(bundle: "B", move: .receive, state: .inspected, reason: .failedBundle), .badSignature,
            .outsideAlphabet("&"), .qrDoesNotFit(template: "t", neededDots: 300, availableDots: 240),
        ]
        for error in samples {
            #expect(!error.message.text(.id).isEmpty && !error.message.text(.en).isEmpty)
            #expect(error.message.text(.id) != error.message.text(.en))
        }
        #expect(SapuError.outsideAlphabet("&").message.text(.en).contains("Caps Lock"))
    }
}
