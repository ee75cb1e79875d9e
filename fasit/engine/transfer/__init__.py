"""Moving a team's data in and out, the parts that need no database: reading CSV,
spreadsheets and vCards in the encodings and dialects real files have, recognising
where a file comes from, turning rows into records or problems, organisation and
phone numbers in every form exports use, and finding likely duplicates.

The ``fasit.transfer`` app does the matching, writing and auditing.
"""
