namespace NewsSearch.Stories;

/// <summary>
/// Groups articles into stories as they arrive. An article is compared with the articles that share a not-too-common
/// actor or term with it and are close in time (<see cref="SameStory"/>); it joins the story of those it matches, or
/// begins a story of its own (named by its own key). An article that matches articles of several stories merges them:
/// the largest story keeps its id (the older one when they are as large), and the others' articles move into it.
/// Not thread-safe: the one writer of a store owns one.
/// </summary>
public sealed class StoryClusterer
{
    /// <summary>
    /// How many postings an assignment reads to find candidates, rarest features first and newest articles first: the
    /// features that tell a story apart are rare, and the cost of an assignment stays flat as the index grows. A feature
    /// the budget does not reach still counts in the comparison.
    /// </summary>
    public const int PostingBudget = 600;
    /// <summary>How many candidates, by the weight of what they share, are compared in full.</summary>
    public const int MaxCandidates = 25;

    private readonly Dictionary<string, int> _featureIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _featureKeys;
    private readonly List<int> _frequency = [];
    private readonly List<List<long>> _postings = [];
    private readonly Dictionary<long, Entry> _entries = [];
    private readonly Dictionary<long, HashSet<long>> _members = [];

    private sealed class Entry(StoryArticle article, int[] features, long story)
    {
        public StoryArticle Article { get; set; } = article;
        public int[] Features { get; } = features;
        public long Story { get; set; } = story;
    }

    // Reused by every assignment (see Candidates and CachedWeight): assigning is the writer's hot loop.
    private readonly Dictionary<long, double> _shared = [];
    private readonly Func<int, double> _cachedWeight;
    private double[] _weights = [];
    private int[] _weighedAt = [];
    private int _assignments;

    public StoryClusterer()
    {
        _featureKeys = _featureIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _cachedWeight = CachedWeight;
    }

    public int Count => _entries.Count;

    /// <summary>How many indexed articles chose this term: what <see cref="StoryTerms.From"/> weighs words against.</summary>
    public int TermFrequency(string term) => FindFeature('t', term, lower: false) is { } id ? _frequency[id] : 0;

    /// <summary>Puts back an article whose story is already decided (reading a store's saved assignments).</summary>
    public void Restore(StoryArticle article, long story)
    {
        Remove(article.Doc);
        Add(article, Intern(article), story);
    }

    /// <summary>Decides the story of a new or changed article, and records it.</summary>
    public StoryAssignment Assign(StoryArticle article)
    {
        Remove(article.Doc);
        var features = Intern(article);
        _assignments++; // weights cached from here on hold until the article is added
        var linked = new Dictionary<long, double>();
        foreach (var other in Candidates(article, features))
        {
            var entry = _entries[other];
            var similarity = SameStory.Similarity(features, entry.Features, _cachedWeight,
                SameStory.GapDays(article.Published, article.MonthDay, entry.Article.Published, entry.Article.MonthDay));
            if (SameStory.IsSame(similarity) && similarity > linked.GetValueOrDefault(entry.Story))
                linked[entry.Story] = similarity;
        }
        if (linked.Count == 0)
        {
            // A story of its own, named by its key. A story's first article that no longer matches the others thus stays
            // in it: the story is named by that article, and splitting it would leave two stories of one name.
            Add(article, features, article.Doc);
            return new StoryAssignment(article.Doc, article.Doc, []);
        }
        var ordered = linked.Keys.OrderByDescending(s => _members[s].Count).ThenBy(s => s).ToList();
        var survivor = ordered[0];
        foreach (var absorbed in ordered.Skip(1)) Move(absorbed, survivor);
        Add(article, features, survivor);
        return new StoryAssignment(article.Doc, survivor, ordered.Skip(1).ToList());
    }

    /// <summary>Forgets an article; returns the story it was in, if any. Its story keeps its id while others remain in it.</summary>
    public long? Remove(long doc)
    {
        if (!_entries.Remove(doc, out var entry)) return null;
        foreach (var f in entry.Features)
        {
            _frequency[f]--;
            _postings[f].Remove(doc);
        }
        var members = _members[entry.Story];
        members.Remove(doc);
        if (members.Count == 0) _members.Remove(entry.Story);
        return entry.Story;
    }

    public long? StoryOf(long doc) => _entries.TryGetValue(doc, out var entry) ? entry.Story : null;

    /// <summary>The articles of a story; empty when there is none.</summary>
    public IReadOnlyList<StoryArticle> Members(long story) =>
        _members.TryGetValue(story, out var docs) ? docs.Select(d => _entries[d].Article).ToList() : [];

    /// <summary>
    /// Records a publication date found for an article afterwards (a year taken from its story); <paramref name="bound"/>
    /// when it is only the story's first day (<see cref="StoryArticle.DateIsBound"/>).
    /// </summary>
    public void Date(long doc, DateOnly published, bool bound = false)
    {
        if (_entries.TryGetValue(doc, out var entry)) entry.Article = entry.Article with { Published = published, DateIsBound = bound };
    }

    /// <summary>How much a shared feature says: the rarer in the index, the more (an inverse document frequency).</summary>
    public double Weight(int feature) => Math.Log(1 + (double)Math.Max(1, _entries.Count) / Math.Max(1, _frequency[feature]));

    /// <summary>The story's label (see <see cref="StoryLabel"/>).</summary>
    public string Label(long story) => StoryLabel.For(Members(story), feature => _featureIds.TryGetValue(feature, out var id) ? Weight(id) : 0);

    /// <summary>Articles sharing a not-too-common feature and near enough in time, by the weight of what they share.</summary>
    private List<long> Candidates(StoryArticle article, int[] features)
    {
        var shared = _shared;
        shared.Clear();
        var budget = PostingBudget;
        foreach (var f in ByPostings(features))
        {
            var postings = _postings[f];
            if (budget <= 0) break;
            var weight = CachedWeight(f);
            for (var i = postings.Count - 1; i >= 0 && budget-- > 0; i--)
            {
                var other = postings[i];
                ref var total = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(shared, other, out var known);
                if (!known)
                {
                    var entry = _entries[other].Article;
                    if (SameStory.DateFactor(SameStory.GapDays(article.Published, article.MonthDay, entry.Published, entry.MonthDay)) == 0)
                    {
                        total = double.NegativeInfinity; // too far apart: never a candidate, whatever else it shares
                        continue;
                    }
                }
                total += weight;
            }
        }
        // The best MaxCandidates by shared weight, the lower key first among equals, kept by insertion.
        var best = new (long Doc, double Shared)[MaxCandidates];
        var kept = 0;
        foreach (var (doc, total) in shared)
        {
            if (total <= 0 || (kept == MaxCandidates && !Before(total, doc, best[kept - 1]))) continue;
            var at = kept == MaxCandidates ? kept - 1 : kept++;
            for (; at > 0 && Before(total, doc, best[at - 1]); at--) best[at] = best[at - 1];
            best[at] = (doc, total);
        }
        var candidates = new List<long>(kept);
        for (var i = 0; i < kept; i++) candidates.Add(best[i].Doc);
        return candidates;

        static bool Before(double total, long doc, (long Doc, double Shared) other) =>
            total > other.Shared || (total == other.Shared && doc < other.Doc);
    }

    /// <summary>The features, those with the fewest postings first (in the article's order among equals).</summary>
    private int[] ByPostings(int[] features)
    {
        var keys = new long[features.Length];
        var ordered = (int[])features.Clone();
        for (var i = 0; i < features.Length; i++) keys[i] = ((long)_postings[features[i]].Count << 32) | (uint)i;
        Array.Sort(keys, ordered);
        return ordered;
    }

    /// <summary><see cref="Weight"/>, computed once per feature within an assignment (the index does not change meanwhile).</summary>
    private double CachedWeight(int feature)
    {
        if (_weighedAt[feature] == _assignments) return _weights[feature];
        _weighedAt[feature] = _assignments;
        return _weights[feature] = Weight(feature);
    }

    private void Add(StoryArticle article, int[] features, long story)
    {
        _entries[article.Doc] = new Entry(article, features, story);
        foreach (var f in features)
        {
            _frequency[f]++;
            _postings[f].Add(article.Doc);
        }
        if (!_members.TryGetValue(story, out var members)) _members[story] = members = [];
        members.Add(article.Doc);
    }

    private void Move(long from, long to)
    {
        var moving = _members[from];
        _members.Remove(from);
        foreach (var doc in moving) _entries[doc].Story = to;
        _members[to].UnionWith(moving);
    }

    private int[] Intern(StoryArticle article)
    {
        var ids = new List<int>(article.Actors.Count + article.Terms.Count);
        foreach (var actor in article.Actors) AddOnce(ids, FindFeature('a', actor, lower: true) ?? Id(ActorKey(actor)));
        foreach (var term in article.Terms) AddOnce(ids, FindFeature('t', term, lower: false) ?? Id(TermKey(term)));
        return [.. ids];

        static void AddOnce(List<int> ids, int id)
        {
            if (!ids.Contains(id)) ids.Add(id);
        }
    }

    /// <summary>The id of the feature <see cref="ActorKey"/> or <see cref="TermKey"/> names, found without building the key.</summary>
    private int? FindFeature(char kind, string name, bool lower)
    {
        Span<char> key = name.Length <= 254 ? stackalloc char[name.Length + 2] : new char[name.Length + 2];
        key[0] = kind;
        key[1] = ':';
        if (lower) name.AsSpan().ToLowerInvariant(key[2..]);
        else name.CopyTo(key[2..]);
        return _featureKeys.TryGetValue(key, out var id) ? id : null;
    }

    private int Id(string key)
    {
        if (_featureIds.TryGetValue(key, out var id)) return id;
        id = _frequency.Count;
        _featureIds[key] = id;
        _frequency.Add(0);
        _postings.Add([]);
        if (id >= _weights.Length)
        {
            Array.Resize(ref _weights, Math.Max(1024, id * 2));
            Array.Resize(ref _weighedAt, _weights.Length);
        }
        return id;
    }

    internal static string ActorKey(string name) => "a:" + name.ToLowerInvariant();

    internal static string TermKey(string term) => "t:" + term;
}
