"""Words that say nothing about a theme, per language."""

from __future__ import annotations

from typing import Final


# Function words, intent verbs and fillers that say nothing about the theme. Intent
# words ("vill", "trenger", "need") are here on purpose: every statement has one, so
# they would pull unrelated statements together.
def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: Final[dict[str, frozenset[str]]] = {
    "sv": _wordset(
        """
        köpa köper köpt köp köpte betala betalar betalat via per egen eget
        egna stor stort stora ny nytt nya om innan före först sen tar ta tog fått fåt
        hur längre och i att det som en på är av för med till den har de inte om ett han
        men var jag sig från vi så kan när år säger hon under också efter eller nu sin
        där vid mot ska skulle kunna vill ville vilja behöver behövde behov måste må bör
        borde får fick få göra gör gjorde gjort ha hade haft vara varit blir blev bli
        mycket mer mest många någon något några alla allt andra annan annat samma sådan
        sådana här där hur vad vem vilken vilket vilka varför då sedan än bara även
        redan ju väl nog helst hellre gärna kanske alltid aldrig ofta igen återigen
        också våra vår vårt er era ert oss dem deras hans hennes min mitt mina din ditt
        dina man det den detta dessa denna sådant dock mellan utan inom över genom hos
        ni du dig mig honom henne jag vi de ja nej tack okej ok bra jättebra lite skull
        ganska verkligen faktiskt egentligen nog gärna önskar önskemål tycker tror vet
        känns kommer komma kom ge ger gav hjälpa hjälp viktigt viktigaste en ett två tre
        fyra fem sex sju åtta nio tio dag dagar vecka veckor månad månader år tid gång
        gånger heller hela helt ingen inget inga varje annars sätt lösning lösningen
        produkt produkter produkten vara varor era företag
        fler flera efterfrågar efterfråga efterfrågas efterlyser
        """
    ),
    "nb": _wordset(
        """
        kjøpe kjøper kjøpt kjøp kjøpte betale betaler betalt via per egen eget egne stor
        stort store ny nytt nye før først tar ta tok fått lenger hvis og i at det som en
        et på er av for med til den har de ikke om han men var jeg seg fra vi så kan når
        år sier hun under også etter eller nå sin der ved mot skal skulle kunne vil
        ville trenger trengte behov må måtte bør burde får fikk få gjøre gjør gjorde
        gjort ha hadde hatt være vært blir ble bli mye mer mest mange noen noe alle alt
        andre annen annet samme slik slike her der hvordan hva hvem hvilken hvilket
        hvilke hvorfor da siden enn bare også allerede jo vel nok helst heller gjerne
        kanskje alltid aldri ofte igjen våre vår vårt dere deres oss dem hans hennes min
        mitt mine din ditt dine man dette disse denne dog mellom uten innen over gjennom
        hos du deg meg ham henne ja nei takk ok bra litt ganske virkelig faktisk
        egentlig ønsker ønske ønsket synes tror vet kommer komme kom gi gir ga hjelpe
        hjelp viktig viktigste en ett én to tre fire fem seks sju syv åtte ni ti dag
        dager uke uker måned måneder år tid gang ganger hele helt ingen intet hver
        ellers måte løsning løsningen produkt produkter produktet vare varer selskap
        savner mangler
        flere etterspør etterspørre etterspørres spør spørre spurte etterlyser ber
        """
    ),
    "da": _wordset(
        """
        købe køber købt køb købte betale betaler betalt via per egen eget egne stor
        stort store ny nyt nye før først tager tage tog fået længere hvis og i at det
        som en et på er af for med til den har de ikke om han men var jeg sig fra vi så
        kan når år siger hun under også efter eller nu sin der ved mod skal skulle kunne
        vil ville behøver har brug brug for behov må måtte bør burde får fik få gøre gør
        gjorde gjort have havde haft være været bliver blev blive meget mere mest mange
        nogen noget nogle alle alt andre anden andet samme sådan sådanne her der hvordan
        hvad hvem hvilken hvilket hvilke hvorfor da siden end kun også allerede jo vel
        nok helst hellere gerne måske altid aldrig ofte igen vores jer jeres os dem hans
        hendes min mit mine din dit dine man dette disse denne dog mellem uden inden
        over gennem hos du dig mig ham hende ja nej tak ok godt lidt ganske virkelig
        faktisk egentlig ønsker ønske ønsket synes tror ved kommer komme kom give giver
        gav hjælpe hjælp vigtig vigtigste vigtigt en et én to tre fire fem seks syv otte
        ni ti dag dage uge uger måned måneder år tid gang gange hele helt ingen intet
        hver ellers måde løsning løsningen produkt produkter produktet vare varer firma
        savner mangler lige
        flere efterspørger efterspørge efterlyser
        """
    ),
    "en": _wordset(
        """
        buy buys buying bought purchase purchasing pay pays paying paid via per own big
        new before first take takes took than put longer if a an the and or but if then
        so of in on at to for with from by about as into over under within without
        between through is are was were be been being am do does did done have has had
        having will would shall should can could may might must need needs needed want
        wants wanted wish like would prefer rather we us our ours you your yours they
        them their it its this that these those i me my he him his she her not no yes ok
        okay please thanks thank very really just also too more most much many some any
        all every each other another same such here there how what who which why when
        where get gets got make makes made give gives gave help important one two three
        four five six seven eight nine ten day days week weeks month months year years
        time times whole again always never often already still even only way solution
        product products goods company able instead miss missing lack lacking think know
        feel
        several ask asks asking asked request requests requesting
        """
    ),
}
