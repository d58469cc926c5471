"""Tests of the calendar-date finder and normaliser against the DATE rules of gold/GUIDELINES.md."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from extract.core.errors import ExtractError
from extract.languages.date_words import load_vocabulary
from extract.languages.registry import data_root, languages
from extract.recognise.dates import DateMatch, find_dates, normalise_date

LANGS = languages()

ISO_POINT = r"(?:\d{4}|XXXX)(?:-\d\d(?:-\d\d)?)?|\d{3}X"
ISO_VALUE = re.compile(rf"(?:{ISO_POINT})(?:/(?:{ISO_POINT}))?")

EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def found(text: str, lang: str) -> list[tuple[str, str]]:
    """(span text, value) of every date found: what most tests compare."""
    return [(match.text, match.value) for match in find_dates(text, lang)]


# --- the guideline's value table, row by row ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The board met in 2017.", "en", [("2017", "2017")]),
        ("A member since 2017, it grew.", "en", [("2017", "2017")]),
        ("It opened in June 2016.", "en", [("June 2016", "2016-06")]),
        ("Il a ouvert en juin 2016.", "fr", [("juin 2016", "2016-06")]),
        ("Since July 2017, it has grown.", "en", [("July 2017", "2017-07")]),
        ("It was signed on June 23, 2017 in Brno.", "en", [("June 23, 2017", "2017-06-23")]),
        ("Signé le 23 juin 2017 à Lyon.", "fr", [("23 juin 2017", "2017-06-23")]),
        (
            "Audited on Thursday October 27, 2016 to validate.",
            "en",
            [("Thursday October 27, 2016", "2016-10-27")],
        ),
        ("World Cancer Day on 4 February; and more.", "en", [("4 February", "XXXX-02-04")]),
        (
            "Launched on April 21 and 22. Improving care.",
            "en",
            [("April 21 and 22", "XXXX-04-21/XXXX-04-22")],
        ),
        ("Research began in the 1990s.", "en", [("1990s", "199X")]),
    ],
)
def test_guideline_value_table(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, lang) == expected


def test_year_is_not_carried_over_to_a_later_date() -> None:
    text = "le 11 octobre 2010, puis l'assemblée du 11 octobre"
    assert found(text, "fr") == [("11 octobre 2010", "2010-10-11"), ("11 octobre", "XXXX-10-11")]


# --- modifiers belong to the span, the value keeps the stated unit --------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It starts in early February.", "en", ("early February", "XXXX-02")),
        ("Ouverture prévue début 2016.", "fr", ("début 2016", "2016")),
        ("Livré fin décembre 2018.", "fr", ("fin décembre 2018", "2018-12")),
        ("Built in the mid-1980s.", "en", ("mid-1980s", "198X")),
        ("Réuni le 16 décembre dernier.", "fr", ("16 décembre dernier", "XXXX-12-16")),
        ("He starts his new job this January.", "en", ("this January", "XXXX-01")),
        ("The team visited in November last year.", "en", ("November last year", "XXXX-11")),
        ("Hall joins the first week of May.", "en", ("first week of May", "XXXX-05")),
        ("He will chair it until the end of 2021.", "en", ("the end of 2021", "2021")),
        ("Works start at the beginning of September.", "en", ("the beginning of September", "XXXX-09")),
        ("It closed in April of last year.", "en", ("April of last year", "XXXX-04")),
        ("Signé en début d'année 2016.", "fr", ("début d'année 2016", "2016")),
        ("Au cours du 1er trimestre 2021.", "fr", ("1er trimestre 2021", "2021-01/2021-03")),
        ("Prévue la seconde quinzaine de janvier.", "fr", ("seconde quinzaine de janvier", "XXXX-01")),
        ("Au début du mois d'août 2023, la société a cédé.", "fr", ("début du mois d'août 2023", "2023-08")),
        ("Il monte à 44 % pendant l'été 2018.", "fr", ("été 2018", "2018")),
        ("Prévu à la mi-2016.", "fr", ("mi-2016", "2016")),
        ("Créé au début des années 2000.", "fr", ("début des années 2000", "200X")),
        ("The board met last October.", "en", ("last October", "XXXX-10")),
        ("The school opens in fall 2019.", "en", ("fall 2019", "2019")),
        ("Lancé au printemps 2021.", "fr", ("printemps 2021", "2021")),
        ("L'année 2025 marquera un tournant.", "fr", ("année 2025", "2025")),
        ("Closing is due in the first quarter of 2012.", "en", ("first quarter of 2012", "2012-01/2012-03")),
        ("Results for Q3 2019 were strong.", "en", ("Q3 2019", "2019-07/2019-09")),
        ("Au premier semestre 2019, elles ont crû.", "fr", ("premier semestre 2019", "2019-01/2019-06")),
    ],
)
def test_modifier_is_part_of_the_span(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert found(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Il a pris sa retraite ce premier janvier 2021.", "fr", ("premier janvier 2021", "2021-01-01")),
        ("Sa prise de fonction est fixée le 1 er mars 2021.", "fr", ("1 er mars 2021", "2021-03-01")),
        ("Posté mar 06/11/2007 - 14:50 par admin", "fr", ("mar 06/11/2007", "2007-11-06")),
    ],
)
def test_day_written_as_a_word_spaced_or_after_a_short_weekday(
    text: str, lang: str, expected: tuple[str, str]
) -> None:
    assert found(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("He starts in September this year.", "en", ("September", "XXXX-09")),
        ("Il sera nommé courant mars au directoire.", "fr", ("mars", "XXXX-03")),
    ],
)
def test_word_of_the_current_period_is_left_out(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert found(text, lang) == [expected]


# --- ranges ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The plan ran 2003-2007.", "en", ("2003-2007", "2003/2007")),
        ("The plan ran 2003–2007.", "en", ("2003–2007", "2003/2007")),
        ("Over 1995-'97 it grew.", "en", ("1995-'97", "1995/1997")),
        ("The 2019/20 season.", "en", ("2019/20", "2019/2020")),
        ("Le congrès des 26 et 27 mars 2019.", "fr", ("26 et 27 mars 2019", "2019-03-26/2019-03-27")),
        ("L'assemblée des 28 et 29 mai derniers.", "fr", ("28 et 29 mai derniers", "XXXX-05-28/XXXX-05-29")),
        ("Les 16, 17 et 18 octobre 2019.", "fr", ("16, 17 et 18 octobre 2019", "2019-10-16/2019-10-18")),
        ("Held on 21-22 April 2019.", "en", ("21-22 April 2019", "2019-04-21/2019-04-22")),
        ("Du 3 au 5 avril, à Lyon.", "fr", ("3 au 5 avril", "XXXX-04-03/XXXX-04-05")),
        ("From 21 March to 3 April 2019.", "en", ("21 March to 3 April 2019", "2019-03-21/2019-04-03")),
        ("Du 30 mars au 2 avril 2020.", "fr", ("30 mars au 2 avril 2020", "2020-03-30/2020-04-02")),
        ("Open March-April 2019.", "en", ("March-April 2019", "2019-03/2019-04")),
    ],
)
def test_compact_or_elliptical_range_is_one_mention(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert found(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("It ran from 2002 to 2004.", "en", [("2002", "2002"), ("2004", "2004")]),
        ("Il a duré de 1998 à 2004.", "fr", [("1998", "1998"), ("2004", "2004")]),
        ("From March 3 to April 5 it ran.", "en", [("March 3", "XXXX-03-03"), ("April 5", "XXXX-04-05")]),
    ],
)
def test_two_complete_dates_joined_by_words_are_two_mentions(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text, lang) == expected


def test_range_that_goes_backwards_is_not_an_interval() -> None:
    # 2007 -> 2003 is no interval; each year stays a date of its own
    assert found("see 2007 - 2003", "en") == [("2007", "2007"), ("2003", "2003")]


def test_year_then_two_digit_month_is_an_iso_month_not_a_range() -> None:
    # 10 is not after 17, so "2017-10" cannot be 2017 to 2010: it is October 2017
    assert found("Report 2017-10 is out.", "en") == [("2017-10", "2017-10")]


# --- numeric dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paris, 21/12/2015.", ("21/12/2015", "2015-12-21")),
        ("Paris, 05/03/2015.", ("05/03/2015", "2015-03-05")),  # both parts <= 12: day first
        ("Boston, 12/21/2015.", ("12/21/2015", "2015-12-21")),  # 21 cannot be a month: US order
        ("Issued 2017-10-05.", ("2017-10-05", "2017-10-05")),
        ("Le 21.12.2015 à Lyon.", ("21.12.2015", "2015-12-21")),
        ("Publié le 24/03/22 à 13:17.", ("24/03/22", "2022-03-24")),  # two-digit day, month and year
        ("Mis à jour 2016-06-29T10:51:04+00:00", ("2016-06-29", "2016-06-29")),
        ("26 janvier 2015Actualités", ("26 janvier 2015", "2015-01-26")),  # glued to the next word
    ],
)
def test_numeric_date(text: str, expected: tuple[str, str]) -> None:
    assert found(text, "fr") == [expected]


def test_numeric_date_with_impossible_day_is_not_a_date() -> None:
    assert found("Ref 31/02/2015 closed", "en") == []


# --- language forms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Ouvert le 1er mars 2020.", "fr", ("1er mars 2020", "2020-03-01")),
        ("Villejuif / Lyon, le 17 décembre 2020", "fr", ("17 décembre 2020", "2020-12-17")),
        ("Réunion mardi 3 mars à Paris.", "fr", ("mardi 3 mars", "XXXX-03-03")),
        ("Depuis juillet 2017, il dirige.", "fr", ("juillet 2017", "2017-07")),
        ("Publié en Décembre 2019.", "fr", ("Décembre 2019", "2019-12")),
        ("Publié en decembre 2019.", "fr", ("decembre 2019", "2019-12")),
        ("PUBLIÉ EN DÉCEMBRE 2019.", "fr", ("DÉCEMBRE 2019", "2019-12")),
        ("Publié le 4 janv. 2021.", "fr", ("4 janv. 2021", "2021-01-04")),
        ("Publié en févr. 2021.", "fr", ("févr. 2021", "2021-02")),
        ("Le 1ᵉʳ juillet 2017.", "fr", ("1ᵉʳ juillet 2017", "2017-07-01")),
        ("Dans les années 1990, il fonde.", "fr", ("années 1990", "199X")),
        ("Dans les années 60, il fonde.", "fr", ("années 60", "196X")),
        ("Posted Jan. 5, 2021.", "en", ("Jan. 5, 2021", "2021-01-05")),
        ("Posted Sept. 2019.", "en", ("Sept. 2019", "2019-09")),
        ("Posted June 23rd, 2017.", "en", ("June 23rd, 2017", "2017-06-23")),
        ("Posted Jun. 2016.", "en", ("Jun. 2016", "2016-06")),
        ("Posted 23 June 2017.", "en", ("23 June 2017", "2017-06-23")),
        ("Posted on the 4th of February.", "en", ("4th of February", "XXXX-02-04")),
        ("Posted Thursday, October 27, 2016.", "en", ("Thursday, October 27, 2016", "2016-10-27")),
        ("Posted Tuesday 3 March 2020.", "en", ("Tuesday 3 March 2020", "2020-03-03")),
        ("After the 2013 signing of a deal.", "en", ("2013", "2013")),
        ("World's Best Hospitals 2021 by Newsweek.", "en", ("2021", "2021")),
    ],
)
def test_language_form(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert found(text, lang) == [expected]


def test_any_other_language_uses_both_vocabularies() -> None:
    expected = [("3 mars 2020", "2020-03-03"), ("June 4, 2021", "2021-06-04")]
    assert found("3 mars 2020 and June 4, 2021", "de") == expected


def test_month_alone_that_is_also_a_name_needs_a_preposition() -> None:
    assert found("June Smith met them in June.", "en") == [("June", "XXXX-06")]


def test_lower_case_english_month_alone_is_an_ordinary_word() -> None:
    assert found("It may rain; an august body.", "en") == []


def test_abbreviated_month_alone_is_not_a_date() -> None:
    assert found("Jan and Dec met.", "en") == []


def test_date_across_a_blank_line_is_not_joined() -> None:
    assert found("Held on 21\n\nMarch 2019 report", "en") == [("March 2019", "2019-03")]


# --- not dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("It took four years.", "en"),
        ("les 10 années à venir", "fr"),
        ("women aged 40 to 70 years", "en"),
        ("next year and the coming years", "en"),
        ("près de 50 000 patients chaque année", "fr"),
        ("the board said Tuesday", "en"),
        ("réunion jeudi prochain", "fr"),
        ("the session opens at 10:30", "en"),
        ("rendez-vous à 14h30", "fr"),
        ("Classé 1^{er} centre européen et 5^e mondial", "fr"),
        ("21,000 patients and 85,000 visits", "en"),
        ("28 rue Laennec, 69003 Lyon", "fr"),
        ("Tél. 04 78 76 58 40", "fr"),
        ("une hausse de 2,5 %", "fr"),
        ("https://www.instagram.com/gustave_roussy/?hl=fr", "fr"),
        ("see https://example.org/news/2019/report", "en"),
        ("write to press2019@example.org", "en"),
        ("an amount of 2,017 dollars", "en"),
        ("2000 patients were treated", "en"),
        ("a budget of €2019 only", "en"),
        ("programme H2020 and ERC-2019-STG", "en"),
        ("version 2019.5 released", "en"),
        ("Appelez le 06.12.34.56.78 demain", "fr"),
        ("Results 2015news here", "en"),
    ],
)
def test_not_a_date(text: str, lang: str) -> None:
    assert found(text, lang) == []


# --- offsets and overlaps -------------------------------------------------------------------------


def test_match_offsets_point_into_the_text() -> None:
    # "On " is 3 characters; "4 February 2019" is 15
    assert find_dates("On 4 February 2019.", "en") == [DateMatch(3, 18, "4 February 2019", "2019-02-04")]


def test_longest_expression_wins_over_the_year_inside_it() -> None:
    assert len(find_dates("June 23, 2017", "en")) == 1


def test_empty_text_has_no_dates() -> None:
    assert find_dates("", "en") == []


# --- normalise_date -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "lang", "value"),
    [
        ("in 2017", "en", "2017"),
        ("since July 2017", "en", "2017-07"),
        ("the 1990s", "en", "199X"),
        ("le 17 décembre 2020", "fr", "2020-12-17"),
        ("depuis l'été", "fr", None),
        ("Thursday October 27, 2016.", "en", "2016-10-27"),
        ("in May", "en", "XXXX-05"),
        ("four years", "en", None),
        ("next year", "en", None),
        ("2017 and 2018", "en", None),
        ("about 2017 onwards", "en", None),
    ],
)
def test_normalise_date(expression: str, lang: str, value: str | None) -> None:
    assert normalise_date(expression, lang) == value


# --- vocabulary files -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_shipped_vocabulary_loads(lang: str) -> None:
    months = load_vocabulary(data_root() / lang / "dates.json").months
    assert months["decembre" if lang == "fr" else "december"] == 12


def _write_vocabulary(tmp_path: Path, **changes: object) -> Path:
    """The English vocabulary with ``changes`` (a value of None removes the key), written to tmp_path."""
    data = json.loads((data_root() / "en" / "dates.json").read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    path = tmp_path / "xx.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "key", "needle"),
    [
        ({"months": {"january": 13}}, "dates.data_month", "'january' in key 'months'"),
        ({"weekdays": None}, "dates.data_missing_key", "key 'weekdays'"),
        ({"seasons": ["summer"]}, "dates.data_unknown_key", "unknown key 'seasons'"),
        ({"weekdays": "monday"}, "dates.data_type", "key 'weekdays'"),
        ({"capitalised_months": "yes"}, "dates.data_type", "key 'capitalised_months'"),
        ({"day_orders": ["year_first"]}, "dates.data_choice", "'year_first' in key 'day_orders'"),
        ({"year_parts": {"q1": [3, 1]}}, "dates.data_type", "key 'year_parts'"),
        ({"day_words": {"premier": 32}}, "dates.data_type", "key 'day_words'"),
    ],
)
def test_invalid_vocabulary_is_reported_with_file_and_key(
    tmp_path: Path, changes: dict[str, object], key: str, needle: str
) -> None:
    path = _write_vocabulary(tmp_path, **changes)
    with pytest.raises(ExtractError) as caught:
        load_vocabulary(path)
    text = str(caught.value)
    assert (caught.value.key, str(path) in text, needle in text) == (key, True, True)


def test_vocabulary_that_is_not_json_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{months:", encoding="utf-8")
    with pytest.raises(ExtractError) as caught:
        load_vocabulary(path)
    assert caught.value.key == "dates.data_json"


# --- properties -----------------------------------------------------------------------------------

DATE_TOKENS = [
    "2017",
    "1995",
    "'97",
    "21",
    "1er",
    "3rd",
    "mars",
    "June",
    "Décembre",
    "janv.",
    "Sept.",
    "mardi",
    "Thursday,",
    "and",
    "et",
    "au",
    "to",
    "-",
    "–",
    "/",
    ",",
    "early",
    "fin",
    "mi-",
    "dernier",
    "années",
    "1990s",
    "the",
    "le",
    "12/21/2015",
    "2017-10-05",
    "\n",
    "  ",
    "x",
    "http://a.fr/",
    "@",
]


def _check_matches(text: str, matches: list[DateMatch]) -> None:
    """Every match points into the text, has an ISO value and follows the previous one."""
    previous_end = 0
    for match in matches:
        assert text[match.start : match.end] == match.text
        assert ISO_VALUE.fullmatch(match.value), match.value
        assert match.start >= previous_end
        previous_end = match.end


@given(text=st.text(max_size=300), lang=st.sampled_from(["en", "fr", "xx"]))
def test_any_text_gives_consistent_matches(text: str, lang: str) -> None:
    _check_matches(text, find_dates(text, lang))


@given(tokens=st.lists(st.sampled_from(DATE_TOKENS), max_size=25), lang=st.sampled_from(["en", "fr", "xx"]))
def test_date_like_text_gives_consistent_matches(tokens: list[str], lang: str) -> None:
    text = " ".join(tokens)
    _check_matches(text, find_dates(text, lang))


@given(expression=st.text(max_size=80), lang=st.sampled_from(["en", "fr", "xx"]))
def test_normalise_never_raises_and_gives_iso_or_none(expression: str, lang: str) -> None:
    value = normalise_date(expression, lang)
    assert value is None or ISO_VALUE.fullmatch(value)


DAYS = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


def _english(day: dt.date, style: int) -> str:
    month = EN_MONTHS[day.month - 1]
    return [
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{EN_DAYS[day.weekday()]}, {month} {day.day}, {day.year}",
        f"{day.year}-{day.month:02d}-{day.day:02d}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{month.upper()} {day.day} {day.year}",
    ][style]


def _french(day: dt.date, style: int) -> str:
    month = FR_MONTHS[day.month - 1]
    number = "1er" if day.day == 1 else str(day.day)
    return [
        f"{number} {month} {day.year}",
        f"{FR_DAYS[day.weekday()]} {number} {month} {day.year}",
        f"{number} {month.upper()} {day.year}",
        f"{number} {month.capitalize()} {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}.{day.month:02d}.{day.year}",
    ][style]


@given(day=DAYS, style=st.integers(0, 5))
def test_generated_english_date_is_found_once_with_its_value(day: dt.date, style: int) -> None:
    rendered = _english(day, style)
    assert found(f"The report, published {rendered}, says so.", "en") == [(rendered, day.isoformat())]


@given(day=DAYS, style=st.integers(0, 5))
def test_generated_french_date_is_found_once_with_its_value(day: dt.date, style: int) -> None:
    rendered = _french(day, style)
    assert found(f"Le rapport publié le {rendered}, selon l'Institut.", "fr") == [(rendered, day.isoformat())]


@given(day=DAYS)
def test_generated_us_date_is_read_month_first_when_the_day_is_over_12(day: dt.date) -> None:
    assume(day.day > 12)
    rendered = f"{day.month:02d}/{day.day:02d}/{day.year}"
    assert found(f"Filed {rendered} in Boston.", "en") == [(rendered, day.isoformat())]


@given(day=DAYS, lang=st.sampled_from(LANGS))
def test_generated_month_and_year_is_found_once(day: dt.date, lang: str) -> None:
    month = (EN_MONTHS if lang == "en" else FR_MONTHS)[day.month - 1]
    assert found(f"— {month} {day.year} —", lang) == [(f"{month} {day.year}", f"{day.year}-{day.month:02d}")]


@given(year=st.integers(1900, 2099), lang=st.sampled_from(LANGS))
def test_generated_year_alone_is_found_once(year: int, lang: str) -> None:
    assert found(f"({year}) x", lang) == [(str(year), str(year))]


def test_long_runs_of_white_space_stay_fast() -> None:
    # a quadratic regex would take seconds here; the atomic white-space groups keep it linear
    text = "June" + " " * 20_000 + "x " + "in 2017, " * 2_000
    assert len(find_dates(text, "en")) == 2_000


def test_a_year_before_1900_after_a_preposition_is_a_date() -> None:
    assert found("The club, founded in 1892 by John Muir, grew.", "en") == [("1892", "1892")]
    assert found("La maison, fondée en 1868, compte 1850 salariés.", "fr") == [("1868", "1868")]
