using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Sqlite;

/// <summary>Completions over facet values: a folded prefix of the value or of any word in it (or in an actor's alias).</summary>
internal static class Suggester
{
    public static IEnumerable<Suggestion> Suggest(FacetIndex index, string key, int limit)
    {
        var names = index.Names;
        var frequencies = index.DocumentFrequencies;

        var actorIds = names.ActorForms.Where(f => Completes(f.Key, key)).Select(f => f.Actor).ToHashSet();
        var actors = actorIds
            .Where(id => id < frequencies.Actors.Length && frequencies.Actors[id] > 0)
            .Select(id => new Suggestion(names.ActorNames[id], SuggestionKind.Actor, frequencies.Actors[id]));
        var topics = Values(names.TopicNames, frequencies.Topics, key, SuggestionKind.Topic);
        var sources = Values(names.SourceNames, frequencies.Sources, key, SuggestionKind.Source);
        return actors.Concat(topics).Concat(sources).OrderByDescending(s => s.Count).Take(limit);
    }

    private static IEnumerable<Suggestion> Values(IReadOnlyList<string> names, long[] counts, string key, SuggestionKind kind)
    {
        for (var id = 1; id < names.Count; id++)
            if (id < counts.Length && counts[id] > 0 && Completes(TextKey.Fold(names[id]), key))
                yield return new Suggestion(names[id], kind, counts[id]);
    }

    private static bool Completes(string folded, string key) =>
        folded.StartsWith(key, StringComparison.Ordinal) || folded.Contains(" " + key, StringComparison.Ordinal);
}
