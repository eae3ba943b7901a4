"""`portal --help` and swift-argument-parser's own usage errors in the writer's language.

On a computer set to Japanese, every command's help is Japanese and ArgumentParser's errors
(an unknown option, a value missing or unreadable, an argument missing or left over) have the
shape of Portal's own: `Error:` / `直し方:` / `使い方:`. The help cannot drift from the
commands: every argument, option and flag the English help lists has a Japanese explanation,
nothing else is explained, and the examples are the English ones."""
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = str(Path(os.environ.get("PORTAL_BIN", ROOT / ".build" / "debug" / "portal")).resolve())
FIXTURE = ROOT / "Tests" / "BuildTests" / "Fixtures" / "valid" / "content"
COMMANDS = ["", "build", "new", "search", "check", "lint", "serve"]


def run(args, language, cwd=None, **env):
    environment = {**os.environ, "PORTAL_LANG": language, **env}
    return subprocess.run([BIN, *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=60)


def help_of(command, language, flag="--help"):
    return run([*filter(None, [command]), flag], language)


@pytest.fixture()
def work(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    return tmp_path


def section(text, title):
    """The lines of a help section (`OPTIONS:`, `オプション:`) up to the next blank line."""
    lines = text.splitlines()
    if title not in lines:
        return []
    rest = lines[lines.index(title) + 1:]
    return rest[: rest.index("")] if "" in rest else rest


def names(rows):
    """The names each row of a section starts with: `--content`, `-h`, `--help`, `<kind>`."""
    found = []
    for row in rows:
        match = re.match(r"  ((?:-{1,2}[\w-]+(?:, )?)+|<[^>]+>)", row)
        if match:
            found.append(re.findall(r"-{1,2}[\w-]+|<[^>]+>", match.group(1)))
    return found


def explanations(rows):
    """Each row's label and explanation, its continuation lines joined (a long label has it
    below)."""
    found = {}
    label = None
    for row in rows:
        match = re.match(r"  (\S.*?)(?:\s{2,}(.*))?$", row)
        if match and not row.startswith("   "):
            label = match.group(1)
            found[label] = match.group(2) or ""
        else:
            found[label] += row.strip()
    return found


def width(text):
    """The columns a terminal gives the text."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def examples(text, titles):
    """The commands of the examples section, without their notes (`  (…)`, `# …`)."""
    lines = text.splitlines()
    title = next(t for t in titles if t in lines)
    commands = []
    for line in lines[lines.index(title) + 1:]:
        if not line.strip():
            break
        line = line.strip()
        if line.startswith("portal"):
            commands.append(re.split(r"\s{2,}", line)[0])
    return commands


def option_names_in(usage_line):
    return re.findall(r"--[\w-]+", usage_line)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_japanese_help_explains_every_argument_and_nothing_else(command):
    """Every argument, option and flag the English help lists is in the Japanese help, in the
    same order, with a Japanese explanation; the Japanese names none the command does not have,
    and says nothing on stderr (Portal reports an argument without Japanese, or Japanese for an
    argument that is gone, there). The examples are the English ones."""
    english = help_of(command, "en")
    japanese = help_of(command, "ja")
    assert english.returncode == japanese.returncode == 0, (english, japanese)
    assert japanese.stderr == "", japanese.stderr
    assert japanese.stdout.startswith("概要: "), japanese.stdout
    assert "OVERVIEW" not in japanese.stdout and "USAGE" not in japanese.stdout

    english_options = names(section(english.stdout, "OPTIONS:"))
    japanese_options = names(section(japanese.stdout, "オプション:"))
    assert english_options and japanese_options == english_options
    # Arguments written without a name show a Japanese placeholder: as many, in the same place.
    assert len(names(section(japanese.stdout, "引数:"))) == len(names(section(english.stdout, "ARGUMENTS:")))

    # Explanations in Japanese, not an English sentence left over.
    rows = section(japanese.stdout, "オプション:") + section(japanese.stdout, "引数:")
    for text in explanations(rows).values():
        assert text and re.search(r"[ぁ-ん]", text), (command, rows)
        assert not re.search(r"\b[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}\b", text), (command, text)

    # The usage line is ArgumentParser's, option for option, with Japanese placeholders.
    english_usage = next(line for line in english.stdout.splitlines() if line.startswith("USAGE: "))
    japanese_usage = next(line for line in japanese.stdout.splitlines() if line.startswith("使い方: "))
    assert japanese_usage.startswith("使い方: portal" + (f" {command}" if command else ""))
    assert option_names_in(japanese_usage) == option_names_in(english_usage)
    assert not re.search(r"<[a-z-]+>", japanese_usage), japanese_usage

    assert examples(japanese.stdout, ["例:", "はじめかた:"]) == examples(english.stdout, ["Examples:", "Quick start:"])
    if not command:
        # The commands, each with what it does.
        listed = [row.split()[0] for row in section(japanese.stdout, "コマンド:") if re.match(r"  \S", row)]
        assert listed == COMMANDS[1:]


def test_the_same_help_however_it_is_asked_for(work):
    """`--help`, `-h` and `portal help <command>` print the same Japanese help, exit 0; a
    computer set to Japanese by LANG gets it without PORTAL_LANG, and PORTAL_LANG=en the
    English of before."""
    for command in COMMANDS[1:]:
        asked = [help_of(command, "ja"), help_of(command, "ja", "-h"), run(["help", command], "ja")]
        assert [r.returncode for r in asked] == [0, 0, 0]
        assert asked[0].stdout == asked[1].stdout == asked[2].stdout, command
        r = run([command, "--help"], "", cwd=work, LANG="ja_JP.UTF-8", LC_ALL="", LC_MESSAGES="")
        assert r.stdout == asked[0].stdout
        english = help_of(command, "en")
        assert english.stdout.startswith("OVERVIEW: ") and "\nUSAGE: portal " + command in english.stdout
    assert run([], "ja").stdout == help_of("", "ja").stdout
    assert run(["help"], "ja").stdout == help_of("", "ja").stdout
    # The version is not help.
    assert run(["--version"], "ja").stdout.strip().count(".") == 2


def test_option_names_stay_as_typed_with_their_meaning_in_japanese():
    r = help_of("build", "ja")
    assert "使い方: portal build [--content <フォルダー>] [--theme <フォルダー>] [--static <フォルダー>] [--output <フォルダー>] [--drafts] " \
           "[--now <日時>] [--strict] [--diagnostics <形式>] [--no-cache] [--base-url <アドレス>]" in r.stdout
    options = explanations(section(r.stdout, "オプション:"))
    assert options["-o, --output <フォルダー>"].startswith("出力フォルダーです。")
    # Defaults and values come from ArgumentParser (--output's depends on --drafts: said in words).
    assert options["-o, --output <フォルダー>"].endswith("書かないときは site です（--drafts のときは site-drafts。公開するフォルダーに下書きが入らないようにします）。")
    assert options["--diagnostics <形式>"] == (
        "問題を表示する形式です（github なら、GitHub Actions がその行に注釈として表示します）。"
        "text・json・github のどれかを書きます。書かないときは text です。")
    assert options["--drafts"].startswith("`draft: true` のページ")
    # A note is a shell comment, so the example still runs when copied.
    assert "  portal build --strict" in r.stdout and "# CI で使います。" in r.stdout
    r = help_of("new", "ja")
    assert "使い方: portal new <種類> <題名> [--slug <名前>] [--content <フォルダー>]" in r.stdout
    for line in r.stdout.splitlines():
        assert width(line) <= 80 or line.startswith(("使い方: ", "  portal ")), line


@pytest.mark.parametrize("command", ["build", "check", "lint", "new", "search", "serve"])
def test_no_line_of_the_japanese_help_starts_with_a_closing_mark(command):
    """Wrapped as Japanese is set (行頭禁則): no line starts with 、。）」］ or a small kana, so
    `［リンク］（…）` is not cut before its `］`."""
    for line in help_of(command, "ja").stdout.splitlines():
        text = line.strip()
        assert not text or text[0] not in "、。，．）」』】〉》］〕｝・ー：；？！…々ぁぃぅぇぉっゃゅょァィゥェォッャュョ", line


# (arguments, Japanese Error line, start of the 直し方 line, ArgumentParser's English, the English Help line or None)
MISTAKES = [
    (["build", "--outptu", "site"],
     "portal build には、`--outptu` というオプションはありません", "`--output` のまちがいではありませんか。",
     "Unknown option '--outptu'", "did you mean `--output`?"),
    (["lint", "--list"],
     "portal lint には、`--list` というオプションはありません", "`--list-rules` のまちがいではありませんか。",
     "Unknown option '--list'", "did you mean `--list-rules`?"),
    (["build", "--sorce", "content"],
     "portal build には、`--sorce` というオプションはありません", "使えるオプションを、portal build --help で確かめてください。",
     "Unknown option '--sorce'", "see the options with `portal build --help`"),
    (["build", "－－output", "site"],
     "`－－output` は、全角で書かれています", "半角で `--output` と書いてください。",
     "2 unexpected arguments: '－－output', 'site'", "`－－output` is typed in full-width characters: write `--output`"),
    (["serve", "--port"],
     "`--port` の値がありません",
     "`--port <番号>` の形で、値も書いてください。`--port` は、ポートの番号です。0 なら、空いているポートを選びます。",
     "Missing value for '--port <port>'", None),
    (["serve", "-p"],
     "`-p` の値がありません",
     "`-p <番号>` の形で、値も書いてください。`--port` は、ポートの番号です。0 なら、空いているポートを選びます。",
     "Missing value for '-p <port>'", None),
    (["serve", "--port", "abc"],
     "`--port` の値 `abc` は使えません", "`--port <番号>` の形で書いてください。`--port` は、ポートの番号です。",
     "The value 'abc' is invalid for '--port <port>'", None),
    (["serve", "--port", "８０８０"],
     "`--port` の値 `８０８０` は使えません", "半角で `--port 8080` と書いてください。",
     "The value '８０８０' is invalid for '--port <port>'", "`８０８０` is typed in full-width characters: write `--port 8080`"),
    (["check", "--format", "jsno"],
     "`--format` の値 `jsno` は使えません", "`json` のまちがいではありませんか。text・json・junit・github のどれかを書いてください。",
     "The value 'jsno' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'junit' or 'github'.",
     "did you mean `--format json`?"),
    (["search"],
     "<言葉> がありません", "portal search のあとに、<言葉> を書いてください。",
     "Missing expected argument '<query>'", None),
    (["new", "initiative", "--slug", "x"],
     "<題名> がありません", "portal new のあとに、<題名> を書いてください。<題名> は、ページの題名です",
     "Missing expected argument '<title>'", None),
    (["build", "site"],
     "`site` は、何を指定したものか分かりません", "オプションの値なら、その前にオプションの名前（`--content` など）を書いてください。",
     "Unexpected argument 'site'", None),
    (["search", "防災", "対策"],
     "`対策` は、何を指定したものか分かりません", "空白の入った言葉は、\"防災 対策\" のように \" で囲んでください。",
     "Unexpected argument '対策'", None),
    (["build", "--drafts=yes"],
     "`--drafts` には、値を付けません", "`=yes` を消して、`--drafts` だけを書いてください。",
     "The option '--drafts' does not take any value, but 'yes' was specified.", "remove `=yes`: write `--drafts` alone"),
    (["--sorce"],
     "portal には、`--sorce` というオプションはありません", "使えるオプションを、portal --help で確かめてください。",
     "Unknown option '--sorce'", "see the options with `portal --help`"),
]


@pytest.mark.parametrize("args,error,fix,english,english_help", MISTAKES, ids=[" ".join(m[0]) for m in MISTAKES])
def test_argument_parser_mistakes_speak_japanese(work, args, error, fix, english, english_help):
    """ArgumentParser's own usage errors in Portal's shape and in Japanese, exit 2: what is
    wrong, how to fix it (the option meant, the values an option takes, what an argument is),
    the command's usage with Japanese placeholders and where its help is. In English they stay
    ArgumentParser's, with a `Help:` line as the Japanese's: the option or value meant (in place
    of ArgumentParser's own guess, `--sorce` → `--strict`), else where the options are listed."""
    r = run(args, "ja", cwd=work)
    assert r.returncode == 2, r
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines[0] == "Error: " + error, r.stderr
    assert lines[1].startswith("直し方: " + fix), r.stderr
    command = "portal" + (f" {args[0]}" if not args[0].startswith("-") else "")
    assert lines[2].startswith(f"使い方: {command}"), r.stderr
    assert lines[3:] == [f"  くわしい説明は、{command} --help で表示します。"], r.stderr
    assert "Usage" not in r.stderr and not re.search(r"<[a-z-]+>", r.stderr), r.stderr

    r = run(args, "en", cwd=work)
    assert r.returncode == 2, r
    lines = r.stderr.splitlines()
    assert lines[0] == "Error: " + english, r.stderr
    rest = lines[1:]
    if english_help:
        assert rest[0] == "Help: " + english_help, r.stderr
        rest = rest[1:]
    else:
        # ArgumentParser's own `Help:  ` (two spaces) shows the option's English help.
        assert not any(re.match(r"Help: \S", line) for line in rest), r.stderr
    assert next(line for line in rest if not line.startswith("Help:  ")).startswith(f"Usage: {command}"), r.stderr


# Portal's own usage errors (a check of the arguments after ArgumentParser read them): their
# words are already Japanese; the usage lines after them must be too, not ArgumentParser's
# English `Usage:` and `See '… --help' for more information.`
OWN_MISTAKES = [
    (["new", "取組", "電子申請の相談"], "portal new", "Error: 日本語の題名は、ページのアドレスに使えません"),
    (["new", "取組", "電子申請", "--slug", "Denshi_Shinsei"], "portal new", "Error: アドレスの名前 `Denshi_Shinsei`"),
    (["lint", "README.md"], "portal lint", "Error: `README.md` がありません"),
]


@pytest.mark.parametrize("args,command,error", OWN_MISTAKES, ids=[" ".join(m[0]) for m in OWN_MISTAKES])
def test_portals_own_usage_errors_end_in_japanese(work, args, command, error):
    r = run(args, "ja", cwd=work)
    assert r.returncode == 2, r
    lines = r.stderr.splitlines()
    assert lines[0].startswith(error), r.stderr
    assert lines[1].startswith("直し方: "), r.stderr
    assert lines[-2].startswith(f"使い方: {command} "), r.stderr
    assert lines[-1] == f"  くわしい説明は、{command} --help で表示します。", r.stderr
    assert "Usage" not in r.stderr and "See '" not in r.stderr, r.stderr

    r = run(args, "en", cwd=work)
    assert r.returncode == 2, r
    assert any(line.startswith(f"Usage: {command} ") for line in r.stderr.splitlines()), r.stderr
