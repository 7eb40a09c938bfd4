import Testing
@testable import BorderwatchInbox

@Test func InboxModuleLinks() {
    #expect(Bool(true))
}
