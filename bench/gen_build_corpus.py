#!/usr/bin/env python3
"""Generates a Japanese corpus of N pages in Portal's content format (docs/content-format.md)
for the build benchmark: all four kinds plus field visions, tables, lists, relative .md links
between pages, furigana and glossary terms (some marked with ※). Deterministic for a seed.

Used by bench/build_bench.sh when bench/gen_corpus.py (the search benchmark's generator) is not
there; both write the same format, so either gives comparable figures.
"""

import argparse
import os
import random
import shutil

DOMAINS = [
    ("life", "暮らし", "あらゆる人が暮らしやすい社会", [
        ("crisis-management", "危機管理"), ("safety", "安全・安心"), ("health-welfare", "医療・福祉"),
        ("children-youth", "こども・若者"), ("infrastructure", "社会資本・まちづくり"), ("environment", "環境保全")]),
    ("work", "仕事・生きがい", "誰もが自分らしく働き学べる社会", [
        ("workstyle", "働き方"), ("participation", "社会参画"), ("learning", "学習機会"),
        ("culture-sports", "文化芸術・スポーツ")]),
    ("industry", "産業", "活力ある産業", [
        ("business", "産業振興・中小企業"), ("agriculture", "農林水産業"), ("construction", "建設産業"),
        ("tourism", "観光"), ("logistics", "物流・交通網"), ("carbon-neutral", "カーボンニュートラル")]),
    ("government", "行政", "便利で効率的な行政", [
        ("public-services", "行政サービス"), ("data", "データ利活用")]),
    ("foundation", "推進を支える土台づくり", None, [
        ("awareness", "意識の醸成・人材育成"), ("co-creation", "共創の機会の創出"),
        ("digital-environment", "デジタル技術の活用の環境整備")]),
]
FIELDS = [(f, name, d[0]) for d in DOMAINS for (f, name) in d[3]]

SUBJECTS = ["県民", "市町村", "事業者", "高齢者", "子育て世帯", "学生", "農業者", "観光客", "職員", "地域の団体"]
OBJECTS = ["申請の手続", "防災の情報", "医療の記録", "交通の案内", "学習の機会", "観光の情報", "窓口の予約",
           "相談の受付", "道路の点検", "水道の管理", "ごみの収集", "図書館の本"]
VERBS = ["オンラインで受け付けます", "すばやく届けます", "わかりやすく示します", "いつでも確かめられるようにします",
         "データで見える化します", "AIで分析します", "スマートフォンで使えるようにします", "自動で知らせます"]
TAILS = ["これにより、待ち時間が短くなります。", "県の職員の負担も減ります。", "だれでも使いやすい仕組みにします。",
         "個人の情報は安全に守ります。", "市町村と協力して進めます。", "効果を毎年たしかめます。"]
RUBY = [("避難", "ひなん"), ("災害", "さいがい"), ("申請", "しんせい"), ("窓口", "まどぐち"), ("普及", "ふきゅう")]
HEADINGS = ["なにをするか", "なにが変わるか", "すすめかた", "これまでの成果", "今後の予定", "よくある質問"]
KANA = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"
PLACES = ["千葉県庁", "千葉市民会館", "幕張メッセ", "柏の葉カンファレンスセンター", "木更津市民会館"]
DEPARTMENTS = ["総務部", "防災危機管理部", "健康福祉部", "商工労働部", "農林水産部", "県土整備部"]


def plan(n):
    """How many pages of each kind: field visions fixed, the rest split like the real portal."""
    fields = min(len(FIELDS), max(1, n // 50))
    rest = max(0, n - fields)
    glossary = max(2, rest * 5 // 100)
    strategy = max(2, rest * 2 // 100)
    events = max(1, rest * 18 // 100)
    initiatives = max(1, rest - glossary - strategy - events)
    return strategy, fields, initiatives, events, glossary


class Corpus:
    def __init__(self, n, seed):
        self.rng = random.Random(seed)
        self.n = n
        self.strategy, self.fields, self.initiatives, self.events, self.glossary = plan(n)
        self.terms = []
        for i in range(self.glossary):
            base = self.rng.choice(["データ", "クラウド", "デジタル", "オープン", "スマート", "サイバー", "モバイル"])
            suffix = self.rng.choice(["基盤", "連携", "活用", "認証", "窓口", "人材", "通信"])
            reading = "".join(self.rng.choice(KANA) for _ in range(5))
            self.terms.append((f"term-{i:05d}", f"{base}{suffix}{i}", reading))

    def sentence(self):
        r = self.rng
        s = f"{r.choice(SUBJECTS)}のために、{r.choice(OBJECTS)}を{r.choice(VERBS)}。{r.choice(TAILS)}"
        if r.random() < 0.15:
            word, reading = r.choice(RUBY)
            s = s.replace("。", f"。{{{word}|{reading}}}にそなえます。", 1)
        if self.terms and r.random() < 0.3:
            slug, term, _ = r.choice(self.terms)
            mark = "※" if r.random() < 0.3 else ""
            s = f"{term}{mark}を使い、" + s
        return s

    def link(self, here):
        r = self.rng
        kind = r.choice(["initiatives", "initiatives", "events", "glossary"])
        if kind == "initiatives":
            target = f"initiative-{r.randrange(self.initiatives):05d}.md"
        elif kind == "events":
            target = f"event-{r.randrange(self.events):05d}.md"
        else:
            target = f"term-{r.randrange(self.glossary):05d}.md"
        return f"[関連するページ](../{kind}/{target})" if kind != here else f"[関連するページ]({target})"

    def body(self, here, size=2400):
        r = self.rng
        out = []
        length = 0
        h = 0
        while length < size:
            out.append(f"## {HEADINGS[h % len(HEADINGS)]}{h // len(HEADINGS) or ''}\n")
            h += 1
            para = "".join(self.sentence() for _ in range(r.randint(3, 6)))
            para += f"くわしくは{self.link(here)}を見てください。"
            out.append(para + "\n")
            choice = r.random()
            if choice < 0.35:
                out.append("\n".join(f"- {self.sentence()}" for _ in range(r.randint(2, 5))) + "\n")
            elif choice < 0.55:
                out.append("| 年度 | 目標 | 実績 |\n|---|---:|---:|")
                for y in range(r.randint(2, 5)):
                    out.append(f"| 令和{y + 6}年度 | {r.randint(10, 99)}% | {r.randint(10, 99)}% |")
                out.append("")
            elif choice < 0.65:
                out.append("\n".join(f"{k + 1}. {self.sentence()}" for k in range(r.randint(2, 4))) + "\n")
            length += sum(len(x.encode()) for x in out[-3:])
        return "\n".join(out) + "\n"

    def write(self, out):
        if os.path.exists(out):
            shutil.rmtree(out)
        for folder in ["strategy", "fields", "initiatives", "events", "glossary"]:
            os.makedirs(os.path.join(out, folder))
        self.write_site(out)
        r = self.rng
        for i in range(self.strategy):
            parent = f"\nparent: strategy-{r.randrange(i):05d}" if i >= 3 else ""
            self.page(out, "strategy", f"strategy-{i:05d}",
                      f"title: 戦略の章{i}\norder: {i}\nsummary: 千葉県のDXの考え方です。{parent}")
        for i, (fid, name, domain) in enumerate(FIELDS[: self.fields]):
            self.page(out, "fields", fid,
                      f"title: {name}\ndomain: {domain}\nfield: {fid}\nsummary: {name}の分野で目指す姿です。")
        for i in range(self.initiatives):
            fields = sorted({r.choice(FIELDS[: max(self.fields, 1)] if self.fields else FIELDS)[0]
                             for _ in range(r.randint(1, 2))})
            related = sorted({f"initiative-{r.randrange(self.initiatives):05d}" for _ in range(r.randint(0, 2))}
                             - {f"initiative-{i:05d}"})
            rel = f"\nrelated: [{', '.join(related)}]" if related else ""
            self.page(out, "initiatives", f"initiative-{i:05d}",
                      f"title: 取組{i}：{r.choice(OBJECTS)}のデジタル化\n"
                      f"summary: {r.choice(OBJECTS)}を{r.choice(VERBS)}。\n"
                      f"fields: [{', '.join(fields)}]\nstatus: {r.choice(['planned', 'active', 'completed'])}\n"
                      f"department: {r.choice(DEPARTMENTS)}\nstarted: 202{r.randint(3, 6)}-0{r.randint(1, 9)}-1{r.randint(0, 9)}"
                      f"{rel}\nlinks:\n  - {{ title: くわしい資料, url: https://example.jp/doc/{i} }}")
        for i in range(self.events):
            month = r.randint(1, 12)
            day = r.randint(1, 28)
            year = r.choice([2025, 2026, 2027])
            ini = f"initiative-{r.randrange(self.initiatives):05d}"
            self.page(out, "events", f"event-{i:05d}",
                      f"title: DXセミナー{i}\nsummary: {r.choice(OBJECTS)}について学ぶイベントです。\n"
                      f"start: {year}-{month:02d}-{day:02d}T13:30:00+09:00\nend: {year}-{month:02d}-{day:02d}T15:00:00+09:00\n"
                      f"place: {r.choice(PLACES)}\nonline: https://example.jp/live/{i}\ncapacity: {r.randint(20, 200)}\n"
                      f"fee: 無料\naccessibility: [手話通訳, 要約筆記]\ninitiatives: [{ini}]", size=1500)
        for i, (slug, term, reading) in enumerate(self.terms):
            self.page(out, "glossary", slug,
                      f"term: {term}\nreading: {reading}\nshort: {term}は、デジタルの仕組みの一つです。\n"
                      f"english: Term {i}", size=600)

    def page(self, out, folder, slug, front, size=2400):
        with open(os.path.join(out, folder, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(f"---\n{front}\n---\n\n{self.body(folder, size)}")

    def write_site(self, out):
        lines = ["title: 千葉県DXポータル", "description: デジタルのチカラで創る 県民の心豊かな暮らしと活力ある千葉",
                 "base_url: https://dx.example.jp/", "language: ja",
                 "vision: デジタルのチカラで創る 県民の心豊かな暮らしと活力ある千葉", "navigation:",
                 "  - { title: 戦略, url: /strategy/ }", "  - { title: 取組, url: /initiatives/ }",
                 "  - { title: イベント, url: /events/ }", "  - { title: 用語集, url: /glossary/ }", "domains:"]
        for did, name, goal, fields in DOMAINS:
            lines += [f"  - id: {did}", f"    name: {name}"]
            lines += [f"    goal: {goal}"] if goal else ["    foundation: true"]
            lines += ["    fields:"] + [f"      - {{ id: {f}, name: {n} }}" for f, n in fields]
        with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--pages", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    Corpus(a.pages, a.seed).write(a.out)


if __name__ == "__main__":
    main()
