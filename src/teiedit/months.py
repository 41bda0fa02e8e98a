"""The month names dates are written with: English (full and abbreviated), German and French, and
Roman numerals (``4.XI.1956``), with the regular expressions that match them in running text
(teiedit/dates.py)."""

from __future__ import annotations

#: Each English month's names, its full name first.
_ENGLISH = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
#: The English months' full names, January first.
ENGLISH_MONTHS = tuple(names[0] for names in _ENGLISH)
MONTHS = {name: i for i, names in enumerate(_ENGLISH, start=1) for name in names}
#: English month names only: ``find_full_dates`` (the datelines the labeller's features read) keeps
#: the forms it was trained on.
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
#: Full month names of German and French documents (dates of their datelines and fields: "Berlin, den
#: 14. März 1957", "Paris, le 5 avril 1957"); French writes them in lower case.
FOREIGN_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("januar", "janvier"),
            ("februar", "février", "fevrier"),
            ("märz", "maerz", "mars"),
            ("avril",),
            ("mai",),
            ("juni", "juin"),
            ("juli", "juillet"),
            ("août", "aout"),
            ("septembre",),
            ("oktober", "octobre"),
            ("novembre",),
            ("dezember", "décembre", "decembre"),
        ],
        start=1,
    )
    for name in names
}
MONTHS.update(FOREIGN_MONTHS)


def month_alternatives(english: bool = False) -> str:
    """Month names capitalised or in capitals; abbreviations may take a full stop, full names may not."""
    full = {*ENGLISH_MONTHS, *FOREIGN_MONTHS}
    forms: list[str] = []
    for n in sorted(MONTHS, key=len, reverse=True):
        if english and n in FOREIGN_MONTHS:
            continue
        dot = "" if n in full else r"\.?"
        forms += [n.capitalize() + dot, n.upper() + dot]
        if n in FOREIGN_MONTHS:  # French writes them in lower case ("5 avril")
            forms.append(n)
    return "|".join(forms)


#: Weekday names (English, German, French, Italian, Spanish) and their number, Monday 0: a diary's entry
#: heading names its day ("Monday, 4 April"), which tells whether a year given from the context fits.
WEEKDAYS = {
    name: i % 7
    for names in (
        "monday tuesday wednesday thursday friday saturday sunday",
        "montag dienstag mittwoch donnerstag freitag samstag sonntag",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "lunedì martedì mercoledì giovedì venerdì sabato domenica",
        "lunes martes miércoles jueves viernes sábado domingo",
    )
    for i, name in enumerate(names.split())
}
WEEKDAYS["sonnabend"] = 5

ROMAN = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
ROMAN_MONTHS = {
    r: i
    for i, r in enumerate(
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"], start=1
    )
}
