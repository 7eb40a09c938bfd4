import Testing
@testable import BorderwatchDaemon

@Test func DaemonModuleLinks() {
    #expect(Bool(true))
}
