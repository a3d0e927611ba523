"""Small feature helpers shared by the per-query predicates (queries.py).

All of them read only the product's own text (name, brand, categories,
description) -- never a ranking or a search engine result.
"""
import re

from catalog import iphone_models

# ---------------------------------------------------------------- device fit
_CAT_IPHONE = re.compile(r"^iphone (\d+s?|se)( plus)? cases$")


def iph(p):
    """iPhone models the product is (phone) or fits (accessory), from its name.
    Falls back to the Best Buy leaf category ("iPhone 7 Plus Cases") only when
    the name names no iPhone model at all."""
    if p.iphone:
        return p.iphone
    for c in p.cats:
        m = _CAT_IPHONE.match(c)
        if m:
            return {m.group(1) + (m.group(2) or "")}
    return set()


def fits_iphone(p, *models):
    return bool(iph(p) & set(models))


def fits_galaxy(p, *models):
    return bool(p.galaxy & set(models))


def any_iphone(p):
    return bool(iph(p)) or bool(re.search(r"\biphone\b", p.n))


def any_galaxy(p):
    return bool(p.galaxy) or "galaxy" in p.n


def acc(p):
    """An accessory (anything that is not a phone handset)."""
    return "phone" not in p.types


def phone(p):
    return "phone" in p.types


def case(p):
    return "case" in p.types


def sp(p):
    return "screen_protector" in p.types


def has(p, *tags):
    return any(t in p.types for t in tags)


# ---------------------------------------------------------------- text tests
def name_has(p, pattern):
    return re.search(pattern, p.n) is not None


def desc_has(p, pattern):
    return re.search(pattern, p.d) is not None


def colour(p):
    """Colour part of the name ("... - Rose gold") plus, for phones, the
    parenthesised carrier is kept (harmless)."""
    return p.colour


# ---------------------------------------------------------------- numbers
def storage_gb(p):
    m = re.search(r"\b(\d{1,3})\s?gb\b", p.n)
    return int(m.group(1)) if m else None


def capacity_mah(p):
    """Battery capacity: from the name (mAh figure, "5K", "powerstation 4000"),
    else the largest mAh figure in the description."""
    m = re.search(r"(\d{1,2},\d{3}|\d{3,5})\s?-?mah", p.n)
    if m:
        return int(m.group(1).replace(",", ""))
    m = re.search(r"\b(\d{1,2})k\b", p.n)
    if m:
        return int(m.group(1)) * 1000
    m = re.search(r"(?:powerstation|energi|pocket juice)\s(\d{4,5})\b", p.n)
    if m:
        return int(m.group(1))
    vals = [int(x.replace(",", "")) for x in re.findall(r"(\d{1,2},\d{3}|\d{3,5})\s?-?mah", p.d)]
    return max(vals) if vals else None


def length_ft(p):
    """Cable length in feet from the name: 6' -> 6.0, 6.6' -> 6.6, 6" -> 0.5."""
    m = re.search(r"(\d+(?:\.\d+)?)\s?'", p.n)
    if m:
        return float(m.group(1))
    m = re.search(r"(\d+(?:\.\d+)?)\s?(?:ft|feet|foot)\b", p.n)
    if m:
        return float(m.group(1))
    m = re.search(r"(\d+(?:\.\d+)?)\s?\"", p.n)
    if m:
        return float(m.group(1)) / 12.0
    return None


# ---------------------------------------------------------------- connectors
def lightning(p):
    return "lightning" in p.n or "lighting devices" in p.n


def usb_c(p):
    return re.search(r"usb[ -]?type[ -]?c|type-c|usb-c|\busb c\b", p.n) is not None


def micro_usb(p):
    return re.search(r"micro[ -]?usb|micro-b", p.n) is not None


def thirty_pin(p):
    return "30-pin" in p.n


# ---------------------------------------------------------------- brands
def brand_is(p, *keys):
    return p.bk in keys


def made_for_apple(p):
    """Name says the product is for Apple / iPhone / Lightning devices."""
    return any_iphone(p) or lightning(p) or re.search(r"\bapple\b(?! watch)", p.n) is not None \
        or "iphone" in p.n
