"""Catalog loading and product feature extraction used by the judging predicates.

Python 3 standard library only.  Reads the Best Buy cell-phone catalog from its
shared location (it is never copied into the project).

Every feature here is derived from the product's own text (name, brand,
categories, description); nothing depends on any search engine.
"""
import html
import json
import os
import re
import unicodedata

DATA = os.environ.get(
    "BESTBUY_DATA", "/work/shared/data/bestbuy-cellphones/ecommerce.json")


# --------------------------------------------------------------------------
# text normalisation
# --------------------------------------------------------------------------
def clean(s):
    """html-unescape, drop trademark signs, fold accents, lower-case."""
    s = html.unescape(s or "")
    s = re.sub(r"[®™©°ˊ\x99]", "", s)
    s = s.replace("↑", "")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201d", '"')
    s = s.replace("\u201c", '"').replace("\u2033", '"').replace("\u2032", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s):
    return re.findall(r"[a-z0-9]+", s)


# brand spelling variants found in the data -> canonical brand key
BRAND_ALIASES = {
    "insginia": "insignia",
    "incase designs": "incase",
    "griffin technology": "griffin",
    "popsocket": "popsockets",
    "reach antenna": "reachantenna",
    "tumi t-tech": "tumi",
    "verizon wireless prepaid": "verizon prepaid",
    "verizon wireless": "verizon",
    "h2o wireless": "h2o",
    "h2o bolt": "h2o",
    "sky devices": "sky devices",
}


def brand_key(b):
    b = clean(b)
    return BRAND_ALIASES.get(b, b)


# --------------------------------------------------------------------------
# device-model extraction ("what does this product fit / what phone is it")
# --------------------------------------------------------------------------
_SEP = r"(?:\s|,|/|&|\+(?!\w)|\band\b|\bor\b|\bapple\b|\biphone\b|\(|\))*"
_IPH_MODEL = re.compile(r"(3gs|4s|4|5s|5c|5|6s|6|7|se)\b(\s*(?:plus|\+))?")


def iphone_models(text):
    """Set of iPhone models named in text, e.g. {'7', '7 plus', '6s'}.

    Parses model lists such as "iPhone 5, 5s and SE", "iPhone 7 Plus/6S Plus/6
    Plus", "iPhone 6 and iPhone 6s".  "iPhone 7" inside "iPhone 7 Plus" is not
    reported as '7'.
    """
    out = set()
    for m in re.finditer(r"iphone", text):
        pos = m.end()
        while True:
            sep = re.compile(_SEP).match(text, pos)
            pos = sep.end()
            mm = _IPH_MODEL.match(text, pos)
            if not mm:
                break
            model = mm.group(1)
            if mm.group(2):
                model += " plus"
            out.add(model)
            pos = mm.end()
    return out


_GAL_MODEL = re.compile(
    r"(s\s?(?:iii|iv|[3-9])|note\s?(?:edge|[2-9])|j[1-7]|a[3-9]|on5|core prime|grand prime|"
    r"prevail|express(?: prime| 3)?|luna|sol|alpha|mega|gusto 3|avant|amp prime)\b"
    r"((?:\s+(?:edge|active|mini|prime|neo))*)(\s*(?:plus\b|\+))?")


def galaxy_models(text):
    """Set of Samsung Galaxy phone models, e.g. {'s7', 's7 edge', 's6 edge+'}."""
    out = set()
    for m in re.finditer(r"galaxy|samsung", text):
        pos = m.end()
        while True:
            sep = re.compile(
                r"(?:\s|,|/|&|\band\b|\bor\b|\bgalaxy\b|\bsamsung\b)*").match(text, pos)
            pos = sep.end()
            mm = _GAL_MODEL.match(text, pos)
            if not mm:
                break
            base = re.sub(r"\s", "", mm.group(1))
            if base in ("siii",):
                base = "s3"
            if base in ("siv",):
                base = "s4"
            if mm.group(1).startswith(("core", "grand", "express", "gusto", "amp")):
                base = mm.group(1)
            mods = mm.group(2).split()
            model = base + "".join(" " + x for x in mods)
            if mm.group(3):
                model += "+"
            out.add(model)
            pos = mm.end()
    return out


def pixel_models(text):
    out = set()
    for m in re.finditer(r"\bpixel\b(\s+xl\b)?", text):
        # "PixelSkin" (a Speck case line) does not match \bpixel\b
        out.add("pixel xl" if m.group(1) else "pixel")
    return out


# --------------------------------------------------------------------------
# product types
# --------------------------------------------------------------------------
PHONE_CATS = {"unlocked cell phones", "all cell phones with plans", "prepaid phones",
              "iphone", "refurbished phones", "all unlocked cell phones",
              "all prepaid phones", "iphone se"}


def _phrase(name_clean, brand_clean):
    """The product phrase of a Best Buy name: "<brand> - <phrase> - <colour>".
    Returns (phrase, colour) with the phrase up to (not incl.) the colour part."""
    parts = [p.strip() for p in name_clean.split(" - ")]
    if len(parts) >= 2 and (parts[0] == brand_clean or len(parts) >= 3
                            or brand_clean.split()[0] in parts[0]):
        parts = parts[1:]
    phrase = parts[0] if parts else name_clean
    colour = " - ".join(parts[1:]) if len(parts) > 1 else ""
    return phrase, colour


def classify(p):
    """Return a set of type tags for product p (a Product).

    Based on the product-type words of the name (the part between the brand and
    " for <device>"), with categories only as a secondary signal because Best
    Buy's categories are noisy (e.g. wall chargers filed under Wireless Chargers).
    """
    n, ph, cats = p.n, p.phrase, p.cats
    # words before "for <device>": the product-type part of the name
    if " for " in n:
        rest = n.split(" - ", 1)[1] if " - " in n else n
        head = rest.split(" for ", 1)[0]
    else:
        head = ph
    t = set()

    # ---------------- phones
    is_phone_cat = bool(cats & PHONE_CATS)
    accessory_word = re.search(r"\b(case|cover|charger|protector|cable|adapter|drive|card|kit)\b", head)
    if not is_phone_cat and not accessory_word and (
            re.search(r"\b(iphone|galaxy|pixel)\b[^-]*\b\d+ ?gb\b", n)
            or re.search(r"cell phone.*\(unlocked\)|with \d+(\.\d+)?\s?gb memory", n)):
        is_phone_cat = True
    if is_phone_cat and (not re.search(r"\b(top-up|airtime card|sim kit)\b", head)
                         or "cell phone" in head):
        t.add("phone")
        if "refurbished" in n or "pre-owned" in n or "refurbished phones" in cats:
            t.add("refurbished")
        if "prepaid" in n or "prepaid phones" in cats or "no-contract" in n:
            t.add("prepaid")
        if "unlocked" in n or "unlocked cell phones" in cats:
            t.add("unlocked")
        return t

    # ---------------- protective cases and carrying solutions
    if re.search(r"\b(case|cases|cover|shell|hardshell|fabshell|folio|skin|holster|"
                 r"sleeve|pouch|bumper|wristlet|clutch|frame|fre|nuud|pixelskin|candyshell|"
                 r"jacket|carrying|bag|backpack|wallet|armor|armour)\b", head) \
            or re.search(r"(shell|case)$", head):
        t.add("case")
    if re.search(r"headset|voyager|camera carrying|power pouch|charging wallet|card holder|"
                 r"card reader|mobile wallet|hold force wallet", n):
        t.discard("case")
    if re.search(r"screen protector|invisibleshield|invisible shield|glass screen|screen shield|"
                 r"original shield|nitro shield|high-definition screen|protector for", n) \
            and "surge protector" not in n and not re.search(r"\b(case|cover)\b", head):
        t.discard("case")
        t.add("screen_protector")
    if re.search(r"\bskins? for tile\b", n):
        t.discard("case")
        t.add("tracker_accessory")

    # ---------------- power
    if re.search(r"battery case|juice pack.*case|charging case|power case|fre power|"
                 r"external battery case|battery charger case|space pack|battery & solar case", n) \
            and not re.search(r"headset", n):
        t |= {"battery_case", "case", "power"}
    if re.search(r"portable charger|power ?bank|external batter|battery pack|power pack|"
                 r"powerstation(?! dock)|backup battery|backup lithium|charging wallet|"
                 r"battery cable|mobile battery|rechargeable battery|jump starter|pocket ?juice|"
                 r"solar charger|power pouch|pulsepak|battstation|power reserve|"
                 r"\bpod pro\b|\bnomadplus\b|\benergi \d+k|hold force \d+|portable usb charger", n) \
            and "battery_case" not in t and "dock" not in head and "vehicle charger" not in n:
        t |= {"portable_charger", "power"}
        t.discard("case")
    if re.search(r"wireless charg|\bqi\b|charging pad|charging mat|wireless receiver|"
                 r"gear s2 wireless charger|gear s3 wireless", n):
        t |= {"wireless_charging", "power"}
        if re.search(r"charger|charging pad|charging mat|charging stand|charging dock|"
                     r"charging vehicle mount|charging desktop mount", head) \
                and "battery pack" not in n:
            t.add("wireless_charger")
            if "magnetized case" not in n:
                t.discard("case")
    if re.search(r"vehicle charger|car charger|vehicle and wall charger|wall and vehicle", n):
        t |= {"car_charger", "power"}
    elif re.search(r"12v dc|dc adapter|vehicle power", n):
        t.add("vehicle_power")      # 12 V socket adapters / splitters / cords (not chargers)
    if re.search(r"wall charger|usb charger|power adapter|ac adapter|charging station|"
                 r"wall tap|desktop charger|wall plate|wall outlet|swivel charger|"
                 r"rockstar|charge tower|charge station|travel charger|thingcharger|"
                 r"wall and vehicle|vehicle and wall|universal usb power|surge protector", n) \
            and not re.search(r"laptops|surface|vehicle power adapter|portable usb charger", n) \
            and "vehicle charger" not in head.replace("vehicle and wall", ""):
        t |= {"wall_charger", "power"}
    if re.search(r"laptops|microsoft surface", n) and "adapter" in n:
        t.add("laptop_power")
    if "internal batteries" in cats or re.search(r"lithium-ion battery for|lithium battery for|"
                                                  r"replacement battery|^battery for", head + " " + n):
        if not (t & {"portable_charger", "battery_case"}):
            t.add("internal_battery")

    # ---------------- cables and adapters
    if re.search(r"cable clips|cable organizer|cableyoyo|multipurpose ties", n):
        t.add("cable_organizer")
    elif "vehicle_power" in t:
        pass
    elif re.search(r"\bcable\b|\bcord\b|charge-and-sync|charge/sync", head) or \
            (re.search(r"\bcable\b", n) and "data cables" in cats and not (t & {"power"})):
        if not (t & {"portable_charger", "car_charger", "wall_charger"}) or \
                re.search(r"\bcable\b", head.split(" with ")[0]):
            t.add("cable")
            if re.search(r"audio|3\.5 ?mm|aux|stereo", n):
                t.add("audio_cable")
    if re.search(r"\badapter\b|\bconverter\b|\bsplitter\b", head) and \
            not (t & {"wall_charger", "car_charger", "laptop_power"}):
        t.add("adapter")
    if re.search(r"lightning.*(3\.5|headphone)|headphone adapter|headphone jack|lightning audio", n):
        t.add("headphone_adapter")

    # ---------------- car / mounting / holding
    if re.search(r"\bmount\b|car holder|vent mount|dash mount|car kit|vehicle mount|windshield|"
                 r"air vent|quickmount|bike and bar|steelie|phone holder|portagrip", n) \
            and not re.search(r"tripod|wall mount", n):
        t.add("mount")
        if re.search(r"\bmount\b", head):
            t.discard("case")
        if (re.search(r"\bcar\b|vehicle|dash|vent\b|windshield", n)
                or re.search(r"\b(car|vehicle|dashboard|windshield|vent)\b", p.d)) \
                and not re.search(r"desktop|bike|suction|quickmount|tripod", n):
            t.add("car_mount")
    if re.search(r"popsocket|finger grip|grip and stand|style ring|multifunctional holder|"
                 r"handleband", n) and "case" not in head:
        t.add("grip")
    if re.search(r"\barmband\b|arm band|sport-fit|slimfit plus|slim-fit plus|fitness belt", n) \
            and "watch" not in n and "gear s2" not in n:
        t.add("armband")
        t.discard("case")
    if re.search(r"belt clip|\bholster\b", n):
        t.add("holster")
    if re.search(r"\bstand\b|\bdock\b|timeporter|sync pod|base station", head) and not (t & {"case", "grip"}):
        t.add("stand_dock")

    # ---------------- audio
    if "headset" in n and not re.search(r"\bvr\b|virtual reality|reality headset|daydream|"
                                         r"cardboard|hypervr|carrying case", n):
        t.add("headset")
        if re.search(r"bluetooth|wireless", n):
            t.add("bluetooth_headset")
    if re.search(r"speaker|speakerphone|music system|fm transmitter", n) and "headset" not in t:
        t.add("speaker")

    # ---------------- wearables
    smart_cat = any("smartwatch" in c for c in cats)
    if re.search(r"\bband\b|\bstrap\b|wristbands?|double-wrap|link band|watch band", head) and \
            (smart_cat or re.search(r"watch|fitbit|gear s|vivofit|microsoft band|pebble", n)) \
            and "cable" not in head:
        t.add("watch_band")
        t.discard("case")
    if "smartwatch bands" in cats and not (t & {"screen_protector", "cable", "power"}):
        t.add("watch_band")
        t.discard("case")
    if smart_cat or re.search(r"apple watch|smartwatch|smart watch|gear s[23]|gear fit|moto 360|"
                              r"pebble|fitbit|microsoft band|vivofit|gear 2", n):
        t.add("wearable_accessory")

    # ---------------- photo / video
    if re.search(r"selfie", n):
        t.add("selfie_stick")
    if re.search(r"\blens(es)?\b|exolens|death lens|zoom camera|cam plus", n) and "lens care" not in n:
        t.add("camera_lens")
    if re.search(r"tripod|gimbal|stabilizer|support system|gorillapod|shooting grip|video light|"
                 r"microphone|camera remote|printer|sticker paper|thermal imager|seek thermal|"
                 r"instant print", n):
        t.add("photo_accessory")
    if re.search(r"\bvr\b|virtual reality|daydream|cardboard|hypervr|pocket-vr|vr goggles|"
                 r"reality viewer|gear vr|utopia 360|homido|freefly|vr viewer", n):
        t.add("vr_headset")
        t.discard("case")

    # ---------------- connectivity / service
    if re.search(r"\bsim\b", n) and re.search(r"card|kit|byod|byop|bring your own|starter", n):
        t.add("sim_card")
    if (re.search(r"top-up|airtime|prepaid (phone |wireless )?card|refill card|re-boost|"
                  r"data add-on|minute prepaid|prepaid card|phone card", n)
            or "prepaid minutes" in cats) and "sim_card" not in t:
        t.add("prepaid_card")
    if re.search(r"signal booster|cellular booster|\bantenna\b|zboost|weboost|r79x", n):
        t.add("signal_booster")
    if re.search(r"hotspot|jetpack|mifi", n):
        t.add("hotspot")
    if re.search(r"tracker|tracking device|\btile\b|trackr|smart button", n) \
            and "activity trackers" not in n and "tracker_accessory" not in t:
        t.add("tracker")
    if re.search(r"\bhub\b|hard drive|spacestation|flash drive|usb drive|microsd reader", head):
        t.add("storage_hub")
    if re.search(r"stylus", head) and "battery" not in head:
        t.add("stylus")
    if re.search(r"card holder|mobile wallet|hold force wallet|card reader", n):
        t.add("phone_wallet")
    if re.search(r"activation kit", n):
        t.add("sim_card")
    if re.search(r"photography kit", n):
        t.add("photo_accessory")
    if re.search(r"bundle|accessory kit", head):
        t.add("bundle")

    # ---------------- fallbacks for names without a type word
    if not t:
        if head.strip() == "battery" or re.search(r"solar cell phone charger", n):
            t |= {"portable_charger", "power"}
        elif re.search(r"visual charge", n):
            t |= {"wall_charger", "power"}
        elif any("cases & clips" in c for c in cats) and (iphone_models(n) or galaxy_models(n)):
            t.add("case")
    return t


class Product:
    __slots__ = ("sku", "raw", "name", "brand", "categories", "description", "price",
                 "popularity", "n", "b", "bk", "cats", "cat_text", "d", "phrase",
                 "colour", "types", "iphone", "galaxy", "pixel", "text")

    def __init__(self, raw):
        self.raw = raw
        self.sku = raw["image"].rsplit("/", 1)[1].split("_")[0]
        self.name = html.unescape(raw["name"])
        self.brand = raw.get("brand") or ""
        self.categories = raw.get("categories") or []
        self.description = html.unescape(raw.get("description") or "")
        self.price = raw.get("price")
        self.popularity = raw.get("popularity")
        self.n = clean(raw["name"])
        self.b = clean(self.brand)
        self.bk = brand_key(self.brand)
        self.cats = {clean(c) for c in self.categories}
        self.cat_text = " > ".join(clean(c) for c in self.categories)
        self.d = clean(raw.get("description"))
        self.phrase, self.colour = _phrase(self.n, self.b)
        self.iphone = iphone_models(self.n)
        self.galaxy = galaxy_models(self.n)
        self.pixel = pixel_models(self.n)
        self.text = " ".join([self.n, self.b, self.cat_text, self.d])
        self.types = classify(self)

    def is_(self, *types):
        return any(t in self.types for t in types)

    def __repr__(self):
        return "%s %s" % (self.sku, self.name)


_CACHE = None


def load():
    global _CACHE
    if _CACHE is None:
        with open(DATA, encoding="utf-8") as f:
            raw = json.load(f)
        _CACHE = [Product(r) for r in raw]
        skus = [p.sku for p in _CACHE]
        assert len(set(skus)) == len(skus), "SKUs are not unique"
        assert all(s.isdigit() for s in skus)
    return _CACHE
