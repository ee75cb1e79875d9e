"""Is a sentence a question, open or closed, and is it a summary?

The rules are DESIGN.md's ("Listening metrics"): a question ends with "?" or is an
invitation to talk; it is open when an interrogative leads it (after an optional
conjunction) or when it is an invitation, closed otherwise. A summary restates
what the customer said; one that ends with "?" is a check, hence closed.

Interrogatives of all four languages are accepted whatever the transcript's
language, since Nordic meetings switch language mid-sentence; the one ambiguous
word, Swedish "var" (where / was), is resolved from the word after it.
"""

from __future__ import annotations

import re
from typing import Final, Literal

QuestionKind = Literal["open", "closed", "none", "unclassified"]
""""unclassified": a question by its "?" in a language without Fasit's rules."""


def _words(*spaced: str) -> frozenset[str]:
    return frozenset(" ".join(spaced).split())


_INTERROGATIVES: Final[frozenset[str]] = _words(
    "hur vad varför vilken vilket vilka vem vems när vart varifrån vadå hurdan",  # sv
    "hvordan hva hvorfor hvilken hvilket hvilke hvem når hvor hvorfra hvorhen",  # nb
    "hvad hvornår",  # da (the rest as nb)
    "how what why which who whom whose when where",  # en
)
# Conjunctions and discourse particles that may precede the leading word ("Och hur…",
# "Okay, so what…", "Ja men hvordan…"). Skipping them only matters when an
# interrogative follows, so the list can be generous.
_PARTICLES: Final[frozenset[str]] = _words(
    "och og and men but så so also plus",
    "ok okay okej okei oké ja jo jaha jamen jaså nej nei nähä mm mhm hm hmm aha ah oh åh",
    "right alright well good great fine cool sure bra fint perfekt precis toppen super",
    "nå nåh nåja altså alltså hej hei hi hello hallo please snälla gärna gjerne gerne",
    "sorry ursäkta förlåt unnskyld undskyld pardon",
)
# Adverbs that lead into a question only when set off by a comma ("Och sen, vad hände?").
_COMMA_PARTICLES: Final[frozenset[str]] = _words(
    "sen sedan då nu now then først etterpå derefter bagefter anyway"
)
# An introductory phrase of up to three words set off by a comma ("Peter, …",
# "Ärligt talat, …") does not lead the sentence, unless it holds a pronoun: then it
# is a clause of its own ("Vet du, hvad…", "Kan I sige, hvad…"), and the
# interrogative after the comma starts an embedded question.
_PRONOUNS: Final[frozenset[str]] = _words(
    "jag du ni vi han hon de dom man mig dig oss er jeg dere meg deg hun dem i jer",
    "you we they he she it i me us them det den",
)
# Swedish "var": "where" before a verb ("Var ligger…", "Var kan man…"), "was" before
# a subject ("Var det…", "Var ni nöjda…").
_VAR_SUBJECTS: Final[frozenset[str]] = _words(
    "det den detta denna du ni han hon de dom vi jag man allt alla någon något ingen",
    "hela er era ert din ditt dina hans hennes deras mötet kunden priset",
)
_VAR_VERBS: Final[frozenset[str]] = _words(
    "kan ska skall skulle kunde borde bör måste vill ville brukar får fick",
    "någonstans i på hos",
)

_ENDING_RE: Final[re.Pattern[str]] = re.compile(r"[.!?…]+$")
_TOKEN_RE: Final[re.Pattern[str]] = re.compile(r"[^\W_]+|[,;:–—]")


def _compile(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# Invitations to talk, matched at the leading position (after particles).
_INVITATION_RE: Final[re.Pattern[str]] = _compile(
    # en
    r"^(?:tell|walk|talk|take)\s+(?:me|us)\b",
    r"^tell\s+(?:me\b|us\b|a\b|about\b|more\b)",
    r"^(?:describe|explain|elaborate|outline|expand)\b",
    r"^share\s+(?:a\s+bit|a\s+little|some|more|with|how|what|your)\b",
    r"^give\s+(?:me|us)\s+(?:an?\s+|some\s+|a\s+few\s+)?(?:example|examples|sense|picture|idea|"
    r"overview|rundown|feel)\b",
    r"^help\s+(?:me|us)\s+(?:to\s+)?understand\b",
    r"^say\s+(?:a\s+(?:bit|little)\s+)?more\b",
    r"^(?:go\s+on|keep\s+going|go\s+ahead)\b",
    r"^paint\s+(?:me\s+|us\s+)?a\s+picture\b",
    # Tokens lose apostrophes: "I'd" arrives as "i d".
    r"^(?:i|we)\s+(?:d|would)\s+(?:really\s+)?(?:love|like)\s+to\s+(?:hear|understand|learn)\b",
    r"^feel\s+free\s+to\s+(?:tell|share|describe|explain)\b",
    # sv
    r"^(?:berätta|beskriv|förklara|utveckla|redogör)\b",
    r"^(?:gå|ta\s+(?:mig|oss))\s+igenom\b",
    r"^ge\s+(?:mig|oss)\s+(?:ett\s+|några\s+|lite\s+|en\s+)?(?:exempel|bild|överblick)\b",
    r"^hjälp\s+(?:mig|oss)\s+(?:att\s+)?förstå\b",
    r"^säg\s+(?:lite\s+)?mer\b|^säg\s+mig\b",
    r"^fortsätt\b",
    r"^(?:jag|vi)\s+(?:skulle|vill)\s+(?:väldigt\s+)?(?:gärna\s+)?(?:vilja\s+)?(?:gärna\s+)?"
    r"(?:höra|förstå)\b",
    r"^(?:du|ni)\s+(?:får|kan)\s+gärna\s+(?:berätta|beskriva|förklara|utveckla)\b",
    # nb
    r"^(?:fortell|forklar|utdyp)\b",
    r"^(?:gå|ta\s+(?:meg|oss))\s+gjennom\b",
    r"^gi\s+(?:meg|oss)\s+(?:et\s+|noen\s+|litt\s+|en\s+)?(?:eksempel|eksempler|bilde|oversikt)\b",
    r"^hjelp\s+(?:meg|oss)\s+(?:å\s+)?forstå\b",
    r"^si\s+(?:litt\s+)?mer\b|^si\s+meg\b",
    r"^fortsett\b",
    r"^(?:jeg|vi)\s+(?:vil|ville|skulle)\s+(?:veldig\s+)?gjerne\s+(?:høre|forstå)\b",
    r"^(?:du|dere)\s+(?:må|kan)\s+gjerne\s+(?:fortelle|beskrive|forklare|utdype)\b",
    # da
    r"^(?:fortæl|uddyb)\b",
    r"^(?:gå|tag\s+(?:mig|os))\s+igennem\b",
    r"^giv\s+(?:mig|os)\s+(?:et\s+|nogle\s+|lidt\s+|en\s+)?(?:eksempel|eksempler|billede|overblik)\b",
    r"^hjælp\s+(?:mig|os)\s+(?:med\s+)?(?:at\s+)?forstå\b",
    r"^sig\s+(?:lidt\s+)?mere\b|^sig\s+mig\b",
    r"^fortsæt\b",
    r"^(?:jeg|vi)\s+(?:vil|ville)\s+(?:rigtig\s+|meget\s+)?gerne\s+(?:høre|forstå)\b",
    r"^(?:du|i)\s+(?:må|kan)\s+gerne\s+(?:fortælle|beskrive|forklare|uddybe)\b",
)

# Words that can start an invitation; checked before the regex, which is slow.
_INVITATION_STARTS: Final[frozenset[str]] = _words(
    "tell walk talk take describe explain elaborate outline expand share give help say go",
    "keep paint i we feel",
    "berätta beskriv förklara utveckla redogör gå ta ge hjälp säg fortsätt jag vi du ni",
    "fortell forklar utdyp gi hjelp si fortsett jeg dere",
    "fortæl uddyb tag giv hjælp sig fortsæt",
)

# Restating what the customer said. Matched anywhere in the sentence: the marker
# often comes last ("…, om jag förstår dig rätt?").
_SUMMARY_RE: Final[re.Pattern[str]] = _compile(
    # sv: om jag (har) förstått dig rätt / har jag förstått det rätt / förstår jag dig rätt
    r"\bom\s+jag\s+(?:har\s+|nu\s+)?(?:förstått|förstår|uppfattat|uppfattar|tolkat|tolkar|"
    r"fattat|fattar|hört|hör|hänger\s+med|fångat|snappat|läst|läser)\s+(?:\w+\s+){0,2}?(?:rätt|riktigt|korrekt)\b",
    r"\b(?:har|förstår|hörde|uppfattade)\s+jag\s+(?:\w+\s+){0,2}?(?:rätt|riktigt|korrekt)\b",
    r"\b(?:det|vad|så)\s+(?:du|ni)\s+(?:säger|menar|beskriver)\s+(?:är|alltså)\b",
    r"\b(?:du|ni)\s+(?:menar|säger)\s+alltså\b",
    r"\bså\s+(?:du|ni)\s+(?:menar|säger)\b",
    r"\b(?:det|vad)\s+jag\s+hör\s*,?\s+(?:\w+\s+){0,2}?(?:är|att)\b",
    r"\bså\s+jag\s+hör\s+att\b",
    r"\b(?:om\s+jag\s+ska|låt\s+mig|för\s+att|så\s+för\s+att|om\s+jag|jag\s+ska)\s+"
    r"(?:bara\s+|snabbt\s+|kort\s+)?"
    r"(?:sammanfatta|summera)",
    r"\bsammanfattningsvis\b|\bmed\s+andra\s+ord\b|\bkort\s+(?:sagt|sammanfattat)\b|\bi\s+korthet\b",
    r"\bmin\s+förståelse\s+är\b|\bbara\s+så\s+(?:att\s+)?jag\s+(?:förstår|har\s+förstått)\b",
    r"\b(?:se|kolla|höra)\s+(?:om|att)\s+jag\s+(?:har\s+)?(?:förstått|fattat|uppfattat)\b",
    r"\bdet\s+låter\s+(?:för\s+mig\s+)?som\s+(?:att\b|om\b|(?:du|ni|det|de|er|era|ert)\s)",
    r"\b(?:är\s+det\s+)?rätt\s+(?:förstått|uppfattat)\b|\bsom\s+jag\s+förstår\s+(?:det|saken)\b",
    r"\brätta\s+mig\s+om\s+jag\s+har\s+fel\b",
    r"\b(?:ni|du)\s+(?:har|vill|behöver|tycker|säger|menar|är)\s+alltså\b",
    # nb: hvis jeg (har) forstått deg rett / har jeg forstått det riktig
    r"\b(?:hvis|om)\s+jeg\s+(?:har\s+)?(?:forstått|forstår|oppfattet|oppfatter|tolket|tolker|"
    r"skjønner|skjønt|hørte|hører|fanget|fatter|fattet|lest|leser)\s+(?:\w+\s+){0,2}?(?:riktig|rett|korrekt)\b",
    r"\b(?:har|forstår|hørte|oppfattet)\s+jeg\s+(?:\w+\s+){0,2}?(?:riktig|rett|korrekt)\b",
    r"\b(?:det|så)\s*,?\s+(?:du|dere)\s+(?:sier|mener|beskriver)\s*,?\s+(?:er|altså)\b",
    r"\b(?:du|dere)\s+(?:mener|sier)\s+altså\b",
    r"\bså\s+(?:du|dere)\s+(?:mener|sier)\b",
    r"\bdet\s*,?\s+jeg\s+hører\s*,?\s+(?:\w+\s+){0,2}?(?:er|at)\b",
    r"\bså\s+jeg\s+hører\s+at\b",
    r"\b(?:hvis\s+jeg\s+skal|om\s+jeg\s+skal|la\s+meg|for\s+å|så\s+for\s+å|hvis\s+jeg|om\s+jeg)\s+"
    r"(?:bare\s+|kjapt\s+|raskt\s+|kort\s+)?(?:oppsummere|sammenfatte)",
    r"\boppsummert\b|\bmed\s+andre\s+ord\b|\bkort\s+(?:sagt|fortalt)\b",
    r"\bmin\s+forståelse\s+er\b|\bbare\s+så\s+jeg\s+(?:forstår|har\s+forstått|har\s+forstået)\b",
    r"\b(?:se|sjekke|høre|tjekke)\s+(?:om|at)\s+jeg\s+(?:har\s+)?(?:forstått|forstået|oppfattet|"
    r"opfattet)\b",
    r"\bdet\s+høres\s+ut\s+(?:for\s+meg\s+)?som\s+(?:at\b|om\b|(?:du|dere|det|de|deres)\s)",
    r"\b(?:er\s+det\s+)?riktig\s+(?:forstått|oppfattet)\b|\bslik\s+jeg\s+forstår\s+(?:det|deg)\b",
    r"\b(?:rett|korriger)\s+meg\s+hvis\s+jeg\s+tar\s+feil\b",
    r"\b(?:dere|du)\s+(?:har|vil|trenger|synes|sier|mener|er)\s+altså\b",
    # da: hvis jeg (har) forstået dig ret / har jeg forstået det rigtigt
    r"\b(?:hvis|om)\s+jeg\s+(?:har\s+)?(?:forstået|forstår|opfattet|opfatter|tolket|tolker|hørte|"
    r"hører|hørt|fanger|fanget|fattet|læst|læser)\s+(?:\w+\s+){0,2}?(?:ret|rigtigt|rigtig|korrekt)\b",
    r"\b(?:har|forstår|hørte|opfattede)\s+jeg\s+(?:\w+\s+){0,2}?(?:ret|rigtigt|rigtig|korrekt)\b",
    r"\b(?:det|så)\s*,?\s+(?:du|i)\s+(?:siger|mener|beskriver)\s*,?\s+(?:er|altså)\b",
    r"\b(?:du|i)\s+(?:mener|siger)\s+altså\b",
    r"\bså\s+(?:du|i)\s+(?:mener|siger)\b",
    r"\bdet\s*,?\s+jeg\s+hører\s*,?\s+(?:\w+\s+){0,2}?(?:er|at)\b",
    r"\b(?:hvis\s+jeg\s+skal|lad\s+mig|for\s+at|så\s+for\s+at|hvis\s+jeg)\s+"
    r"(?:lige\s+|lige\s+kort\s+|hurtigt\s+|kort\s+)?(?:opsummere|sammenfatte)",
    r"\bopsummeret\b|\bmed\s+andre\s+ord\b",
    r"\bdet\s+lyder\s+(?:til\s+|for\s+mig\s+)?som\s+(?:om\b|at\b|(?:du|i|det|de|jeres)\s)",
    r"\b(?:er\s+det\s+)?(?:rigtigt?|korrekt)\s+(?:forstået|opfattet)\b|\bsom\s+jeg\s+forstår\s+det\b",
    r"\bret\s+mig\s+hvis\s+jeg\s+tager\s+fejl\b",
    r"\b(?:i|du)\s+(?:har|vil|mangler|synes|siger|mener|er)\s+altså\b",
    # en
    r"\bif\s+i\s+(?:have\s+|'ve\s+)?(?:understand|understood|heard|hear|get|got|read|follow|"
    r"followed|caught|catch)\s+(?:\w+\s+){0,2}?(?:right|correctly|properly)\b",
    r"\b(?:have|did|do)\s+i\s+(?:understand|understood|get|got|hear|heard|read)\s+(?:\w+\s+)"
    r"{0,2}?(?:right|correctly)\b",
    r"\bif\s+i'?m\s+(?:hearing|understanding|reading|following)\s+(?:you\s+|this\s+|that\s+|it\s+)?"
    r"(?:right|correctly)\b",
    r"\bthe\s+way\s+i\s+(?:understand|hear)\s+it\b",
    r"\bwhat\s+i(?:'?m|\s+am)\s+hearing\b|\bwhat\s+i\s+hear\s+(?:you\s+say(?:ing)?\s+)?is\b",
    r"\bwhat\s+(?:you'?re|you\s+are)\s+(?:saying|telling\s+me|describing)\s+is\b",
    r"\b(?:so|and)\s+(?:you'?re|you\s+are)\s+(?:saying|telling\s+me)\b",
    r"^(?:you'?re|you\s+are)\s+(?:saying|telling\s+me)\b",
    r"\bso\s+you\s+mean\b|\bso\s+what\s+you\s+mean\b",
    r"\b(?:let\s+me|to|just\s+to|so\s+to|if\s+i\s+can|if\s+i\s+may)\s+"
    r"(?:just\s+|quickly\s+|briefly\s+|just\s+quickly\s+)?"
    r"(?:summari[sz]e|recap|sum\s+up|play\s+(?:that|this|it)\s+back|paraphrase)\b",
    r"\bin\s+other\s+words\b|\bto\s+sum\s+up\b|\bin\s+summary\b|\bin\s+short\b|\bin\s+a\s+nutshell\b",
    r"\b(?:see|check)\s+(?:if|whether|that)\s+i(?:'ve|\s+have)?\s+(?:understand|understood|got|get|"
    r"heard)\b",
    r"\bam\s+i\s+right\s+(?:in\s+thinking|that|to\s+say)\b|\bmy\s+understanding\s+is\b",
    r"\bcheck\s+my\s+understanding\b|\bjust\s+so\s+i\s+(?:understand|'m\s+clear|am\s+clear)\b",
    r"\brepeat\s+(?:that|this|it)\s+back\b|\b(?:reflect|mirror)\s+back\b",
    # Any language: "if / as / as far as I understand (you, it)": "Om jag förstår dig…",
    # "Slik jeg oppfatter det…", "Så vidt jeg forstår…", "If I've understood…", not "Om
    # jag förstår frågan…". "Som" only at the start, where it is not a relative pronoun
    # ("Det er noget, som jeg forstår godt").
    r"(?:\b(?:om|hvis|if|slik|sådan\s+som|så\s+vidt|as\s+far\s+as|the\s+way)|"
    r"^(?:så\s+|og\s+|och\s+|men\s+|and\s+|so\s+)?(?:som|as))\s+"
    r"(?:jag|jeg|i)(?:'ve|\s+nu|\s+har|\s+have)?\s+(?:förstått|förstår|uppfattat|uppfattar|"
    r"fattat|fattar|forstått|forstår|forstået|oppfattet|oppfatter|opfattet|opfatter|skjønner|"
    r"skjønt|understand|understood|hänger\s+med|hängt\s+med)"
    r"(?=\s*(?:[,:;.?!]|$)|\s+(?:dig|er|deg|dere|jer|you|det|it|this|that|rätt|rett|ret|riktigt?|"
    r"rigtigt?|korrekt|correctly|right|properly)\b)",
    # "Jag har förstått det som att…", "Jeg har forstått det slik at…", "I understood it as…"
    r"\b(?:(?:jag|jeg|i)\s+(?:har\s+|have\s+)?|har\s+(?:jag|jeg)\s+|i'?ve\s+)(?:förstått|uppfattat|"
    r"forstått|oppfattet|forstået|opfattet|understood)\s+(?:det|dig|er|deg|dere|jer|it|you)\s*,?\s+"
    r"(?:som|slik|sånn|sådan|så|as|like)\b",
    # Takeaways: "Det jag tar med mig är…", "Det jeg sitter igjen med…", "My takeaway is…".
    r"\b(?:det|vad)\s*,?\s+(?:jag|jeg)\s+(?:tar|tager)\s+med\s+(?:mig|meg)\s*"
    r"(?:(?:härifrån|herfra|fra\s+i\s+dag|från\s+i\s+dag|fra\s+mødet|fra\s+møtet|från\s+mötet)\s*)?"
    r"(?:,\s*)?(?:är|er|:)",
    r"\bdet\s*,?\s+jeg\s+(?:sitter\s+igjen|sidder\s+tilbage)\s+med\b",
    r"\bwhat\s+i'?m\s+taking\s+away\b|\bwhat\s+i\s+take\s+away\b|\bmy\s+(?:main\s+|key\s+)?takeaway\b",
    # Any language: a verb of restating, then "what you (have) said / told".
    r"\b(?:gjenta|gjengi|repetere|oppsummere|gentage|gengive|opsummere|upprepa|återge|"
    r"återberätta|sammanfatta|repeat|summari[sz]e|recap|play\s+back)\s+(?:\w+\s+){0,2}?"
    r"(?:det|hva|hvad|vad|what)\s+(?:du|dere|i|ni|you)\s+(?:har\s+|have\s+|'ve\s+)?"
    r"(?:sagt|sa|sagde|sade|said|told|fortalt|fortalte|berättat|berättade|beskrevet|"
    r"beskrivit|described)\b",
    r"\b(?:det|vad|what)\s+(?:du|dere|i|ni|you)\s+(?:har\s+|have\s+|'ve\s+)?(?:sagt|sagde|sade|"
    r"said|fortalt|fortalte|berättat|told)(?:\s+(?:meg|mig|mej|me|oss|os|us))?\s*,?\s+"
    r"(?:er|är|is|was|var)\s+(?:at|att|that)\b",
    # "For lige at samle op", "for å samle opp", "för att samla ihop", "to pull it together".
    r"\b(?:for\s+(?:lige\s+)?at|for\s+å|för\s+att|hvis\s+jeg\s+skal|om\s+jag\s+ska|om\s+jeg\s+skal|"
    r"lad\s+mig|la\s+meg|låt\s+mig)\s+(?:lige\s+|bare\s+|kort\s+|snabbt\s+|raskt\s+)?"
    r"(?:samle\s+op|samle\s+opp|samla\s+ihop|samla\s+upp)\b",
    r"\b(?:let\s+me|to|just\s+to)\s+(?:just\s+|quickly\s+)?pull\s+(?:this|it|that|everything)\s+"
    r"together\b",
    r"\b(?:it\s+)?sounds\s+(?:to\s+me\s+)?(?:like|as\s+if|as\s+though)\s+(?:you|your|you're|you've|the|"
    r"there|it's|that's|this\s+is)\b",
    r"\bcorrect\s+me\s+if\s+i'?m\s+wrong\b",
    r"\b(?:let\s+me|just\s+to|i\s+want\s+to|i'd\s+like\s+to)\s+(?:make\s+sure|check)\s+"
    r"(?:that\s+)?i(?:'ve|\s+have|'m|\s+am)?\s+(?:understand|understood|got|heard|following)\b",
    r"\bif\s+i'?ve\s+got\s+(?:this|that|it|you)\s+right\b",
)


_SUMMARY_CUES: Final[frozenset[str]] = _words(
    "rätt riktigt korrekt säger menar beskriver hör sammanfattningsvis ord låter förstått",
    "uppfattat förstår rätta alltså",
    "riktig rett sier mener hører oppsummert høres forstått oppfattet forstår korriger altså",
    "ret rigtigt rigtig siger opsummeret lyder forstået opfattet",
    "right correctly properly hearing hear saying telling describing mean recap sum back",
    "paraphrase words summary sounds wrong understand understood got heard way",
    "kort korthet förståelse forståelse short nutshell following repeat",
    "sagt sa sagde sade said told fortalt berättat samle samla together",
    "uppfattar fattat fattar hängt hänger oppfatter opfatter forstået vidt sammenfatte",
    "tar tager takeaway taking sitter sidder reflect mirror",
)
_SUMMARY_CUE_PREFIXES: Final[tuple[str, ...]] = (
    "sammanfatt",
    "summer",
    "oppsummer",
    "opsummer",
    "summari",
)


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN_RE.findall(text.replace("’", "'"))]


def _is_interrogative(tokens: list[str], i: int, language: str) -> bool:
    word = tokens[i]
    if word == "var":
        if language in ("nb", "da", "en") or i + 1 >= len(tokens):
            return False
        following = tokens[i + 1]
        if following in _VAR_SUBJECTS:
            return False
        return following in _VAR_VERBS or following.endswith(("r", "s"))
    return word in _INTERROGATIVES


def _leading_positions(tokens: list[str]) -> list[int]:
    """Token indexes that may count as the start of the sentence: after particles,
    and after a short introduction ("Peter, …", "Okay Lise, …", "Helt ærligt, …")."""
    positions: list[int] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok in _PARTICLES or tok in ",;:–—":
            i += 1
        elif tok in _COMMA_PARTICLES and i + 1 < n and tokens[i + 1] == ",":
            i += 2
        else:
            break
    if i >= n:
        return positions
    positions.append(i)
    # An introduction set off by a comma: a name, "Ärligt talat", "Rent konkret".
    for width in (1, 2, 3):
        j = i + width
        if j >= n or tokens[j] != ",":
            continue
        if any(t in _PRONOUNS or t in ",;:–—" for t in tokens[i:j]):
            break
        k = j + 1
        while k < n and (tokens[k] in _PARTICLES or tokens[k] in ",;:–—"):
            k += 1
        if k < n:
            positions.append(k)
        break
    return positions


def ends_with_question_mark(text: str) -> bool:
    stripped = text.rstrip().rstrip("\"'”’»)]").rstrip()
    ending = _ENDING_RE.search(stripped)
    return ending is not None and "?" in ending.group()


def _invitation_at(tokens: list[str], p: int) -> bool:
    if tokens[p] not in _INVITATION_STARTS:
        return False
    return _INVITATION_RE.match(" ".join(t for t in tokens[p:] if t not in ",;:–—")) is not None


def is_invitation(text: str, language: str = "en") -> bool:
    """An invitation to talk ("Berätta om…", "Walk me through…"), with or without "?"."""
    tokens = _tokens(text)
    return any(_invitation_at(tokens, p) for p in _leading_positions(tokens))


def is_summary(text: str, language: str = "en") -> bool:
    """Does the sentence restate what the other side said?"""
    tokens = _tokens(text)
    # Every summary pattern holds one of these words; most sentences hold none, and
    # the pattern search is what an hour-long meeting would otherwise spend its time on.
    if not any(t in _SUMMARY_CUES or t.startswith(_SUMMARY_CUE_PREFIXES) for t in tokens):
        return False
    normalised = " ".join(text.replace("’", "'").split())
    return _SUMMARY_RE.search(normalised) is not None


def classify_sentence(
    text: str, language: str = "en", *, summary: bool | None = None
) -> QuestionKind:
    """Return "open", "closed" or "none" (not a question), per DESIGN.md.

    ``summary`` passes on an ``is_summary`` result the caller already has."""
    if not text.strip():
        return "none"
    question_mark = ends_with_question_mark(text)
    if question_mark and (is_summary(text, language) if summary is None else summary):
        return "closed"
    tokens = _tokens(text)
    for p in _leading_positions(tokens):
        if _invitation_at(tokens, p):
            return "open"
        if question_mark and _is_interrogative(tokens, p, language):
            return "open"
    return "closed" if question_mark else "none"
