using Microsoft.Data.Sqlite;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>
/// An immutable in-memory copy of the articles' facet values (source, publication day, actors, topics, from the
/// narrow <c>article</c> rows), indexed by the FTS rowid. Counting facets for a match set of 90,000 articles is
/// then a few array lookups per article instead of a GROUP BY over joins. A reader refreshes it incrementally from
/// the rows whose <c>seq</c> passed the generation it holds, so another process writing the file is seen at once.
/// </summary>
internal sealed class FacetIndex
{
    public const int NoDay = int.MinValue;

    private FacetIndex(long generation, Dictionaries names, string?[] ids, int[] source, int[] day, int[][] actors, int[][] topics, int count,
        int[] story, string?[] storyKeys, string?[] storyLabels)
    {
        Story = story;
        StoryKeys = storyKeys;
        StoryLabels = storyLabels;
        Generation = generation;
        Names = names;
        Ids = ids;
        Source = source;
        Day = day;
        Actors = actors;
        Topics = topics;
        Count = count;
        _actorDocs = new Lazy<int[][]>(() => Invert(Actors, Names.ActorNames.Count));
        _frequencies = new Lazy<Frequencies>(ComputeFrequencies);
        _daySpan = new Lazy<(int, int)>(ComputeDaySpan);
        _storyByKey = new Lazy<Dictionary<string, int>>(() =>
        {
            var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var id = 0; id < StoryKeys.Length; id++)
                if (StoryKeys[id] is { } key) byKey[key] = id; // a key named twice (its article deleted and sent again): the newer story
            return byKey;
        });
    }

    public static FacetIndex Empty { get; } = new(0, Dictionaries.Empty, [], [], [], [], [], 0, [], [], []);

    public long Generation { get; }
    public Dictionaries Names { get; }
    /// <summary>Article id by rowid; null where no live article has that rowid.</summary>
    public string?[] Ids { get; }
    public int[] Source { get; }
    /// <summary>Publication day as days since 0001-01-01, or <see cref="NoDay"/>.</summary>
    public int[] Day { get; }
    public int[][] Actors { get; }
    public int[][] Topics { get; }
    /// <summary>The story of each article by rowid (a story's id is the rowid of its first article), 0 when it has none yet.</summary>
    public int[] Story { get; }
    /// <summary>A story's public id (its first article's id) by story id; null where there is no story.</summary>
    public string?[] StoryKeys { get; }
    /// <summary>A story's generated label by story id.</summary>
    public string?[] StoryLabels { get; }
    /// <summary>Live articles.</summary>
    public int Count { get; }
    public int Capacity => Ids.Length;

    private readonly Lazy<int[][]> _actorDocs;
    private readonly Lazy<Frequencies> _frequencies;
    private readonly Lazy<Dictionary<string, int>> _storyByKey;
    private readonly Lazy<(int First, int Last)> _daySpan;

    /// <summary>
    /// The earliest and latest publication day in the index (<see cref="NoDay"/> twice when no article has one),
    /// so a search counts days in an array rather than a hash table. A deleted article's day may still widen it.
    /// </summary>
    public (int First, int Last) DaySpan => _daySpan.Value;

    /// <summary>Story ids by their public id, built the first time a search names a story.</summary>
    public IReadOnlyDictionary<string, int> StoryByKey => _storyByKey.Value;

    /// <summary>Rowids of the live articles naming each actor (by actor id).</summary>
    public int[][] ActorDocs => _actorDocs.Value;

    public Frequencies DocumentFrequencies => _frequencies.Value;

    /// <summary>The public id of the article's story, or null while it has none.</summary>
    public string? StoryKeyOf(int doc) =>
        doc < Story.Length && Story[doc] is > 0 and var story && story < StoryKeys.Length ? StoryKeys[story] : null;

    public bool IsLive(long rowid) => rowid >= 0 && rowid < Ids.Length && Ids[rowid] is not null;

    /// <summary>Brings the index up to <paramref name="generation"/> using the caller's read transaction.</summary>
    public FacetIndex Refresh(SqliteConnection connection, long generation)
    {
        if (generation == Generation) return this;
        var since = generation < Generation ? 0 : Generation; // the file was replaced: reload everything
        var basis = since == 0 ? Empty : this;
        var names = basis.Names.Extend(connection);

        var changed = new List<(int Doc, string Id, int Source, int Day, int[] Actors, int[] Topics, int Story)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT doc, id, source_id, published, actors, topics, story FROM article WHERE seq > $since";
            command.Parameters.AddWithValue("$since", since);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                changed.Add(((int)reader.GetInt64(0), reader.GetString(1), (int)reader.GetInt64(2), reader.IsDBNull(3) ? NoDay : (int)reader.GetInt64(3),
                    IdList(reader.GetString(4)), IdList(reader.GetString(5)), (int)reader.GetInt64(6)));
        }
        var changedStories = new List<(int Id, string Key, string Label)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, article_id, label FROM story WHERE seq > $since";
            command.Parameters.AddWithValue("$since", since);
            using var reader = command.ExecuteReader();
            while (reader.Read()) changedStories.Add(((int)reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }
        var deleted = new List<int>();
        if (since > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT doc FROM deleted WHERE seq > $since";
            command.Parameters.AddWithValue("$since", since);
            using var reader = command.ExecuteReader();
            while (reader.Read()) deleted.Add((int)reader.GetInt64(0));
        }

        var capacity = Math.Max(basis.Capacity, changed.Count == 0 ? 0 : changed.Max(c => c.Doc) + 1);
        var ids = Grow(basis.Ids, capacity);
        var source = Grow(basis.Source, capacity);
        var day = Grow(basis.Day, capacity);
        var actors = Grow(basis.Actors, capacity);
        var topics = Grow(basis.Topics, capacity);
        var story = Grow(basis.Story, capacity);
        var storyCapacity = Math.Max(capacity, changedStories.Count == 0 ? 0 : changedStories.Max(s => s.Id) + 1);
        var storyKeys = Grow(basis.StoryKeys, Math.Max(storyCapacity, basis.StoryKeys.Length));
        var storyLabels = Grow(basis.StoryLabels, storyKeys.Length);
        foreach (var (id, key, label) in changedStories)
        {
            storyKeys[id] = key;
            storyLabels[id] = label;
        }
        var count = basis.Count;

        foreach (var doc in deleted)
        {
            if (doc < capacity && ids[doc] is not null)
            {
                ids[doc] = null;
                actors[doc] = [];
                topics[doc] = [];
                count--;
            }
        }
        foreach (var (doc, id, src, d, actorIds, topicIds, storyId) in changed)
        {
            story[doc] = storyId;
            if (ids[doc] is null) count++;
            ids[doc] = id;
            source[doc] = src;
            day[doc] = d;
            actors[doc] = actorIds;
            topics[doc] = topicIds;
        }
        return new FacetIndex(generation, names, ids, source, day, actors, topics, count, story, storyKeys, storyLabels);
    }

    /// <summary>The ids in an <c>article.actors</c> or <c>article.topics</c> column, in the article's order.</summary>
    private static int[] IdList(string text) => text.Length == 0 ? [] : DocList.Parse(text).ToArray();

    private static T[] Grow<T>(T[] source, int capacity)
    {
        var copy = new T[capacity];
        Array.Copy(source, copy, source.Length);
        if (typeof(T) == typeof(int[]))
            for (var i = source.Length; i < capacity; i++) copy[i] = (T)(object)Array.Empty<int>();
        return copy;
    }

    private static int[][] Invert(int[][] links, int valueCount)
    {
        var lengths = new int[valueCount];
        foreach (var values in links)
            foreach (var v in values)
                if (v < valueCount) lengths[v]++;
        var result = new int[valueCount][];
        for (var v = 0; v < valueCount; v++) result[v] = new int[lengths[v]];
        var fill = new int[valueCount];
        for (var doc = 0; doc < links.Length; doc++)
            foreach (var v in links[doc])
                if (v < valueCount) result[v][fill[v]++] = doc;
        return result;
    }

    private Frequencies ComputeFrequencies()
    {
        var sources = new long[Names.SourceNames.Count];
        var actors = new long[Names.ActorNames.Count];
        var topics = new long[Names.TopicNames.Count];
        for (var doc = 0; doc < Ids.Length; doc++)
        {
            if (Ids[doc] is null) continue;
            if (Source[doc] < sources.Length) sources[Source[doc]]++;
            foreach (var a in Actors[doc]) if (a < actors.Length) actors[a]++;
            foreach (var t in Topics[doc]) if (t < topics.Length) topics[t]++;
        }
        return new Frequencies(sources, actors, topics);
    }

    private (int, int) ComputeDaySpan()
    {
        int first = int.MaxValue, last = int.MinValue;
        foreach (var d in Day)
        {
            if (d == NoDay) continue;
            first = Math.Min(first, d);
            last = Math.Max(last, d);
        }
        return first > last ? (NoDay, NoDay) : (first, last);
    }

    public sealed record Frequencies(long[] Sources, long[] Actors, long[] Topics);

    /// <summary>
    /// Names of facet values by database id (ids are dense: rows are never deleted from these tables).
    /// Index 0 is unused. Lookups by name ignore case, as the columns' NOCASE collation does.
    /// </summary>
    public sealed class Dictionaries
    {
        private Dictionaries(List<string> sourceNames, List<string> actorNames, List<string?> actorTypes, List<string> topicNames,
            List<(int Actor, string Key)> actorForms, long formRowid)
        {
            SourceNames = sourceNames;
            ActorNames = actorNames;
            ActorTypes = actorTypes;
            TopicNames = topicNames;
            ActorForms = actorForms;
            _formRowid = formRowid;
            SourceByName = Index(sourceNames);
            ActorByName = Index(actorNames);
            TopicByName = Index(topicNames);
        }

        public static Dictionaries Empty { get; } = new([""], [""], [null], [""], [], 0);

        public IReadOnlyList<string> SourceNames { get; }
        public IReadOnlyList<string> ActorNames { get; }
        public IReadOnlyList<string?> ActorTypes { get; }
        public IReadOnlyList<string> TopicNames { get; }
        /// <summary>Every folded name and alias of every actor, for suggestions.</summary>
        public IReadOnlyList<(int Actor, string Key)> ActorForms { get; }
        public IReadOnlyDictionary<string, int> SourceByName { get; }
        public IReadOnlyDictionary<string, int> ActorByName { get; }
        public IReadOnlyDictionary<string, int> TopicByName { get; }
        private readonly long _formRowid;

        public Dictionaries Extend(SqliteConnection connection)
        {
            var sources = new List<string>(SourceNames);
            var actors = new List<string>(ActorNames);
            var types = new List<string?>(ActorTypes);
            var topics = new List<string>(TopicNames);
            var forms = new List<(int, string)>(ActorForms);
            var formRowid = _formRowid;
            Load(connection, "SELECT id, name FROM source WHERE id >= $next ORDER BY id", sources.Count,
                row => Put(sources, row.GetInt64(0), row.GetString(1), ""));
            Load(connection, "SELECT id, name, type FROM actor WHERE id >= $next ORDER BY id", actors.Count, row =>
            {
                Put(actors, row.GetInt64(0), row.GetString(1), "");
                Put(types, row.GetInt64(0), row.GetString(2), null);
            });
            Load(connection, "SELECT id, label FROM topic WHERE id >= $next ORDER BY id", topics.Count,
                row => Put(topics, row.GetInt64(0), row.GetString(1), ""));
            Load(connection, "SELECT rowid, actor_id, form_key FROM actor_form WHERE rowid > $next ORDER BY rowid", formRowid, row =>
            {
                forms.Add(((int)row.GetInt64(1), row.GetString(2)));
                formRowid = row.GetInt64(0);
            });
            return new Dictionaries(sources, actors, types, topics, forms, formRowid);
        }

        private static void Put<T>(List<T> list, long id, T value, T filler)
        {
            while (list.Count <= id) list.Add(filler);
            list[(int)id] = value;
        }

        private static void Load(SqliteConnection connection, string sql, long next, Action<SqliteDataReader> row)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$next", next);
            using var reader = command.ExecuteReader();
            while (reader.Read()) row(reader);
        }

        private static Dictionary<string, int> Index(List<string> names)
        {
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < names.Count; i++) index.TryAdd(names[i], i);
            return index;
        }
    }
}
