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
    /// <summary>
    /// A longer run of letters is no word (an address or a code run together; one of 1,800 letters was seen) and never a
    /// term: it would be a feature no other article shares.
    /// </summary>
    public const int MaxLength = 40;
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
        Count(body.AsSpan(0, Math.Min(body.Length, LeadCharacters)), 1, counts, order);
        var words = new (string Word, int Count)[order.Count];
        for (var i = 0; i < words.Length; i++) words[i] = (order[i], counts[order[i]]);
        return words;
    }

    /// <summary>The best <see cref="Max"/> of the counted words (see <see cref="From"/>), the earlier first among equals.</summary>
    public static IReadOnlyList<string> Choose(IReadOnlyList<(string Word, int Count)> counts, Func<string, int> documentFrequency, int articles)
    {
        if (counts.Count == 0) return [];
        // The best so far, best first, kept by insertion: a store chooses for every article it writes, and sorting every
        // counted word to keep twelve cost more than the assignment itself.
        var best = new (double Score, int Index)[Math.Min(Max, counts.Count)];
        var kept = 0;
        for (var i = 0; i < counts.Count; i++)
        {
            var (word, count) = counts[i];
            var score = count * Math.Log(1 + (articles + 1.0) / (documentFrequency(word) + 1));
            if (kept == best.Length && score <= best[kept - 1].Score) continue; // an equal score came earlier and stays
            var at = kept == best.Length ? kept - 1 : kept++;
            for (; at > 0 && best[at - 1].Score < score; at--) best[at] = best[at - 1];
            best[at] = (score, i);
        }
        var terms = new string[kept];
        for (var i = 0; i < kept; i++) terms[i] = counts[best[i].Index].Word;
        return terms;
    }

    private static void Count(ReadOnlySpan<char> text, int weight, Dictionary<string, int> counts, List<string> order)
    {
        var known = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[MaxLength];
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                var word = Word(text.Slice(start, i - start), buffer);
                if (!word.IsEmpty)
                {
                    // A word seen before is counted without making a string of it again.
                    if (known.TryGetValue(word, out var count)) known[word] = count + weight;
                    else
                    {
                        var added = word.ToString();
                        counts.Add(added, weight);
                        order.Add(added);
                    }
                }
                start = -1;
            }
        }
    }

    /// <summary>The word folded to lower case with a plural 's' dropped, in <paramref name="buffer"/>; empty when it carries no story.</summary>
    private static ReadOnlySpan<char> Word(ReadOnlySpan<char> span, Span<char> buffer)
    {
        if (span.Length < MinLength || span.Length > MaxLength) return [];
        var length = span.ToLowerInvariant(buffer);
        if (length > MinLength && buffer[length - 1] == 's' && buffer[length - 2] is not ('s' or 'u' or 'i')) length--;
        var word = buffer[..length];
        return StopWordLookup.Contains(word) ? [] : word;
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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
