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

  @Test func hostInAnAuthority() {
    #expect(DomainName.asciiAuthority("user@千葉県.jp:8080") == "user@xn--mkrs64fq8i.jp:8080")
    #expect(DomainName.asciiAuthority("例え.jp") == "xn--r8jz45g.jp")
    #expect(DomainName.asciiAuthority("[::1]:8080") == "[::1]:8080")
  }

}
