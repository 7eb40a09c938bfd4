import Testing
@testable import BorderwatchRules

@Test func RulesModuleLinks() {
    #expect(Bool(true))
}
