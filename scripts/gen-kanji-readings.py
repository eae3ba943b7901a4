#!/usr/bin/env python3
"""Writes Sources/Search/KanjiReadings.swift from KANJIDIC (Debian `kanjidic`,
/usr/share/edict/kanjidic): the readings of the 常用漢字 (grades 1-8), on'yomi in hiragana and
the stems of kun'yomi (そだ of そだ.つ), grouped by reading. The search offers a kanji typed
with the wrong conversion (坊災 for 防災) from them (docs/search.md, "Homophones")."""
import re
import sys
from collections import defaultdict
from pathlib import Path

SOURCE = Path("/usr/share/edict/kanjidic")
OUT = Path(__file__).resolve().parent.parent / "Sources" / "Search" / "KanjiReadings.swift"


def hiragana(s):
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in s)


def main():
    by_reading = defaultdict(list)
    for line in SOURCE.read_bytes().decode("euc_jp", errors="replace").splitlines():
        if line.startswith("#"):
            continue
        fields = line.split(" ")
        kanji = fields[0]
        grade = next((f[1:] for f in fields if re.fullmatch(r"G\d+", f)), None)
        if grade is None or int(grade) > 8:
            continue
        readings = []
        for f in fields[1:]:
            if f == "T1" or f.startswith("{"):
                break  # name readings and meanings follow
            if re.fullmatch(r"[\u30a1-\u30fc]+", f):
                readings.append(hiragana(f))
            elif re.fullmatch(r"-?[\u3041-\u3096.]+-?", f) and not f.startswith("-"):
                stem = f.strip("-").split(".")[0]
                if stem:
                    readings.append(stem)
        for r in dict.fromkeys(readings):
            by_reading[r].append(kanji)
    rows = [f"{r} {''.join(sorted(set(k)))}" for r, k in sorted(by_reading.items())]
    body = "\n".join("    " + row for row in rows)
    OUT.write_text(
        "/// The readings of the 常用漢字, grouped by reading: each line a reading in hiragana (an\n"
        "/// on'yomi, or a kun'yomi's stem: そだ of 育つ), a space, and the kanji read so. Made by\n"
        "/// `scripts/gen-kanji-readings.py` from KANJIDIC (Debian `kanjidic`, grades 1–8); do not\n"
        "/// edit by hand. `Homophones` reads a query's kanji with it.\n"
        "enum KanjiReadings {\n"
        '  static let table = """\n'
        + body
        + '\n    """\n}\n',
        encoding="utf-8",
    )
    print(f"{len(rows)} readings, {sum(len(v) for v in by_reading.values())} pairs -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
