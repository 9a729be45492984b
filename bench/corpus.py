"""Synthetic corpora: a complete project folder with n generated items.

    python -m bench.corpus 1000 /tmp/loft-1000 [--seed 1] [--extra-municipalities 100]

`generate(target, n_items, seed)` copies the site's machinery (mkdocs.yml, data/,
hooks/, overrides/ and docs/ without the real news) with `copy_machinery`, the
same function the tests build their sites with, then writes n items of
Swedish-like text:

- types: about 75 % news, 15 % reports, 10 % templates (docs/nyheter, reports,
  materials), years 2015–2026 with more items in recent years;
- bodies of a few hundred (news) to a couple of thousand words (reports), with
  headings, lists and the domain's vocabulary and compounds (innovationsledning,
  kommunledning, innovationskultur, ...) in several inflected forms;
- 1–8 principles an item (reports often all eight) and municipalities drawn with
  a skewed popularity from data/municipalities.yml, to which `extra_municipalities`
  clearly fictional municipalities are appended (county "Fiktiva länet", kommunkod
  9xxx: no real code starts with 9) so that vocabularies are national-sized;
- some reports and templates as folders with a small PDF attachment; a few drafts.

The same (n_items, seed, extra_municipalities) always gives byte-identical files.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
MACHINERY = ["mkdocs.yml", "properdocs.yml", "data", "hooks", "overrides"]
DEFAULT_EXTRA_MUNICIPALITIES = 100
YEARS = range(2015, 2027)
DRAFT_SHARE = 0.01

# --- vocabulary -------------------------------------------------------------

SUBJECTS = [
    "Kommunledningen", "Kommunstyrelsen", "Ledningsgruppen", "Förvaltningen",
    "Kommundirektören", "Innovationsledningen", "Politikerna", "Tjänstepersonerna",
    "Medarbetarna", "Cheferna", "Kommunerna", "Kommunens ledning", "Partnerskapet",
    "Forskarna vid RISE", "Forskarna vid Mälardalens universitet", "Utvecklingschefen",
    "Verksamhetsledningen", "Kommunfullmäktige", "Nämnderna", "Första linjens chefer",
    "Kommunernas ledningsgrupper", "Invånarna", "HR-avdelningen", "Digitaliseringsenheten",
    "Styrgruppen", "Projektledaren", "Samverkansgruppen", "Kommunens medarbetare",
]
VERBS = [
    "utvecklar", "stärker", "prövar", "följer upp", "ifrågasätter", "beskriver",
    "analyserar", "diskuterar", "formulerar", "förankrar", "prioriterar", "leder",
    "organiserar", "utvärderar", "lyfter fram", "synliggör", "samordnar", "förnyar",
    "förbättrar", "kartlägger", "genomför", "sprider", "omsätter", "behöver förstå",
    "vill förändra", "har börjat se över", "lägger stor vikt vid", "arbetar vidare med",
]
OBJECTS = [
    "innovationsledningen", "innovationskulturen", "innovationsklimatet",
    "kommunledningens arbete", "kommunens förnyelsearbete", "styrmodellen",
    "verksamhetsplanen", "de strategiska målen", "arbetet med innovation",
    "samverkan mellan förvaltningarna", "dialogen med invånarna", "ledarskapet",
    "kommunernas erfarenheter", "portföljen av utvecklingsprojekt", "piloterna",
    "nya arbetssätt", "den digitala omställningen", "förmågan att leda förändring",
    "kunskapen om innovationsledning", "kommunens innovationsförmåga",
    "ledningssystemet för innovation", "uppföljningen av värde", "omvärldsbevakningen",
    "relationen mellan politik och förvaltning", "kommunernas innovationsarbete",
    "innovationsstrategin", "kompetensförsörjningen", "tillitsbaserad styrning",
    "resurserna för förnyelse", "experimenten i verksamheten", "hållbarhetsarbetet",
    "välfärdens utmaningar", "kommunens utvecklingsarbete", "lärandet mellan kommunerna",
]
ADVERBIALS = [
    "i hela organisationen", "på alla nivåer", "under året", "i samverkan med RISE",
    "tillsammans med Mälardalens universitet", "i kommunernas vardag", "över tid",
    "med stöd av ISO 56002", "i den ordinarie verksamheten", "inom välfärden",
    "i förhållande till budgeten", "på ett systematiskt sätt", "steg för steg",
    "utifrån invånarnas behov", "i ledningsgruppens arbete", "redan i dag",
    "inför nästa mandatperiod", "i samband med partnerskapsdagarna", "på kort sikt",
    "på lång sikt", "i flera kommuner", "i förvaltningarnas verksamhetsplaner",
]
CONNECTIVES = [
    "eftersom", "samtidigt som", "men", "vilket visar att", "när", "även om", "medan",
]
CLAUSES = [
    "det saknas tid för att diskutera framtiden",
    "kommunerna delar erfarenheter med varandra",
    "förnyelse kräver både mandat och resurser",
    "innovationsklimatet påverkas av hur ledningen agerar",
    "många piloter aldrig sprids vidare i organisationen",
    "osäkerheten är stor i början av ett utvecklingsprojekt",
    "invånarnas behov förändras snabbare än organisationen",
    "kommunledningen behöver balansera drift och utveckling",
    "det politiska uppdraget sätter ramarna för förnyelsen",
    "lärandet sker i mötet mellan forskning och praktik",
    "medarbetarna efterfrågar tydligare mål för innovationsarbetet",
    "effektivisering och förnyelse konkurrerar om samma resurser",
    "kommunernas förutsättningar skiljer sig åt",
    "en gemensam bild av nuläget underlättar prioriteringarna",
]
# Compounds are built from these parts; each head carries its inflected forms.
MODIFIERS = [
    "innovations", "kommun", "verksamhets", "förändrings", "utvecklings", "kvalitets",
    "samverkans", "digitaliserings", "hållbarhets", "medborgar", "kompetens", "budget",
    "välfärds", "ledar", "styr", "förnyelse", "lednings", "invånar", "organisations",
    "kunskaps", "omvärlds", "framtids", "besluts", "tjänste", "process",
]
MIDDLES = [
    "dialog", "arbets", "plan", "lednings", "strategi", "projekt", "nätverks",
    "utvecklings", "uppföljnings", "kultur", "styrnings", "lärande",
]
HEADS = [
    ("ledning", "ledningen", "ledningar", "ledningens"),
    ("kultur", "kulturen", "kulturer", "kulturens"),
    ("klimat", "klimatet", "klimaten", "klimatets"),
    ("arbete", "arbetet", "arbeten", "arbetets"),
    ("modell", "modellen", "modeller", "modellens"),
    ("process", "processen", "processer", "processernas"),
    ("strategi", "strategin", "strategier", "strategiernas"),
    ("förmåga", "förmågan", "förmågor", "förmågans"),
    ("fråga", "frågan", "frågorna", "frågornas"),
    ("projekt", "projektet", "projekten", "projektens"),
    ("dialog", "dialogen", "dialoger", "dialogens"),
    ("nätverk", "nätverket", "nätverken", "nätverkets"),
    ("område", "området", "områdena", "områdenas"),
    ("uppdrag", "uppdraget", "uppdragen", "uppdragets"),
    ("perspektiv", "perspektivet", "perspektiven", "perspektivens"),
    ("mål", "målet", "målen", "målens"),
    ("system", "systemet", "systemen", "systemets"),
    ("portfölj", "portföljen", "portföljer", "portföljens"),
]
COMPOUND_FRAMES = [
    "Här spelar {c} en avgörande roll.",
    "Flera av de intervjuade nämner {c} som en nyckel.",
    "Ett exempel är {c}, som har utvecklats under de senaste åren.",
    "Frågan om {c} återkommer i samtalen.",
    "I rapporten beskrivs {c} som en förutsättning för att lyckas.",
    "Diskussionen handlade bland annat om {c}.",
]
HEADINGS = [
    "Bakgrund", "Syfte och frågeställningar", "Metod och underlag", "Resultat",
    "Vad kommunerna har gjort", "Lärdomar", "Innovationsledning i praktiken",
    "Kommunledningens roll", "Innovationskultur och innovationsklimat",
    "Politik och förvaltning", "Att leda förnyelse", "Från idé till genomförande",
    "Uppföljning och värde", "Nästa steg", "Slutsatser", "Frågor att diskutera",
    "Så använder du mallen", "Förberedelser", "Genomförande av workshopen",
    "Efter workshopen", "Erfarenheter från kommunerna", "Omvärldsbevakning",
    "Hantering av osäkerhet", "Strategisk inriktning", "Samverkan mellan kommuner",
]
TOPICS = [
    "innovationsledning", "innovationskultur", "innovationsklimat", "kommunledning",
    "förnyelse", "strategisk styrning", "tillitsbaserat ledarskap", "digital omställning",
    "samverkan mellan kommuner", "ledning av osäkerhet", "värdeskapande i välfärden",
    "experimenterande arbetssätt", "innovationsstrategier", "framtidsinriktat ledarskap",
    "omvärldsbevakning", "förändringsledning", "hållbar utveckling",
    "kompetensförsörjning", "medborgardialog", "styrning och uppföljning",
]
NEWS_TITLES = [
    "{m} går med i LOFT", "Partnerskapsdagar i {m}", "{m} satsar på {t}",
    "Ny workshop om {t} i {m}", "Seminarium om {t}", "{m} och {m2} delar erfarenheter av {t}",
    "Kommunledningen i {m} testar nya arbetssätt", "Lärdomar om {t} från {m}",
    "Webbinarium: {t} i praktiken", "Studiebesök i {m} om {t}",
    "Nätverksträff om {t}", "Omvärldsbevakning: {t} i offentlig sektor",
]
REPORT_TITLES = [
    "Ledning och styrning för {t}", "Insikter om {t} i kommuner",
    "{T} i svenska kommuner – en kunskapsöversikt", "Att arbeta med {t}: erfarenheter från {m}",
    "Kommunledningens roll i {t}", "{T} och förnyelse – en fallstudie från {m}",
    "Från pilot till ordinarie verksamhet: {t}", "Utvärdering av {t} i {m} och {m2}",
]
TEMPLATE_TITLES = [
    "Mall för arbete med {t}", "Workshopmall: {t}", "Checklista för {t}",
    "Samtalsunderlag om {t}", "Övning i {t} för ledningsgrupper", "Mall för nulägesanalys av {t}",
]
FIRST_NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara",
               "Per", "Lena", "Mikael", "Emma", "Fredrik", "Malin", "Jonas", "Ingrid", "Ola"]
LAST_NAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
              "Olsson", "Persson", "Svensson", "Gustafsson", "Lindberg", "Holm", "Berg"]
# Parts of fictional place names: three parts make names no Swedish municipality has.
PLACE_PARTS = (
    ["Björk", "Sjö", "Ek", "Lind", "Gran", "Hassel", "Rönn", "Al", "Ljung", "Sälg", "Lönn", "Alm"],
    ["vik", "ås", "dal", "holm", "mo", "näs", "sund", "berg", "torp", "myr"],
    ["fors", "tuna", "köping", "hamn", "lunda", "ryd", "hult", "backa", "by", "stad"],
)
COUNTY = "Fiktiva länet"


# --- project folder ----------------------------------------------------------

def copy_machinery(target: Path, with_real_content: bool = False) -> Path:
    """The site's machinery (mkdocs.yml, data/, hooks/, overrides/, docs/ without
    news) in a new project folder; with_real_content adds the repository's own
    reports, materials and news. The tests build their sites with this too."""
    target.mkdir(parents=True, exist_ok=True)
    for name in MACHINERY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    ignore = None if with_real_content else shutil.ignore_patterns("nyheter")
    shutil.copytree(REPO / "docs", target / "docs", ignore=ignore)
    if with_real_content:
        for folder in ("reports", "materials"):
            shutil.copytree(REPO / folder, target / folder)
    return target


def fictional_municipalities(count: int, rng: random.Random) -> list[dict]:
    first, middle, last = PLACE_PARTS
    names = [f"{a}{b}{c}" for a in first for b in middle for c in last]
    rng.shuffle(names)
    entries = []
    for number, name in enumerate(sorted(names[:count]), start=1):
        entries.append({
            "id": _slug(name),
            "label": name,
            "official_name": f"{name}s kommun",
            "kommunkod": f"9{number:03d}",
            "county": COUNTY,
            "role": "Påhittad kommun i en syntetisk testkorpus för prestandamätningar.",
        })
    return entries


def _slug(text: str) -> str:
    """The core's slug rule (loft.content.text.slugify) for the names we generate."""
    folded = text.lower().translate(str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"}))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


# --- text --------------------------------------------------------------------

class TextMaker:
    def __init__(self, rng: random.Random, municipalities: list[str]):
        self.rng = rng
        self.municipalities = municipalities

    def compound(self) -> str:
        r = self.rng
        head = r.choice(HEADS)[r.randrange(4)]
        if r.random() < 0.35:
            return r.choice(MODIFIERS) + r.choice(MIDDLES) + head
        return r.choice(MODIFIERS) + head

    def sentence(self) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.45:
            text = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(ADVERBIALS)}"
        elif roll < 0.75:
            text = (f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)}, "
                    f"{r.choice(CONNECTIVES)} {r.choice(CLAUSES)}")
        elif roll < 0.9:
            return r.choice(COMPOUND_FRAMES).format(c=self.compound())
        else:
            place = r.choice(self.municipalities)
            text = (f"I {place} {r.choice(VERBS)} kommunen {r.choice(OBJECTS)} "
                    f"{r.choice(ADVERBIALS)}, och {r.choice(CLAUSES)}")
        return text[0].upper() + text[1:] + "."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def body(self, words: int) -> str:
        """Markdown of about `words` words: sections with headings, paragraphs, lists."""
        r = self.rng
        parts: list[str] = []
        written = 0
        headings = r.sample(HEADINGS, k=min(len(HEADINGS), max(2, words // 250)))
        for heading in headings:
            if written >= words:
                break
            parts.append(f"## {heading}")
            for _ in range(r.randint(1, 4)):
                paragraph = self.paragraph(r.randint(3, 7))
                parts.append(paragraph)
                written += paragraph.count(" ") + 1
                if written >= words:
                    break
            if r.random() < 0.25:
                items = [self.sentence() for _ in range(r.randint(3, 5))]
                parts.append("\n".join(f"- {i}" for i in items))
                written += sum(i.count(" ") + 1 for i in items)
            if r.random() < 0.05:
                parts.append("Läs mer om standarden hos [SIS](https://www.sis.se/) "
                             "och om partnerskapet hos [RISE](https://www.ri.se/).")
        return "\n\n".join(parts) + "\n"

    def summary(self) -> str:
        return self.paragraph(self.rng.randint(2, 4))


# --- items -------------------------------------------------------------------

def _pdf(title: str, lines: list[str]) -> bytes:
    """A small, valid one-page PDF (fixed content, no dates: reproducible)."""
    def esc(text: str) -> str:
        return text.encode("latin-1", "replace").decode("latin-1").replace("\\", "\\\\") \
            .replace("(", "\\(").replace(")", "\\)")
    stream = "BT /F1 14 Tf 56 780 Td (" + esc(title) + ") Tj /F1 10 Tf"
    for line in lines:
        stream += " 0 -16 Td (" + esc(line) + ") Tj"
    stream += " ET"
    content = stream.encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _date(rng: random.Random, kind: str) -> tuple[str, int]:
    # More items in recent years: weight grows linearly with the year.
    year = rng.choices(list(YEARS), weights=[i + 3 for i in range(len(YEARS))])[0]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    precision = rng.random()
    if kind == "nyhet" or precision < 0.5:
        return f"{year}-{month:02d}-{day:02d}", year
    if precision < 0.8:
        return f"{year}-{month:02d}", year
    return str(year), year


def _principles(rng: random.Random, kind: str, ids: list[str]) -> list[str]:
    if kind == "rapport":
        count = len(ids) if rng.random() < 0.35 else rng.randint(2, len(ids))
    elif kind == "mall":
        count = rng.randint(1, 4)
    else:
        count = rng.choices([1, 2, 3], weights=[5, 3, 1])[0]
    chosen = set(rng.sample(ids, k=min(count, len(ids))))
    return [i for i in ids if i in chosen]  # vocabulary order, as editors tend to write


def _municipalities(rng: random.Random, kind: str, ids: list[str], weights: list[float]) -> list[str]:
    low, high = {"rapport": (1, 8), "mall": (0, 3), "nyhet": (0, 3)}[kind]
    count = rng.randint(low, high)
    chosen: list[str] = []
    while len(chosen) < min(count, len(ids)):
        pick = rng.choices(ids, weights=weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


KINDS = [  # (type id, folder, share, words low, words high, folder-with-PDF share)
    ("nyhet", "docs/nyheter", 0.75, 200, 900, 0.02),
    ("rapport", "reports", 0.15, 1000, 2500, 0.45),
    ("mall", "materials", 0.10, 400, 1200, 0.5),
]


def generate(target: Path, n_items: int, seed: int = 1,
             extra_municipalities: int = DEFAULT_EXTRA_MUNICIPALITIES) -> Path:
    """Create a complete project at target (which must not exist or be empty)."""
    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} finns redan och är inte tom")
    rng = random.Random(seed)
    copy_machinery(target)
    for folder in ("reports", "materials", "docs/nyheter"):
        (target / folder).mkdir(parents=True, exist_ok=True)

    municipalities_file = target / "data" / "municipalities.yml"
    real = yaml.safe_load(municipalities_file.read_text(encoding="utf-8"))
    extra = fictional_municipalities(extra_municipalities, rng)
    if extra:
        with municipalities_file.open("a", encoding="utf-8") as out:
            out.write("\n# Fictional municipalities of a synthetic benchmark corpus (bench/corpus.py).\n")
            out.write(yaml.safe_dump(extra, allow_unicode=True, sort_keys=False))
    municipalities = [*real, *extra]
    muni_ids = [m["id"] for m in municipalities]
    muni_labels = [m["label"] for m in municipalities]
    # Skewed popularity (Zipf-like): the real partners and a few others dominate.
    muni_weights = [1 / (rank + 2) for rank in range(len(muni_ids))]
    principle_ids = [p["id"] for p in yaml.safe_load(
        (target / "data" / "principles.yml").read_text(encoding="utf-8"))]

    text = TextMaker(rng, muni_labels)
    used: set[str] = set()
    for number in range(n_items):
        kind, folder, _, low, high, folder_share = rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        date, year = _date(rng, kind)
        place, place2 = rng.sample(muni_labels, 2)
        topic = rng.choice(TOPICS)
        frame = rng.choice({"nyhet": NEWS_TITLES, "rapport": REPORT_TITLES, "mall": TEMPLATE_TITLES}[kind])
        title = frame.format(m=place, m2=place2, t=topic, T=topic[0].upper() + topic[1:])
        slug = _slug(title)
        if kind == "nyhet":
            slug = f"{date[:7]}-{slug}"
        base, n = slug, 2
        while f"{folder}/{slug}" in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(f"{folder}/{slug}")

        front: dict = {"title": title, "date": date}
        principles = _principles(rng, kind, principle_ids)
        if principles:
            front["principles"] = principles
        chosen = _municipalities(rng, kind, muni_ids, muni_weights)
        if chosen:
            front["municipalities"] = chosen
        if rng.random() < 0.3:
            front["authors"] = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                                for _ in range(rng.randint(1, 3))]
        front["summary"] = text.summary()
        if rng.random() < DRAFT_SHARE:
            front["draft"] = True
        header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=88)
        source = f"---\n{header}---\n\n{text.body(rng.randint(low, high))}"

        as_folder = rng.random() < folder_share
        if as_folder:
            item_dir = target / folder / slug
            item_dir.mkdir(parents=True)
            (item_dir / "index.md").write_text(source, encoding="utf-8")
            lines = [text.sentence()[:90] for _ in range(rng.randint(3, 12))]
            (item_dir / f"{slug[:40]}.pdf").write_bytes(_pdf(title, lines))
        else:
            (target / folder / f"{slug}.md").write_text(source, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("n_items", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extra-municipalities", type=int, default=DEFAULT_EXTRA_MUNICIPALITIES)
    parser.add_argument("--force", action="store_true", help="replace the target if it exists")
    args = parser.parse_args(argv)
    if args.force and args.target.exists():
        shutil.rmtree(args.target)
    generate(args.target, args.n_items, args.seed, args.extra_municipalities)
    print(f"{args.n_items} objekt skrivna till {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
