# English as Fasit's Nordic users read it: the day before the month, never 12/05/2026
# (which half the world reads as 12 May), a 24-hour clock, comma thousands.
DATE_FORMAT = SHORT_DATE_FORMAT = "j M Y"  # 5 Dec 2026
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "j M Y H:i"  # 5 Dec 2026 14:30
MONTH_DAY_FORMAT = "j M"  # 5 Dec
YEAR_MONTH_FORMAT = "F Y"  # December 2026
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
