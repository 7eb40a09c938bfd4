import Testing
@testable import BorderwatchExtract

@Test func ExtractModuleLinks() {
    #expect(Bool(true))
}
