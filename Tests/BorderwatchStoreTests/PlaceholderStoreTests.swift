import Testing
@testable import BorderwatchStore

@Test func StoreModuleLinks() {
    #expect(Bool(true))
}
