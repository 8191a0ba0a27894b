extension Int {
    /// `self + other`, or `totalTooLarge` when the sum does not fit: totals are built from
    /// stored numbers, and a database written by hand may hold any of them.
    public func checkedAdding(_ other: Int) throws(SapuError) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        if overflow { throw .totalTooLarge }
        return sum
    }

    /// `self + other`, or the nearest bound when it does not fit: for drawing, where a
    /// bar as long as the chart is the right answer to a count too large to draw.
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }

    /// `self × other`, or `totalTooLarge` when the product does not fit.
    public func checkedMultiplied(by other: Int) throws(SapuError) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw .totalTooLarge }
        return product
    }
}

extension Sequence where Element == Int {
    /// The sum, or `totalTooLarge` when it does not fit.
    public func checkedSum() throws(SapuError) -> Int {
        var total = 0
        for value in self { total = try total.checkedAdding(value) }
        return total
    }
}
