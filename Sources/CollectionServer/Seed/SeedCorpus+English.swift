extension SeedCorpus {
    /// English trees with replies: one per state that has tasks, plus finished ones.
    static let englishTrees: [SeedTree] = [csvTree, particlesTree, emergencyFundTree, runningTree, guitarTree]

    /// Ranking: three assistant answers to one question, and two follow-ups to the first answer.
    static let csvTree = SeedTree(
        topic: "programming", state: .ranking,
        root: .prompter(
            "seed-kenji", "en",
            """
            How do I read a 6 GB CSV file in Python without running out of memory? My laptop only has 8 GB of RAM \
            and pandas just freezes.
            """,
            [
                .assistant(
                    "seed-priya", "en",
                    """
                    Don't load the whole file at once — stream it. `pandas.read_csv` can hand you the file in \
                    pieces with `chunksize`, and you combine partial results as you go:

                    ```python
                    import pandas as pd

                    totals = {}
                    for chunk in pd.read_csv("sales.csv", chunksize=200_000):
                        sums = chunk.groupby("region")["amount"].sum()
                        for region, amount in sums.items():
                            totals[region] = totals.get(region, 0) + amount

                    print(totals)
                    ```

                    Each `chunk` is an ordinary DataFrame with 200,000 rows, so memory use stays roughly flat \
                    however large the file is.

                    Two more things that help a lot:

                    - Pass `usecols=[...]` so only the columns you need are parsed.
                    - Pass `dtype={"region": "category", "amount": "float32"}`; the defaults (`object` and \
                    `float64`) are much larger.
                    """,
                    [
                        .prompter(
                            "seed-kenji", "en",
                            """
                            That works for sums, thanks! But what if I need the whole file sorted by date? \
                            I can't sort it chunk by chunk, can I?
                            """,
                            [
                                .assistant(
                                    "seed-jonas", "en",
                                    """
                                    Not directly, no — a sort needs to see every row. The easiest way out is to \
                                    let a database engine do it, because they spill to disk when memory runs \
                                    short. DuckDB reads CSV files directly and needs no server:

                                    ```python
                                    import duckdb

                                    duckdb.sql('''
                                        COPY (SELECT * FROM read_csv_auto('sales.csv') ORDER BY date)
                                        TO 'sales_sorted.csv' (HEADER)
                                    ''')
                                    ```

                                    If you'd rather avoid new dependencies, the classic approach is an \
                                    *external merge sort*: sort each chunk, write it to a temporary file, then \
                                    merge the sorted files with `heapq.merge`. It's more code, but it works with \
                                    the standard library alone.
                                    """)
                            ]),
                        .prompter(
                            "seed-mira", "en",
                            "Does `chunksize` still work if the file is gzipped, or do I have to unpack it first?"),
                    ]),
                .assistant(
                    "seed-tomas", "en",
                    """
                    Skip pandas and use the `csv` module from the standard library. If you loop over \
                    `csv.DictReader(open("sales.csv", newline=""))` row by row, only one row is in memory at a \
                    time. It's slower than pandas for heavy number crunching, but it will never run out of RAM.
                    """),
                .assistant(
                    "seed-ada", "en",
                    """
                    A few options, from least to most effort:

                    1. **Polars** with `pl.scan_csv("sales.csv")` builds a lazy query and streams the file; \
                    for group-bys and filters it's usually the fastest choice.
                    2. **pandas with `chunksize`** if the rest of your code is already pandas.
                    3. **Convert once to Parquet**, then read only the columns you need. A 6 GB CSV often \
                    becomes 1–2 GB of Parquet.

                    Which one fits best depends on what you do with the data afterwards — what's the goal?
                    """),
            ]))

    /// Growing: an answer with Japanese examples and an open follow-up, plus a second answer nobody replied to.
    static let particlesTree = SeedTree(
        topic: "language learning", state: .growing,
        root: .prompter(
            "seed-mira", "en",
            """
            I've been studying Japanese for four months and I still don't get when to use は and when to use が. \
            Can you explain it simply?
            """,
            [
                .assistant(
                    "seed-kenji", "en",
                    """
                    A simple rule of thumb that covers most beginner sentences:

                    - **は** marks the *topic* — what the sentence is about, usually something already known. \
                    The new information comes **after** it.
                    - **が** marks the *subject* when the subject itself is the new or important information. \
                    The focus is on what comes **before** it.

                    Compare:

                    | Sentence | Nuance |
                    |---|---|
                    | 私は学生です。 | As for me, I'm a student. (focus: *student*) |
                    | 私が学生です。 | *I* am the student (not someone else). |
                    | 猫が好きです。 | I like cats. (好き normally takes が) |

                    Question words can never take は: you say 誰が来ましたか？ ("Who came?"), and the answer \
                    keeps が: 田中さんが来ました。

                    It takes a while to feel natural, so don't worry about getting it wrong in conversation — \
                    people will still understand you. 🙂
                    """,
                    [
                        .prompter(
                            "seed-mira", "en",
                            """
                            That table helps a lot. So in a sentence like 雨が降っています, is it が because \
                            the rain is new information? Would 雨は降っています be wrong?
                            """),
                        .prompter(
                            "seed-tomas", "en",
                            """
                            Does the same idea explain には and では? My textbook uses them everywhere and I can't \
                            see the pattern.
                            """,
                            awaitingReview: true),
                    ]),
                .assistant(
                    "seed-ada", "en",
                    """
                    Think of は as "speaking of X…" and が as pointing your finger at X. 象は鼻が長い \
                    ("Speaking of elephants, their noses are long") uses both at once and is the classic \
                    example worth memorizing.
                    """),
                .assistant(
                    "seed-lucia", "en",
                    """
                    Ask yourself which part of the sentence answers the question the listener has in mind:

                    - If the listener asks *"What about the cat?"*, the answer is about the cat: 猫は寝ています。
                    - If the listener asks *"Who is sleeping?"*, the cat itself is the answer: 猫が寝ています。

                    So は comes with something the listener already has in mind, and が with the piece that fills \
                    the gap.
                    """,
                    awaitingReview: true),
            ]))

    /// Growing: a single answer waiting for the prompter's reaction.
    static let emergencyFundTree = SeedTree(
        topic: "personal finance", state: .growing,
        root: .prompter(
            "seed-priya", "en",
            """
            I have about $3,000 in credit card debt at 24% interest and no savings at all. Should I build an \
            emergency fund first or throw everything at the card?
            """,
            [
                .assistant(
                    "seed-mira", "en",
                    """
                    Most people in your situation do best with a small buffer first, then the card:

                    1. **Save a starter fund of $500–1,000.** Without it, the next flat tire goes straight back \
                    onto the card and the debt never shrinks.
                    2. **Then pay the card aggressively.** At 24% interest, every dollar you pay off "earns" 24% \
                    — no savings account comes close.
                    3. **Once the card is at zero**, build the emergency fund up to three months of expenses.

                    Also worth a phone call: ask the card issuer for a lower rate, or check whether a 0% balance \
                    transfer offer is available to you. Just read the transfer fee and the date when the promo \
                    rate ends.
                    """)
            ]))

    /// Finished: a training-plan answer with a table, a follow-up about knee pain, and its answer.
    static let runningTree = SeedTree(
        topic: "health and fitness", state: .readyForExport,
        root: .prompter(
            "seed-tomas", "en",
            """
            I'm 45, a bit overweight, and I'd like to be able to run 5 km without stopping by the summer. \
            How should I start so that I don't hurt myself?
            """,
            [
                .assistant(
                    "seed-priya", "en",
                    """
                    Great goal! 🏃 The key is to increase time on your feet slowly and mix running with walking. \
                    A gentle plan, three days a week with a rest day in between:

                    | Weeks | Each session (after a 5-minute brisk walk) |
                    |---|---|
                    | 1–2 | 8 × (1 min jog, 2 min walk) |
                    | 3–4 | 6 × (2 min jog, 2 min walk) |
                    | 5–6 | 4 × (4 min jog, 1 min walk) |
                    | 7–8 | 2 × (10 min jog, 2 min walk) |
                    | 9–10 | 25–30 min continuous easy jogging |

                    A few rules that prevent most injuries:

                    - Jog slowly enough that you could still talk in full sentences.
                    - If a week felt hard, repeat it instead of moving on.
                    - Get proper running shoes fitted in a running store.

                    Since you're starting from scratch, a quick check-up with your doctor beforehand is a good idea.
                    """,
                    [
                        .prompter(
                            "seed-tomas", "en",
                            """
                            I'm in week 3 now and my knees ache a little the day after each run. Is that \
                            normal, or should I stop?
                            """,
                            [
                                .assistant(
                                    "seed-ada", "en",
                                    """
                                    A mild, dull ache that is gone within a day is common when you start \
                                    running. Take it as a sign to slow down, not to push through:

                                    - Repeat weeks 1–2 until the ache stops appearing.
                                    - Run on softer surfaces (park paths, a track) instead of concrete.
                                    - Add two short strength sessions a week: squats to a chair, lunges and \
                                    glute bridges make the knees much more stable.

                                    **Stop and see a doctor or physiotherapist** if the pain is sharp, makes \
                                    you limp, comes with swelling, or is still there after two days of rest.
                                    """)
                            ])
                    ]),
                .assistant(
                    "seed-amelie", "en",
                    """
                    Start by walking briskly for 30 minutes, four times a week, for two weeks. Then add one \
                    minute of jogging per walk and increase it by a minute or two every week. Slow progress \
                    feels boring, but it is what keeps your joints and tendons healthy.
                    """),
            ]))

    /// Finished: two answers about chord changes, a follow-up, and a closing answer.
    static let guitarTree = SeedTree(
        topic: "music", state: .readyForExport,
        root: .prompter(
            "seed-ada", "en",
            """
            I've been learning guitar for two months. I know the open chords but switching between them is \
            so slow that songs fall apart. Any tips? 🎸
            """,
            [
                .assistant(
                    "seed-jonas", "en",
                    """
                    Slow changes are the normal two-month stage, and they get better with targeted practice:

                    1. **One-minute changes.** Pick two chords (say G and C), set a timer for one minute and \
                    switch back and forth as many times as you can cleanly. Write the number down; you'll see it \
                    climb every week.
                    2. **Look for anchor fingers.** Between C and Am, two fingers don't move at all. Keep them \
                    pressed while the others move.
                    3. **Move all fingers together**, as one shape, instead of placing them one by one.
                    4. **Keep strumming no matter what.** Playing a few open strings during the change is fine — \
                    keeping the rhythm matters more than a clean chord.

                    Ten focused minutes a day beat an hour on Sunday.
                    """,
                    [
                        .prompter(
                            "seed-ada", "en",
                            """
                            The one-minute changes are addictive, thanks! G to C went from 14 to 27 in a week. \
                            What should I practice next?
                            """,
                            [
                                .assistant(
                                    "seed-lucia", "en",
                                    """
                                    27 in a week is a big jump, well done! 🎉 Next steps:

                                    - Add the awkward pairs: **C ↔ F** (try the small F first) and **D ↔ E**.
                                    - Learn a song that uses just G, C, D and Em — there are hundreds of them.
                                    - Practise changes with a metronome at 60 bpm, switching every four beats, \
                                    then every two.
                                    """)
                            ])
                    ]),
                .assistant(
                    "seed-kenji", "en",
                    """
                    Practise the change itself, not the song: lift your fingers a tiny bit, move them in the \
                    air to the next shape and put them down together. Do this slowly, without strumming, twenty \
                    times per pair of chords every day.
                    """),
            ]))
}
