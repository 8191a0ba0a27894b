import ArgumentParser

/// `sapu`: inventory and quality control for hand-made brooms.
@main
struct Sapu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sapu",
        abstract: "Inventory and quality control for hand-made brooms / Inventaris dan QC sapu.",
        subcommands: [
            Initialise.self, ProductCommand.self, MakerCommand.self, DefectCommand.self, BatchCommand.self,
            Inspect.self, BundleCommand.self, Stock.self, LabelCommand.self, Scan.self, ShipmentCommand.self, Verify.self, KeyCommand.self, ReportCommand.self,
        ]
    )
}
