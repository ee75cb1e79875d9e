from fasit.engine.text.search import fold, forms, fts5_query, index_text, query_words, tsquery


def test_fold_removes_case_and_accents_including_nordic_letters() -> None:
    assert [fold(w) for w in ["Malmö", "Søren", "Ærø", "Åre", "Müller", "Straße"]] == [
        "malmo",
        "soren",
        "aero",
        "are",
        "muller",
        "strasse",
    ]


def test_a_word_is_indexed_under_its_stem_in_every_language() -> None:
    # sv "leveranserna", nb "leveransene", da "leverancerne", en "deliveries".
    assert "leverans" in forms("leveranserna")
    assert set(forms("leveransen")) & set(forms("leveranser"))
    assert set(forms("leverancerne")) & set(forms("leverancer"))
    assert set(forms("deliveries")) & set(forms("delivery"))


def test_index_text_and_queries_match_on_shared_forms() -> None:
    indexed = set(index_text("Vi trenger bedre leveranser til Tromsø").split())
    for word in query_words("LEVERANSEN tromso"):
        assert indexed & set(word)


def test_queries_for_both_databases_require_every_word_and_prefix_the_last() -> None:
    assert fts5_query("Malmö kund") == '("malmo") AND ("kund" OR "kund"*)'
    assert tsquery("Malmö kund") == "('malmo') & ('kund' | 'kund':*)"
    assert fts5_query("  ,. ") == ""
    assert len(query_words("a b c d e f g h i j")) == 8
