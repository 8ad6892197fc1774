using System.Globalization;
using NewsSearch.Articles;
using NewsSearch.Stories;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>What assignment reads back of an indexed article: its facet values and story, the month-day and its terms.</summary>
internal sealed record StoredStory(MatchedArticle Article, MonthDay? MonthDay, IReadOnlyList<string> Terms);

/// <summary>
/// An article's story as it is indexed: the story id, its label, the terms assignment reads back on the next start, and
/// the date it takes from its story when it has none of its own.
/// </summary>
internal sealed record StoryFields(string Story, string Label, IReadOnlyList<string> Terms, StoryDate? Dated = null);

/// <summary>A publication date taken from an article's story (see <see cref="StoryYear"/>), with the evidence shown for it.</summary>
internal sealed record StoryDate(DateOnly Date, Evidence Evidence, bool IsBound);

/// <summary>
/// What a batch changed for articles indexed before it: stories merged away (their articles move to the survivor), the
/// new labels of stories that grew or shrank, and undated articles that the new coverage of their story dates (by id).
/// Empty when the batch only began stories of its own.
/// </summary>
internal sealed record StoryChanges(
    IReadOnlyDictionary<string, string> Moved,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, StoryDate> Dated)
{
    public static StoryChanges None { get; } = new(new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, StoryDate>());

    public bool Any => Moved.Count > 0 || Labels.Count > 0 || Dated.Count > 0;
}

/// <summary>
/// The writer's in-memory copy of the index's stories (a <see cref="StoryClusterer"/>, as the embedded store keeps one),
/// read from the index when first needed. Articles are keyed by numbers of this process's own; a story's public id is the
/// id of the article that began it, kept when that article goes. Not thread-safe: the store's write lock guards it.
/// </summary>
internal sealed class StoryAssigner
{
    private StoryClusterer? _clusterer;
    private readonly Dictionary<string, long> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _ids = [];
    private readonly Dictionary<long, string> _storyIds = [];
    private readonly Dictionary<string, long> _storyKeys = new(StringComparer.Ordinal);
    private long _lastKey;

    // One batch's bookkeeping (see Begin).
    private readonly Dictionary<string, string> _moved = new(StringComparer.Ordinal);
    private readonly HashSet<long> _grown = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoryDate> _dated = new(StringComparer.Ordinal);

    public bool Loaded => _clusterer is not null;

    /// <summary>A write failed or was cut short: the copy may hold what the index does not, so it is read again next time.</summary>
    public void Forget()
    {
        _clusterer = null;
        _keys.Clear();
        _ids.Clear();
        _storyIds.Clear();
        _storyKeys.Clear();
        _lastKey = 0;
    }

    /// <summary>Puts back the stories the index holds; an article indexed before stories existed waits for its next write.</summary>
    public void Load(IEnumerable<StoredStory> stored)
    {
        Forget();
        var clusterer = new StoryClusterer();
        foreach (var (article, monthDay, terms) in stored)
        {
            if (article.Story is not { } story) continue;
            clusterer.Restore(new StoryArticle(Key(article.Id), article.Source, article.Published, monthDay, [.. article.Actors.Select(a => a.Name)], terms), StoryKey(story));
        }
        _clusterer = clusterer;
    }

    public void Begin()
    {
        _moved.Clear();
        _grown.Clear();
        _terms.Clear();
        _dated.Clear();
    }

    /// <summary>Decides the story of a new or changed article of the batch.</summary>
    public void Assign(EnrichedArticle article)
    {
        var clusterer = _clusterer ?? throw new InvalidOperationException("The stories are not loaded.");
        var key = Key(article.Id);
        var terms = StoryTerms.Choose(StoryTerms.Count(article.Title, article.Body), clusterer.TermFrequency, clusterer.Count);
        var source = string.IsNullOrWhiteSpace(article.Source) ? EnrichedArticle.UnknownSource : article.Source.Trim();
        var monthDay = article.Published is null ? MonthDay.Parse(article.PublishedMonthDay) : null;
        var assignment = clusterer.Assign(new StoryArticle(key, source, article.Published, monthDay,
            [.. article.Actors.Select(a => a.Name.Trim())], terms));
        if (!_storyIds.ContainsKey(assignment.Story)) Name(assignment.Story, article.Id);
        var survivor = _storyIds[assignment.Story];
        foreach (var absorbed in assignment.Absorbed)
        {
            var absorbedId = _storyIds[absorbed];
            // A move earlier in the batch into the story now absorbed goes straight to the survivor.
            foreach (var (from, to) in _moved.ToList())
                if (to == absorbedId) _moved[from] = survivor;
            _moved[absorbedId] = survivor;
            _grown.Remove(absorbed);
        }
        if (clusterer.Members(assignment.Story).Count > 1) _grown.Add(assignment.Story);
        _terms[article.Id] = terms;
        _dated.Remove(article.Id);
        if (article.Published is null && DateFromStory(assignment.Story, key, monthDay) is { } dated)
        {
            _dated[article.Id] = dated;
            clusterer.Date(key, dated.Date, dated.IsBound);
        }
    }

    /// <summary>The fields of an article assigned in this batch, with its story as the whole batch left it.</summary>
    public StoryFields Fields(string id)
    {
        var story = _clusterer!.StoryOf(_keys[id])!.Value;
        return new StoryFields(_storyIds[story], _clusterer.Label(story), _terms[id], _dated.GetValueOrDefault(id));
    }

    /// <summary>
    /// What the batch changed for the articles indexed before it, once every article of the batch is assigned and before
    /// any is written: undated articles of the stories it grew are dated when the story's coverage now places them,
    /// whether they came earlier or in this batch (then <see cref="Fields"/> carries the date).
    /// </summary>
    public StoryChanges Changes()
    {
        var clusterer = _clusterer!;
        var grown = _grown.Where(s => clusterer.Members(s).Count > 0).ToList();
        var dated = new Dictionary<string, StoryDate>(StringComparer.Ordinal);
        foreach (var story in grown)
        {
            foreach (var undated in clusterer.Members(story).Where(m => m.Published is null))
            {
                if (DateFromStory(story, undated.Doc, undated.MonthDay) is not { } date) continue;
                var id = _ids[undated.Doc];
                // An article of this batch is written with its date; one indexed before it is dated in place.
                if (_terms.ContainsKey(id)) _dated[id] = date;
                else dated[id] = date;
                clusterer.Date(undated.Doc, date.Date, date.IsBound);
            }
        }
        return new StoryChanges(
            new Dictionary<string, string>(_moved, StringComparer.Ordinal),
            grown.ToDictionary(s => _storyIds[s], clusterer.Label, StringComparer.Ordinal),
            dated);
    }

    /// <summary>Forgets a deleted article; the new label of its story when other articles remain in it.</summary>
    public StoryChanges Remove(string id)
    {
        if (_clusterer is not { } clusterer || !_keys.Remove(id, out var key) || clusterer.Remove(key) is not { } story || clusterer.Members(story).Count == 0)
            return StoryChanges.None;
        _ids.Remove(key);
        return StoryChanges.None with { Labels = new Dictionary<string, string> { [_storyIds[story]] = clusterer.Label(story) } };
    }

    /// <summary>The date of an undated article from its story (<see cref="StoryYear.FromCoverage"/>), as the embedded store decides it.</summary>
    private StoryDate? DateFromStory(long story, long key, MonthDay? day) =>
        StoryYear.FromCoverage(_clusterer!.Members(story), key, day) is { } dated
            ? new StoryDate(dated.Date, new Evidence("story", dated.Reason, dated.Confidence), dated.IsBound)
            : null;

    private long Key(string id)
    {
        if (_keys.TryGetValue(id, out var key)) return key;
        _keys[id] = key = ++_lastKey;
        _ids[key] = id;
        return key;
    }

    /// <summary>The key of a story read from the index: one of its own, never an article's, so it outlives its first article.</summary>
    private long StoryKey(string story)
    {
        if (_storyKeys.TryGetValue(story, out var key)) return key;
        key = ++_lastKey;
        Name(key, story);
        return key;
    }

    private void Name(long key, string story)
    {
        _storyIds[key] = story;
        _storyKeys[story] = key;
    }
}
