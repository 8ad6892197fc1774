using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Conformance;

/// <summary>
/// A corpus on which one query is slow by design, for tests of time limits. Each article holds hundreds of words
/// found nowhere else, all starting with <see cref="Prefix"/>; the store keeps no prefix index, so a prefix query
/// gathers the postings of every word it covers, and <see cref="Query"/> asks for that prefix as many times as the
/// parser allows. Indexing the corpus takes seconds; the query, far longer than any time limit.
/// </summary>
public static class CostlyQueryCorpus
{
    public const string Prefix = "zqx";

    public static string Query { get; } = string.Join(' ', Enumerable.Repeat(Prefix + "*", QueryParser.MaxTerms));

    public static IReadOnlyList<EnrichedArticle> Articles(int count = 300, int wordsEach = 500) =>
        Enumerable.Range(0, count).Select(n => new EnrichedArticle
        {
            Id = $"c057{n:x12}",
            Title = $"Costly article {n}",
            Body = string.Join(' ', Enumerable.Range(n * wordsEach, wordsEach).Select(Word)),
            Source = "Costly Source",
            Published = new DateOnly(2025, 1, 1).AddDays(n % 300),
            Actors = [],
            Topics = [],
        }).ToList();

    /// <summary>The <paramref name="n"/>th distinct word: the prefix, then n in base 26 as letters.</summary>
    public static string Word(int n)
    {
        var letters = new char[6];
        for (var i = letters.Length - 1; i >= 0; i--, n /= 26) letters[i] = (char)('a' + n % 26);
        return Prefix + new string(letters);
    }
}
