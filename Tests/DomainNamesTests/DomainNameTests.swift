import Testing

@testable import DomainNames

@Suite struct DomainNameTests {
  /// Expected forms from Python's `str.encode("idna")` and RFC 3492's samples.
  @Test(arguments: [
    ("例え.jp", "xn--r8jz45g.jp"),
    ("千葉県.jp", "xn--mkrs64fq8i.jp"),
    ("日本語.JP", "xn--wgv71a119e.jp"),
    ("München.example", "xn--mnchen-3ya.example"),
    ("ＤＸ．千葉県。jp", "dx.xn--mkrs64fq8i.jp"),
    ("%E4%BE%8B%E3%81%88.jp", "xn--r8jz45g.jp"),
    ("DX.Pref.Chiba.jp", "dx.pref.chiba.jp"),
    ("xn--r8jz45g.jp", "xn--r8jz45g.jp"),
  ])
  func asciiHost(_ host: String, _ expected: String) {
    #expect(DomainName.ascii(host) == expected)
  }

  @Test func punycodeSamples() {
    // RFC 3492 7.1 (B) Chinese (simplified) and (L) 3年B組金八先生.
    #expect(Punycode.encode("他们为什么不说中文") == "ihqwcrb4cv8a8dqg056pqjye")
    #expect(Punycode.encode("3年b組金八先生") == "3b-ww4c5e180e575a65lsy2b")
  }

}

/// One split of `[user@]host[:port]` for every reader of an address.
@Suite struct AuthorityTests {
  @Test func parts() {
    let a = Authority("user:pw@例え.jp:8443")
    #expect(a.user == "user:pw@" && a.host == "例え.jp" && a.port == "8443" && a.portNumber == 8443)
    #expect(Authority("[::1]:8080").host == "[::1]" && Authority("[::1]:8080").port == "8080")
    #expect(Authority("[::1]").host == "[::1]" && Authority("[::1]").port == nil)
    #expect(Authority("example.jp:").port == "" && Authority("example.jp:").portNumber == nil)
    #expect(Authority("example.jp:+80").portNumber == nil)
  }

  @Test func normalizedAsPublished() {
    #expect(Authority("DX.Example.JP:443").normalized(scheme: "https") == "dx.example.jp")
    #expect(Authority("dx.example.jp:0443").normalized(scheme: "https") == "dx.example.jp")
    #expect(Authority("dx.example.jp:80").normalized(scheme: "https") == "dx.example.jp:80")
    #expect(Authority("u@例え.jp:80").normalized(scheme: "http") == "xn--r8jz45g.jp")
  }
}
