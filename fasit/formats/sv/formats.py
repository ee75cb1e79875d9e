# Swedish: ISO dates (the Swedish standard, SS-ISO 8601), space thousands.
DATE_FORMAT = SHORT_DATE_FORMAT = "Y-m-d"  # 2026-12-05
DATETIME_FORMAT = SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "j b"  # 5 dec
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a space that never breaks a number over two lines
NUMBER_GROUPING = 3
