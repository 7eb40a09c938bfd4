import Testing
@testable import BorderwatchNotify

@Test func NotifyModuleLinks() {
    #expect(Bool(true))
}
