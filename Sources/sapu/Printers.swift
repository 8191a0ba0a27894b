import ArgumentParser
import SapuApp
import SapuCore

/// `sapu printers`: the print queues CUPS has, for `sapu label --printer`.
struct Printers: SapuCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Message.helpPrinters.helpText) }
    @OptionGroup var global: GlobalOptions

    func execute(_ context: Context) throws(SapuError) {
        let queues = try CUPSQueue.all()
        if context.json {
            context.emit(queues.map {
                PrinterOutput(name: $0.name, state: $0.state.rawValue, accepting: $0.accepting, device: $0.device,
                              isDefault: $0.isDefault)
            })
            return
        }
        guard !queues.isEmpty else {
            context.say(.noPrinters)
            return
        }
        context.table([.columnName, .columnState, .columnAccepting, .columnDevice, .columnDefault], queues.map {
            [$0.name, Self.state($0.state).text(context.language), ($0.accepting ? Message.yes : .no).text(context.language),
             $0.device ?? "-", $0.isDefault ? "*" : ""]
        })
    }

    static func state(_ state: CUPSQueue.State) -> Message {
        switch state {
        case .idle: .printerIdle
        case .printing: .printerPrinting
        case .stopped: .printerStopped
        }
    }
}

struct PrinterOutput: Encodable {
    var name, state: String
    var accepting: Bool
    var device: String?
    var isDefault: Bool

    enum CodingKeys: String, CodingKey {
        case name, state, accepting, device
        case isDefault = "default"
    }
}
