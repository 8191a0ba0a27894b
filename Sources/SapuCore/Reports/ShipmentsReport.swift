/// What became of one shipment's bundles, from its events.
public struct ShipmentOutcome: Sendable, Equatable {
    public var id: String
    /// The day it left, or the day it was opened when it has not left yet.
    public var date: CalendarDate
    public var consignee: String
    public var status: ShipmentStatus
    /// Bundles that left with it.
    public var sent: Int
    /// Bundles the partner's receipt confirmed, said were missing, or disputed.
    public var received: Int
    public var missing: Int
    public var disputed: Int
    /// From the receipt in force: bundles at the partner that the manifest does not list, and
    /// scans refused as forged.
    public var extra: Int
    public var forged: Int

    public init(id: String, date: CalendarDate, consignee: String, status: ShipmentStatus, sent: Int, received: Int,
                missing: Int, disputed: Int, extra: Int = 0, forged: Int = 0) {
        self.id = id
        self.date = date
        self.consignee = consignee
        self.status = status
        self.sent = sent
        self.received = received
        self.missing = missing
        self.disputed = disputed
        self.extra = extra
        self.forged = forged
    }

    /// Bundles sent that no receipt has accounted for yet.
    public var inTransit: Int { max(0, sent - received - missing - disputed) }
}

/// Shipments of a period with their outcomes, and the totals per consignee.
public struct ShipmentsReport: Sendable, Equatable {
    public struct ConsigneeTotal: Sendable, Equatable {
        public var consignee: String
        public var shipments: Int
        public var sent = 0
        public var received = 0
        public var missing = 0
        public var disputed = 0
        public var inTransit = 0
        public var extra = 0
        public var forged = 0
    }

    public var period: ReportPeriod
    public var shipments: [ShipmentOutcome]

    public init(period: ReportPeriod, shipments: [ShipmentOutcome]) {
        self.period = period
        self.shipments = shipments.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    public var isEmpty: Bool { shipments.isEmpty }

    public var consignees: [ConsigneeTotal] {
        var totals: [String: ConsigneeTotal] = [:]
        for shipment in shipments {
            var total = totals[shipment.consignee] ?? ConsigneeTotal(consignee: shipment.consignee, shipments: 0)
            total.shipments += 1
            total.sent += shipment.sent
            total.received += shipment.received
            total.missing += shipment.missing
            total.disputed += shipment.disputed
            total.inTransit += shipment.inTransit
            total.extra += shipment.extra
            total.forged += shipment.forged
            totals[shipment.consignee] = total
        }
        return totals.values.sorted { ($1.sent, $0.consignee) < ($0.sent, $1.consignee) }
    }

    public var total: ConsigneeTotal {
        consignees.reduce(ConsigneeTotal(consignee: "", shipments: 0)) { sum, next in
            var sum = sum
            sum.shipments += next.shipments
            sum.sent += next.sent
            sum.received += next.received
            sum.missing += next.missing
            sum.disputed += next.disputed
            sum.inTransit += next.inTransit
            sum.extra += next.extra
            sum.forged += next.forged
            return sum
        }
    }
}
