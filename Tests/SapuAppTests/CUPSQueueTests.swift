@testable import SapuApp
import SapuCore
import Testing

@Suite("CUPS queues as lpstat lists them")
struct CUPSQueueTests {
    @Test func lpstatsListingGivesStateAcceptanceDeviceAndDefault() {
        let listing = """
            printer kantor disabled since Tue Dec  1 18:27:48 2026 -
            \tPaused
            printer termal now printing termal-1.  enabled since Tue Dec  1 18:27:48 2026
            \tThe printer may not exist or is unavailable at this time.
            printer zebra is idle.  enabled since Tue Dec  1 18:27:48 2026
            kantor not accepting requests since Tue Dec  1 18:27:48 2026 -
            \tRejecting Jobs
            termal accepting requests since Tue Dec  1 18:27:48 2026
            zebra accepting requests since Tue Dec  1 18:27:48 2026
            device for kantor: ipp://10.0.0.5/ipp/print
            device for termal: socket://127.0.0.1:9100
            device for zebra: usb://Zebra/ZD220?serial=123
            system default destination: zebra

            """
        #expect(CUPSQueue.parse(listing) == [
            CUPSQueue(name: "kantor", state: .stopped, accepting: false, device: "ipp://10.0.0.5/ipp/print", isDefault: false),
            CUPSQueue(name: "termal", state: .printing, accepting: true, device: "socket://127.0.0.1:9100", isDefault: false),
            CUPSQueue(name: "zebra", state: .idle, accepting: true, device: "usb://Zebra/ZD220?serial=123", isDefault: true),
        ])
    }

    /// A queue may be called `printer`, `device` or `system`, like the words lpstat's lines
    /// start with; before, "printer accepting requests" was read as the state of a queue
    /// called `accepting`, and the queue `printer` refused every job as not accepting.
    @Test func queuesNamedLikeLpstatsOwnWordsAreReadAsThemselves() {
        let listing = """
            printer device is idle.  enabled since Tue Dec  1 19:32:23 2026
            printer printer is idle.  enabled since Tue Dec  1 19:32:23 2026
            printer accepting disabled since Tue Dec  1 19:32:23 2026 -
            printer not is idle.  enabled since Tue Dec  1 19:32:23 2026
            device accepting requests since Tue Dec  1 19:32:23 2026
            printer accepting requests since Tue Dec  1 19:32:23 2026
            accepting not accepting requests since Tue Dec  1 19:32:23 2026 -
            not accepting requests since Tue Dec  1 19:32:23 2026
            device for device: socket://127.0.0.1:9100
            device for printer: socket://127.0.0.1:9101
            device for accepting: socket://127.0.0.1:9102
            device for not: socket://127.0.0.1:9103
            system default destination: printer

            """
        #expect(CUPSQueue.parse(listing) == [
            CUPSQueue(name: "device", state: .idle, accepting: true, device: "socket://127.0.0.1:9100", isDefault: false),
            CUPSQueue(name: "printer", state: .idle, accepting: true, device: "socket://127.0.0.1:9101", isDefault: true),
            CUPSQueue(name: "accepting", state: .stopped, accepting: false, device: "socket://127.0.0.1:9102", isDefault: false),
            CUPSQueue(name: "not", state: .idle, accepting: true, device: "socket://127.0.0.1:9103", isDefault: false),
        ])
    }

    /// A listing that fails for an unknown reason names lpstat, not a print job for printer "-".
    @Test func anUnknownListingFailureNamesLpstat() {
        let failed = CUPSCommand.Result(status: 1, output: "", errors: "lpstat: Forbidden\n")
        #expect(CUPSQueue.failure(of: failed, printer: nil) == .printerListFailed(status: 1))
        #expect(CUPSQueue.failure(of: failed, printer: "termal") == .printJobRefused(printer: "termal", status: 1))
    }

    @Test("names CUPS cannot have, or that lp would read as an option, are never passed on",
          arguments: ["", "-o", "a b", "a/b", "a#b", "a\"b", "a\u{1B}b", String(repeating: "x", count: 128)])
    func implausibleNamesAreRefused(name: String) {
        #expect(!CUPSQueue.isPlausibleName(name))
    }

    @Test func ordinaryNamesPass() {
        #expect(CUPSQueue.isPlausibleName("Zebra_ZD220-gudang.1"))
    }
}
