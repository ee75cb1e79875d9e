"""Regulated buying in healthcare, pharma and labs: validation (GxP), calibration, medical device rules."""

from __future__ import annotations

from typing import Final

from fasit.engine.signals.lexicon._base import Concept
from fasit.engine.signals.lexicon._base import concept as _c

CONCEPTS: Final[tuple[Concept, ...]] = (
    _c(
        "validation",
        ("Validering (GxP)", "Validering (GxP)", "Validering (GxP)", "Validation (GxP)"),
        broader=("compliance",),
        sv="validering* | validera* | valideras | gxp | gmp | gdp | glp | iq | oq | pq | 21 cfr | "
        "part 11 | annex 11 | revisionsspår* | ändringskontroll* | ändringshantering* | "
        "elektronisk* signatur* | dataintegritet* | alcoa | installationskvalificering* | "
        "driftkvalificering* | prestandakvalificering*",
        nb="validering* | validere* | valideres | gxp | gmp | gdp | glp | iq | oq | pq | 21 cfr | part 11 | "
        "annex 11 | revisjonsspor* | sporingslogg* | endringskontroll* | elektronisk* signatur* | "
        "dataintegritet* | alcoa",
        da="validering* | validere* | valideres | gxp | gmp | gdp | glp | iq | oq | pq | 21 cfr | part 11 | "
        "annex 11 | revisionsspor* | ændringskontrol* | elektronisk* signatur* | dataintegritet* | alcoa",
        en="validation | validate | validated | validation package | gxp | gmp | gdp | glp | iq | oq | pq | "
        "21 cfr | part 11 | annex 11 | audit trail* | change control | electronic signature* | "
        "data integrity | alcoa",
    ),
    _c(
        "calibration",
        ("Kalibrering", "Kalibrering", "Kalibrering", "Calibration"),
        broader=("service",),
        sv="kalibrering* | kalibrera* | kalibreras | spårbar* till | spårbarhet till | mätosäkerhet* | "
        "mätnoggrannhet* | iso 17025 | 17025 | ackrediterad kalibrering | justering av ~ instrument*",
        nb="kalibrering* | kalibrere* | kalibreres | sporbar* til | måleusikkerhet* | målenøyaktighet* | "
        "iso 17025 | 17025 | justervesenet | justering av ~ instrument*",
        da="kalibrering* | kalibrere* | kalibreres | sporbar* til | måleusikkerhed* | målenøjagtighed* | "
        "iso 17025 | 17025 | justering af ~ instrument*",
        en="calibration* | calibrate* | calibrated | traceable to | measurement uncertainty | "
        "measurement accuracy | iso 17025 | 17025 | ukas",
    ),
    _c(
        "medical.regulatory",
        (
            "Medicintekniska krav (MDR)",
            "Medisinsk utstyr og regelverk (MDR)",
            "Medicinsk udstyr og regler (MDR)",
            "Medical device rules (MDR)",
        ),
        broader=("compliance",),
        sv="mdr | ivdr | medicinteknisk* | läkemedelsverket | ivo | patientsäkerhet* | udi",
        nb="mdr | ivdr | medisinsk utstyr | medisinskteknisk* | legemiddelverket | dmp | pasientsikkerhet* | udi",
        da="mdr | ivdr | medicinsk udstyr | medicoteknisk* | lægemiddelstyrelsen | patientsikkerhed* | udi",
        en="mdr | ivdr | medical device* | medical device regulation | patient safety | udi",
    ),
)
