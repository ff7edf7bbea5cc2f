/// Assistant answers written for these tests: code, tables, lists, several scripts, emoji, and
/// hostile input. Each is rendered at width 80 and 40 against golden screen files.
enum MarkdownCorpus {
    static let code = """
        Here is how to reverse a string in Swift:

        ```swift
        let word = "hello"
        let reversed = String(word.reversed())
        print(reversed) // prints "olleh"; this comment is long enough to be cut at forty columns and at eighty columns too
        \tindented with a tab
        ```

        That's **all** there is to it. `reversed()` works on any *Sequence*, and
        the result is lazy until you build a `String`.

            indented code block
            keeps its spacing
        """

    static let table = """
        ## Comparison

        | Language | Typing | First release | Notes |
        |:---------|:------:|--------------:|-------|
        | Swift | static | 2014 | Apple, open source since 2015 |
        | Python | dynamic | 1991 | *batteries included* |
        | Ruby（日本） | dynamic | 1995 | まつもとゆきひろ |
        | Rust | static | 2015 | `cargo` builds everything |

        Numbers are right-aligned because the delimiter row says `--:`.
        """

    static let lists = """
        # Plan for the migration

        1. Back up the database
           - run `pg_dump`
           - copy the file off the machine
             - to the NAS
             - and to cloud storage
        2. Stop the service
        10. Apply the migration

        Checklist:

        - [x] write the script
        - [ ] test it on staging
        - [ ] tell the team

        * A loose list item with two paragraphs.

          The second paragraph of the same item.

        * Another item.
        """

    static let languages = """
        ### Mehrsprachige Antwort

        Die Größe der Straße wird in Metern gemessen; Übergrößen müssen genehmigt werden.

        中文：机器学习是人工智能的一个分支，它使计算机能够从数据中学习而无需明确编程。

        日本語：これは折り返しのテストです。全角文字は二つのセルを使います。

        العربية: مرحبا بالعالم، هذا نص عربي للاختبار.

        Emoji: 👍🏽 thumbs up, 🇯🇵 flag, ❤️ heart, 👨‍👩‍👧 family, 😀 grin.

        > **Note:** a quoted remark that is long enough to wrap inside the quote bar at forty columns.
        >
        > > And a nested quote.

        ---

        See <https://example.org/docs> or [the guide](https://example.org/guide "User guide") and
        https://www.example.com/autolinked for more, or mail help@example.org. ~~Old advice~~ is gone.
        Line one with a hard break\\
        line two.

        ![diagram](https://example.org/d.png)
        """

    static let hostile = """
        Try this \u{1B}[2J in a paragraph and a carriage\rreturn and a bell\u{07}.

        ```sh
        printf '\u{1B}[2J\u{1B}]0;pwned\u{07}'
        echo "\u{1B}]8;;https://evil.example\u{1B}\\\\click\u{1B}]8;;\u{1B}\\\\"
        ```

        [click me](https://evil.example "title \u{1B}]0;pwned\u{07} here") and `code \u{1B}[31m red`.

        <script>alert("\u{1B}[6n")</script>

        Bidi: \u{202E}evil\u{202C} and zero\u{200B}width and C1 \u{9B}2J.

        | col \u{1B}[1m | b |
        |---|---|
        | \u{1B}[31mred | ok |
        """

    /// Every corpus entry with its name.
    static let all: [(name: String, text: String)] = [
        ("code", code), ("table", table), ("lists", lists), ("languages", languages), ("hostile", hostile),
    ]
}
