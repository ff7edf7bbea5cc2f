extension SeedCorpus {
    /// Spanish trees with replies: one ranking tree and one growing tree.
    static let spanishTrees: [SeedTree] = [japanTripTree, monsteraTree]

    /// Ranking: two itineraries for a first trip to Japan, and two follow-ups to the first one.
    static let japanTripTree = SeedTree(
        topic: "travel", state: .ranking,
        root: .prompter(
            "seed-lucia", "es",
            """
            Voy a Japón dos semanas a principios de abril y es mi primera vez. ¿Cómo repartiríais los días entre \
            Tokio, Kioto y otros sitios? Me interesan la comida y los templos, las compras no tanto.
            """,
            [
                .assistant(
                    "seed-kenji", "es",
                    """
                    ¡Buena época! Con dos semanas y esos intereses, una ruta equilibrada podría ser esta:

                    | Días | Lugar | Qué no perderse |
                    |---|---|---|
                    | 1–4 | Tokio (東京) | Asakusa y el templo Sensō-ji (浅草寺), mercado exterior de Tsukiji, \
                    izakayas en Shinjuku |
                    | 5 | Nikkō (日光) | Santuario Tōshō-gū, excursión de un día desde Tokio |
                    | 6–9 | Kioto (京都) | Fushimi Inari, Kiyomizu-dera, el barrio de Gion al anochecer |
                    | 10 | Nara (奈良) | Tōdai-ji y los ciervos del parque, de día desde Kioto |
                    | 11–12 | Osaka (大阪) | Dōtonbori para comer: takoyaki, okonomiyaki, kushikatsu |
                    | 13–14 | Hiroshima (広島) y Miyajima | Museo de la Paz y el torii flotante |

                    Algunos consejos:

                    - Duerme en Kioto y haz Nara como excursión; las distancias son cortas.
                    - Compra una tarjeta IC (Suica o ICOCA) para metro, autobuses y hasta las máquinas \
                    expendedoras.
                    - En los templos más famosos, llega antes de las 8:00: la diferencia de gente es enorme.
                    """,
                    [
                        .prompter(
                            "seed-lucia", "es",
                            """
                            ¡Me encanta! Pero en abril es la temporada de los cerezos en flor, ¿no? ¿Estará todo \
                            lleno? ¿Tengo que reservar ya los hoteles?
                            """,
                            [
                                .assistant(
                                    "seed-priya", "es",
                                    """
                                    Sí, principios de abril suele coincidir con el *sakura* (桜) en Tokio y Kioto, \
                                    y es de las semanas más concurridas del año. 🌸

                                    - **Reserva el alojamiento cuanto antes**, sobre todo en Kioto: los precios \
                                    suben y lo bueno se agota meses antes.
                                    - Elige opciones con cancelación gratuita; así puedes ajustar la ruta si la \
                                    floración se adelanta o se retrasa.
                                    - Para ver los cerezos con menos gente, ve temprano por la mañana o busca \
                                    parques de barrio en lugar de los más famosos.
                                    """)
                            ]),
                        .prompter(
                            "seed-tomas", "es",
                            """
                            ¿Compensa el JR Pass con esa ruta o sale más barato comprar los billetes del \
                            shinkansen por separado?
                            """),
                    ]),
                .assistant(
                    "seed-mira", "es",
                    """
                    Yo dividiría el viaje en dos mitades: una semana en Tokio con excursiones de un día (Nikkō, \
                    Kamakura) y otra en Kioto con escapadas a Nara y Osaka. Así solo cambias de hotel una vez y \
                    pierdes menos tiempo con las maletas.
                    """),
            ]))

    /// Growing: an answer with an open follow-up, plus a second answer nobody replied to.
    static let monsteraTree = SeedTree(
        topic: "gardening", state: .growing,
        root: .prompter(
            "seed-tomas", "es",
            """
            A mi monstera le están saliendo manchas marrones en los bordes de las hojas. La riego una vez por \
            semana y está junto a una ventana orientada al sur. ¿Qué le pasa?
            """,
            [
                .assistant(
                    "seed-lucia", "es",
                    """
                    Los bordes marrones suelen tener una de estas causas:

                    1. **Exceso de riego.** Regar «una vez por semana» por calendario es arriesgado. Mete un dedo \
                    en la tierra: si los primeros 3–4 cm siguen húmedos, espera.
                    2. **Sol directo.** Una ventana al sur puede quemar las hojas, sobre todo en verano. Aléjala \
                    un metro o pon una cortina fina.
                    3. **Aire seco.** Con la calefacción encendida, los bordes se secan. Agruparla con otras \
                    plantas ayuda un poco.

                    Las partes marrones no se recuperan; puedes recortarlas con unas tijeras limpias siguiendo la \
                    forma de la hoja.
                    """,
                    [
                        .prompter(
                            "seed-tomas", "es",
                            """
                            La tierra está húmeda casi siempre y ahora veo que la maceta no tiene agujeros de \
                            drenaje. ¿Tengo que trasplantarla ya o puedo esperar a la primavera?
                            """),
                        .prompter(
                            "seed-mira", "es",
                            "¿Y cada cuánto tiempo hay que cambiar una monstera de maceta?",
                            awaitingReview: true),
                    ]),
                .assistant(
                    "seed-amelie", "es",
                    """
                    Casi seguro que es el sol directo. La monstera vive en la selva bajo los árboles, así que \
                    prefiere mucha luz pero filtrada. Muévela un poco hacia el interior de la habitación y \
                    observa las hojas nuevas.
                    """),
                .assistant(
                    "seed-jonas", "es",
                    """
                    Antes de cambiar nada, revisa las raíces: saca la planta de la maceta con cuidado. Si están \
                    blancas y firmes, el problema es la luz o la sequedad del aire. Si están marrones, blandas o \
                    huelen mal, hay podredumbre: corta las partes dañadas y pásala a tierra nueva y bien aireada.
                    """,
                    awaitingReview: true),
            ]))
}
