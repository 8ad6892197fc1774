using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>The <c>_update_by_query</c> that applies a batch's <see cref="StoryChanges"/> to the articles indexed before it.</summary>
internal static class StoryUpdates
{
    /// <summary>
    /// A fixed script with the changes as parameters (the script compiles once and is cached by the cluster): an article of
    /// a merged story moves to the survivor, every article of a changed story takes its new label, and an undated article
    /// that its story now places takes that date. The dated articles belong to changed stories, so the query finds them.
    /// </summary>
    public const string Script = """
        String story = ctx._source.story;
        if (params.moved.containsKey(story)) { story = params.moved.get(story); ctx._source.story = story; }
        if (params.labels.containsKey(story)) { ctx._source.story_label = params.labels.get(story); }
        if (params.dated.containsKey(ctx._id)) {
          def dated = params.dated.get(ctx._id);
          ctx._source.published = dated.date; ctx._source.publishedEvidence = dated.evidence; ctx._source.yearKnown = true;
        }
        """;

    public static UpdateByQueryRequest Request(string alias, StoryChanges changes) => new(alias)
    {
        Query = QueryTranslator.Terms(ArticleIndex.Story, changes.Moved.Keys.Concat(changes.Labels.Keys)),
        Script = new Script
        {
            Source = Script,
            Params = new Dictionary<string, object>
            {
                ["moved"] = changes.Moved,
                ["labels"] = changes.Labels,
                ["dated"] = changes.Dated.ToDictionary(d => d.Key, d => (object)Dated(d.Value)),
            },
        },
        // Visible to the next search, as the bulk write is; a conflict is a failure, never skipped silently.
        Refresh = true,
        Conflicts = Conflicts.Abort,
    };

    /// <summary>The date and its evidence as the article's JSON holds them.</summary>
    private static Dictionary<string, object> Dated(StoryDate dated) => new()
    {
        ["date"] = FacetedSearch.Iso(dated.Date),
        ["evidence"] = JsonSerializer.SerializeToNode(dated.Evidence, ArticleJson.Options)!,
    };
}
