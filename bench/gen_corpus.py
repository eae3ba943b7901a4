#!/usr/bin/env python3
"""Generates a Japanese corpus of N pages in Portal's content format (docs/content-format.md).

    python3 bench/gen_corpus.py --pages 10000 --out /tmp/corpus [--seed 1]

Writes content/site.yml (the default domain and field ids) and strategy, fields, initiatives,
events and glossary pages, split like the real portal (about 2 % strategy, 5 % glossary, 18 %
events, the rest initiatives, plus one vision per field). Bodies are plain administrative
Japanese built from a vocabulary of real DX topics with a long tail of rarer compounds, so word
frequencies look like a real site rather than a few repeated sentences: headings, paragraphs,
bullet and numbered lists, tables, relative .md links between pages, glossary terms (some
followed by ※), furigana, katakana with voiced marks (ドローン), full-width Latin (ＤＸ) and
digits. Deterministic for a given --seed; 10,000 pages take a few seconds.

With --varied, the sentences are instead drawn from a character Markov chain (order 2) over the
bodies of the shipped portal (content/ beside this folder): real Japanese that repeats little,
as real writing does. The vocabulary corpus repeats its phrases, so it has about 60,000
distinct search keys at 10,000 pages where varied text has about 1.9 million; what the search
index costs depends on that (docs/speed.md, "The search index's cost").

Shared by the search benchmark (bench/search_bench.sh) and the build benchmark.
"""

import argparse
import os
import pathlib
import random
import re
import shutil

DOMAINS = [
    ("life", "暮らし", "あらゆる人が暮らしやすい社会", [
        ("crisis-management", "危機管理"), ("safety", "安全・安心"), ("health-welfare", "医療・福祉"),
        ("children-youth", "こども・若者"), ("infrastructure", "社会資本・まちづくり"), ("environment", "環境保全")]),
    ("work", "仕事・生きがい", "誰もがどこでも能力を発揮できる社会", [
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

# Glossary seeds: (slug, term, reading, aliases, english). Real terms of the strategy.
TERMS = [
    ("dx", "DX", "でぃーえっくす", ["デジタル・トランスフォーメーション", "デジタルトランスフォーメーション"], "Digital Transformation"),
    ("ai", "AI", "えーあい", ["人工知能"], "Artificial Intelligence"),
    ("generative-ai", "生成AI", "せいせいえーあい", [], "Generative AI"),
    ("iot", "IoT", "あいおーてぃー", ["モノのインターネット"], "Internet of Things"),
    ("my-number-card", "マイナンバーカード", "まいなんばーかーど", ["マイナカード"], "My Number Card"),
    ("open-data", "オープンデータ", "おーぷんでーた", [], "Open Data"),
    ("disaster-prevention", "防災", "ぼうさい", [], "Disaster Prevention"),
    ("e-application", "電子申請", "でんししんせい", ["オンライン申請"], "Online Application"),
    ("drone", "ドローン", "どろーん", ["無人航空機"], "Drone"),
    ("telework", "テレワーク", "てれわーく", ["リモートワーク"], "Telework"),
    ("cashless", "キャッシュレス決済", "きゃっしゅれすけっさい", ["キャッシュレス"], "Cashless Payment"),
    ("smart-agriculture", "スマート農業", "すまーとのうぎょう", [], "Smart Agriculture"),
    ("hazard-map", "ハザードマップ", "はざーどまっぷ", ["防災マップ"], "Hazard Map"),
    ("evacuation-shelter", "避難所", "ひなんじょ", [], "Evacuation Shelter"),
    ("online-medical-care", "オンライン診療", "おんらいんしんりょう", ["遠隔診療"], "Online Medical Care"),
    ("information-security", "情報セキュリティ", "じょうほうせきゅりてぃ", ["セキュリティ"], "Information Security"),
    ("cloud", "クラウド", "くらうど", ["クラウドサービス"], "Cloud"),
    ("gov-cloud", "ガバメントクラウド", "がばめんとくらうど", [], "Government Cloud"),
    ("5g", "5G", "ふぁいぶじー", ["第5世代移動通信システム"], "5G"),
    ("rpa", "RPA", "あーるぴーえー", [], "Robotic Process Automation"),
    ("gx", "GX", "じーえっくす", ["グリーン・トランスフォーメーション"], "Green Transformation"),
    ("carbon-neutral", "カーボンニュートラル", "かーぼんにゅーとらる", ["脱炭素"], "Carbon Neutral"),
    ("renewable-energy", "再生可能エネルギー", "さいせいかのうえねるぎー", ["再エネ"], "Renewable Energy"),
    ("digital-divide", "デジタルデバイド", "でじたるでばいど", ["情報格差"], "Digital Divide"),
    ("paperless", "ペーパーレス", "ぺーぱーれす", [], "Paperless"),
    ("chatbot", "チャットボット", "ちゃっとぼっと", [], "Chatbot"),
    ("big-data", "ビッグデータ", "びっぐでーた", [], "Big Data"),
    ("sensor", "センサー", "せんさー", ["センサ"], "Sensor"),
    ("automated-driving", "自動運転", "じどううんてん", [], "Automated Driving"),
    ("maas", "MaaS", "まーす", ["マース"], "Mobility as a Service"),
    ("giga-school", "GIGAスクール", "ぎがすくーる", [], "GIGA School"),
    ("digital-archive", "デジタルアーカイブ", "でじたるあーかいぶ", [], "Digital Archive"),
    ("sns", "SNS", "えすえぬえす", ["ソーシャルメディア"], "Social Networking Service"),
    ("workation", "ワーケーション", "わーけーしょん", [], "Workation"),
    ("hackathon", "ハッカソン", "はっかそん", [], "Hackathon"),
    ("civic-tech", "シビックテック", "しびっくてっく", [], "Civic Tech"),
    ("society-5", "Society 5.0", "そさえてぃごーてんぜろ", [], "Society 5.0"),
    ("recurrent-education", "リカレント教育", "りかれんときょういく", ["学び直し"], "Recurrent Education"),
    ("smart-city", "スマートシティ", "すまーとしてぃ", [], "Smart City"),
    ("ebpm", "EBPM", "いーびーぴーえむ", ["証拠に基づく政策立案"], "Evidence-Based Policy Making"),
]

# Words with readings, for glossary compounds in the long tail.
PARTS = [
    ("防災", "ぼうさい"), ("避難", "ひなん"), ("災害", "さいがい"), ("河川", "かせん"), ("水位", "すいい"),
    ("医療", "いりょう"), ("介護", "かいご"), ("福祉", "ふくし"), ("子育て", "こそだて"), ("保育", "ほいく"),
    ("教育", "きょういく"), ("観光", "かんこう"), ("農業", "のうぎょう"), ("漁業", "ぎょぎょう"), ("森林", "しんりん"),
    ("道路", "どうろ"), ("橋梁", "きょうりょう"), ("水道", "すいどう"), ("交通", "こうつう"), ("物流", "ぶつりゅう"),
    ("窓口", "まどぐち"), ("申請", "しんせい"), ("相談", "そうだん"), ("予約", "よやく"), ("決済", "けっさい"),
    ("データ", "でーた"), ("デジタル", "でじたる"), ("オンライン", "おんらいん"), ("スマート", "すまーと"),
    ("クラウド", "くらうど"), ("モバイル", "もばいる"), ("オープン", "おーぷん"), ("サイバー", "さいばー"),
    ("地域", "ちいき"), ("県民", "けんみん"), ("情報", "じょうほう"), ("人材", "じんざい"), ("共創", "きょうそう"),
]
SUFFIXES = [("基盤", "きばん"), ("連携", "れんけい"), ("支援", "しえん"), ("システム", "しすてむ"), ("アプリ", "あぷり"),
            ("センター", "せんたー"), ("ネットワーク", "ねっとわーく"), ("プラットフォーム", "ぷらっとふぉーむ"),
            ("サービス", "さーびす"), ("計画", "けいかく"), ("協議会", "きょうぎかい"), ("ポータル", "ぽーたる"),
            ("マップ", "まっぷ"), ("認証", "にんしょう"), ("通知", "つうち")]

CITIES = ["千葉市", "銚子市", "市川市", "船橋市", "館山市", "木更津市", "松戸市", "野田市", "茂原市", "成田市",
          "佐倉市", "東金市", "旭市", "習志野市", "柏市", "勝浦市", "市原市", "流山市", "八千代市", "我孫子市",
          "鴨川市", "鎌ケ谷市", "君津市", "富津市", "浦安市", "四街道市", "袖ケ浦市", "八街市", "印西市", "白井市",
          "富里市", "南房総市", "匝瑳市", "香取市", "山武市", "いすみ市", "大網白里市", "酒々井町", "栄町",
          "神崎町", "多古町", "東庄町", "九十九里町", "芝山町", "横芝光町", "一宮町", "睦沢町", "長生村",
          "白子町", "長柄町", "長南町", "大多喜町", "御宿町", "鋸南町"]
SUBJECTS = ["県民", "市町村", "事業者", "高齢者", "子育て世帯", "学生", "農業者", "漁業者", "観光客", "県の職員",
            "地域の団体", "障害のある人", "外国人県民", "中小企業", "医療機関", "介護事業所", "学校", "消防",
            "NPO", "大学", "スタートアップ", "商店街", "医師", "保護者", "ボランティア"]
OBJECTS = ["電子申請の手続", "防災の情報", "避難所の混雑状況", "河川の水位", "医療の記録", "介護の記録",
           "交通の案内", "バスの運行情報", "学習の機会", "観光の情報", "窓口の予約", "相談の受付", "道路の点検結果",
           "橋梁の点検", "水道の管理", "ごみの収集日", "図書館の本", "補助金の申請", "健康診断の結果",
           "母子手帳", "保育所の空き状況", "施設の予約", "統計データ", "オープンデータ", "気象の情報",
           "農地の状態", "漁場の水温", "森林の資源量", "イベントの参加申込", "求人の情報", "研修の申込",
           "マイナンバーカードの手続", "税の証明書", "職員の事務", "会議の資料", "災害の被害状況",
           "ドローンの映像", "キャッシュレス決済の利用", "公共施設の空き状況", "文化財の記録"]
VERBS = ["オンラインで受け付けます", "すばやく届けます", "わかりやすく示します", "いつでも確かめられるようにします",
         "データで見える化します", "AIで分析します", "スマートフォンで使えるようにします", "自動で知らせます",
         "地図に重ねて公開します", "一か所にまとめます", "紙を使わずに処理します", "多言語で案内します",
         "センサーで集めます", "ドローンで撮影します", "クラウドで共有します", "二十四時間受け付けます"]
TAILS = ["これにより、待ち時間が短くなります。", "県の職員の負担も減ります。", "だれでも使いやすい仕組みにします。",
         "個人の情報は安全に守ります。", "市町村と協力して進めます。", "効果を毎年たしかめます。",
         "紙の書類を減らします。", "窓口に行かなくても手続きができます。", "災害のときにも止まらないようにします。",
         "使い方の講座も開きます。", "結果はオープンデータとして公開します。", "利用者の声を聞いて改善します。",
         "費用を抑えながら進めます。", "デジタルが苦手な人も取り残さないようにします。"]
OPENERS = ["令和{y}年度から、", "まず、", "あわせて、", "また、", "さらに、", "{city}では、", "県内の{city}と連携して、",
           "国の方針をふまえ、", "これまでの取組をもとに、", ""]
RUBY = [("避難", "ひなん"), ("災害", "さいがい"), ("申請", "しんせい"), ("窓口", "まどぐち"), ("普及", "ふきゅう"),
        ("醸成", "じょうせい"), ("脆弱", "ぜいじゃく"), ("罹災", "りさい")]
HEADINGS = ["なにをするか", "なにが変わるか", "すすめかた", "これまでの成果", "今後の予定", "よくある質問",
            "背景", "目標", "対象となる人", "参加のしかた", "問い合わせ先"]
PLACES = ["千葉県庁", "千葉市民会館", "幕張メッセ", "柏の葉カンファレンスセンター", "木更津市民会館",
          "成田国際文化会館", "千葉県文化会館", "オンライン会場"]
DEPARTMENTS = ["総務部", "防災危機管理部", "健康福祉部", "商工労働部", "農林水産部", "県土整備部", "環境生活部",
               "総合企画部", "教育庁", "警察本部"]
EVENT_KINDS = ["セミナー", "ワークショップ", "説明会", "講座", "ハッカソン", "体験会", "シンポジウム", "相談会"]
TAGS = ["防災", "子育て", "医療", "教育", "観光", "農業", "交通", "デジタル", "データ", "人材", "行政手続"]
FULLWIDTH = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ０１２３４５６７８９")


def plan(n):
    """How many pages of each kind: one vision per field, the rest split like the real portal."""
    fields = min(len(FIELDS), max(1, n // 50))
    rest = max(0, n - fields)
    glossary = max(2, rest * 5 // 100)
    strategy = max(2, rest * 2 // 100)
    events = max(1, rest * 18 // 100)
    initiatives = max(1, rest - glossary - strategy - events)
    return strategy, fields, initiatives, events, glossary


class Markov:
    """Sentences from a character chain of order 2 over the shipped portal's Japanese."""

    RUN = re.compile(r"[\u3005\u3040-\u30ff\u4e00-\u9fff、]+")

    def __init__(self, rng):
        self.rng = rng
        root = pathlib.Path(__file__).resolve().parent.parent / "content"
        chain = {}
        for path in sorted(root.rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            if text.startswith("---\n") and "\n---\n" in text[4:]:
                text = text[text.index("\n---\n", 4) + 5:]
            for run in self.RUN.findall(text):
                run = "^^" + run + "。"
                for i in range(len(run) - 2):
                    chain.setdefault(run[i:i + 2], []).append(run[i + 2])
        if not chain:
            raise SystemExit(f"--varied needs the portal's content in {root}")
        self.chain = chain

    def sentence(self):
        key, out = "^^", []
        while len(out) < 80:
            c = self.rng.choice(self.chain.get(key, ["。"]))
            out.append(c)
            if c == "。" and len(out) >= 12:
                break
            key = key[1] + c
            if c == "。":
                key = "^^"
        return "".join(out).rstrip("。") + "。"


class Corpus:
    def __init__(self, n, seed, varied=False):
        self.rng = random.Random(seed)
        self.markov = Markov(self.rng) if varied else None
        self.strategy, self.fields, self.initiatives, self.events, self.glossary = plan(n)
        r = self.rng
        # Glossary: the real terms first, then compounds of two parts with their readings.
        self.terms = []
        used = set()
        for slug, term, reading, aliases, english in TERMS[: self.glossary]:
            self.terms.append((slug, term, reading, aliases, english))
            used.add(term)
        i = 0
        while len(self.terms) < self.glossary:
            (a, ra), (b, rb) = r.choice(PARTS), r.choice(SUFFIXES)
            term, reading = a + b, ra + rb
            if term in used:
                term, reading = f"{a}{b}{i}", ra + rb
            used.add(term)
            aliases = [f"{a}の{b}"] if r.random() < 0.3 else []
            self.terms.append((f"term-{i:05d}", term, reading, aliases, ""))
            i += 1
        # Zipf-like weights: early entries of a list are much more common than late ones.
        self.term_weights = [1.0 / (k + 1) for k in range(len(self.terms))]

    def pick(self, items):
        """A Zipf-like choice: the first items are common, the tail is rare."""
        r = self.rng
        k = int(len(items) * (r.random() ** 2.2))
        return items[min(k, len(items) - 1)]

    def sentence(self):
        r = self.rng
        if self.markov:
            s = self.markov.sentence()
        else:
            opener = r.choice(OPENERS).format(y=r.randint(5, 10), city=self.pick(CITIES))
            s = f"{opener}{self.pick(SUBJECTS)}のために、{self.pick(OBJECTS)}を{self.pick(VERBS)}。"
            if r.random() < 0.6:
                s += self.pick(TAILS)
        if r.random() < 0.08:
            word, reading = r.choice(RUBY)
            s += f"{{{word}|{reading}}}の手続きも見直します。"
        if r.random() < 0.35:
            term = self.terms[self.pick(range(len(self.terms)))][1]
            mark = "※" if r.random() < 0.25 else ""
            s = f"{term}{mark}を活用し、" + s
        if r.random() < 0.04:
            s = s.replace("AI", "ＡＩ").replace("DX", "ＤＸ")
        if r.random() < 0.05:
            s += f"目標は{r.randint(2, 9) * 10}%です。".translate(FULLWIDTH) if r.random() < 0.3 else f"目標は{r.randint(2, 9) * 10}%です。"
        return s

    def link(self, here):
        r = self.rng
        kind = r.choice(["initiatives", "initiatives", "events", "glossary", "strategy"])
        if kind == "initiatives":
            target, text = f"initiative-{r.randrange(self.initiatives):05d}.md", "関連する取組"
        elif kind == "events":
            target, text = f"event-{r.randrange(self.events):05d}.md", "関連するイベント"
        elif kind == "glossary":
            slug, term = self.terms[r.randrange(len(self.terms))][:2]
            target, text = f"{slug}.md", f"{term}の解説"
        else:
            target, text = f"strategy-{r.randrange(self.strategy):05d}.md", "戦略の説明"
        return f"[{text}]({target})" if kind == here else f"[{text}](../{kind}/{target})"

    def body(self, here, size):
        r = self.rng
        out = []
        length = 0
        h = 0
        while length < size:
            out.append(f"## {HEADINGS[h % len(HEADINGS)]}{h // len(HEADINGS) + 1 if h >= len(HEADINGS) else ''}\n")
            h += 1
            para = "".join(self.sentence() for _ in range(r.randint(2, 5)))
            if r.random() < 0.5:
                para += f"くわしくは{self.link(here)}を見てください。"
            out.append(para + "\n")
            choice = r.random()
            if choice < 0.3:
                out.append("\n".join(f"- {self.sentence()}" for _ in range(r.randint(2, 5))) + "\n")
            elif choice < 0.45:
                out.append("| 年度 | 目標 | 実績 |\n|---|---:|---:|")
                for y in range(r.randint(2, 4)):
                    out.append(f"| 令和{y + 6}年度 | {r.randint(10, 99)}% | {r.randint(10, 99)}% |")
                out.append("")
            elif choice < 0.55:
                out.append("| 市町村 | 内容 |\n|---|---|")
                for _ in range(r.randint(2, 4)):
                    out.append(f"| {self.pick(CITIES)} | {self.pick(OBJECTS)}を{self.pick(VERBS)} |")
                out.append("")
            elif choice < 0.65:
                out.append("\n".join(f"{k + 1}. {self.sentence()}" for k in range(r.randint(2, 4))) + "\n")
            length += sum(len(x) for x in out[-3:])
        return "\n".join(out) + "\n"

    def size(self, mean):
        """Body length in characters: skewed, mostly around the mean, a few long pages."""
        return int(mean * (0.4 + self.rng.expovariate(1.6)))

    def write(self, out):
        if os.path.exists(out):
            shutil.rmtree(out)
        for folder in ["strategy", "fields", "initiatives", "events", "glossary"]:
            os.makedirs(os.path.join(out, folder))
        self.write_site(out)
        r = self.rng
        for i in range(self.strategy):
            parent = f"\nparent: strategy-{r.randrange(min(i, 3)):05d}" if i >= 3 else ""
            self.page(out, "strategy", f"strategy-{i:05d}",
                      f"title: 第{i + 1}章　{self.pick(OBJECTS)}とDX\norder: {i + 1}\n"
                      f"summary: {self.pick(SUBJECTS)}のための{self.pick(OBJECTS)}について、県の考え方を示します。{parent}",
                      self.size(1400))
        for fid, name, domain in FIELDS[: self.fields]:
            self.page(out, "fields", fid,
                      f"title: {name}\ndomain: {domain}\nfield: {fid}\nsummary: {name}の分野で、おおむね10年後にめざす姿です。",
                      self.size(700))
        field_ids = [f for f, _, _ in FIELDS]
        for i in range(self.initiatives):
            fields = sorted({self.pick(field_ids) for _ in range(r.randint(1, 2))})
            related = sorted({f"initiative-{r.randrange(self.initiatives):05d}" for _ in range(r.randint(0, 2))}
                             - {f"initiative-{i:05d}"})
            rel = f"\nrelated: [{', '.join(related)}]" if related else ""
            tags = sorted({self.pick(TAGS) for _ in range(r.randint(0, 2))})
            tag_line = f"\ntags: [{', '.join(tags)}]" if tags else ""
            topic = self.pick(OBJECTS)
            self.page(out, "initiatives", f"initiative-{i:05d}",
                      f"title: {self.pick(CITIES) + 'の' if r.random() < 0.3 else ''}{topic}のデジタル化（{i}）\n"
                      f"summary: {self.pick(SUBJECTS)}のために、{topic}を{self.pick(VERBS)}。\n"
                      f"fields: [{', '.join(fields)}]\nstatus: {r.choice(['planned', 'active', 'completed'])}\n"
                      f"department: {r.choice(DEPARTMENTS)}\n"
                      f"started: 20{r.randint(21, 26)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}{rel}{tag_line}\n"
                      f"links:\n  - {{ title: くわしい資料, url: 'https://example.jp/doc/{i}' }}",
                      self.size(900))
        for i in range(self.events):
            month, day, year = r.randint(1, 12), r.randint(1, 28), r.choice([2025, 2026, 2026, 2027])
            hour = r.choice([10, 13, 14, 18])
            ini = sorted({f"initiative-{r.randrange(self.initiatives):05d}" for _ in range(r.randint(1, 2))})
            kind = r.choice(EVENT_KINDS)
            self.page(out, "events", f"event-{i:05d}",
                      f"title: {self.pick(OBJECTS)}の{kind}（{self.pick(CITIES)}）\n"
                      f"summary: {self.pick(SUBJECTS)}向けに、{self.pick(OBJECTS)}について学ぶ{kind}です。\n"
                      f"start: '{year}-{month:02d}-{day:02d}T{hour:02d}:00:00+09:00'\n"
                      f"end: '{year}-{month:02d}-{day:02d}T{hour + 2:02d}:00:00+09:00'\n"
                      f"place: {r.choice(PLACES)}\nonline: 'https://example.jp/live/{i}'\ncapacity: {r.randint(2, 20) * 10}\n"
                      f"fee: 無料\naccessibility: [手話通訳, 要約筆記]\ninitiatives: [{', '.join(ini)}]",
                      self.size(600))
        slugs = [t[0] for t in self.terms]
        for i, (slug, term, reading, aliases, english) in enumerate(self.terms):
            related = sorted({r.choice(slugs) for _ in range(r.randint(0, 2))} - {slug})
            front = f"term: {yaml_str(term)}\nreading: {reading}\nshort: {term}は、デジタルの力で暮らしを良くするための仕組みの一つです。"
            if aliases:
                front += f"\naliases: [{', '.join(yaml_str(a) for a in aliases)}]"
            if english:
                front += f"\nenglish: {yaml_str(english)}"
            if related:
                front += f"\nrelated: [{', '.join(related)}]"
            self.page(out, "glossary", slug, front, self.size(300))

    def page(self, out, folder, slug, front, size):
        with open(os.path.join(out, folder, slug + ".md"), "w", encoding="utf-8") as f:
            f.write(f"---\n{front}\n---\n\n{self.body(folder, size)}")

    def write_site(self, out):
        lines = ["title: 千葉県DXポータル", "description: デジタルのチカラで創る 県民の心豊かな暮らしと活力ある千葉",
                 "base_url: https://dx.example.jp/", "language: ja",
                 "vision: デジタルのチカラで創る 県民の心豊かな暮らしと活力ある千葉", "navigation:",
                 "  - { title: 戦略, url: /strategy/ }", "  - { title: 分野, url: /domains/ }",
                 "  - { title: 取組, url: /initiatives/ }", "  - { title: イベント, url: /events/ }",
                 "  - { title: 用語集, url: /glossary/ }", "  - { title: 検索, url: /search/ }", "domains:"]
        for did, name, goal, fields in DOMAINS:
            lines += [f"  - id: {did}", f"    name: {name}"]
            lines += [f"    goal: {goal}"] if goal else ["    foundation: true"]
            lines += ["    fields:"] + [f"      - {{ id: {f}, name: {n} }}" for f, n in fields]
        with open(os.path.join(out, "site.yml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def yaml_str(s):
    """Quotes a YAML scalar when plain style could misread it (e.g. 5G is fine, 'Society 5.0' too)."""
    return "'" + s.replace("'", "''") + "'" if any(c in s for c in ":#[]{},&*!|>'\"%@`") else s


def main():
    p = argparse.ArgumentParser(description="Generate a Japanese corpus in Portal's content format.")
    p.add_argument("--pages", type=int, required=True, help="number of pages (all kinds together)")
    p.add_argument("--out", required=True, help="content folder to write (replaced if it exists)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same corpus)")
    p.add_argument("--varied", action="store_true",
                   help="sentences from a Markov chain over the shipped portal's text (repeats little)")
    a = p.parse_args()
    Corpus(a.pages, a.seed, a.varied).write(a.out)


if __name__ == "__main__":
    main()
