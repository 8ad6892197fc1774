using NewsSearch.SearchStore.Conformance;
using NewsSearch.SearchStore.Querying;
using NewsSearch.SearchStore.Sqlite;

namespace NewsSearch.SearchStore.Tests;

/// <summary>
/// Property-style: thousands of generated hostile strings go through the parser and, when they parse, through
/// the SQLite store. None may throw; every outcome is a query, "match all", or an error message.
/// </summary>
public sealed class HostileQueryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "searchstore-tests", Guid.NewGuid().ToString("N"));

    private static readonly string[] Fragments =
    [
        "\"", "\"\"", "'", "*", "**", "(", ")", "((", "))", "-", "--", "+", "^", ":", "title:", "body:", "{title}", "{title body}:",
        "NEAR(", "NEAR/2", "AND", "OR", "NOT", "and", "or", "not", "&&", "||", "!", "~", "?", "\\", "/", "%", "_", ";", "--;",
        "'; DROP TABLE article; --", "\u0000", "\u0001", "\u001f", "\u007f", "\t", "\n", "\r\n", "\u200b", "\uE000", "\uE001",
        "\uD800", "\uDC00", "😀", "Türkiye", "TTP", "peace", "talks", "negot*", "a*", "Istanbul", "طالبان", "東京", "<script>",
        "&amp;", "%00", "\u0301", "e\u0301", " ", "  ", "x", "1", "2025", "rank", "bm25(", "MATCH", "SELECT", "*)", "\"*\"",
    ];

    public static TheoryData<int> Seeds() => new(Enumerable.Range(0, 8));

    private static IEnumerable<string> Generate(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var parts = random.Next(1, 24);
            var text = string.Concat(Enumerable.Range(0, parts).Select(_ => random.Next(4) switch
            {
                0 => ((char)random.Next(0, 0x3000)).ToString(),
                _ => Fragments[random.Next(Fragments.Length)],
            }) .Select(f => random.Next(3) == 0 ? f + " " : f));
            yield return text;
        }
        yield return new string('(', 5000) + new string(')', 5000);
        yield return string.Concat(Enumerable.Repeat("\"a ", 3400));
        yield return new string('x', 10_240);
        yield return string.Concat(Enumerable.Repeat("NOT ", 60)) + "x";
        yield return string.Concat(Enumerable.Repeat("(NOT ", 10)) + "talks";
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task No_generated_string_makes_the_parser_or_the_store_throw(int seed)
    {
        using var store = new SqliteSearchStore(Path.Combine(_directory, "hostile.db"));
        var ct = TestContext.Current.CancellationToken;
        await store.InitializeAsync(ct);
        await store.UpsertAsync(ConformanceCorpus.All, ct);

        var parsed = 0;
        foreach (var text in Generate(seed, 500))
        {
            var result = QueryParser.Parse(text);
            (result.Query is null || result.Error is null).ShouldBeTrue();
            if (result.Error is not null)
            {
                result.Error.ShouldNotBeNullOrWhiteSpace();
                continue;
            }
            parsed++;
            var search = await store.SearchAsync(new SearchRequest { Query = result.Query, Sources = seed % 2 == 0 ? [] : ["Dawn"] }, ct);
            search.Total.ShouldBeInRange(0, ConformanceCorpus.All.Count, text);
            await store.SuggestAsync(text, 10, ct);
        }
        parsed.ShouldBeGreaterThan(100, "the generator should produce mostly parseable text, or the store is not exercised");
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
