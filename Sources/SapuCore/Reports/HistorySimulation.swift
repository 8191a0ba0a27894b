/// A made-up but realistic history of a busy workshop, to measure reports on.
///
/// Day by day: makers inspect bundles of two daily batches (a few, counted by mistake,
/// are voided), some fail (straight into quarantine) and are reworked or scrapped, passed
/// bundles are labelled and received into stock (a few are looked at again later:
/// re-graded, or found damaged and quarantined), every second working day a shipment takes
/// the stock away and the partner's receipt comes back a day later (a few bundles missing
/// or disputed, a few returned). Deterministic for a seed, and it never makes a move the
/// lifecycle would refuse.
public final class HistorySimulation {
    /// What to simulate.
    public struct Plan: Sendable, Equatable {
        public var site: String
        public var bundles: Int
        public var makers: Int
        public var days: Int
        /// The last simulated day.
        public var end: CalendarDate
        public var utcOffset: Int
        public var seed: UInt64

        public init(site: String, bundles: Int, makers: Int = 40, days: Int = 730, end: CalendarDate,
                    utcOffset: Int = 25_200, seed: UInt64 = 42) {
            self.site = site
            self.bundles = bundles
            self.makers = makers
            self.days = days
            self.end = end
            self.utcOffset = utcOffset
            self.seed = seed
        }
    }

    public struct SimBatch: Sendable {
        public var code: String
        public var product: String
        public var date: CalendarDate
        public var bundles: Int
    }

    public struct SimBundle: Sendable {
        public var id: String
        public var batch: Int
        public var serial: Int
        public var maker: Int
        public var result: QCResult
        public var inspected: CalendarDate
        public var inspections: Int
        public var state: BundleState
        public var labelRevision: Int
        public var shipment: Int?
        public var updated: Int64
    }

    public struct SimShipment: Sendable {
        public var id: String
        public var number: Int
        public var consignee: String
        public var address: String
        public var vehicle: String
        public var driver: String
        public var status: ShipmentStatus
        public var created: Int64
        public var closed: Int64?
        public var shipped: Int64?
        public var reconciled: Int64?
    }

    public struct SimEvent: Sendable {
        public var bundle: Int
        public var move: Move
        public var state: BundleState
        public var at: Int64
        public var result: QCResult?
        public var labelRevision: Int?
        public var shipment: Int?
        public var operatorCode: String?
        public var station: String
        /// Why, for a void.
        public var reason: String?
    }

    public let plan: Plan
    public private(set) var batches: [SimBatch] = []
    public private(set) var bundles: [SimBundle] = []
    public private(set) var shipments: [SimShipment] = []
    public let makerCodes: [String]

    private var random: SplitMix64
    private var makerSkill: [(failRate: Double, gradeA: Double, pace: Double, from: Int, until: Int)] = []
    private var stock: [Int] = []
    /// Returned bundles the store room takes back in at the end of the day.
    private var comingBack: [Int] = []
    /// Bundles of each shipment on its way, until the partner's receipt.
    private var shipped: [Int: [Int]] = [:]
    /// Actions waiting for a later day, by day number.
    private var pending: [Int: [Pending]] = [:]
    private var today: [SimEvent] = []

    private enum Pending {
        case rework(Int)
        /// A bundle in stock looked at again: its grade, or damage found (docs/reports.md, re-grades).
        case regrade(Int)
        case scrap(Int)
        case reconcile(Int)
        case returned(Int)
    }

    public init(_ plan: Plan) {
        self.plan = plan
        self.random = SplitMix64(seed: plan.seed)
        self.makerCodes = (1...max(1, plan.makers)).map { "M" + Self.pad($0, 3) }
    }

    /// Local names for the makers; they stay on the site like real ones.
    public func makerName(_ index: Int) -> String {
        let first = ["Budi", "Slamet", "Agus", "Joko", "Wahyu", "Eko", "Bambang", "Heru", "Teguh", "Yanto", "Sugeng",
                     "Darmo", "Rudi", "Hadi", "Tono", "Imam"]
        let last = ["Santoso", "Riyadi", "Prasetyo", "Wibowo", "Saputra", "Nugroho", "Setiawan", "Hidayat", "Susanto"]
        return first[index % first.count] + " " + last[(index / first.count + index) % last.count]
    }

    /// Runs the whole history, handing each day's events, in time order, to `sink`.
    public func run(_ sink: (_ day: CalendarDate, _ newBatches: Range<Int>, _ events: [SimEvent]) throws -> Void) rethrows {
        let lastDay = Instant.days(fromCivil: plan.end.year, plan.end.month, plan.end.day)
        let firstDay = lastDay - Int64(plan.days) + 1
        let days = Array(firstDay...lastDay)
        let working = days.filter { Self.weekday($0) != 0 }
        setUpMakers(dayCount: days.count)
        let perDay = distribute(plan.bundles, over: working.count)
        var workIndex = 0
        for (dayIndex, day) in days.enumerated() {
            today = []
            let date = Self.date(day)
            let firstBatch = batches.count
            for action in pending.removeValue(forKey: Int(day)) ?? [] { perform(action, day: day) }
            if Self.weekday(day) != 0 {
                if workIndex % 2 == 1 && !stock.isEmpty { ship(day: day, date: date) }
                produce(perDay[workIndex], day: day, dayIndex: dayIndex, date: date)
                receive(day: day)
                workIndex += 1
            }
            today.sort { $0.at < $1.at }
            try sink(date, firstBatch..<batches.count, today)
        }
    }

    // MARK: The day's work

    private func produce(_ count: Int, day: Int64, dayIndex: Int, date: CalendarDate) {
        guard count > 0 else { return }
        let active = makerSkill.indices.filter { makerSkill[$0].from <= dayIndex && dayIndex <= makerSkill[$0].until }
        let pace = active.map { makerSkill[$0].pace }
        let paceTotal = pace.reduce(0, +)
        let lidi = Int((Double(count) * 0.6).rounded())
        let runs = [("LIDI", lidi), ("GLAGAH", count - lidi)].filter { $0.1 > 0 }
        for (run, (product, size)) in runs.enumerated() {
            let batch = batches.count
            batches.append(SimBatch(code: Batch.code(site: plan.site, date: date, runOfDay: run), product: product,
                                    date: date, bundles: size))
            for serial in 1...size {
                var pick = random.unit() * paceTotal
                var maker = active.last ?? 0
                for (slot, index) in active.enumerated() {
                    pick -= pace[slot]
                    if pick <= 0 { maker = index; break }
                }
                inspect(batch: batch, serial: serial, maker: maker, day: day, date: date)
            }
        }
    }

    private func inspect(batch: Int, serial: Int, maker: Int, day: Int64, date: CalendarDate) {
        let skill = makerSkill[maker]
        let at = time(day, hour: 8, spreadHours: 7)
        let result: QCResult = random.unit() < skill.failRate ? .fail(defects()) : .pass(random.unit() < skill.gradeA ? .a : .b)
        let index = bundles.count
        // A failed inspection puts the bundle in quarantine with the same event.
        let state = Lifecycle.state(afterInspection: result)
        bundles.append(SimBundle(id: batches[batch].code + "-" + BundleID.format(serial: serial), batch: batch,
                                 serial: serial, maker: maker, result: result, inspected: date, inspections: 1,
                                 state: state, labelRevision: 0, shipment: nil, updated: at))
        emit(index, .inspect, state, at: at, result: result, operatorCode: "QC1", station: "meja-qc")
        // Now and then a count was typed too high: the bundle that was never made is voided
        // before it gets a label, and counts nowhere.
        if random.unit() < 0.001 {
            emit(index, .void, .voided, at: at + 60, operatorCode: "QC1", station: "meja-qc", reason: "salah hitung")
            return
        }
        label(index, at: at + 20 + Int64(random.below(100)))
        if !result.passed {
            let later = day + 1 + Int64(random.below(4))
            schedule(random.unit() < 0.75 ? .rework(index) : .scrap(index), on: later)
        }
    }

    /// A re-inspection with its result, and the new label a minute later.
    private func reinspect(_ index: Int, result: QCResult, day: Int64, at: Int64) {
        bundles[index].result = result
        bundles[index].inspected = Self.date(day)
        bundles[index].inspections += 1
        emit(index, .reinspect, Lifecycle.state(afterInspection: result), at: at, result: result, operatorCode: "QC1",
             station: "meja-qc")
        label(index, at: at + 60)
    }

    private func perform(_ action: Pending, day: Int64) {
        switch action {
        case .rework(let index):
            let at = time(day, hour: 7, spreadHours: 1)
            let passed = random.unit() < 0.85
            let result: QCResult = passed ? .pass(random.unit() < 0.3 ? .a : .b) : .fail(defects())
            reinspect(index, result: result, day: day, at: at)
            if !passed { emit(index, .scrap, .scrapped, at: at + 300, station: "meja-qc") }
        case .regrade(let index):
            // Only while it is still in the store room; packed or shipped bundles are left alone.
            guard bundles[index].state == .inStock, let slot = stock.firstIndex(of: index) else { return }
            stock.remove(at: slot)
            let at = time(day, hour: 7, spreadHours: 1)
            let damaged = random.unit() < 0.5
            let result: QCResult = damaged ? .fail(defects()) : .pass(bundles[index].result.grade == .a ? .b : .a)
            reinspect(index, result: result, day: day, at: at)
            if damaged { schedule(random.unit() < 0.75 ? .rework(index) : .scrap(index), on: day + 1 + Int64(random.below(3))) }
        case .scrap(let index):
            emit(index, .scrap, .scrapped, at: time(day, hour: 7, spreadHours: 1), station: "meja-qc")
        case .reconcile(let shipment):
            reconcile(shipment, day: day)
        case .returned(let index):
            emit(index, .return, .returned, at: time(day, hour: 9, spreadHours: 1), station: "gudang")
            comingBack.append(index)
        }
    }

    /// End of the shift: the store room takes in every labelled, passed bundle of the day.
    private func receive(day: Int64) {
        let start = Self.startOfDay(day, plan.utcOffset) + 15 * 3600 + 1800
        for index in today.lazy.filter({ $0.move == .label }).map(\.bundle)
        where bundles[index].result.passed && (bundles[index].state == .inspected || bundles[index].state == .returned) {
            emit(index, .receive, .inStock, at: start + Int64(random.below(3600)), station: "gudang")
            stock.append(index)
            if random.unit() < 0.004 { schedule(.regrade(index), on: day + 1) }
        }
        for index in comingBack {
            emit(index, .receive, .inStock, at: start + Int64(random.below(3600)), station: "gudang")
            stock.append(index)
        }
        comingBack.removeAll()
    }

    private func ship(day: Int64, date: CalendarDate) {
        let start = Self.startOfDay(day, plan.utcOffset) + 9 * 3600
        let year = date.year
        let number = (shipments.last.map { Self.year($0.created, plan.utcOffset) == year ? $0.number : 0 } ?? 0) + 1
        let consignees = [
            ("CV. Pusat Handicraft", "Jl. Raya Kroya, Cilacap"), ("Toko Sapu Makmur", "Pasar Wage, Purwokerto"),
            ("UD Sumber Rejeki", "Jl. Gatot Subroto, Banyumas"),
        ]
        let pick = random.unit()
        let (consignee, address) = consignees[pick < 0.85 ? 0 : (pick < 0.95 ? 1 : 2)]
        let shipment = shipments.count
        shipments.append(SimShipment(
            id: ShipmentID(number: number, site: plan.site, month: date.month, year: year).description, number: number,
            consignee: consignee, address: address, vehicle: "R \(1000 + random.below(8999)) AB", driver: "Darto",
            status: .open, created: start, closed: nil, shipped: nil, reconciled: nil))
        let packing = Int64(7200) / Int64(max(1, stock.count))
        for (offset, index) in stock.enumerated() {
            emit(index, .pack, .packed, at: start + 60 + Int64(offset) * packing, shipment: shipment, station: "gudang")
        }
        shipments[shipment].status = .closed
        shipments[shipment].closed = start + 2 * 3600 + 1800
        for index in stock {
            emit(index, .ship, .shipped, at: start + 3 * 3600, shipment: shipment, station: "gudang")
        }
        shipments[shipment].status = .shipped
        shipments[shipment].shipped = start + 3 * 3600
        shipped[shipment] = stock
        stock.removeAll(keepingCapacity: true)
        schedule(.reconcile(shipment), on: day + 1)
    }

    private func reconcile(_ shipment: Int, day: Int64) {
        let at = Self.startOfDay(day, plan.utcOffset) + 11 * 3600
        var clean = true
        for index in shipped.removeValue(forKey: shipment) ?? [] {
            let roll = random.unit()
            if roll < 0.0002 {
                emit(index, .markMissing, .missing, at: at, shipment: shipment, station: "gudang")
                clean = false
            } else if roll < 0.0003 {
                emit(index, .dispute, .disputed, at: at, shipment: shipment, station: "gudang")
                clean = false
            } else {
                emit(index, .deliver, .received, at: at, shipment: shipment, station: "gudang")
                if roll > 0.9997 { schedule(.returned(index), on: day + 3) }
            }
        }
        shipments[shipment].status = clean ? .delivered : .disputed
        shipments[shipment].reconciled = at
    }

    // MARK: Helpers

    private func label(_ index: Int, at: Int64) {
        bundles[index].labelRevision += 1
        emit(index, .label, bundles[index].state, at: at, labelRevision: bundles[index].labelRevision,
             operatorCode: "QC1", station: "meja-qc")
    }

    private func emit(_ index: Int, _ move: Move, _ state: BundleState, at: Int64, result: QCResult? = nil,
                      labelRevision: Int? = nil, shipment: Int? = nil, operatorCode: String? = nil, station: String,
                      reason: String? = nil) {
        bundles[index].state = state
        bundles[index].updated = at
        switch move {
        case .pack: bundles[index].shipment = shipment
        case .receive: bundles[index].shipment = nil
        default: break
        }
        today.append(SimEvent(bundle: index, move: move, state: state, at: at, result: result, labelRevision: labelRevision,
                              shipment: shipment, operatorCode: operatorCode, station: station, reason: reason))
    }

    private func schedule(_ action: Pending, on day: Int64) {
        let lastDay = Instant.days(fromCivil: plan.end.year, plan.end.month, plan.end.day)
        let target = Self.weekday(day) == 0 ? day + 1 : day
        guard target <= lastDay else { return }
        pending[Int(target), default: []].append(action)
    }

    /// One defect usually, two sometimes; loose binding and damp sticks lead.
    private func defects() -> [String] {
        let codes = ["LOOSE", "DAMP", "SHORT", "DIRTY", "BROKEN", "UNDER"]
        let weights = [30.0, 24, 16, 13, 10, 7]
        func one() -> String {
            var pick = random.unit() * 100
            for (code, weight) in zip(codes, weights) {
                pick -= weight
                if pick <= 0 { return code }
            }
            return codes[0]
        }
        let first = one()
        guard random.unit() < 0.2 else { return [first] }
        let second = one()
        return second == first ? [first] : [first, second]
    }

    private func setUpMakers(dayCount: Int) {
        makerSkill = makerCodes.indices.map { index in
            let failRate = 0.03 + random.unit() * 0.12
            let gradeA = 0.5 + random.unit() * 0.35
            let pace = 0.6 + random.unit() * 0.8
            // A quarter of the makers join or leave the programme during the period.
            var from = 0
            var until = dayCount
            if index % 4 == 3 {
                if random.unit() < 0.5 { from = random.below(dayCount / 2) } else { until = dayCount / 2 + random.below(dayCount / 2) }
            }
            return (failRate, gradeA, pace, from, until)
        }
    }

    /// Splits `total` over `slots` with ±20 % day-to-day variation, summing exactly to `total`.
    private func distribute(_ total: Int, over slots: Int) -> [Int] {
        guard slots > 0 else { return [] }
        let weights = (0..<slots).map { _ in 0.8 + 0.4 * random.unit() }
        let sum = weights.reduce(0, +)
        var counts = weights.map { Int(Double(total) * $0 / sum) }
        var rest = total - counts.reduce(0, +)
        var slot = 0
        while rest > 0 {
            counts[slot % slots] += 1
            rest -= 1
            slot += 1
        }
        return counts
    }

    private func time(_ day: Int64, hour: Int, spreadHours: Int) -> Int64 {
        Self.startOfDay(day, plan.utcOffset) + Int64(hour * 3600) + Int64(random.below(spreadHours * 3600))
    }

    static func startOfDay(_ day: Int64, _ offset: Int) -> Int64 { day * 86_400 - Int64(offset) }

    static func date(_ day: Int64) -> CalendarDate { Instant(unixSeconds: day * 86_400, utcOffset: 0).date }

    static func year(_ unix: Int64, _ offset: Int) -> Int { Instant(unixSeconds: unix, utcOffset: offset).date.year }

    /// 0 is Sunday; 1970-01-01 was a Thursday.
    static func weekday(_ day: Int64) -> Int { Int(((day + 4) % 7 + 7) % 7) }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A number in 0..<bound.
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}
