from fasit.engine.signals.grouping import ThemeIndex, group_all
from fasit.engine.signals.model import Theme, level_for
from fasit.engine.signals.tests.helpers import st


def _only(themes: list[Theme]) -> Theme:
    assert len(themes) == 1
    return themes[0]


def test_level_thresholds() -> None:
    assert [level_for(n) for n in (1, 2, 3, 7)] == ["noted", "alarm", "confirmed", "confirmed"]


def test_several_statements_from_one_account_stay_noted() -> None:
    themes = group_all(
        [
            st("a1", "Luleå Bygg AB", "Vi vill ha en samlingsfaktura varje månad."),
            st("a2", "Luleå Bygg AB", "Kan vi få samlingsfaktura en gång i månaden?"),
            st("a3", "luleå bygg ab ", "Återigen: en samlad faktura per månad, tack."),
        ]
    )
    theme = _only(themes)
    assert (theme.accounts, theme.level) == (1, "noted")


def test_two_accounts_raise_an_alarm() -> None:
    theme = _only(
        group_all(
            [
                st("b1", "Luleå Bygg AB", "Vi vill ha en samlingsfaktura varje månad."),
                st("b2", "Bodø Havn AS", "Vi ønsker én samlefaktura i måneden."),
            ]
        )
    )
    assert (theme.accounts, theme.level) == (2, "alarm")


def test_accounts_of_one_corporate_group_count_once() -> None:
    theme = _only(
        group_all(
            [
                st("g1", "Nordbygg Sverige AB", "Vi vill ha en samlingsfaktura.", group="Nordbygg"),
                st("g2", "Nordbygg Norge AS", "Vi ønsker samlefaktura.", group="Nordbygg"),
                st("g3", "Nordbygg Danmark A/S", "Vi vil have samlefaktura.", group="Nordbygg"),
                st("g4", "Aalborg VVS A/S", "Vi vil gerne have en samlet faktura."),
            ]
        )
    )
    assert (theme.accounts, theme.level, theme.account_keys) == (
        2,
        "alarm",
        ("aalborg vvs a/s", "nordbygg"),
    )


def test_three_independent_accounts_confirm() -> None:
    theme = _only(
        group_all(
            [
                st("c1", "Luleå Bygg AB", "Vi vill ha en samlingsfaktura varje månad."),
                st("c2", "Bodø Havn AS", "Vi ønsker én samlefaktura i måneden."),
                st("c3", "Umeå Trä AB", "We would like one consolidated invoice per month."),
            ]
        )
    )
    assert (theme.accounts, theme.level) == (3, "confirmed")


def test_three_accounts_that_do_not_corroborate_each_other_are_held_at_alarm() -> None:
    # Two accounts about rubber crumb on artificial turf and a third about ice times at
    # the artificial ice rink, put in one theme: three accounts, but the third shares a
    # stray word part, not the matter, so the theme is not "confirmed".

    statements = [
        st("a1", "A", "Gummigranulatet fra kunstgræsbanen ender i kloakken.", language="da"),
        st(
            "a2",
            "B",
            "Vi vil bli kvitt gummikulene på kunstgresset, de havner overalt.",
            language="nb",
        ),
        st(
            "a3",
            "C",
            "Kunstisbanen bør fordele tidene mer rettferdig mellom kunstløp og hockey.",
            language="nb",
        ),
    ]
    index = ThemeIndex.restore(statements, {s.id: "t" for s in statements})
    theme = index.theme("t")
    assert (theme.accounts, theme.level, theme.corroborated) == (3, "alarm", False)


def test_three_accounts_saying_the_same_are_confirmed() -> None:

    statements = [
        st("c1", "A", "Svømmerne klager over røde øjne og klorlugt i hallen.", language="da"),
        st(
            "c2",
            "B",
            "Members say the chlorine smell in the pool makes their eyes sting.",
            language="en",
        ),
        st(
            "c3",
            "C",
            "Det luktar så mycket klor i simhallen att folk får ont i ögonen.",
            language="sv",
        ),
    ]
    index = ThemeIndex.restore(statements, {s.id: "t" for s in statements})
    theme = index.theme("t")
    assert (theme.accounts, theme.level, theme.corroborated) == (3, "confirmed", True)


def test_a_shared_setting_alone_does_not_corroborate() -> None:
    # Two accounts lose radio or phone contact in the cold store; a third worries that
    # a driver who falls alone in the cold room is found too late. All three name the
    # cold store (a cold-chain concept) only as where it happens, and the third shares
    # nothing else with the other two: three accounts, not three that agree.
    from fasit.engine.signals.grouping import GroupingConfig

    statements = [
        st("k1", "A", "Truckførerne mister radiokontakten inne i fryselageret.", language="nb"),
        st(
            "k2",
            "B",
            "Hvis en chauffør falder alene i kølerummet, opdager ingen det før næste morgen.",
            language="da",
        ),
        st("k3", "C", "Phones lose their signal inside the cold store.", language="en"),
    ]
    assignments = {s.id: "t" for s in statements}
    theme = ThemeIndex.restore(statements, assignments).theme("t")
    assert (theme.accounts, theme.level, theme.corroborated) == (3, "alarm", False)
    # Counting the setting as a shared matter is what would confirm it.
    loose = GroupingConfig(corroboration_matters=False)
    assert ThemeIndex.restore(statements, assignments, config=loose).theme("t").level == "confirmed"


def test_a_compound_tail_without_its_head_does_not_corroborate() -> None:
    # Two accounts have a leaking coffee machine; the third's ticket machine does not
    # take cards. "Billet|maskinen" shares only the tail with "kaffe|maskinen": another
    # machine, not the same matter.
    from fasit.engine.signals.grouping import GroupingConfig

    statements = [
        st("m1", "A", "Kaffemaskinen i kantinen lekker vann.", language="nb"),
        st("m2", "B", "The coffee machine leaks water onto the counter.", language="en"),
        st("m3", "C", "Billetmaskinen ved indgangen tager ikke kort.", language="da"),
    ]
    assignments = {s.id: "t" for s in statements}
    theme = ThemeIndex.restore(statements, assignments).theme("t")
    assert (theme.accounts, theme.level, theme.corroborated) == (3, "alarm", False)
    loose = GroupingConfig(corroboration_heads=False)
    assert ThemeIndex.restore(statements, assignments, config=loose).theme("t").level == "confirmed"


def test_a_word_most_statements_carry_does_not_corroborate() -> None:
    # A fleet customer base: every statement names the car. Three accounts about car
    # washing, cars that do not start and room for tools share only that, the subject of
    # the business rather than a matter; in an index of three statements nothing is
    # common yet, and the same three are confirmed.
    from fasit.engine.signals.grouping import GroupingConfig

    theme = [
        st("t1", "A", "The car wash at the depot scratches the paint.", language="en"),
        st("t2", "B", "Bilarna startar inte när det är kallt på morgonen.", language="sv"),
        st("t3", "C", "Bilen har for lite plass til verktøyet vårt.", language="nb"),
    ]
    others = [
        st("o1", "D", "Our cars need winter tyres before November.", language="en"),
        st("o2", "E", "Vi behöver fler laddplatser för bilarna.", language="sv"),
        st("o3", "F", "Bilene må vaskes oftere om vinteren.", language="nb"),
        st("o4", "G", "Parking for our cars is full by eight.", language="en"),
        st("o5", "H", "Kan vi leie bil per time?", language="nb"),
        st("o6", "I", "Bilen går tom for strøm på lange turer.", language="nb"),
        st("o7", "J", "Every car needs a service once a year.", language="en"),
        st("o8", "K", "Vi vil have en bil mere til weekenden.", language="da"),
    ]
    statements = theme + others
    assignments = {s.id: ("t" if s in theme else s.id) for s in statements}
    held = ThemeIndex.restore(statements, assignments).theme("t")
    assert (held.accounts, held.level, held.corroborated) == (3, "alarm", False)
    loose = GroupingConfig(corroboration_common=1.0)
    assert ThemeIndex.restore(statements, assignments, config=loose).theme("t").level == "confirmed"
    alone = ThemeIndex.restore(theme, {s.id: "t" for s in theme}).theme("t")
    assert alone.level == "confirmed"


def test_level_for_holds_an_uncorroborated_theme_at_alarm() -> None:

    assert level_for(5, corroborated=False) == "alarm"
    assert level_for(2, corroborated=False) == "alarm"
    assert level_for(3) == "confirmed"


def test_statements_a_person_merged_corroborate_each_other() -> None:
    statements = [
        st("a1", "A", "Gummigranulatet fra kunstgræsbanen ender i kloakken.", language="da"),
        st("a2", "B", "Vi vil bli kvitt gummikulene på kunstgresset.", language="nb"),
        st("a3", "C", "Kunstisbanen bør fordele tidene mer rettferdig.", language="nb"),
    ]
    index = ThemeIndex.restore(statements, {"a1": "t", "a2": "t", "a3": "u"})
    assert index.theme("t").level == "alarm"
    index.merge("t", "u")
    assert (index.theme("t").level, index.theme("t").corroborated) == ("confirmed", True)


def test_corroboration_is_checked_again_when_a_statement_leaves() -> None:
    statements = [
        st("c1", "A", "Svømmerne klager over røde øjne og klorlugt i hallen.", language="da"),
        st(
            "c2",
            "B",
            "Members say the chlorine smell in the pool makes their eyes sting.",
            language="en",
        ),
        st(
            "c3",
            "C",
            "Det luktar så mycket klor i simhallen att folk får ont i ögonen.",
            language="sv",
        ),
        st(
            "k1",
            "D",
            "Kunstisbanen bør fordele tidene mer rettferdig mellom kunstløp og hockey.",
            language="nb",
        ),
    ]
    index = ThemeIndex.restore(statements, {s.id: "t" for s in statements})
    assert index.theme("t").level == "confirmed"
    index.move("c3", "other")
    assert (index.theme("t").accounts, index.theme("t").level) == (3, "alarm")


def test_a_held_theme_is_confirmed_when_a_third_account_corroborates_later() -> None:
    statements = [
        st("a1", "A", "Gummigranulatet fra kunstgræsbanen ender i kloakken.", language="da"),
        st(
            "a2",
            "B",
            "Vi vil bli kvitt gummikulene på kunstgresset, de havner overalt.",
            language="nb",
        ),
        st(
            "a3",
            "C",
            "Kunstisbanen bør fordele tidene mer rettferdig mellom kunstløp.",
            language="nb",
        ),
    ]
    index = ThemeIndex.restore(statements, {s.id: "t" for s in statements})
    assert index.theme("t").level == "alarm"
    # Joins through the cheap path (only the newcomer's links are checked).
    assert (
        index.add(
            st("a4", "D", "Gummigranulatet fra kunstgræsset ender i kloakken.", language="da")
        )
        == "t"
    )
    assert (index.theme("t").accounts, index.theme("t").level) == (4, "confirmed")


def test_people_alone_do_not_corroborate() -> None:
    # Three accounts report what "the customers" want: a text message when the bike is
    # repaired, the catalogue as a PDF, the deposit taken off the price. Who wants is
    # not what is wanted; the three share nothing else and are held at alarm (they
    # were confirmed while the shared "kunde" counted as shared evidence).
    statements = [
        st(
            "c1",
            "A",
            "Kundene vil ha beskjed på SMS når sykkelen er ferdig reparert.",
            language="nb",
        ),
        st(
            "c2",
            "B",
            "Kunderne vil have kataloget som pdf, så de kan læse det på mobilen.",
            language="da",
        ),
        st(
            "c3",
            "C",
            "Kundene vil at depositumet skal trekkes fra prisen hvis de kjøper bilen.",
            language="nb",
        ),
    ]
    index = ThemeIndex.restore(statements, {s.id: "t" for s in statements})
    theme = index.theme("t")
    assert (theme.accounts, theme.level, theme.corroborated) == (3, "alarm", False)
    # The same people beside a shared matter still corroborate.
    same = [
        st("d1", "A", "Kundene vil ha flere sykkelstativer ved inngangen.", language="nb"),
        st("d2", "B", "Kunderne vil have flere cykelstativer ved indgangen.", language="da"),
        st("d3", "C", "Customers want more bike racks at the entrance.", language="en"),
    ]
    index = ThemeIndex.restore(same, {s.id: "t" for s in same})
    assert index.theme("t").level == "confirmed"
