extension SeedCorpus {
    /// French trees with replies: one ranking tree and one growing tree.
    static let frenchTrees: [SeedTree] = [savingTree, recursionTree]

    /// Ranking: three answers about saving on a small salary, two follow-ups to the first, one answered.
    static let savingTree = SeedTree(
        topic: "personal finance", state: .ranking,
        root: .prompter(
            "seed-amelie", "fr",
            """
            Je gagne 1 600 € nets par mois et je n'arrive jamais à mettre de l'argent de côté : à la fin du \
            mois, il ne reste rien. Par où commencer ?
            """,
            [
                .assistant(
                    "seed-jonas", "fr",
                    """
                    Avec un petit salaire, le plus efficace est d'épargner **avant** de dépenser, pas avec ce \
                    qui reste :

                    1. **Faites le point pendant un mois.** Notez toutes vos dépenses, même les petites. On \
                    découvre souvent des abonnements oubliés.
                    2. **Programmez un virement automatique** vers un compte épargne le lendemain de la paie, \
                    même modeste : 30 ou 50 € suffisent pour commencer.
                    3. **Visez d'abord une épargne de précaution** d'environ un mois de dépenses, sur un livret \
                    disponible à tout moment comme le Livret A.
                    4. **Augmentez le virement** de 10 € chaque fois que vous vous y êtes habitué(e).

                    Ce qui compte au début, c'est l'habitude, pas le montant.
                    """,
                    [
                        .prompter(
                            "seed-amelie", "fr",
                            """
                            Le virement automatique me fait un peu peur : et si j'ai une grosse dépense imprévue \
                            en fin de mois ?
                            """),
                        .prompter(
                            "seed-ada", "fr",
                            "Pour débuter, vaut-il mieux un Livret A ou une assurance-vie ?",
                            [
                                .assistant(
                                    "seed-lucia", "fr",
                                    """
                                    Pour une première épargne, le **Livret A** est plus adapté :

                                    - l'argent est disponible à tout moment, sans frais ;
                                    - les intérêts ne sont pas imposés ;
                                    - il n'y a aucun risque de perte.

                                    L'**assurance-vie** est intéressante pour un horizon d'au moins huit ans, \
                                    une fois l'épargne de précaution constituée. Selon les supports choisis, \
                                    sa valeur peut baisser, et les retraits ne sont pas aussi simples.
                                    """)
                            ]),
                    ]),
                .assistant(
                    "seed-priya", "fr",
                    """
                    Essayez la règle 50/30/20 : 50 % pour les besoins (loyer, courses, transport), 30 % pour les \
                    envies et 20 % pour l'épargne. Si 20 % est trop pour l'instant, commencez par 5 % et \
                    augmentez petit à petit.
                    """),
                .assistant(
                    "seed-kenji", "fr",
                    """
                    Commencez par les dépenses fixes : comparez votre forfait téléphone, votre assurance et vos \
                    abonnements. Un seul coup de fil peut libérer 20 ou 30 € par mois, sans effort au quotidien.
                    """),
            ]))

    /// Growing: an answer with code and an open follow-up, plus a second answer nobody replied to.
    static let recursionTree = SeedTree(
        topic: "programming", state: .growing,
        root: .prompter(
            "seed-mira", "fr",
            """
            Je débute en Python. Quelqu'un peut m'expliquer la récursivité avec un exemple simple ? Je ne \
            comprends pas comment une fonction peut s'appeler elle-même sans tourner en boucle.
            """,
            [
                .assistant(
                    "seed-amelie", "fr",
                    """
                    Une fonction récursive résout un problème en le ramenant à une version **plus petite** du \
                    même problème. Elle a toujours deux parties :

                    - un **cas de base**, où elle répond directement sans s'appeler ;
                    - un **cas récursif**, où elle s'appelle avec une entrée plus petite.

                    Exemple avec un compte à rebours :

                    ```python
                    def compte_a_rebours(n):
                        if n == 0:              # cas de base
                            print("Décollage !")
                            return
                        print(n)
                        compte_a_rebours(n - 1)  # cas récursif, avec un n plus petit

                    compte_a_rebours(3)
                    ```

                    L'appel affiche 3, puis appelle la fonction avec 2, puis 1, puis 0. À 0, le cas de base \
                    s'applique et tout s'arrête. Elle ne tourne pas en boucle parce que `n` diminue à chaque \
                    appel et finit forcément par atteindre 0.
                    """,
                    [
                        .prompter(
                            "seed-mira", "fr",
                            "D'accord, c'est plus clair ! Et qu'est-ce qui se passe si j'oublie le cas de base ?"),
                        .prompter(
                            "seed-jonas", "fr",
                            "Est-ce qu'une fonction récursive est plus lente qu'une simple boucle `for` ?",
                            awaitingReview: true),
                    ]),
                .assistant(
                    "seed-kenji", "fr",
                    """
                    Pensez aux poupées russes 🪆 : pour trouver la plus petite, vous ouvrez une poupée, puis vous \
                    faites exactement la même chose avec celle qui est à l'intérieur, jusqu'à tomber sur une \
                    poupée qui ne s'ouvre pas. Cette dernière poupée, c'est le cas de base.
                    """),
                .assistant(
                    "seed-priya", "fr",
                    """
                    Prenons la somme des nombres de 1 à `n` :

                    ```python
                    def somme(n):
                        if n == 1:
                            return 1
                        return n + somme(n - 1)
                    ```

                    Pour calculer `somme(4)`, Python calcule `4 + somme(3)`, donc `3 + somme(2)`, puis \
                    `2 + somme(1)`. `somme(1)` renvoie 1 directement, et les résultats remontent : 3, puis 6, puis 10.
                    """,
                    awaitingReview: true),
            ]))
}
