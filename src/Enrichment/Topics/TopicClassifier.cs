using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text.Json;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Topics;

/// <summary>One topic of the taxonomy (Data/topics.json).</summary>
public sealed record TopicDefinition(string Id, string Label, string? Iptc, string Description, IReadOnlyDictionary<string, double> Keywords);

/// <summary>The taxonomy and how many topics an article gets.</summary>
public sealed record TopicTaxonomy(double MinScore, double RelativeCutoff, int MinTopics, int MaxTopics, IReadOnlyList<TopicDefinition> Topics)
{
    public static TopicTaxonomy Default { get; } = Load();

    private static TopicTaxonomy Load()
    {
        using var stream = DataFile.Open("topics.json");
        return JsonSerializer.Deserialize<TopicTaxonomy>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("topics.json is empty");
    }
}

/// <summary>
/// Scores an article against the taxonomy by weighted keywords and phrases. Repeating a word helps
/// less each time (log), so one noisy word cannot carry a topic; a topic needs an absolute score and a
/// share of the best topic's score to be kept.
/// </summary>
public sealed class TopicClassifier
{
    private const int MaxPhraseWords = 4;

    private readonly TopicTaxonomy _taxonomy;
    private readonly FrozenDictionary<string, (int Topic, double Weight)[]> _phrases;
    // Every proper prefix of a multi-word phrase ("border" of "border crossing"): n-grams grow only while they can still match.
    private readonly FrozenSet<string> _prefixes;

    public TopicClassifier(TopicTaxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        var phrases = new Dictionary<string, List<(int, double)>>(StringComparer.Ordinal);
        for (var i = 0; i < taxonomy.Topics.Count; i++)
        {
            foreach (var (keyword, weight) in taxonomy.Topics[i].Keywords)
            {
                var key = Stems(keyword).Joined;
                if (key.Length == 0)
                {
                    continue;
                }

                if (!phrases.TryGetValue(key, out var list))
                {
                    phrases[key] = list = [];
                }

                list.Add((i, weight));
            }
        }

        _phrases = phrases.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _prefixes = phrases.Keys
            .SelectMany(key =>
            {
                var words = key.Split(' ');
                return Enumerable.Range(1, words.Length - 1).Select(n => string.Join(' ', words.Take(n)));
            })
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public static TopicClassifier CreateDefault() => new(TopicTaxonomy.Default);

    public IReadOnlyList<TopicScore> Classify(string title, string body)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // The headline says what the story is about: its words count twice.
        Count(title, counts, 2);
        Count(body, counts, 1);

        var scores = new double[_taxonomy.Topics.Count];
        foreach (var (phrase, count) in counts)
        {
            foreach (var (topic, weight) in _phrases[phrase])
            {
                scores[topic] += weight * (1 + Math.Log(count));
            }
        }

        var best = scores.Length == 0 ? 0 : scores.Max();
        if (best < _taxonomy.MinScore)
        {
            return [];
        }

        var ranked = scores
            .Select((score, index) => (Score: score, Index: index))
            .Where(t => t.Score > 0)
            .OrderByDescending(t => t.Score)
            .ToList();
        var kept = ranked
            .Where((t, rank) => rank < _taxonomy.MinTopics || t.Score >= _taxonomy.MinScore && t.Score >= best * _taxonomy.RelativeCutoff)
            .Take(_taxonomy.MaxTopics);
        return kept
            .Select(t => new TopicScore(_taxonomy.Topics[t.Index].Label, Math.Round(t.Score / best, 3), _taxonomy.Topics[t.Index].Iptc))
            .ToList();
    }

    private void Count(string text, Dictionary<string, int> counts, int weight)
    {
        var (joined, words) = Stems(text);
        var phrases = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixes = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        var counted = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < words.Count; i++)
        {
            // The n-gram of words i..i+n is one slice of the joined text, so no string is made unless it counts.
            for (var n = 0; n < MaxPhraseWords && i + n < words.Count; n++)
            {
                var key = joined.AsSpan()[words[i].Start..words[i + n].End];
                if (phrases.ContainsKey(key))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counted, key, out _) += weight;
                }

                if (!prefixes.Contains(key))
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Lower-case words, hyphens and apostrophes treated as breaks, plurals folded ("clashes" → "clash"), joined by
    /// single spaces into one string, with where each word lies in it.
    /// </summary>
    private static (string Joined, List<Range> Words) Stems(string text)
    {
        // Words joined by one space never outgrow the text: every word is followed or preceded by a break there too.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        var words = new List<Range>(text.Length / 5);
        var length = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (words.Count > 0)
                {
                    buffer[length++] = ' ';
                }

                var stem = Stem(text.AsSpan(start, i - start), buffer.AsSpan(length));
                words.Add(new Range(length, length + stem));
                length += stem;
                start = -1;
            }
        }

        var joined = new string(buffer, 0, length);
        ArrayPool<char>.Shared.Return(buffer);
        return (joined, words);
    }

    /// <summary>Writes the lower-case, singular form of <paramref name="word"/> into <paramref name="destination"/>; returns its length.</summary>
    private static int Stem(ReadOnlySpan<char> word, Span<char> destination)
    {
        var w = destination[..word.ToLowerInvariant(destination)];
        if (w.Length > 4)
        {
            if (w.EndsWith("ies"))
            {
                w[^3] = 'y';
                return w.Length - 2;
            }

            if (w.EndsWith("shes") || w.EndsWith("ches") || w.EndsWith("sses") || w.EndsWith("xes"))
            {
                return w.Length - 2;
            }

            if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
            {
                return w.Length - 1;
            }
        }

        return w.Length;
    }
}
