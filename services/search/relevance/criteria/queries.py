"""Query set with one explicit relevance criterion and one predicate per query.

Each query is registered with @query(...):
  qid, text (what the shopper typed), kind,
  intent   -- the corrected/expanded wording used for pooling (typo queries are
              judged as if spelled correctly),
  terms    -- extra phrases/synonyms for the candidate pool,
  types    -- product-type tags (catalog.classify) added to the pool,
  criteria -- the written criterion per grade (3 / 2 / 1).
The decorated function receives a catalog.Product and returns 0..3.  It is
applied to every product of the query's candidate pool (see build.py).

Grade scale: 3 exactly what was asked; 2 good substitute / close match;
1 related but not what was asked; 0 not relevant (not written to qrels).
"""
import re

from helpers import (acc, any_galaxy, any_iphone, brand_is, capacity_mah, case, colour,
                     desc_has, fits_galaxy, fits_iphone, has, iph, length_ft, lightning,
                     made_for_apple, micro_usb, name_has, phone, sp, storage_gb, thirty_pin,
                     usb_c)

QUERIES = []


def query(qid, text, kind, intent=None, terms=(), types=(), criteria=None):
    assert kind in {"keyword", "brand", "model", "typo", "plural", "phrase", "attribute",
                    "category", "natural"}, kind
    assert criteria and 3 in criteria, qid

    def deco(fn):
        QUERIES.append(dict(qid=qid, text=text, kind=kind, intent=intent or text,
                            terms=list(terms), types=list(types), criteria=criteria,
                            grade=fn))
        return fn
    return deco


# =====================================================================
# shared predicates (several queries share one intent)
# =====================================================================
def g_otterbox_defender(p):
    if brand_is(p, "otterbox") and case(p) and name_has(p, r"\bdefender\b"):
        return 3
    if brand_is(p, "otterbox") and case(p):
        return 2
    if brand_is(p, "otterbox"):
        return 1
    return 0


def g_wireless_charger(p):
    if has(p, "wireless_charger") and not has(p, "wearable_accessory"):
        return 3
    if has(p, "wireless_charger"):          # wireless chargers for smartwatches
        return 2
    if has(p, "wireless_charging"):         # receiver cases / patches, wireless battery packs
        return 1
    if has(p, "wall_charger", "car_charger") and not has(p, "laptop_power"):
        return 1
    return 0


def g_car_mount(p):
    if has(p, "car_mount"):
        return 3
    if has(p, "mount") or (has(p, "grip") and name_has(p, r"mount")):
        return 2
    if has(p, "car_charger"):
        return 1
    return 0


def g_power_bank(p):
    if has(p, "portable_charger"):
        if name_has(p, r"jump starter|jumpack|solar|bundle"):
            return 2
        if p.sku and name_has(p, r"pod pro"):       # Apple Watch charger with small battery
            return 2
        return 3
    if has(p, "battery_case"):
        return 2
    if has(p, "wall_charger", "car_charger", "wireless_charger") and not has(p, "laptop_power"):
        return 1
    return 0


def g_bluetooth_headset(p):
    if has(p, "bluetooth_headset"):
        return 3
    if has(p, "headset"):
        return 2
    if name_has(p, r"for voyager") or (name_has(p, r"headset") and not has(p, "vr_headset")):
        return 1                            # headset accessories (charging case)
    return 0


def g_car_charger(p):
    if has(p, "car_charger"):
        return 3
    if has(p, "vehicle_power"):
        return 1                            # 12V DC adapters / splitters (power, not a charger)
    if has(p, "car_mount") and has(p, "wireless_charger"):
        return 2                            # charges the phone in the car
    if has(p, "car_mount"):
        return 1
    if has(p, "wall_charger", "portable_charger") and not has(p, "laptop_power"):
        return 1
    return 0


def g_lightning_cable(p):
    if has(p, "cable") and lightning(p) and not has(p, "audio_cable"):
        return 3
    if has(p, "cable") and lightning(p):                     # Lightning-to-3.5 mm audio cable
        return 2
    if has(p, "car_charger", "wall_charger", "portable_charger") and \
            name_has(p, r"with lightning cable|lightning cable"):
        return 2
    if lightning(p) and has(p, "adapter", "headphone_adapter", "stand_dock", "cable"):
        return 1
    if has(p, "cable") and thirty_pin(p):
        return 1
    return 0


def g_selfie_stick(p):
    if has(p, "selfie_stick"):
        return 3
    if name_has(p, r"tripod|support system|gorillapod|shooting grip|gimbal|stabilizer|trippler"):
        return 2
    if name_has(p, r"camera remote"):
        return 1
    return 0


def g_iphone7_case(p):
    if not case(p) or phone(p):
        if acc(p) and fits_iphone(p, "7") and not has(p, "phone"):
            return 1                        # other iPhone 7 accessories
        return 0
    if fits_iphone(p, "7"):
        return 3
    if fits_iphone(p, "7 plus"):
        return 2
    if fits_iphone(p, "6", "6s"):
        return 1
    return 0


def g_iphone7plus_case(p):
    if not case(p):
        if acc(p) and fits_iphone(p, "7 plus"):
            return 1
        return 0
    if fits_iphone(p, "7 plus"):
        return 3
    if fits_iphone(p, "7"):
        return 2
    if fits_iphone(p, "6 plus", "6s plus"):
        return 1
    return 0


def g_s7_screen_protector(p):
    if sp(p) and fits_galaxy(p, "s7"):
        return 3
    if sp(p) and fits_galaxy(p, "s7 edge", "s7 active"):
        return 2
    if acc(p) and fits_galaxy(p, "s7"):
        return 1
    if sp(p) and fits_galaxy(p, "s6"):
        return 1
    return 0


def g_apple_watch_band(p):
    aw = name_has(p, r"apple watch")
    if has(p, "watch_band") and aw:
        return 3
    if has(p, "watch_band"):
        return 2
    if aw:
        return 1
    return 0


def g_s7_edge_phone(p):
    if phone(p) and fits_galaxy(p, "s7 edge"):
        return 3
    if phone(p) and fits_galaxy(p, "s7", "s7 active", "s6 edge", "s6 edge+"):
        return 2
    if acc(p) and fits_galaxy(p, "s7 edge"):
        return 1
    return 0


def g_unlocked_phone(p):
    if phone(p) and has(p, "unlocked"):
        return 3
    if has(p, "sim_card"):
        return 1
    return 0


# =====================================================================
# brand
# =====================================================================
@query("q001", "otterbox", "brand", terms=["otter box"],
       criteria={3: "any product whose brand is OtterBox (spelled OtterBox or Otterbox)",
                 2: "third-party products of the OtterBox uniVERSE system whose name says "
                    "'OtterBox' (PolarPro, olloclip, Square, Nite Ize, Seek Thermal)",
                 1: "-"})
def _(p):
    if brand_is(p, "otterbox"):
        return 3
    if "otterbox" in p.n:
        return 2
    return 0


@query("q002", "mophie", "brand",
       criteria={3: "any product whose brand is mophie", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "mophie") else 0


@query("q003", "kate spade", "brand", terms=["kate spade new york"],
       criteria={3: "any product whose brand is 'kate spade new york'",
                 2: "a licensed Kate Spade New York design sold under another brand (name says "
                    "'Kate Spade New York', e.g. Incipio)",
                 1: "- (JACK SPADE is a different brand and is not judged relevant)"})
def _(p):
    if brand_is(p, "kate spade new york"):
        return 3
    if name_has(p, r"kate spade"):
        return 2
    return 0


@query("q004", "lifeproof", "brand", terms=["life proof"],
       criteria={3: "any product whose brand is LifeProof", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "lifeproof") else 0


@query("q005", "spigen", "brand",
       criteria={3: "any product whose brand is Spigen", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "spigen") else 0


@query("q006", "zagg", "brand", terms=["invisibleshield"],
       criteria={3: "any product whose brand is ZAGG (InvisibleShield is a ZAGG line)",
                 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "zagg") else 0


@query("q007", "incipio", "brand",
       criteria={3: "any product whose brand is Incipio", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "incipio") else 0


@query("q008", "speck", "brand",
       criteria={3: "any product whose brand is Speck", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "speck") else 0


@query("q009", "belkin", "brand",
       criteria={3: "any product whose brand is Belkin", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "belkin") else 0


@query("q010", "insignia", "brand",
       criteria={3: "any product whose brand is Insignia (data spellings 'Insignia\u2122', "
                    "'Insignia\\x99', misspelt 'Insginia')",
                 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "insignia") else 0


@query("q011", "urban armor gear", "brand", terms=["uag"],
       criteria={3: "any product whose brand is Urban Armor Gear", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "urban armor gear") else 0


@query("q012", "tech21", "brand", terms=["tech 21"],
       criteria={3: "any product whose brand is Tech21 (also spelled tech21)", 2: "-", 1: "-"})
def _(p):
    return 3 if brand_is(p, "tech21") else 0


@query("q013", "samsung", "brand", terms=["galaxy"],
       criteria={3: "products made by Samsung: brand Samsung, or a Samsung phone sold under a "
                    "carrier brand (e.g. 'Boost Mobile - Samsung Galaxy J3')",
                 2: "-",
                 1: "third-party accessories whose name says they are for a Samsung / Galaxy "
                    "device"})
def _(p):
    if brand_is(p, "samsung"):
        return 3
    if phone(p) and name_has(p, r"\bsamsung\b|\bgalaxy\b"):
        return 3
    if acc(p) and name_has(p, r"\bsamsung\b|\bgalaxy\b"):
        return 1
    return 0


@query("q014", "popsockets", "brand", terms=["pop socket", "popsocket", "grip and stand"],
       types=["grip"],
       criteria={3: "PopSockets products (brand PopSockets / PopSocket)",
                 2: "other phone grips / finger holders / ring stands (Spigen Style Ring, "
                    "Nite Ize HandleBand)",
                 1: "-"})
def _(p):
    if brand_is(p, "popsockets"):
        return 3
    if has(p, "grip"):
        return 2
    return 0


# =====================================================================
# keyword: product types
# =====================================================================
@query("q015", "case", "keyword", terms=["cover", "shell", "folio", "holster"],
       types=["case", "armband", "holster"],
       criteria={3: "a phone case of any kind (back cover, shell, folio, wallet, holster case, "
                    "battery case, waterproof case) for any phone",
                 2: "armbands and belt clips / holsters without a shell (carry the phone but "
                    "are not a case)",
                 1: "-"})
def _(p):
    if case(p):
        return 3
    if has(p, "armband", "holster"):
        return 2
    return 0


@query("q016", "wireless charger", "keyword", terms=["qi", "charging pad", "wireless charging"],
       types=["wall_charger", "car_charger", "wireless_charging", "wireless_charger"],
       criteria={3: "a wireless (Qi) charger for phones: pad, mat, stand, wireless-charging "
                    "car/desk mount",
                 2: "wireless chargers/docks for smartwatches (Gear S2/S3, Moto 360)",
                 1: "wireless-charging receiver cases/patches and wireless-charging battery "
                    "packs/cases; wired wall and car chargers"})
def _(p):
    return g_wireless_charger(p)


@query("q017", "car mount", "keyword", terms=["vehicle mount", "vent mount", "dash mount",
                                               "car holder", "windshield"],
       types=["mount", "car_mount"],
       criteria={3: "a phone mount/holder for a car (vent, dash, windshield, vehicle mount, "
                    "wireless-charging car mount)",
                 2: "other phone mounts (bike/bar, suction, multipurpose, desk)",
                 1: "car chargers"})
def _(p):
    return g_car_mount(p)


@query("q018", "screen protector", "keyword", terms=["invisibleshield", "screen shield",
                                                      "glass protector"],
       types=["screen_protector"],
       criteria={3: "a screen protector (film or glass) for a phone",
                 2: "a screen protector for a smartwatch / fitness band",
                 1: "accessory bundles that include a screen protector"})
def _(p):
    if sp(p) and not has(p, "wearable_accessory"):
        return 3
    if sp(p):
        return 2
    if has(p, "bundle") and desc_has(p, r"screen protector"):
        return 1
    return 0


@query("q019", "power bank", "keyword", terms=["portable charger", "external battery",
                                                "battery pack", "powerstation", "power pack"],
       types=["wall_charger", "car_charger", "wireless_charger", "portable_charger", "battery_case"],
       criteria={3: "a portable USB battery (power bank / portable charger / external battery)",
                 2: "battery cases; jump-starter or solar power packs; charger bundles with a "
                    "power pack; the Nomad Pod Pro (watch charger with battery)",
                 1: "wall, car and wireless chargers"})
def _(p):
    return g_power_bank(p)


@query("q020", "bluetooth headset", "keyword", terms=["headset", "earpiece"],
       types=["headset", "bluetooth_headset"],
       criteria={3: "a Bluetooth / wireless mono headset for calls",
                 2: "a wired cell-phone headset",
                 1: "headset accessories (e.g. charging case for a Voyager headset)"})
def _(p):
    return g_bluetooth_headset(p)


@query("q021", "car charger", "keyword", terms=["vehicle charger", "12v", "car adapter"],
       types=["vehicle_power", "wall_charger", "portable_charger", "mount", "car_charger"],
       criteria={3: "a USB car/vehicle charger (cigarette-lighter plug), incl. wall+vehicle "
                    "charger kits",
                 2: "wireless-charging car mounts (charge the phone in the car)",
                 1: "12 V vehicle power adapters/splitters/cords; car mounts without charging; "
                    "wall chargers and portable chargers"})
def _(p):
    return g_car_charger(p)


@query("q022", "wall charger", "keyword", terms=["usb charger", "power adapter", "ac adapter",
                                                  "wall plate", "charging station"],
       types=["car_charger", "portable_charger", "wireless_charger", "adapter", "wall_charger"],
       criteria={3: "a charger that plugs into a wall outlet: USB wall charger / USB power "
                    "adapter / wall tap (incl. wall+vehicle kits)",
                 2: "multi-device charging stations, USB wall plates/outlets and surge "
                    "protectors with USB, travel / universal AC power adapters",
                 1: "car, portable and wireless chargers"})
def _(p):
    if has(p, "wall_charger"):
        if name_has(p, r"wall charger|usb charger|power adapter|ac adapter|wall tap|"
                       r"thingcharger|swivel charger|rockstar 4-port|usb power adapter"):
            if not name_has(p, r"universal power adapter|\bac adapter"):
                return 3
        return 2
    if has(p, "adapter") and name_has(p, r"travel adapter"):
        return 2
    if has(p, "car_charger", "portable_charger", "wireless_charger"):
        return 1
    return 0


@query("q023", "lightning cable", "keyword", terms=["lightning-to-usb", "usb-to-lightning",
                                                    "charge-and-sync"],
       types=["cable"],
       criteria={3: "a charge/sync cable with an Apple Lightning connector (incl. multi-head "
                    "cables with a Lightning tip)",
                 2: "Lightning-to-3.5 mm audio cable; car/wall chargers with a built-in "
                    "Lightning cable",
                 1: "other Lightning adapters/docks; 30-pin Apple cables"})
def _(p):
    return g_lightning_cable(p)


@query("q024", "selfie stick", "keyword", terms=["selfie"], types=["selfie_stick",
                                                                   "photo_accessory"],
       criteria={3: "a selfie stick (wired or Bluetooth)",
                 2: "phone tripods, support poles, shooting grips, gimbals",
                 1: "Bluetooth camera remotes"})
def _(p):
    return g_selfie_stick(p)


@query("q025", "armband", "keyword", terms=["arm band", "sport-fit", "running"],
       types=["armband"],
       criteria={3: "a phone armband for running/workout",
                 2: "a phone waist/fitness belt",
                 1: "-"})
def _(p):
    if has(p, "armband"):
        if name_has(p, r"belt"):
            return 2
        return 3
    return 0


@query("q026", "replacement battery", "keyword", terms=["lithium-ion battery",
                                                         "internal battery", "battery for"],
       types=["portable_charger", "battery_case", "internal_battery"],
       criteria={3: "an internal/replacement battery for a specific phone",
                 2: "-",
                 1: "portable chargers and battery cases (extra power, not a replacement)"})
def _(p):
    if has(p, "internal_battery"):
        return 3
    if has(p, "portable_charger", "battery_case"):
        return 1
    return 0


@query("q027", "sim card", "keyword", terms=["sim kit", "byod", "bring your own phone"],
       types=["prepaid_card", "sim_card"],
       criteria={3: "a SIM card or SIM activation kit",
                 2: "-",
                 1: "prepaid airtime/top-up cards"})
def _(p):
    if has(p, "sim_card"):
        return 3
    if has(p, "prepaid_card"):
        return 1
    return 0


@query("q028", "signal booster", "keyword", terms=["antenna", "booster", "weboost", "zboost"],
       types=["hotspot", "signal_booster"],
       criteria={3: "a cellular signal booster (home, office or vehicle)",
                 2: "phone antenna add-ons / antenna cases that improve reception",
                 1: "mobile hotspots"})
def _(p):
    if has(p, "signal_booster"):
        if name_has(p, r"booster|zboost|weboost"):
            return 3
        return 2
    if has(p, "hotspot"):
        return 1
    return 0


@query("q029", "mobile hotspot", "keyword", terms=["hotspot", "jetpack", "mifi",
                                                    "mobile broadband"],
       types=["signal_booster", "prepaid_card", "hotspot"],
       criteria={3: "a mobile Wi-Fi hotspot device",
                 2: "-",
                 1: "prepaid data add-on cards; signal boosters"})
def _(p):
    if has(p, "hotspot"):
        return 3
    if name_has(p, r"data add-on"):
        return 1
    if has(p, "signal_booster"):
        return 1
    return 0


@query("q030", "vr headset", "keyword", terms=["virtual reality", "vr", "vr viewer",
                                                "daydream", "cardboard"],
       types=["vr_headset"],
       criteria={3: "a smartphone VR headset/viewer (Gear VR, Daydream View, Cardboard, VR "
                    "goggles)",
                 2: "VR bundles and VR-viewer cases (e.g. Speck Pocket-VR, ReTrak Utopia "
                    "bundle)",
                 1: "VR controllers and VR/AR content toys (Sunpak Bluetooth controller, Uncle "
                    "Milton Virtual Explorer)"})
def _(p):
    if has(p, "vr_headset"):
        if name_has(p, r"controller") and not name_has(p, r"headset|viewer"):
            return 1
        if name_has(p, r"bundle|pocket-vr|with candyshell"):
            return 2
        return 3
    if name_has(p, r"bluetooth controller|virtual explorer"):
        return 1
    return 0


@query("q031", "phone camera lens", "keyword", terms=["lens", "lenses", "olloclip",
                                                       "clip lens", "photo lens"],
       types=["selfie_stick", "camera_lens", "photo_accessory"],
       criteria={3: "a clip-on / case lens or lens kit for a phone camera (olloclip, ExoLens, "
                    "Insignia lens kit, zoom camera mod)",
                 2: "-",
                 1: "other phone photography accessories (tripods, lights, selfie sticks, "
                    "camera carrying case)"})
def _(p):
    if has(p, "camera_lens"):
        return 3
    if has(p, "photo_accessory", "selfie_stick") or name_has(p, r"camera carrying case"):
        return 1
    return 0


@query("q032", "bluetooth tracker", "keyword", terms=["tile", "trackr", "item tracker",
                                                       "tracking device", "key finder"],
       types=["tracker", "tracker_accessory"],
       criteria={3: "a Bluetooth item tracker tag (Tile, TrackR, ANKR)",
                 2: "Flic smart buttons (incl. 'find phone')",
                 1: "tracker accessories (skins for Tile)"})
def _(p):
    if has(p, "tracker"):
        if name_has(p, r"smart button"):
            return 2
        return 3
    if has(p, "tracker_accessory"):
        return 1
    return 0


@query("q033", "headphone adapter", "keyword", terms=["lightning to 3.5mm", "headphone jack",
                                                       "3.5mm adapter"],
       types=["headphone_adapter", "audio_cable"],
       criteria={3: "a Lightning-to-3.5 mm headphone adapter (incl. audio+charge adapter and "
                    "Lightning-to-3.5 mm cable)",
                 2: "-",
                 1: "3.5 mm audio/aux cables"})
def _(p):
    if has(p, "headphone_adapter"):
        return 3
    if has(p, "audio_cable"):
        return 1
    return 0


@query("q034", "micro usb cable", "keyword", terms=["micro-usb", "microusb", "micro usb"],
       types=["cable"],
       criteria={3: "a charge/sync cable with a Micro-USB connector (incl. multi-head cables "
                    "with a Micro-USB tip)",
                 2: "-",
                 1: "USB-C-to-Micro-USB adapters; chargers with a built-in Micro-USB cable"})
def _(p):
    if has(p, "cable") and micro_usb(p) and not has(p, "audio_cable"):
        return 3
    if has(p, "adapter") and micro_usb(p):
        return 1
    if has(p, "car_charger", "wall_charger") and name_has(p, r"micro usb cable"):
        return 1
    return 0


# =====================================================================
# model
# =====================================================================
@query("q035", "iphone 7 case", "model", terms=["iphone 7"], types=["case"],
       criteria={3: "a case whose name says it fits iPhone 7 (not only 7 Plus); lists like "
                    "'iPhone 7/6s/6' count",
                 2: "a case for iPhone 7 Plus only",
                 1: "other iPhone 7 accessories (screen protectors, armbands, lenses...); cases "
                    "for iPhone 6/6s only"})
def _(p):
    return g_iphone7_case(p)


@query("q036", "iphone 7 plus case", "model", terms=["iphone 7 plus", "7 plus"], types=["case"],
       criteria={3: "a case whose name says it fits iPhone 7 Plus",
                 2: "a case for iPhone 7 (non-Plus) only",
                 1: "other iPhone 7 Plus accessories; cases for iPhone 6 Plus / 6s Plus only"})
def _(p):
    return g_iphone7plus_case(p)


@query("q037", "galaxy s7 screen protector", "model",
       terms=["galaxy s7", "s7", "screen protector"], types=["screen_protector"],
       criteria={3: "a screen protector for Samsung Galaxy S7 (not S7 edge)",
                 2: "a screen protector for Galaxy S7 edge / S7 active",
                 1: "other Galaxy S7 accessories; screen protectors for Galaxy S6"})
def _(p):
    return g_s7_screen_protector(p)


@query("q038", "galaxy s7 edge case", "model", terms=["s7 edge"], types=["case"],
       criteria={3: "a case for Samsung Galaxy S7 edge",
                 2: "a case for Galaxy S7 (non-edge)",
                 1: "other Galaxy S7 edge accessories; cases for Galaxy S6 edge / S6 edge+"})
def _(p):
    if case(p) and fits_galaxy(p, "s7 edge"):
        return 3
    if case(p) and fits_galaxy(p, "s7"):
        return 2
    if acc(p) and fits_galaxy(p, "s7 edge"):
        return 1
    if case(p) and fits_galaxy(p, "s6 edge", "s6 edge+"):
        return 1
    return 0


@query("q039", "pixel xl case", "model", terms=["pixel xl", "google pixel"], types=["case"],
       criteria={3: "a case for Google Pixel XL",
                 2: "a case for Google Pixel (5\", non-XL)",
                 1: "other Pixel XL accessories (screen protector)"})
def _(p):
    if case(p) and "pixel xl" in p.pixel:
        return 3
    if case(p) and "pixel" in p.pixel:
        return 2
    if acc(p) and "pixel xl" in p.pixel:
        return 1
    return 0


@query("q040", "google pixel", "model", terms=["pixel"],
       criteria={3: "a Google Pixel or Pixel XL phone",
                 2: "-",
                 1: "accessories for Pixel / Pixel XL (cases, screen protectors)"})
def _(p):
    if phone(p) and p.pixel:
        return 3
    if acc(p) and p.pixel:
        return 1
    return 0


@query("q041", "galaxy note 5 case", "model", terms=["note 5", "note5"], types=["case"],
       criteria={3: "a case for Samsung Galaxy Note 5",
                 2: "-",
                 1: "other Galaxy Note 5 accessories; cases for Galaxy Note 4"})
def _(p):
    if case(p) and fits_galaxy(p, "note5"):
        return 3
    if acc(p) and fits_galaxy(p, "note5"):
        return 1
    if case(p) and fits_galaxy(p, "note4"):
        return 1
    return 0


@query("q042", "lg g5 case", "model", terms=["lg g5", "g5"], types=["case"],
       criteria={3: "a case for LG G5",
                 2: "-",
                 1: "other LG G5 accessories (screen protector, VR headset, CAM Plus); cases for "
                    "LG G4"})
def _(p):
    g5 = name_has(p, r"\bg5\b") and name_has(p, r"\blg\b")
    if case(p) and g5:
        return 3
    if acc(p) and g5:
        return 1
    if case(p) and name_has(p, r"\blg g4\b"):
        return 1
    return 0


@query("q043", "nexus 6p case", "model", terms=["nexus 6p", "nexus"], types=["case"],
       criteria={3: "a case for Google Nexus 6P",
                 2: "-",
                 1: "other Nexus 6P accessories; cases for Nexus 5X"})
def _(p):
    n6p = name_has(p, r"nexus 6p")
    if case(p) and n6p:
        return 3
    if acc(p) and n6p:
        return 1
    if case(p) and name_has(p, r"nexus 5x"):
        return 1
    return 0


@query("q044", "iphone 6s plus", "model", terms=["6s plus"],
       criteria={3: "an iPhone 6s Plus handset (new or refurbished)",
                 2: "an iPhone 6 Plus or iPhone 7 Plus handset",
                 1: "accessories that fit iPhone 6s Plus"})
def _(p):
    if phone(p) and fits_iphone(p, "6s plus"):
        return 3
    if phone(p) and fits_iphone(p, "6 plus", "7 plus"):
        return 2
    if acc(p) and fits_iphone(p, "6s plus"):
        return 1
    return 0


@query("q045", "iphone se", "model", terms=["iphone se"],
       criteria={3: "an iPhone SE handset (new or refurbished)",
                 2: "an iPhone 5s handset (same body)",
                 1: "accessories that fit iPhone SE"})
def _(p):
    if phone(p) and fits_iphone(p, "se"):
        return 3
    if phone(p) and fits_iphone(p, "5s"):
        return 2
    if acc(p) and fits_iphone(p, "se"):
        return 1
    return 0


@query("q046", "galaxy s7", "model", terms=["galaxy s7", "s7"],
       criteria={3: "a Samsung Galaxy S7 handset (not edge; S7 active counts as an S7 variant "
                    "-> 2)",
                 2: "a Galaxy S7 edge or S7 active handset",
                 1: "accessories that fit Galaxy S7"})
def _(p):
    if phone(p) and fits_galaxy(p, "s7"):
        return 3
    if phone(p) and fits_galaxy(p, "s7 edge", "s7 active"):
        return 2
    if acc(p) and fits_galaxy(p, "s7"):
        return 1
    return 0


@query("q047", "moto g4", "model", terms=["moto g", "4th gen", "g4"],
       criteria={3: "a Motorola Moto G 4th generation handset (Moto G4 / 'Moto G (4th "
                    "Generation)')",
                 2: "Moto G4 Plus / G4 Play handsets; other Moto G generations",
                 1: "accessories for Moto G 4th gen"})
def _(p):
    g4 = name_has(p, r"moto g4|moto g \(4th gen|moto g 4th gen|moto g 4g \(4th gen")
    g4var = name_has(p, r"moto g4 play|moto g plus|moto g4 plus|\(4th gen\)? play|4th gen\.?\) play")
    if phone(p) and g4 and not g4var:
        return 3
    if phone(p) and (g4var or name_has(p, r"moto g\b")):
        return 2
    if acc(p) and (g4 or g4var):
        return 1
    return 0


@query("q048", "iphone 5s case", "model", terms=["iphone 5s", "5s"], types=["case"],
       criteria={3: "a case whose name says it fits iPhone 5s",
                 2: "a case for iPhone 5 or iPhone SE (same body) that does not name the 5s",
                 1: "cases for iPhone 5c; other iPhone 5s accessories"})
def _(p):
    if case(p) and fits_iphone(p, "5s"):
        return 3
    if case(p) and fits_iphone(p, "5", "se"):
        return 2
    if case(p) and fits_iphone(p, "5c"):
        return 1
    if acc(p) and fits_iphone(p, "5s"):
        return 1
    return 0


@query("q049", "galaxy j3", "model", terms=["j3"],
       criteria={3: "a Samsung Galaxy J3 handset (any carrier/version)",
                 2: "-",
                 1: "accessories for Galaxy J3"})
def _(p):
    if phone(p) and fits_galaxy(p, "j3"):
        return 3
    if acc(p) and fits_galaxy(p, "j3"):
        return 1
    return 0


@query("q050", "iphone 7 battery case", "model", terms=["battery case", "juice pack",
                                                         "charging case"],
       types=["portable_charger", "battery_case"],
       criteria={3: "a battery (charging) case that fits iPhone 7",
                 2: "a battery case for iPhone 7 Plus only",
                 1: "other iPhone 7 cases; portable chargers for Lightning/Apple devices"})
def _(p):
    if has(p, "battery_case") and fits_iphone(p, "7"):
        return 3
    if has(p, "battery_case") and fits_iphone(p, "7 plus"):
        return 2
    if case(p) and fits_iphone(p, "7"):
        return 1
    if has(p, "portable_charger") and (lightning(p) or name_has(p, r"apple")):
        return 1
    return 0


# =====================================================================
# typo (judged as the intended spelling)
# =====================================================================
@query("q051", "otterbx defender", "typo", intent="otterbox defender", terms=["defender"],
       criteria={3: "an OtterBox Defender Series case (any phone)",
                 2: "another OtterBox case (Commuter, Symmetry, Strada...)",
                 1: "other OtterBox products (screen protectors...)"})
def _(p):
    return g_otterbox_defender(p)


@query("q052", "samsnug galaxy", "typo", intent="samsung galaxy", terms=["galaxy"],
       criteria={3: "a Samsung Galaxy handset",
                 2: "another Samsung handset (e.g. Gusto)",
                 1: "accessories for Samsung Galaxy devices"})
def _(p):
    if phone(p) and name_has(p, r"\bgalaxy\b"):
        return 3
    if phone(p) and name_has(p, r"\bsamsung\b"):
        return 2
    if acc(p) and name_has(p, r"\bgalaxy\b"):
        return 1
    return 0


@query("q053", "iphnoe charger", "typo", intent="iphone charger",
       terms=["charger", "lightning", "apple", "charging cable"],
       types=["wall_charger", "car_charger", "portable_charger", "wireless_charger"],
       criteria={3: "a charger (wall, car, portable, dock) whose name says it is for iPhone / "
                    "Apple / Lightning devices",
                 2: "Lightning charging cables; generic USB chargers (wall, car, portable, "
                    "wireless) usable with an iPhone; iPhone battery cases; 30-pin Apple "
                    "chargers (old iPhones)",
                 1: "-"})
def _(p):
    charger = has(p, "wall_charger", "car_charger", "portable_charger", "wireless_charger") \
        and not has(p, "laptop_power")
    apple = made_for_apple(p)
    if charger and apple and not thirty_pin(p):
        return 3
    if has(p, "stand_dock") and lightning(p):
        return 3
    if charger and not has(p, "wearable_accessory") and not name_has(p, r"samsung|micro usb|"
                                                                        r"type-c|type c|moto"):
        return 2
    if charger and apple:
        return 2
    if has(p, "cable") and lightning(p) and not has(p, "audio_cable"):
        return 2
    if has(p, "battery_case") and any_iphone(p):
        return 2
    return 0


@query("q054", "screen protecter iphone 6", "typo", intent="screen protector iphone 6",
       terms=["screen protector", "invisibleshield", "iphone 6"], types=["screen_protector"],
       criteria={3: "a screen protector for iPhone 6 / 6s (4.7\", not Plus)",
                 2: "a screen protector for iPhone 7 (same 4.7\" size)",
                 1: "screen protectors for iPhone 6 Plus / 6s Plus; accessory bundles"})
def _(p):
    if sp(p) and fits_iphone(p, "6", "6s"):
        return 3
    if sp(p) and fits_iphone(p, "7"):
        return 2
    if sp(p) and fits_iphone(p, "6 plus", "6s plus"):
        return 1
    return 0


@query("q055", "wirelss charger", "typo", intent="wireless charger",
       terms=["qi", "charging pad", "wireless charging"],
       types=["wall_charger", "car_charger", "wireless_charging", "wireless_charger"],
       criteria={3: "same as q016 'wireless charger'", 2: "same as q016", 1: "same as q016"})
def _(p):
    return g_wireless_charger(p)


@query("q056", "lifeprof case", "typo", intent="lifeproof case", terms=["lifeproof", "fre"],
       types=["case"],
       criteria={3: "a LifeProof case (FRE, NUUD, FRE Power...)",
                 2: "other LifeProof products (LifeActiv mounts, armband, belt clip)",
                 1: "other brands' waterproof cases"})
def _(p):
    if brand_is(p, "lifeproof") and case(p):
        return 3
    if brand_is(p, "lifeproof"):
        return 2
    if case(p) and (name_has(p, r"waterproof") or desc_has(p, r"waterproof")):
        return 1
    return 0


@query("q057", "mophi juice pack", "typo", intent="mophie juice pack",
       terms=["juice pack", "mophie"], types=["battery_case"],
       criteria={3: "a mophie Juice Pack (battery case or Juice Pack-named battery)",
                 2: "other mophie battery cases (Space Pack, External Battery Case with "
                    "Wireless Charging) and mophie powerstations",
                 1: "other brands' battery cases"})
def _(p):
    if brand_is(p, "mophie") and name_has(p, r"juice ?pack"):
        return 3
    if brand_is(p, "mophie") and has(p, "battery_case", "portable_charger"):
        return 2
    if has(p, "battery_case"):
        return 1
    return 0


@query("q058", "spigan case", "typo", intent="spigen case", terms=["spigen"], types=["case"],
       criteria={3: "a Spigen case",
                 2: "other Spigen products (car mount, Style Ring)",
                 1: "-"})
def _(p):
    if brand_is(p, "spigen") and case(p):
        return 3
    if brand_is(p, "spigen"):
        return 2
    return 0


@query("q059", "galxy s7 edge", "typo", intent="galaxy s7 edge", terms=["s7 edge"],
       criteria={3: "a Samsung Galaxy S7 edge handset",
                 2: "a Galaxy S7 / S7 active / S6 edge / S6 edge+ handset",
                 1: "accessories for Galaxy S7 edge"})
def _(p):
    return g_s7_edge_phone(p)


@query("q060", "blutooth headset", "typo", intent="bluetooth headset",
       terms=["headset", "earpiece"], types=["headset", "bluetooth_headset"],
       criteria={3: "same as q020 'bluetooth headset'", 2: "same as q020", 1: "same as q020"})
def _(p):
    return g_bluetooth_headset(p)


@query("q061", "portible charger", "typo", intent="portable charger",
       terms=["power bank", "external battery", "battery pack", "powerstation"],
       types=["wall_charger", "car_charger", "wireless_charger", "portable_charger", "battery_case"],
       criteria={3: "same as q019 'power bank'", 2: "same as q019", 1: "same as q019"})
def _(p):
    return g_power_bank(p)


@query("q062", "selfie stik", "typo", intent="selfie stick", terms=["selfie"],
       types=["selfie_stick", "photo_accessory"],
       criteria={3: "same as q024 'selfie stick'", 2: "same as q024", 1: "same as q024"})
def _(p):
    return g_selfie_stick(p)


@query("q063", "lightening cable", "typo", intent="lightning cable",
       terms=["lightning-to-usb", "usb-to-lightning", "charge-and-sync"], types=["cable"],
       criteria={3: "same as q023 'lightning cable'", 2: "same as q023", 1: "same as q023"})
def _(p):
    return g_lightning_cable(p)


@query("q064", "kate spde case", "typo", intent="kate spade case",
       terms=["kate spade new york"], types=["case"],
       criteria={3: "a kate spade new york case (brand kate spade new york, or a licensed "
                    "'Kate Spade New York' case sold under another brand)",
                 2: "other kate spade new york products (portable chargers, cables)",
                 1: "-"})
def _(p):
    if (brand_is(p, "kate spade new york") or name_has(p, r"kate spade")) and case(p):
        return 3
    if brand_is(p, "kate spade new york"):
        return 2
    return 0


@query("q065", "iphone 7 plsu case", "typo", intent="iphone 7 plus case",
       terms=["iphone 7 plus", "7 plus"], types=["case"],
       criteria={3: "same as q036 'iphone 7 plus case'", 2: "same as q036", 1: "same as q036"})
def _(p):
    return g_iphone7plus_case(p)


@query("q066", "car chager", "typo", intent="car charger",
       terms=["vehicle charger", "12v"], types=["vehicle_power", "wall_charger", "portable_charger", "mount", "car_charger"],
       criteria={3: "same as q021 'car charger'", 2: "same as q021", 1: "same as q021"})
def _(p):
    return g_car_charger(p)


@query("q067", "otter box iphone 7", "typo", intent="otterbox iphone 7",
       terms=["otterbox", "iphone 7"], types=["case"],
       criteria={3: "an OtterBox product that fits iPhone 7 (cases, Alpha Glass screen "
                    "protector)",
                 2: "an OtterBox product for iPhone 7 Plus",
                 1: "other OtterBox iPhone products (6/6s, 6 Plus, SE); other brands' iPhone 7 "
                    "cases"})
def _(p):
    ob = brand_is(p, "otterbox")
    if ob and fits_iphone(p, "7"):
        return 3
    if ob and fits_iphone(p, "7 plus"):
        return 2
    if ob and any_iphone(p):
        return 1
    if case(p) and fits_iphone(p, "7"):
        return 1
    return 0


@query("q068", "unlokced phones", "typo", intent="unlocked phones",
       terms=["unlocked"], types=["sim_card", "phone"],
       criteria={3: "same as q087 'unlocked cell phones'", 2: "same as q087",
                 1: "same as q087"})
def _(p):
    return g_unlocked_phone(p)


# =====================================================================
# plural / singular variants
# =====================================================================
@query("q069", "cases for iphone 7", "plural", terms=["iphone 7"], types=["case"],
       criteria={3: "same as q035 'iphone 7 case'", 2: "same as q035", 1: "same as q035"})
def _(p):
    return g_iphone7_case(p)


@query("q070", "chargers", "plural", terms=["charger", "charging", "power bank"],
       types=["stand_dock", "power"],
       criteria={3: "any phone charger: wall, car, portable battery, wireless charger",
                 2: "battery cases; charging docks/stands; smartwatch chargers",
                 1: "charging cables"})
def _(p):
    if has(p, "wall_charger", "car_charger", "portable_charger", "wireless_charger") \
            and not has(p, "laptop_power", "wearable_accessory"):
        return 3
    if has(p, "battery_case") or (has(p, "wireless_charging") and not has(p, "case")):
        return 2
    if has(p, "wireless_charger", "portable_charger"):
        return 2                                 # smartwatch wireless / battery chargers
    if has(p, "stand_dock") and name_has(p, r"charg|dock|powerstation|base station"):
        return 2
    if has(p, "cable") and name_has(p, r"charg") and not has(p, "audio_cable"):
        return 1
    return 0


@query("q071", "screen protectors for galaxy s7", "plural",
       intent="screen protectors galaxy s7", terms=["galaxy s7", "s7"],
       types=["screen_protector"],
       criteria={3: "same as q037 'galaxy s7 screen protector'", 2: "same as q037",
                 1: "same as q037"})
def _(p):
    return g_s7_screen_protector(p)


@query("q072", "car mounts", "plural", terms=["vehicle mount", "vent mount", "dash mount",
                                               "car holder"],
       types=["mount", "car_mount"],
       criteria={3: "same as q017 'car mount'", 2: "same as q017", 1: "same as q017"})
def _(p):
    return g_car_mount(p)


@query("q073", "apple watch bands", "plural", terms=["watch strap", "apple watch", "band"],
       types=["watch_band"],
       criteria={3: "a band/strap for Apple Watch",
                 2: "a band/strap for another smartwatch or fitness tracker",
                 1: "other Apple Watch accessories (screen protectors, chargers, stands, "
                    "cases)"})
def _(p):
    return g_apple_watch_band(p)


@query("q074", "power banks", "plural", terms=["portable charger", "external battery",
                                                "battery pack", "powerstation"],
       types=["wall_charger", "car_charger", "wireless_charger", "portable_charger", "battery_case"],
       criteria={3: "same as q019 'power bank'", 2: "same as q019", 1: "same as q019"})
def _(p):
    return g_power_bank(p)


@query("q075", "usb cables", "plural", terms=["cable", "charge-and-sync", "usb"],
       types=["cable"],
       criteria={3: "a USB charge/sync cable (Lightning, Micro-USB, USB-C, 30-pin, multi-head)",
                 2: "other USB cables / adapter cables (USB 3.0, USB-to-serial)",
                 1: "audio cables and non-USB cables (HDMI, DisplayPort); USB adapters"})
def _(p):
    if has(p, "cable") and not has(p, "audio_cable"):
        if lightning(p) or micro_usb(p) or usb_c(p) or thirty_pin(p) or \
                name_has(p, r"charge-and-sync|charging cable|charge/sync|device cable|usb cable"):
            if not name_has(p, r"serial|displayport|hdmi"):
                return 3
        if name_has(p, r"\busb\b"):
            return 2
        return 1
    if has(p, "audio_cable"):
        return 1
    if has(p, "adapter") and name_has(p, r"\busb\b"):
        return 1
    return 0


@query("q076", "headsets", "plural", terms=["headset", "earpiece"],
       types=["headset", "bluetooth_headset", "vr_headset"],
       criteria={3: "a cell-phone headset (Bluetooth or wired)",
                 2: "-",
                 1: "VR headsets; headset accessories"})
def _(p):
    if has(p, "headset"):
        return 3
    if has(p, "vr_headset") or name_has(p, r"headset|for voyager"):
        return 1
    return 0


@query("q077", "prepaid cards", "plural", terms=["top-up", "airtime", "refill",
                                                  "prepaid card", "re-boost"],
       types=["prepaid_card", "sim_card"],
       criteria={3: "a prepaid airtime / top-up / refill card",
                 2: "-",
                 1: "SIM cards / activation kits; prepaid phones"})
def _(p):
    if has(p, "prepaid_card"):
        return 3
    if has(p, "sim_card") or (phone(p) and has(p, "prepaid")):
        return 1
    return 0


# =====================================================================
# phrase (product-line names)
# =====================================================================
@query("q078", "otterbox defender", "phrase", terms=["defender series"],
       criteria={3: "same as q051 'otterbx defender'", 2: "same as q051", 1: "same as q051"})
def _(p):
    return g_otterbox_defender(p)


@query("q079", "otterbox commuter", "phrase", terms=["commuter series"],
       criteria={3: "an OtterBox Commuter Series case (incl. Commuter Wallet)",
                 2: "another OtterBox case",
                 1: "other OtterBox products"})
def _(p):
    ob = brand_is(p, "otterbox")
    if ob and case(p) and name_has(p, r"\bcommuter\b"):
        return 3
    if ob and case(p):
        return 2
    if ob:
        return 1
    return 0


@query("q080", "lifeproof fre", "phrase", terms=["fre", "lifeproof"],
       criteria={3: "a LifeProof FRE case (spelled fre / frē / FRE)",
                 2: "LifeProof FRE Power (battery version) and other LifeProof cases (NUUD)",
                 1: "other LifeProof products"})
def _(p):
    lp = brand_is(p, "lifeproof")
    if lp and case(p) and name_has(p, r"\bfre\b") and not name_has(p, r"fre power"):
        return 3
    if lp and case(p):
        return 2
    if lp:
        return 1
    return 0


@query("q081", "speck candyshell", "phrase", terms=["candyshell", "candy shell"],
       criteria={3: "a Speck CandyShell case (any variant: Grip, Inked, Flip, Wrap, Clear...)",
                 2: "another Speck case",
                 1: "other Speck products (Pocket-VR with CandyShell Grip)"})
def _(p):
    sk = brand_is(p, "speck")
    cs = name_has(p, r"candy ?shell")
    if sk and cs and case(p):
        return 3
    if sk and case(p):
        return 2
    if sk:
        return 1
    return 0


@query("q082", "spigen tough armor", "phrase", terms=["tough armor", "armor"],
       criteria={3: "a Spigen Tough Armor case (incl. Tough Armor FX)",
                 2: "another Spigen Armor-line case (Rugged / Slim / Style Armor)",
                 1: "other Spigen cases; other brands' 'Tough Armor'-named cases"})
def _(p):
    sg = brand_is(p, "spigen")
    if sg and name_has(p, r"tough armou?r"):
        return 3
    if sg and case(p) and name_has(p, r"armou?r"):
        return 2
    if sg and case(p):
        return 1
    if case(p) and name_has(p, r"tough armou?r"):
        return 1
    return 0


@query("q083", "zagg invisibleshield glass", "phrase", terms=["invisibleshield", "glass"],
       types=["screen_protector"],
       criteria={3: "a ZAGG InvisibleShield glass screen protector (Glass, HD Glass, Glass+, "
                    "Luxe/Privacy/Mirror Glass)",
                 2: "another ZAGG InvisibleShield (film) screen protector",
                 1: "other brands' glass screen protectors"})
def _(p):
    z = brand_is(p, "zagg")
    glass = name_has(p, r"\bglass")
    if z and sp(p) and glass:
        return 3
    if z and sp(p):
        return 2
    if sp(p) and glass:
        return 1
    return 0


@query("q084", "moto mod", "phrase", terms=["moto mods", "moto z", "true zoom",
                                             "insta share"],
       criteria={3: "a Moto Mod (snap-on module for Moto Z: battery mods, Hasselblad True Zoom, "
                    "Insta-Share projector)",
                 2: "-",
                 1: "Moto Z handsets and Moto Z cases"})
def _(p):
    if name_has(p, r"moto mod|true zoom camera for motorola moto z|insta share projector"):
        return 3
    if name_has(p, r"moto z"):
        return 1
    return 0


# =====================================================================
# attribute
# =====================================================================
@query("q085", "rose gold iphone case", "attribute", terms=["rose gold", "iphone"],
       types=["case"],
       criteria={3: "an iPhone case whose colour (or name) is rose gold",
                 2: "an iPhone case in a close colour: pink, rose, champagne, blush anywhere in "
                    "the colour, or gold as the main (first) colour",
                 1: "rose gold cases for other phones; rose gold non-case iPhone accessories"})
def _(p):
    rg = name_has(p, r"rose ?gold")
    ip = any_iphone(p)
    if case(p) and ip and rg:
        return 3
    c = colour(p) or ""
    first = re.split(r"[/,;]| and ", c)[0]
    if case(p) and ip and (re.search(r"\b(pink|rose|champagne|blush)\b", c)
                           or re.search(r"\bgold\b", first)):
        return 2
    if case(p) and rg:
        return 1
    if acc(p) and ip and rg:
        return 1
    return 0


@query("q086", "32gb unlocked phone", "attribute", terms=["32gb", "unlocked"],
       types=["phone"],
       criteria={3: "an unlocked phone with 32 GB storage",
                 2: "an unlocked phone with other storage (16 / 64 GB...)",
                 1: "a 32 GB carrier (locked or prepaid) phone"})
def _(p):
    if not phone(p):
        return 0
    gb = storage_gb(p)
    if has(p, "unlocked") and gb == 32:
        return 3
    if has(p, "unlocked"):
        return 2
    if gb == 32:
        return 1
    return 0


@query("q087", "unlocked cell phones", "category", terms=["unlocked"], types=["sim_card", "phone"],
       criteria={3: "any unlocked handset (Best Buy 'Unlocked Cell Phones' or '(Unlocked)' in "
                    "the name)",
                 2: "-",
                 1: "SIM cards / BYOD kits"})
def _(p):
    return g_unlocked_phone(p)


@query("q088", "usb-c cable 6 ft", "attribute", intent="usb-c cable 6 ft",
       terms=["type c", "type-c", "usb c", "6'"], types=["cable"],
       criteria={3: "a USB-C cable about 6 ft long (5.9'-6.6')",
                 2: "a USB-C cable of another length",
                 1: "other cables about 6 ft; USB-C adapters and USB-C chargers"})
def _(p):
    L = length_ft(p)
    six = L is not None and 5.8 <= L <= 6.7
    if has(p, "cable") and usb_c(p):
        return 3 if six else 2
    if has(p, "cable") and six and not has(p, "audio_cable"):
        return 1
    if usb_c(p) and has(p, "adapter", "car_charger", "wall_charger"):
        return 1
    return 0


@query("q089", "leather wallet case", "attribute", terms=["leather", "wallet", "folio"],
       types=["phone_wallet", "case"],
       criteria={3: "a wallet/folio case that is leather (name says leather, or wallet/folio "
                    "case whose description says leather)",
                 2: "a wallet/folio case that is not leather; a leather case that is not a "
                    "wallet",
                 1: "stick-on phone wallets / card holders"})
def _(p):
    wallet = case(p) and name_has(p, r"wallet|folio|card case|wristlet|clutch")
    leather_n = name_has(p, r"leather")
    leather_d = desc_has(p, r"leather") and not desc_has(p, r"faux leather|vegan leather|"
                                                            r"leather-like|leatherette|polyurethane leather|pu leather|"
                                                            r"synthetic leather|imitation leather")
    if wallet and (leather_n or leather_d):
        return 3
    if wallet:
        return 2
    if case(p) and leather_n:
        return 2
    if has(p, "phone_wallet"):
        return 1
    return 0


@query("q090", "clear iphone 7 case", "attribute", terms=["clear", "iphone 7", "transparent"],
       types=["case"],
       criteria={3: "an iPhone 7 case that is clear/transparent (name or colour says clear, "
                    "crystal or transparent)",
                 2: "a clear iPhone 7 Plus case",
                 1: "other (non-clear) iPhone 7 cases"})
def _(p):
    clear = name_has(p, r"\bclear\b|crystal|transparent")
    if case(p) and fits_iphone(p, "7") and clear:
        return 3
    if case(p) and fits_iphone(p, "7 plus") and clear:
        return 2
    if case(p) and fits_iphone(p, "7"):
        return 1
    return 0


@query("q091", "10000 mah power bank", "attribute", terms=["10,000 mah", "10000 mah", "mah",
                                                          "portable charger"],
       types=["portable_charger"],
       criteria={3: "a portable charger of 10,000-10,999 mAh",
                 2: "a portable charger of 8,000-9,999 or >= 11,000 mAh",
                 1: "a portable charger of unknown or smaller capacity"})
def _(p):
    if not has(p, "portable_charger"):
        return 0
    c = capacity_mah(p)
    if c is not None and 10000 <= c < 11000:
        return 3
    if c is not None and c >= 8000:
        return 2
    return 1


@query("q092", "3 ft lightning cable", "attribute", terms=["3'", "lightning"],
       types=["cable"],
       criteria={3: "a Lightning cable about 3 ft long (3'-3.3')",
                 2: "a Lightning cable of another length (or unstated)",
                 1: "other cables about 3 ft"})
def _(p):
    L = length_ft(p)
    three = L is not None and 2.9 <= L <= 3.4
    if has(p, "cable") and lightning(p) and not has(p, "audio_cable"):
        return 3 if three else 2
    if has(p, "cable") and three:
        return 1
    return 0


@query("q093", "iphone 7 128gb", "attribute", terms=["128gb", "iphone 7"],
       types=["phone"],
       criteria={3: "an iPhone 7 (non-Plus) handset with 128 GB",
                 2: "an iPhone 7 with other storage; an iPhone 7 Plus with 128 GB",
                 1: "other iPhone 7 Plus handsets"})
def _(p):
    if not phone(p):
        return 0
    gb = storage_gb(p)
    if fits_iphone(p, "7") and gb == 128:
        return 3
    if fits_iphone(p, "7"):
        return 2
    if fits_iphone(p, "7 plus") and gb == 128:
        return 2
    if fits_iphone(p, "7 plus"):
        return 1
    return 0


@query("q094", "gold iphone 6s", "attribute", terms=["gold", "iphone 6s"],
       types=["phone"],
       criteria={3: "an iPhone 6s handset in gold (not rose gold)",
                 2: "an iPhone 6s in rose gold; an iPhone 6s Plus in gold",
                 1: "other iPhone 6s / 6s Plus handsets; gold cases for iPhone 6s"})
def _(p):
    c = colour(p)
    gold = re.search(r"(?<!rose )\bgold\b", c) is not None
    rose = "rose gold" in c
    if phone(p) and fits_iphone(p, "6s"):
        if gold:
            return 3
        if rose:
            return 2
        return 1
    if phone(p) and fits_iphone(p, "6s plus"):
        return 2 if gold else 1
    if case(p) and fits_iphone(p, "6s") and (gold or rose):
        return 1
    return 0


@query("q095", "waterproof case", "attribute", terms=["waterproof", "water-resistant",
                                                       "water resistant", "h2pro", "fre"],
       types=["case"],
       criteria={3: "a case sold as waterproof (name or description says waterproof / "
                    "submersible, mophie H2PRO; LifeProof FRE and NUUD lines, which are sold as "
                    "waterproof even where a description says only 'water-resistant')",
                 2: "a case described as water-resistant",
                 1: "-"})
def _(p):
    if not case(p):
        return 0
    if name_has(p, r"waterproof|h2pro") or desc_has(p, r"waterproof|submersible|underwater") \
            or (brand_is(p, "lifeproof") and name_has(p, r"\bfre\b|\bnuud\b")):
        return 3
    if desc_has(p, r"water[- ]resistant|water resistance|splash"):
        return 2
    return 0


@query("q096", "samsung fast charger", "attribute",
       terms=["fast charg", "adaptive fast", "quick charge", "quik"],
       types=["wall_charger", "car_charger", "wireless_charger"],
       criteria={3: "a Samsung-brand fast charger (Adaptive Fast Charging wall/vehicle "
                    "charger, Fast Charge Wireless Charger/Stand)",
                 2: "other fast/quick-charge chargers (Quick Charge, Quik); other "
                    "Samsung-brand chargers",
                 1: "other chargers whose name says they are for Samsung devices"})
def _(p):
    charger = has(p, "wall_charger", "car_charger", "wireless_charger", "portable_charger")
    fast = name_has(p, r"fast charg|quick charge|\bquik\b")
    sams = brand_is(p, "samsung")
    if charger and sams and fast:
        return 3
    if charger and (fast or sams) and not has(p, "wearable_accessory"):
        return 2
    if charger and name_has(p, r"samsung"):
        return 1
    return 0


# =====================================================================
# category-like
# =====================================================================
@query("q097", "prepaid phones", "category", terms=["prepaid", "no-contract"],
       types=["prepaid_card", "sim_card", "phone"],
       criteria={3: "a prepaid / no-contract handset",
                 2: "-",
                 1: "prepaid airtime cards and SIM kits"})
def _(p):
    if phone(p) and has(p, "prepaid"):
        return 3
    if has(p, "prepaid_card", "sim_card"):
        return 1
    return 0


@query("q098", "refurbished iphone", "category", terms=["refurbished", "pre-owned",
                                                         "geek squad"],
       types=["phone"],
       criteria={3: "a refurbished or pre-owned iPhone handset",
                 2: "a refurbished non-Apple handset",
                 1: "a new iPhone handset"})
def _(p):
    if not phone(p):
        return 0
    ip = name_has(p, r"\biphone\b")
    if ip and has(p, "refurbished"):
        return 3
    if has(p, "refurbished"):
        return 2
    if ip:
        return 1
    return 0


@query("q099", "verizon phones", "category", terms=["verizon", "verizon wireless",
                                                    "verizon prepaid"],
       types=["phone"],
       criteria={3: "a handset sold for Verizon (name says '(Verizon...)' or brand Verizon / "
                    "Verizon Prepaid)",
                 2: "-",
                 1: "Verizon-branded non-phone products (Jetpack hotspots, Verizon prepaid "
                    "cards/SIMs)"})
def _(p):
    vz = name_has(p, r"verizon") or p.bk.startswith("verizon")
    if phone(p) and vz:
        return 3
    if p.bk.startswith("verizon") or name_has(p, r"verizon jetpack"):
        return 1
    return 0


@query("q100", "smartwatch accessories", "category",
       terms=["smartwatch", "apple watch", "watch band", "gear s2", "fitbit", "pebble",
              "moto 360"],
       types=["wearable_accessory", "watch_band"],
       criteria={3: "accessories for a smartwatch or fitness band (bands, chargers, docks, "
                    "screen protectors, cases, cleaning kits)",
                 2: "-",
                 1: "-"})
def _(p):
    if has(p, "wearable_accessory", "watch_band"):
        return 3
    return 0


@query("q101", "flip phone", "category", terms=["flip", "clamshell"], types=["phone"],
       criteria={3: "a flip (clamshell) handset (name says flip, or description says it is a "
                    "flip phone / flips open)",
                 2: "-",
                 1: "flip cases / flip covers"})
def _(p):
    if phone(p) and (name_has(p, r"\bflip\b") or
                     desc_has(p, r"flip phone|flip open|flip design|clamshell")):
        return 3
    if case(p) and name_has(p, r"\bflip\b"):
        return 1
    return 0


@query("q102", "car accessories", "category",
       terms=["car", "vehicle", "dash", "vent"],
       types=["vehicle_power", "mount", "signal_booster", "car_mount", "car_charger"],
       criteria={3: "phone accessories for use in a car: car mounts, car chargers, vehicle "
                    "signal boosters, Bluetooth FM transmitters, car kits",
                 2: "12 V vehicle power adapters/splitters/cords; other phone mounts usable in a "
                    "car (suction, multipurpose, magnetic); not bike or desktop mounts",
                 1: "-"})
def _(p):
    if has(p, "car_mount", "car_charger"):
        return 3
    if has(p, "signal_booster") and name_has(p, r"\bdrive\b|vehicle|car"):
        return 3
    if name_has(p, r"fm transmitter|car connection|car kit"):
        return 3
    if has(p, "vehicle_power"):
        return 2
    if has(p, "mount") and not name_has(p, r"bike|desktop"):
        return 2
    return 0


# =====================================================================
# natural language
# =====================================================================
@query("q103", "case that protects from drops", "natural",
       intent="drop protection case", terms=["drop", "rugged", "shock", "defender",
                                             "tough", "armor", "military", "impact"],
       types=["case"],
       criteria={3: "a protective/rugged case: name names a rugged line or property (Defender, "
                    "Tough, Armor, Rugged, Impact, Shock, Tactical, Pelican, military; OtterBox Commuter/"
                    "Symmetry and LifeProof lines) or the "
                    "description makes a concrete drop claim (military/MIL-STD, drop-tested, "
                    "drop height in feet, shock/impact-absorbing, rugged, heavy-duty)",
                 2: "a case whose description mentions protection from drops, falls, shocks or "
                    "impacts only in general terms",
                 1: "any other phone case"})
def _(p):
    # OtterBox Commuter/Symmetry and LifeProof lines are sold as drop-protective
    if not case(p):
        return 0
    if name_has(p, r"defender|rugged|tough|armou?r|impact|shock|drop|pelican|tactical|"
                   r"military|otterbox.*(commuter|symmetry)|lifeproof") or \
            desc_has(p, r"military|mil-std|drop[- ]test|drop protection|"
                        r"drops? (?:of )?(?:up to )?\d+(?:\.\d+)?(?:'|-? ?(?:ft|feet|foot))|"
                        r"\d+(?:\.\d+)?(?:'|-? ?(?:ft|feet|foot)) drops?|"
                        r"shock[- ]?absorb|impact[- ]?absorb|rugged|heavy[- ]duty"):
        return 3
    if desc_has(p, r"\bdrops?\b|\bdropped\b|shock|impact|\bfalls?\b|bumps"):
        return 2
    return 1


@query("q104", "charger for car", "natural", intent="car charger",
       terms=["vehicle charger", "car charger"], types=["vehicle_power", "wall_charger", "portable_charger", "mount", "car_charger"],
       criteria={3: "same as q021 'car charger'", 2: "same as q021", 1: "same as q021"})
def _(p):
    return g_car_charger(p)


@query("q105", "something to hold my phone in the car", "natural",
       intent="car phone holder mount", terms=["car mount", "vehicle mount", "vent mount",
                                               "holder"],
       types=["mount", "car_mount"],
       criteria={3: "same as q017 'car mount'", 2: "same as q017", 1: "same as q017"})
def _(p):
    return g_car_mount(p)


@query("q106", "charge my phone without plugging it in", "natural",
       intent="wireless charging pad", terms=["wireless charger", "qi", "wireless charging"],
       types=["wireless_charging", "wireless_charger", "portable_charger"],
       criteria={3: "a wireless (Qi) charger for phones (pad, mat, stand, wireless car/desk "
                    "mount)",
                 2: "wireless-charging receiver cases/patches and wireless battery packs",
                 1: "portable (battery) chargers"})
def _(p):
    if has(p, "wireless_charger") and not has(p, "wearable_accessory"):
        return 3
    if has(p, "wireless_charging") and not has(p, "wearable_accessory"):
        return 2
    if has(p, "portable_charger"):
        return 1
    return 0


@query("q107", "keep my phone dry at the beach", "natural",
       intent="waterproof phone case", terms=["waterproof", "water-resistant", "fre"],
       types=["case"],
       criteria={3: "same as q095 'waterproof case'", 2: "same as q095", 1: "-"})
def _(p):
    if not case(p):
        return 0
    if name_has(p, r"waterproof|h2pro") or desc_has(p, r"waterproof|submersible|underwater") \
            or (brand_is(p, "lifeproof") and name_has(p, r"\bfre\b|\bnuud\b")):
        return 3
    if desc_has(p, r"water[- ]resistant|water resistance|splash"):
        return 2
    return 0


@query("q108", "plug my headphones into iphone 7", "natural",
       intent="iphone 7 headphone adapter", terms=["headphone", "3.5mm", "lightning audio"],
       types=["headphone_adapter", "audio_cable", "bluetooth_headset"],
       criteria={3: "a Lightning-to-3.5 mm headphone adapter (incl. audio+charge adapter, "
                    "Lightning-to-3.5 mm cable)",
                 2: "-",
                 1: "3.5 mm audio cables; Bluetooth headsets (wireless alternative)"})
def _(p):
    if has(p, "headphone_adapter"):
        return 3
    if has(p, "audio_cable", "bluetooth_headset"):
        return 1
    return 0


@query("q109", "extra battery for my phone", "natural", intent="extra phone battery",
       terms=["battery", "portable charger", "power bank", "battery case"],
       types=["portable_charger", "battery_case", "internal_battery"],
       criteria={3: "a portable battery (power bank) or a battery case",
                 2: "an internal replacement battery",
                 1: "-"})
def _(p):
    if has(p, "portable_charger", "battery_case"):
        return 3
    if has(p, "internal_battery"):
        return 2
    return 0


@query("q110", "cheap unlocked phone", "natural", intent="unlocked phone low price",
       terms=["unlocked"], types=["phone"],
       criteria={3: "an unlocked handset priced under $100",
                 2: "an unlocked handset priced $100-$149.99",
                 1: "other unlocked handsets; prepaid handsets under $100"})
def _(p):
    if not phone(p):
        return 0
    price = p.price or 0
    if has(p, "unlocked"):
        if price < 100:
            return 3
        if price < 150:
            return 2
        return 1
    if has(p, "prepaid") and price < 100:
        return 1
    return 0


@query("q111", "find my lost keys", "natural", intent="key finder tracker",
       terms=["tracker", "tile", "trackr", "tracking device"],
       types=["tracker", "tracker_accessory"],
       criteria={3: "a Bluetooth item tracker tag (Tile, TrackR, ANKR)",
                 2: "-",
                 1: "Flic smart buttons; tracker accessories"})
def _(p):
    if has(p, "tracker") and not name_has(p, r"smart button"):
        return 3
    if has(p, "tracker", "tracker_accessory"):
        return 1
    return 0


@query("q112", "fix cracked iphone screen", "natural", intent="iphone screen repair",
       terms=["replacement lcd", "digitizer", "repair", "screen protector"],
       types=["screen_protector"],
       criteria={3: "a replacement iPhone screen (LCD/digitizer assembly)",
                 2: "a phone repair tool kit",
                 1: "iPhone screen protectors (prevent the next crack)"})
def _(p):
    if name_has(p, r"lcd|digitizer") and any_iphone(p):
        return 3
    if name_has(p, r"repair tool kit"):
        return 2
    if sp(p) and any_iphone(p):
        return 1
    return 0
