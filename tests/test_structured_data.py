"""Each event page's schema.org data (JSON-LD), as search engines read it from the built
portal: valid JSON; the event's dates; the site's operator as organizer; and, when its fee is
plainly a price (無料, 500円), an offer with that price in yen, where to apply, and until when,
with 無料 also said as isAccessibleForFree. A fee that says more than a price is left out."""
import json
import re

import yaml

from conftest import CONTENT


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


def structured_data(site_dir, slug):
    html = (site_dir / "events" / slug / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1, slug
    return json.loads(blocks[0])


def test_every_event_names_its_organizer_and_its_price(site_dir):
    site = yaml.safe_load((CONTENT / "site.yml").read_text(encoding="utf-8"))
    base = site["base_url"].rstrip("/") + "/"
    priced = 0
    for path in sorted((CONTENT / "events").glob("*.md")):
        meta = front_matter(path)
        if meta.get("draft"):
            continue
        data = structured_data(site_dir, path.stem)
        assert data["@type"] == "Event" and data["name"]
        assert data["organizer"] == {"@type": "Organization", "name": site["operator"], "url": base}
        fee = str(meta.get("fee", "")).strip()
        price = 0 if fee == "無料" or fee.startswith("無料（") else (
            int(fee[:-1].replace(",", "")) if re.fullmatch(r"[0-9,]+円", fee) else None)
        if price is None:
            assert "offers" not in data and "isAccessibleForFree" not in data, path.name
            continue
        priced += 1
        offer = data["offers"]
        assert offer["@type"] == "Offer" and offer["price"] == price and offer["priceCurrency"] == "JPY"
        assert offer["url"] == meta.get("registration", base + f"events/{path.stem}/"), path.name
        if meta.get("deadline") and (meta.get("registration") or meta.get("application")):
            assert offer["validThrough"].startswith(str(meta["deadline"])[:4]), path.name
        assert data.get("isAccessibleForFree") is (True if price == 0 else None), path.name
    assert priced, "no shipped event has a fee that is a price"
