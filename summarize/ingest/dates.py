"""Dates an article states about itself, and sentences that lean on them.

`article_date` finds the publication date a text article gives in its first lines, where
Indonesian outlets put it: a publication stamp above the title ("Jumat, 13 Oktober 2023 10:48
WIB"), or the day a report's dateline sentence gives with its weekday ("Gedung Putih pada
Jumat (13/10/2023) mengatakan ..."; a date its weekday disagrees with counts as the one day a
single slip of its figures explains, in the year the article's other dates state). Pages and
feed entries bring their own date (`ingest.extract`, `ingest.web`); this is the fallback for
the rest. A date line with no time
of day ("Sabtu, 4 Oktober 2025" at the top of a saved Tribunnews page) is the site's banner,
the day the page was viewed, not when the report came out: it is not used. Only a full date
counts: "Senin (27/3)" has no year, and a weekday alone ("pada hari Selasa") names no day, so
neither is guessed at. A date without its weekday ("mulai 8 Desember 2017", "kerusuhan 27 Juli
1996") is mostly another day than the report's: an event to come, a deadline, an anniversary.

`relative_time` tells whether a sentence places its event relative to when it was written
("kemarin", "pekan lalu", "akhir bulan ini", a weekday): such a sentence needs its article's
date beside it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections.abc import Callable, Collection, Iterable, Iterator

from ..lang.wordlists import SAY_VERBS
from ..numerals.dates import date_at, find_date
from ..numerals.names import MONTHS, MONTHS_ID, WEEKDAYS_ID
from ..numerals.names import WEEKDAYS as WEEKDAY_NUMBERS

__all__ = [
    "FIRST_SENTENCES",
    "MONTHS",
    "WEEKDAYS",
    "WIB",
    "article_date",
    "find_date",
    "iso_day",
    "needs_writing_day",
    "publisher_day",
    "relative_time",
    "report_days",
    "stated_years",
]

# The dates themselves are read by `summarize.numerals.dates` (`find_date`; the month names are
# in `summarize.numerals.names`); here is what an article's own text says about when it was written.
WEEKDAYS = (*WEEKDAYS_ID, "jum'at")

# A report gives its day in the body's first sentences: the lead's dateline, or the first quote's
# "kata X di Jakarta, Senin (20/10/2025)", which detik.com sets after a paragraph or two. Read
# against the publication day of 500 detik.com articles of 2025, the first three dated 209, 8
# of them wrongly (after it, or more than three days before it); the first five date 328, 8
# wrongly. On IndoSum's five dev folds (`scripts/eval_dates.py`): 320 dated, 5 wrongly, against
# 373 and 7.
FIRST_SENTENCES = 5
# Further in, up to this many sentences, a date counts only as the day someone said something
# to the reporter ('kata X di Jakarta, Minggu (19/10/2025)', 'saat dihubungi, Kamis (18/9/2025)'):
# detik.com quotes its first source after a paragraph or three. Read so, 60 more of those 500
# detik.com articles are dated, 1 of them wrongly; 14 more of IndoSum's, 1 wrongly. Not further:
# read so through the whole article (`scripts/eval_dates.py --csv ... --said 1000`), 14 more of
# detik.com's rows 1-500 are dated, only 6 on their publication day (80.5% of those dated now
# are), and 19 more of rows 501-1000, 10 on the day (81.9%); every sentence read as the first
# five, 20 (11) and 28 (16). Half of a report's later dates are an earlier step of its story.
SAID_SENTENCES = 10


# A time of day ("10:48", "14.30 WIB") makes a date line a publication stamp, not a banner.
_STAMP = re.compile(r"(?<![\d.:])\d{1,2}[:.]\d{2}(?![\d.:])|\bWI(?:B|TA|T)\b")


def article_date(date_lines: Iterable[str], sentences: Iterable[str]) -> str | None:
    """The article's date as an ISO day: from a date line, else from its first sentences.

    `date_lines` are the lines cleaning dropped as the page's date; only those with a time of
    day count (a stamp, not a banner). `sentences` the body's sentences: a date is taken from
    the first `FIRST_SENTENCES` (up to `SAID_SENTENCES`, a saying's), and the rest only tell
    which year a mistyped one means (`stated_years`). Photo captions are not looked at:
    cleaning drops them, and their dates are the photo's.
    """
    for line in date_lines:
        found = find_date(line) if _STAMP.search(line) else None
        if found:
            return found.isoformat()
    # The latest day they give: a report tells what led up to its day ("naik kuda ... pada
    # Senin (31/10/2016), disinggung Jokowi ketika membuka Kongres ..., Kamis (24/11/2016)").
    body = list(sentences)
    # Read only when a date needs them: nearly every date falls on its weekday, and reading
    # every sentence's dates costs about 1 ms an article (0.2 s of a 200-article digest).
    years = functools.cache(lambda: stated_years(body))
    first = body[:SAID_SENTENCES]
    days = [day for sentence in first[:FIRST_SENTENCES] for day, _ in _report_days(sentence, years)]
    days += [
        day
        for sentence in first[FIRST_SENTENCES:]
        for day, at in _report_days(sentence, years)
        if _ATTRIBUTED.search(sentence, 0, at)
    ]
    return max(days).isoformat() if days else None


# A weekday with its full date, as a report gives the day it tells of: "Jumat (13/10/2023)",
# "Sabtu, 16 September 2023", "Minggu 15 Januari 2017". Not one followed by "mendatang" (to
# come): "Sabtu (22/7/2017) mendatang" is a match ahead, not the report's day.
_WEEKDAY_BEFORE = re.compile(
    r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b\s*(?:,\s*|\(\s*)?(?=\d)", re.IGNORECASE
)
_TO_COME = re.compile(r"\W{0,3}mendatang\b", re.IGNORECASE)
# Nor the end of a span: "digelar ... Selasa (28/11/2017) sampai Minggu (3/12/2017)" ends ahead.
_SPAN_END = re.compile(r"(?:\b(?:sampai|hingga|s\.?\s?d\.?)|[-–—])\s*$", re.IGNORECASE)
# Nor a day the sentence looks ahead to: a word of plan or of getting ready before it ("Wiranto
# dijadwalkan mengunjungi Nauru pada Senin (29/1/2018)", "persiapan ... untuk melakoni
# pertandingan perdana ..., Sabtu (15/4/2017)", "bakal digelar ..., Sabtu (22/4/2017)") with no
# verb of saying between the two: in "X mengatakan, pemerintah akan ..., Senin (12/3/2018)" the
# day is the saying's, the report's own.
_AHEAD = re.compile(
    r"(?<!\byang )(?<!\bsyarat )(?<!\bsarat )(?<!\bsadar )(?<!\bkebutuhan )"
    r"\b(?:akan|bakal|dijadwalkan|berencana|rencananya|direncanakan|jelang|menjelang|menuju"
    r"|bersiap|persiapan|mempersiapkan)\b",
    re.IGNORECASE,
)
# A verb of saying: its root or "katanya", or one of its "me-" forms (`_SAYING`, `_ATTRIBUTED`).
_SAID = r"(?:" + "|".join(SAY_VERBS) + r")(?:nya)?|mengatakan|menjelaskan|menegaskan|mengungkapkan"
# A verb of saying, or a deed done before the day.
_SAYING = re.compile(
    rf"\b(?:{_SAID}|menurut|memaparkan|menambahkan|menyebutkan|mengaku|menyatakan"
    r"|setelah|sesudah|usai|seusai|selepas)\b",
    re.IGNORECASE,
)
# "... pada Rabu (21/2/2018) hari ini": the day of writing, whatever came before it.
_TODAY = re.compile(r"\W{0,3}hari ini\b", re.IGNORECASE)


def _looks_ahead(before: str) -> bool:
    """The text before a date holds a word of plan or getting ready, and no verb of saying after it."""
    last = max((m.end() for m in _AHEAD.finditer(before)), default=None)
    return last is not None and not _SAYING.search(before, last)


# Who told the reporter, before the day they told it: a verb of saying ("kata", "ujarnya",
# "mengatakan"), or "dalam keterangannya", "saat dihubungi", "kepada wartawan".
_ATTRIBUTED = re.compile(
    rf"\b(?:{_SAID}|menyampaikan|menuturkan|dalam\s+keterangan(?:nya)?"
    r"|saat\s+(?:dihubungi|dikonfirmasi|ditemui)|kepada\s+(?:wartawan|media|detik\w*))\b",
    re.IGNORECASE,
)


def report_days(sentence: str, years: Collection[int] = ()) -> Iterator[dt.date]:
    """Each full date `sentence` gives right after a weekday, unless it is a day to come
    ("mendatang", or a day the sentence looks ahead to: `_looks_ahead`) or the end of a span
    ("... sampai Minggu (3/12/2017)"). A date that does not fall on its weekday is mistyped:
    it counts as the one day a single slip of its figures explains, in one of `years` (the
    years the rest of the article states: `stated_years`), and not at all when that is not
    one day (`_slipped`).

    Measured on IndoSum's five dev folds against the day each article's id stamps: of the
    first full dates in articles' first three sentences, those with a weekday fall within
    three days before the stamp 304 times in 347; those without, 24 times in 121 (55 lie
    after it: events announced ahead; 32 more than a week before: anniversaries, earlier
    cases)."""
    for day, _ in _report_days(sentence, lambda: years):
        yield day


def _report_days(sentence: str, years: Callable[[], Collection[int]]) -> Iterator[tuple[dt.date, int]]:
    """`report_days`, each with where its weekday starts; `years` gives the stated years when a
    date needs them."""
    for m in _WEEKDAY_BEFORE.finditer(sentence):
        found = date_at(sentence, m.end())
        if not found:
            continue
        written, end = found
        weekday = WEEKDAY_NUMBERS[m["weekday"].lower()]
        day = written if written.weekday() == weekday else _slipped(written, weekday, years())
        if (
            day
            and not _TO_COME.match(sentence, end)
            and not _SPAN_END.search(sentence, 0, m.start())
            and (_TODAY.match(sentence, end) or not _looks_ahead(sentence[: m.start()]))
        ):
            yield day, m.start()


def _slipped(day: dt.date, weekday: int, years: Collection[int]) -> dt.date | None:
    """The day a date that does not fall on its `weekday` was meant to be: the one date that
    falls on it with the year one off ("Senin (20/10/2026)" for Monday 20 October 2025) or the
    day one off ("Senin (19/10/2025)" for Monday the 20th), in a year of `years`; None when
    no such date or more than one is left. The weekday is written out, its date in figures,
    and figures are what slips (a year typed a year on, the day of writing typed for the day
    before: "Minggu (13/10/2025) malam kemarin"). Without `years` the two readings of a
    weekday a day off cannot be told apart, so nothing is taken: never a year the text does
    not state.

    Read against the publication day of detik.com articles of 2025 (`scripts/eval_dates.py
    --csv`): of rows 1-500, 15 were left undated by a weekday that disagrees with its date,
    and this dates 7 of them, 5 on their publication day and 2 the day before it; of rows
    501-1000 (held out), 5, and it dates 2: 1 on its day, 1 a week after it (its text's
    "Kamis (19/9/2025)" lies after the publication day itself). On IndoSum's five dev folds
    it dates 1 more article, within three days before its stamp."""
    if not years:
        return None
    slips = {day + dt.timedelta(days=step) for step in (-1, 1)}
    for year in (day.year - 1, day.year + 1):
        with contextlib.suppress(ValueError):  # 29 February
            slips.add(day.replace(year=year))
    meant = [d for d in slips if d.weekday() == weekday and d.month == day.month and d.year in years]
    return meant[0] if len(meant) == 1 else None


# A month named with its year ("Agustus 2025", "29 Agustus 2025", "September-Oktober 2025").
_MONTH_YEAR = re.compile(r"\b(?:" + "|".join(MONTHS) + r")\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# Where a date in figures may start ("29/8/2025").
_NUMBER_START = re.compile(r"(?<![\d/.,])\d")


def stated_years(sentences: Iterable[str]) -> frozenset[int]:
    """The years an article's dates state, to read a mistyped one by (`_slipped`): those of
    its dates that fall on the weekday given with them (the weekday vouches for the year:
    "Kamis (9/10/2025)", anywhere in the article), else those of its other full dates and of
    months named with a year ("29 Agustus 2025", "pertengahan Agustus 2025"). Not a bare year
    ("dibandingkan 2024", "sampai tahun 2029"): it is mostly another year's figure or a target.
    A month named with its year may be a deadline ahead ("sampai Februari 2026"), which is why
    a weekday's date outweighs it."""
    checked: set[int] = set()
    other: set[int] = set()
    for sentence in sentences:
        weekday_at = {}
        for m in _WEEKDAY_BEFORE.finditer(sentence):
            weekday_at[m.end()] = WEEKDAY_NUMBERS[m["weekday"].lower()]
        for m in _NUMBER_START.finditer(sentence):
            found = date_at(sentence, m.start())
            if not found:
                continue
            if m.start() not in weekday_at:
                other.add(found[0].year)
            elif found[0].weekday() == weekday_at[m.start()]:
                checked.add(found[0].year)
        other.update(int(year) for year in _MONTH_YEAR.findall(sentence))
    return frozenset(checked or other)


# Western Indonesian Time, where most Indonesian outlets publish (Jakarta, Sumatra, Java).
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def publisher_day(when: dt.datetime) -> dt.date:
    """The calendar day the publisher dates `when` by: the day in the offset it was written in
    (naive: as written), except that a time written in UTC is read in WIB. Outlets and feeds
    that stamp UTC ("2025-10-21T18:45:00Z", an RSS "GMT") publish on Jakarta's day: 18:45 UTC
    on the 21st is 01:45 WIB on the 22nd."""
    if when.utcoffset() == dt.timedelta(0):
        when = when.astimezone(WIB)
    return when.date()


def iso_day(value: str | None) -> str | None:
    """The day of an ISO 8601 date or datetime, as `publisher_day` reads it
    ("2023-10-13T09:00:00+07:00" -> "2023-10-13", "2025-10-21T18:45:00Z" -> "2025-10-22")."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    if len(value) > 10:
        with contextlib.suppress(ValueError):  # a day then no time: the day it gives
            day = publisher_day(dt.datetime.fromisoformat(value))
    return day.isoformat()


# "awal tahun 2016", "akhir bulan Juni": the year or month it names places it, not the writing.
# "baru-baru ini" (recently), "belakangan ini", "akhir-akhir ini" (lately): the recent past,
# counted from the writing as "pekan lalu" is. "saat ini", "kini", "sekarang" (now): the present
# of the writing. A state is one fact whatever the day ("kini menjabat Gubernur"), but a level is not
# ("Dolar AS kini berada di level Rp 16.200-an" of 8 July was one line with an undated report
# of 7 July), and a reader of "now" needs to know when it was. Read so (round 44), 316 more
# sentences of 9,485 in detik.com's rows 1-500 carry their article's day; of the digest of those
# 500 (every line), 51 lines carry a date instead of 39, and one line loses the undated report
# of another week it had merged, no other line changes (rows 501-1000: 37 instead of 28, none
# changes); `scripts/eval_facts.py` links 479 summary sentences instead of 484 (precision 0.977
# either way: the summaries are undated), and `scripts/eval_citations.py` is unchanged.
_NAMED_AFTER = r"(?!\s+(?:\d{4}\b|" + "|".join(MONTHS) + r"\b))"
_RELATIVE = re.compile(
    r"\b(?:kemarin|kemarin\s+lusa|besok|lusa|tadi\s+(?:pagi|siang|sore|petang|malam|dini\s+hari)|semalam|hari\s+ini"
    r"|(?:pagi|siang|sore|petang|malam|dini\s+hari)\s+(?:tadi|nanti)|nanti\s+(?:pagi|siang|sore|petang|malam)"
    r"|baru\s*-\s*baru\s+ini|belakangan\s+ini|akhir\s*-\s*akhir\s+ini"
    r"|(?:pagi|siang|sore|petang|malam)\s+ini|(?:akhir|awal|pertengahan)\s+(?:pekan|minggu|bulan|tahun)"
    + _NAMED_AFTER
    + r"|(?:pekan|minggu|bulan|tahun)\s+(?:lalu|ini|depan|kemarin)"
    # A month with no year, counted from the writing: "pada Maret lalu", "November mendatang",
    # "17 Agustus nanti" (the year is the article's); "Maret 2017 lalu" names its year.
    + rf"|(?:{'|'.join(MONTHS_ID)})\s+(?:lalu|mendatang|depan|nanti|ini)"
    # "beberapa waktu lalu" and its kin: "yang lalu", "silam", "belakangan" (lately, as in
    # "beberapa waktu belakangan") are each counted back from the writing as "lalu" is.
    r"|(?:beberapa|dua|tiga)\s+(?:hari|pekan|minggu|bulan)\s+(?:yang\s+)?(?:lalu|silam|terakhir|belakangan|mendatang)"
    r"|se(?:hari|pekan|minggu|bulan|tahun)\s+(?:yang\s+)?(?:lalu|silam|terakhir|belakangan|mendatang)"
    r"|beberapa\s+waktu\s+(?:yang\s+)?(?:lalu|silam|terakhir|belakangan)"
    r"|esok(?:\s+hari)?|musim\s+(?:lalu|ini|depan)|saat\s+ini|kini|sekarang"
    rf"|(?:hari\s+)?(?:{'|'.join(w for w in WEEKDAYS if w != 'minggu')})\b|(?:hari\s+)minggu\b"
    r"|minggu\s*\(\s*\d{1,2}\s*/\s*\d{1,2}"
    # Sunday by a part of the day or a preposition of time before it, written with its
    # capital: "Minggu petang", "pada Minggu" (not "pada minggu ketiga", a week).
    r"|(?-i:Minggu)\s+(?:pagi|siang|sore|petang|malam|dini\s+hari)"
    r"|(?:pada|sejak|hingga|sampai)\s+(?-i:Minggu)\b(?!\s+(?:ke-?\w+|pertama|kedua|ketiga|keempat|terakhir)\b)"
    r"|yesterday|tomorrow|today|tonight|last\s+(?:week|month|year)|next\s+(?:week|month|year)"
    r"|(?:this|later\s+this|earlier\s+this)\s+(?:week|month|year)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.IGNORECASE,
)


def relative_time(sentence: str) -> bool:
    """Does `sentence` place its event relative to its writing ("kemarin", "Jumat (13/10)")?

    "Minggu" alone is the weekday or the word for week; only "hari Minggu", "Minggu (21/1)" (a
    day of the month beside it: Sunday), a capitalised "Minggu" with a part of the day ("Minggu
    petang") or a preposition of time ("pada Minggu"), or "minggu lalu" and the like are taken
    as time.
    """
    return _RELATIVE.search(sentence) is not None


def needs_writing_day(sentence: str) -> bool:
    """`relative_time`, and no full date beside it ("kemarin"; not "Senin (20/10/2025)"): the
    sentence can be placed only by its article's date."""
    return relative_time(sentence) and find_date(sentence) is None
