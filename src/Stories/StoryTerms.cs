using System.Globalization;

namespace NewsSearch.Stories;

/// <summary>
/// An article's distinctive terms: the words of its title and lead that it repeats, weighted against how many other
/// articles chose the same word. Only the title and lead are read: they name the event, and reading the whole body
/// would cost most of the assignment's time for words that rarely tell stories apart.
/// </summary>
public static class StoryTerms
{
    public const int Max = 12;
    /// <summary>How much of the body counts as its lead.</summary>
    public const int LeadCharacters = 2000;
    private const int TitleWeight = 3;
    private const int MinLength = 4;

    /// <summary>
    /// The article's terms, best first. <paramref name="documentFrequency"/> tells how many indexed articles already
    /// chose a word, and <paramref name="articles"/> how many there are: a word every article picks stops being chosen.
    /// </summary>
    public static IReadOnlyList<string> From(string title, string body, Func<string, int> documentFrequency, int articles) =>
        Choose(Count(title, body), documentFrequency, articles);

    /// <summary>
    /// The candidate words of title and lead with their counts (title words count <see cref="TitleWeight"/> times), in the
    /// order they first appear. Needs nothing from the index, so a store counts a batch on other threads.
    /// </summary>
    public static IReadOnlyList<(string Word, int Count)> Count(string title, string body)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        Count(title, TitleWeight, counts, order);
        Count(body.Length > LeadCharacters ? body[..LeadCharacters] : body, 1, counts, order);
        return order.Select(w => (w, counts[w])).ToList();
    }

    /// <summary>The best <see cref="Max"/> of the counted words (see <see cref="From"/>), the earlier first among equals.</summary>
    public static IReadOnlyList<string> Choose(IReadOnlyList<(string Word, int Count)> counts, Func<string, int> documentFrequency, int articles) =>
        counts
            .Select((c, index) => (c.Word, Index: index, Score: c.Count * Math.Log(1 + (articles + 1.0) / (documentFrequency(c.Word) + 1))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Index)
            .Take(Max)
            .Select(c => c.Word)
            .ToList();

    private static void Count(string text, int weight, Dictionary<string, int> counts, List<string> order)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                if (Word(text.AsSpan(start, i - start)) is { } word)
                {
                    if (!counts.TryAdd(word, weight)) counts[word] += weight;
                    else order.Add(word);
                }
                start = -1;
            }
        }
    }

    /// <summary>The word folded to lower case with a plural 's' dropped, or null when it carries no story.</summary>
    private static string? Word(ReadOnlySpan<char> span)
    {
        if (span.Length < MinLength) return null;
        var word = span.ToString().ToLower(CultureInfo.InvariantCulture);
        if (word.Length > MinLength && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i')) word = word[..^1];
        return StopWords.Contains(word) ? null : word;
    }

    // Function words and the vocabulary of reporting itself ("said", "told", weekdays): every story has them.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "against", "also", "although", "among", "another", "around", "because", "been",
        "before", "being", "below", "between", "both", "could", "does", "doing", "down", "during", "each", "either", "even",
        "ever", "every", "from", "further", "have", "having", "here", "however", "into", "itself", "just", "last", "least",
        "less", "many", "more", "most", "much", "must", "near", "next", "only", "other", "others", "over", "same", "several",
        "should", "since", "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "under", "until", "upon", "very", "were", "what", "when", "where", "whether", "which", "while", "whom",
        "whose", "will", "with", "within", "without", "would", "your", "yours", "said", "say", "says", "told", "tell",
        "according", "added", "reported", "report", "statement", "news", "year", "years", "month", "months", "week", "weeks",
        "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "first", "second", "third", "new", "people", "time", "made", "make", "like", "well", "still", "take", "took",
        "image", "photo", "read", "more", "click", "share", "comment", "follow", "subscribe",
    };
}
