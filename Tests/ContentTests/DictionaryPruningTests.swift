import Testing

@testable import Content

@Suite struct DictionaryPruningTests {
  @Test func removesOnlyKeysNotListed() {
    var d = ["a": 1, "b": 2, "c": 3]
    d.removeAll(except: ["a", "b", "c"])
    #expect(d == ["a": 1, "b": 2, "c": 3])
    d.removeAll(except: ["a", "c"])
    #expect(d == ["a": 1, "c": 3])
    // As many keys as entries, but one of them absent: the stale entry still goes.
    d.removeAll(except: ["a", "x"])
    #expect(d == ["a": 1])
  }
}
