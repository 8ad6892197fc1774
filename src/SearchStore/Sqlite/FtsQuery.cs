using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// An FTS5 MATCH expression built from the query model. <see cref="Negated"/> means the query asks for every
/// article except those matching <see cref="Match"/> (FTS5 has no unary NOT). <see cref="Phrases"/> are the strings of
/// two or more words it holds (alias forms included), which FTS5 can only match by comparing positions: each as
/// its words, every word an FTS5 expression of its own (the last one a prefix query for a prefix phrase).
/// </summary>
internal sealed record FtsQuery(string Match, bool Negated, IReadOnlyList<IReadOnlyList<string>> Phrases)
{
    public bool HasPhrase => Phrases.Count > 0;

    /// <summary>
    /// Translates the query. Every word goes into FTS5 as a double-quoted string, so user text is only ever
    /// data to the MATCH parser. <paramref name="aliases"/> gives the other known names for a folded name.
    /// </summary>
    public static FtsQuery Translate(Query query, Func<string, IReadOnlyList<string>> aliases) => query switch
    {
        TermQuery term => Words([term.Term], term.IsPrefix, aliases),
        PhraseQuery phrase => Words(phrase.Terms, false, aliases),
        NotQuery not => Negate(Translate(not.Clause, aliases)),
        AndQuery and => TranslateAnd(and.Clauses.Select(c => Translate(c, aliases)).ToList()),
        OrQuery or => TranslateOr(or.Clauses.Select(c => Translate(c, aliases)).ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query, "Unknown query node."),
    };

    private static FtsQuery Negate(FtsQuery query) => query with { Negated = !query.Negated };

    private static FtsQuery TranslateAnd(List<FtsQuery> clauses)
    {
        var phrases = clauses.SelectMany(c => c.Phrases).ToList();
        var positives = clauses.Where(c => !c.Negated).Select(c => c.Match).ToList();
        var negatives = clauses.Where(c => c.Negated).Select(c => c.Match).ToList();
        if (positives.Count == 0) return new FtsQuery(Join(negatives, "OR"), true, phrases);
        var positive = Join(positives, "AND");
        return negatives.Count == 0
            ? new FtsQuery(positive, false, phrases)
            : new FtsQuery($"{positive} NOT {Join(negatives, "OR")}", false, phrases);
    }

    // a OR NOT b == NOT (b AND NOT a): an OR with a negative clause is the complement of a positive query.
    private static FtsQuery TranslateOr(List<FtsQuery> clauses)
    {
        var phrases = clauses.SelectMany(c => c.Phrases).ToList();
        var positives = clauses.Where(c => !c.Negated).Select(c => c.Match).ToList();
        var negatives = clauses.Where(c => c.Negated).Select(c => c.Match).ToList();
        if (negatives.Count == 0) return new FtsQuery(Join(positives, "OR"), false, phrases);
        var negative = Join(negatives, "AND");
        return positives.Count == 0
            ? new FtsQuery(negative, true, phrases)
            : new FtsQuery($"{negative} NOT {Join(positives, "OR")}", true, phrases);
    }

    private static string Join(List<string> parts, string op) =>
        parts.Count == 1 ? parts[0] : "(" + string.Join($" {op} ", parts) + ")";

    private static FtsQuery Words(IReadOnlyList<string> terms, bool isPrefix, Func<string, IReadOnlyList<string>> aliases)
    {
        var words = terms.SelectMany(QueryParser.Words).ToList();
        if (words.Count == 0)
            throw new ArgumentException("A query term has no letters or digits; parse user text with QueryParser first.");
        var main = Quote(words) + (isPrefix ? " *" : "");
        if (isPrefix) return new FtsQuery(main, false, words.Count > 1 ? [WordTerms(words, lastIsPrefix: true)] : []);
        var forms = aliases(TextKey.Fold(string.Join(' ', words)))
            .Select(form => QueryParser.Words(form))
            .Where(formWords => formWords.Count > 0)
            .ToList();
        var match = Join(forms.Select(Quote).Prepend(main).Distinct().ToList(), "OR");
        var phrases = forms.Prepend(words).Where(f => f.Count > 1).Select(f => WordTerms(f, lastIsPrefix: false)).ToList();
        return new FtsQuery(match, false, phrases);
    }

    private static IReadOnlyList<string> WordTerms(IReadOnlyList<string> words, bool lastIsPrefix) =>
        words.Select((word, i) => Quote([word]) + (lastIsPrefix && i == words.Count - 1 ? " *" : "")).ToList();

    /// <summary>A phrase of words as an FTS5 string: quotes doubled, so nothing inside is syntax.</summary>
    public static string Quote(IEnumerable<string> words) =>
        "\"" + string.Join(' ', words).Replace("\"", "\"\"") + "\"";
}
