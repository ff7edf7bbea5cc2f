extension SeedCorpus {
    /// German trees with replies: one ranking tree and one growing tree.
    static let germanTrees: [SeedTree] = [sourdoughTree, skyColourTree]

    /// Ranking: three answers about a dense sourdough loaf, and two follow-ups to the first answer.
    static let sourdoughTree = SeedTree(
        topic: "cooking", state: .ranking,
        root: .prompter(
            "seed-jonas", "de",
            """
            Mein Sauerteigbrot geht im Ofen kaum auf und ist innen dicht und etwas klitschig. Der Sauerteig ist \
            drei Wochen alt und blubbert eigentlich ganz ordentlich. Was mache ich falsch?
            """,
            [
                .assistant(
                    "seed-ada", "de",
                    """
                    Ein dichtes, klitschiges Brot hat fast immer eine dieser Ursachen:

                    1. **Zu kurze Gare.** Die Zeiten im Rezept gelten meist für 24–26 °C. In einer kühleren \
                    Küche braucht der Teig oft doppelt so lange. Richte dich nach dem Teig, nicht nach der Uhr: \
                    Er sollte bei der Stockgare um etwa die Hälfte größer werden.
                    2. **Sauerteig nicht auf dem Höhepunkt.** Verwende ihn, wenn er sich nach dem Füttern \
                    ungefähr verdoppelt hat und gewölbt ist – nicht erst, wenn er wieder einfällt.
                    3. **Zu wenig Hitze am Anfang.** Heize den Ofen mindestens 45 Minuten auf 250 °C vor, am \
                    besten mit einem Gusseisentopf, und backe die ersten 20 Minuten mit Deckel.
                    4. **Zu früh angeschnitten.** Das Brot gart beim Abkühlen nach. Warte mindestens eine Stunde.

                    Mit drei Wochen ist dein Sauerteig übrigens alt genug; an ihm liegt es vermutlich nicht.
                    """,
                    [
                        .prompter(
                            "seed-jonas", "de",
                            """
                            Danke! In meiner Küche sind es im Winter nur etwa 18 Grad. Wie bekomme ich den Teig \
                            trotzdem warm genug, ohne mir extra eine Gärbox zu kaufen?
                            """,
                            [
                                .assistant(
                                    "seed-kenji", "de",
                                    """
                                    Da gibt es ein paar einfache Tricks:

                                    - **Backofen mit Licht:** Nur die Lampe einschalten, nicht den Ofen. Das \
                                    ergibt meist 25–28 °C. Ein Thermometer hineinlegen und prüfen!
                                    - **Warmes Wasser** für den Teig nehmen (etwa 30 °C), dann startet er schon \
                                    wärmer.
                                    - **Styroporbox oder Kühltasche** mit einem Glas heißem Wasser darin, das \
                                    du alle zwei Stunden erneuerst.
                                    - Oder die Kälte nutzen: den geformten Teig über Nacht im Kühlschrank gehen \
                                    lassen und morgens direkt aus dem Kühlschrank backen. Das gibt sogar mehr \
                                    Aroma.
                                    """)
                            ]),
                        .prompter(
                            "seed-mira", "de",
                            "Woran erkenne ich denn ganz konkret, dass die Stückgare fertig ist?"),
                    ]),
                .assistant(
                    "seed-priya", "de",
                    """
                    Wahrscheinlich ist der Teig untergärig. Lass ihn länger gehen, bis er deutlich luftig ist und \
                    sich beim Fingertest eine Delle nur langsam wieder füllt. Und schneide das Brot erst an, wenn \
                    es ganz ausgekühlt ist.
                    """),
                .assistant(
                    "seed-tomas", "de",
                    """
                    Prüf mal die Mehlsorte: Mit Roggenmehl wird ein Brot immer kompakter als mit Weizenmehl. \
                    Wenn du ein luftiges Brot willst, nimm Weizenmehl Type 550 oder 1050 und erhöhe die \
                    Wassermenge langsam, sobald du mit dem Teig sicherer bist.
                    """),
            ]))

    /// Growing: an answer with an open follow-up question, plus a second answer nobody replied to.
    static let skyColourTree = SeedTree(
        topic: "science", state: .growing,
        root: .prompter(
            "seed-ada", "de",
            "Warum ist der Himmel tagsüber blau, aber bei Sonnenuntergang orange und rot?",
            [
                .assistant(
                    "seed-jonas", "de",
                    """
                    Das liegt an der **Rayleigh-Streuung**: Die Moleküle der Luft streuen kurzwelliges Licht \
                    (Blau) viel stärker als langwelliges (Rot) – ungefähr mit der vierten Potenz der Frequenz.

                    - **Tagsüber** steht die Sonne hoch, das Licht legt einen kurzen Weg durch die Atmosphäre \
                    zurück. Das gestreute blaue Licht kommt aus allen Richtungen zu uns, also sieht der ganze \
                    Himmel blau aus.
                    - **Bei Sonnenuntergang** ist der Weg durch die Luft viel länger. Das meiste Blau wurde \
                    unterwegs schon zur Seite weggestreut, und übrig bleiben vor allem Orange und Rot.

                    Staub, Rauch oder Vulkanasche in der Luft können die Farben noch kräftiger machen.
                    """,
                    [
                        .prompter(
                            "seed-ada", "de",
                            """
                            Wenn kurzwelliges Licht am stärksten gestreut wird, müsste der Himmel dann nicht \
                            eigentlich violett sein?
                            """),
                        .prompter(
                            "seed-priya", "de",
                            "Heißt das, dass der Himmel auf dem Mars eine ganz andere Farbe hat als bei uns?",
                            awaitingReview: true),
                    ]),
                .assistant(
                    "seed-tomas", "de",
                    """
                    Kurz gesagt: Luft streut blaues Licht stärker als rotes. Mittags kommt das Sonnenlicht auf \
                    kurzem Weg zu uns, und wir sehen das gestreute Blau überall am Himmel. Abends muss das Licht \
                    durch viel mehr Luft, das Blau geht unterwegs verloren und nur Rot und Orange kommen an. 🌅
                    """),
                .assistant(
                    "seed-kenji", "de",
                    """
                    Sonnenlicht enthält alle Farben. Auf dem Weg durch die Atmosphäre wird ein Teil davon an den \
                    Luftmolekülen abgelenkt, und zwar vor allem das blaue Licht. Dieses abgelenkte Licht sehen wir \
                    als blauen Himmel. Je tiefer die Sonne steht, desto länger ist der Weg durch die Luft und \
                    desto mehr Blau fehlt am Ende im direkten Licht – deshalb wirkt die Abendsonne rötlich.
                    """,
                    awaitingReview: true),
            ]))
}
