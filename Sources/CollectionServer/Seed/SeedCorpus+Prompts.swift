extension SeedCorpus {
    /// Trees that hold only their initial prompt: under review (label tasks) or growing (reply tasks).
    static let singlePromptTrees: [SeedTree] = english + german + spanish + french

    private static let english: [SeedTree] = [
        prompt(
            "cooking", .initialPromptReview, "seed-mira", "en",
            "What can I use instead of eggs when baking banana bread? My nephew is allergic."),
        prompt(
            "cooking", .growing, "seed-tomas", "en",
            """
            My rice always ends up sticky and clumpy at the bottom of the pot, even though I rinse it once. \
            What am I doing wrong?
            """),
        prompt(
            "gardening", .initialPromptReview, "seed-priya", "en",
            "Is it too late to plant garlic in late November? I'm in zone 6 and the ground isn't frozen yet."),
        prompt(
            "gardening", .growing, "seed-ada", "en",
            "What's an easy way to start composting in a small apartment without the kitchen smelling?"),
        prompt(
            "programming", .growing, "seed-kenji", "en",
            "Can someone explain the difference between a process and a thread as if I were a junior developer?"),
        prompt(
            "programming", .initialPromptReview, "seed-jonas", "en",
            "In Git, what's the safest way to undo a commit that I already pushed to a shared branch?"),
        prompt(
            "history", .initialPromptReview, "seed-ada", "en",
            "How did ordinary people in medieval Europe keep track of the date without printed calendars?"),
        prompt(
            "history", .growing, "seed-mira", "en",
            """
            Why did the Roman Empire split into an eastern and a western half, and why did the eastern half \
            last almost a thousand years longer?
            """),
        prompt(
            "travel", .growing, "seed-lucia", "en",
            """
            I have a 9-hour layover in Istanbul. Is it realistic to leave the airport and see something of the \
            city, and what would you recommend?
            """),
        prompt(
            "travel", .initialPromptReview, "seed-amelie", "en",
            "What should I pack for a week of hiking in Scotland in May? I've heard the weather changes every hour."),
        prompt(
            "health and fitness", .initialPromptReview, "seed-jonas", "en",
            "How many rest days per week do I actually need if I lift weights three times a week?"),
        prompt(
            "health and fitness", .growing, "seed-priya", "en",
            "I sit at a desk all day and my lower back is stiff by the evening. Which simple stretches could help?"),
        prompt(
            "personal finance", .initialPromptReview, "seed-tomas", "en",
            """
            Should I pay off my car loan early or put the extra money into an index fund? The loan rate is 4.9% \
            and there are three years left.
            """),
        prompt(
            "personal finance", .growing, "seed-kenji", "en",
            """
            How do I make a monthly budget that I'll actually stick to? My spreadsheets never survive more than \
            two weeks.
            """),
        prompt(
            "science", .growing, "seed-amelie", "en",
            "Why does ice float on water when almost every other solid sinks in its own liquid?"),
        prompt(
            "science", .initialPromptReview, "seed-mira", "en",
            """
            If sunlight takes about eight minutes to reach Earth, does that mean we see the sun where it was \
            eight minutes ago?
            """),
        prompt(
            "language learning", .initialPromptReview, "seed-lucia", "en",
            "I'm 38 and want to learn Portuguese. Is it true that adults can never get a good accent?"),
        prompt(
            "music", .growing, "seed-jonas", "en",
            """
            How do I read a lead sheet? I can read standard notation, but chord symbols like Cmaj7#11 completely \
            confuse me.
            """),
        prompt(
            "music", .initialPromptReview, "seed-priya", "en",
            "What's a good first piano piece for an adult beginner that doesn't sound like a children's song?"),
    ]

    private static let german: [SeedTree] = [
        prompt(
            "gardening", .growing, "seed-jonas", "de",
            """
            Meine Tomatenpflanzen auf dem Balkon bekommen von unten her gelbe Blätter. Woran kann das liegen, \
            und muss ich die Blätter abschneiden?
            """),
        prompt(
            "cooking", .initialPromptReview, "seed-ada", "de",
            "Wie lange kann ich gekochten Reis im Kühlschrank aufbewahren, ohne dass es gefährlich wird?"),
        prompt(
            "history", .initialPromptReview, "seed-tomas", "de",
            "Warum wurde die Berliner Mauer ausgerechnet am 9. November 1989 geöffnet? War das so geplant?"),
        prompt(
            "travel", .growing, "seed-mira", "de",
            """
            Ich möchte mit dem Zug von München nach Rom fahren. Lohnt sich der Nachtzug, und worauf sollte ich \
            bei der Buchung achten?
            """),
        prompt(
            "health and fitness", .growing, "seed-priya", "de",
            """
            Ich will mit Krafttraining anfangen, habe aber kein Fitnessstudio in der Nähe. Welche Übungen kann \
            ich zu Hause ganz ohne Geräte machen?
            """),
        prompt(
            "personal finance", .initialPromptReview, "seed-kenji", "de",
            """
            Was ist der Unterschied zwischen einem ETF-Sparplan und einem Tagesgeldkonto? Was passt besser, \
            wenn ich in fünf Jahren eine Wohnung kaufen möchte?
            """),
        prompt(
            "programming", .initialPromptReview, "seed-lucia", "de",
            "Was bedeutet eigentlich „Dependency Injection“, und warum reden in meinem Team alle ständig davon?"),
        prompt(
            "music", .growing, "seed-amelie", "de",
            """
            Mein Sohn (9) möchte Schlagzeug lernen. Kann man in einer Mietwohnung üben, ohne dass die Nachbarn \
            durchdrehen?
            """),
        prompt(
            "language learning", .initialPromptReview, "seed-jonas", "de",
            "Gibt es eine einfache Eselsbrücke, wann man im Englischen „since“ und wann „for“ benutzt?"),
    ]

    private static let spanish: [SeedTree] = [
        prompt(
            "travel", .initialPromptReview, "seed-lucia", "es",
            "¿Merece la pena comprar un abono de transporte en Lisboa si solo voy a estar tres días?"),
        prompt(
            "cooking", .growing, "seed-tomas", "es",
            """
            ¿Cuál es el truco para que la tortilla de patatas quede jugosa por dentro y no se rompa al darle \
            la vuelta?
            """),
        prompt(
            "gardening", .initialPromptReview, "seed-priya", "es",
            """
            Vivo en un piso con poca luz. ¿Qué plantas de interior aguantan bien en un rincón lejos de la \
            ventana?
            """),
        prompt(
            "science", .growing, "seed-ada", "es",
            """
            ¿Por qué los aviones dejan esas líneas blancas en el cielo? ¿Y por qué a veces desaparecen enseguida \
            y otras veces se quedan durante horas?
            """),
        prompt(
            "history", .initialPromptReview, "seed-kenji", "es",
            "¿Cómo se construyeron las pirámides de Egipto sin grúas ni máquinas? ¿Qué se sabe con seguridad?"),
        prompt(
            "personal finance", .growing, "seed-mira", "es",
            "Acabo de conseguir mi primer trabajo. ¿Qué parte del sueldo debería ahorrar y dónde la guardo?"),
        prompt(
            "language learning", .growing, "seed-amelie", "es",
            """
            Estoy aprendiendo alemán y no entiendo cuándo se usa el acusativo y cuándo el dativo. ¿Hay alguna \
            regla sencilla?
            """),
        prompt(
            "health and fitness", .initialPromptReview, "seed-jonas", "es",
            """
            Me despierto a las tres de la mañana casi todas las noches y luego no consigo volver a dormirme. \
            ¿Qué puedo probar?
            """),
        prompt(
            "music", .initialPromptReview, "seed-tomas", "es",
            "¿Se puede aprender a tocar el ukelele solo con vídeos de internet o hace falta un profesor?"),
    ]

    private static let french: [SeedTree] = [
        prompt(
            "history", .growing, "seed-amelie", "fr",
            "Pourquoi la Révolution française a-t-elle éclaté en 1789 et pas dix ou vingt ans plus tôt ?"),
        prompt(
            "cooking", .initialPromptReview, "seed-jonas", "fr",
            "Ma pâte à crêpes est toujours pleine de grumeaux. Comment les éviter ?"),
        prompt(
            "gardening", .growing, "seed-kenji", "fr",
            """
            Quand faut-il tailler un rosier grimpant ? Est-ce qu'on coupe aussi les branches qui ont déjà \
            fleuri ?
            """),
        prompt(
            "travel", .initialPromptReview, "seed-priya", "fr",
            """
            Je pars en Islande en octobre avec une voiture de location. Est-ce que le tour de l'île par la \
            route 1 est faisable en sept jours ?
            """),
        prompt(
            "science", .initialPromptReview, "seed-lucia", "fr",
            "Pourquoi entend-on « la mer » quand on colle un coquillage contre son oreille ?"),
        prompt(
            "programming", .growing, "seed-tomas", "fr",
            """
            Quelle est la différence entre une base SQL et une base NoSQL, et comment choisir pour une petite \
            application de réservation ?
            """),
        prompt(
            "language learning", .initialPromptReview, "seed-mira", "fr",
            "Comment retenir le genre des noms en français ? Je confonds tout le temps « le » et « la »."),
        prompt(
            "health and fitness", .growing, "seed-ada", "fr",
            """
            Marcher 10 000 pas par jour, est-ce que ça suffit pour rester en forme, ou faut-il aussi faire du \
            sport ?
            """),
    ]

    /// A tree made of a single prompt; a prompt under review is still awaiting its reviews.
    private static func prompt(
        _ topic: String, _ state: SeedTreeState, _ author: String, _ lang: String, _ text: String
    ) -> SeedTree {
        SeedTree(
            topic: topic, state: state,
            root: .prompter(author, lang, text, awaitingReview: state == .initialPromptReview))
    }
}
