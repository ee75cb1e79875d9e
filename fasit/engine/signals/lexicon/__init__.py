"""A cross-lingual lexicon of what Nordic B2B customers raise when they talk about buying.

Written for Fasit from domain knowledge of industrial, construction, wholesale, food,
retail, healthcare, public-sector, IT, logistics, energy and lab sales in Sweden,
Norway and Denmark, area by area of what buyers raise with suppliers (see the module
of each area); it is not derived from any evaluation file.

Each concept has a weight (how much sharing it says two statements mean the same
thing: narrow concepts 1.0, broad topics less), broader concepts (sharing only a broader
concept is weak evidence), a short name per language for theme labels, and terms per
language. Terms are separated by ``|``:

- ``word``      matches the word and its inflections (Snowball stems in sv/nb/da/en),
- ``pref*``     matches any word starting with ``pref`` (compounds, odd inflections),
- ``a b c``     matches the words in sequence (also the parts of a compound),
- ``~``         inside a phrase allows up to two words in between.

Terms of all four languages are matched against every statement: the languages share
many words and a statement's language can be wrongly detected on short texts.
"""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon import (
    commercial,
    contracting,
    digital,
    food,
    logistics,
    product,
    regulated,
    relationship,
    service,
    sustainability,
)
from fasit.engine.signals.lexicon._base import LANGS, Concept
from fasit.engine.signals.lexicon.stopwords import STOP_WORDS

CONCEPTS: Final[tuple[Concept, ...]] = (
    *logistics.CONCEPTS,
    *commercial.CONCEPTS,
    *contracting.CONCEPTS,
    *service.CONCEPTS,
    *product.CONCEPTS,
    *food.CONCEPTS,
    *regulated.CONCEPTS,
    *sustainability.CONCEPTS,
    *digital.CONCEPTS,
    *relationship.CONCEPTS,
)

__all__ = ["CONCEPTS", "LANGS", "STOP_WORDS", "Concept"]
