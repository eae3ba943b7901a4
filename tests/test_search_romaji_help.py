"""`portal search --help` says, in English and in Japanese, that romaji typed with the input
method off is offered in kana as the site writes it (sumaho → スマートフォン, sa-bisu →
サービス), as it says numbers typed in kanji are searched in Arabic numerals too."""
import os
import subprocess

import pytest

from conftest import BIN


@pytest.mark.parametrize("language, said", [
    ("en", ["Romaji typed with the input method off is offered in kana",
            "sumaho → スマートフォン", "sa-bisu → サービス"]),
    ("ja", ["ローマ字のまま打った言葉は、かなにして", "sumaho なら もしかして：「スマートフォン」", "sa-bisu なら「サービス」"]),
])
def test_help_says_romaji_is_offered_in_kana(language, said):
    r = subprocess.run([BIN, "search", "--help"], capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PORTAL_LANG": language})
    assert r.returncode == 0, r.stderr
    # The help is wrapped to the terminal: its lines are joined before looking (with a space
    # in English, where a line breaks between words).
    lines = [line.strip() for line in r.stdout.splitlines()]
    joined = ("" if language == "ja" else " ").join(lines)
    for words in said:
        assert words in joined, (words, r.stdout)
