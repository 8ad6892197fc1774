using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch.Analysis;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using NewsSearch.Articles;
using NewsSearch.SearchStore.Querying;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>
/// The index layout: settings, explicit mappings, and the document each article becomes.
/// The document is the whole <see cref="EnrichedArticle"/> (ArticleJson shape, so Get returns it unchanged)
/// plus derived fields; <c>dynamic: false</c> keeps the rest (quotes, comments, evidence) in _source only.
/// </summary>
internal static class ArticleIndex
{
    /// <summary>Bump on any change to settings, mappings or derived fields: a new index is built and swapped in.</summary>
    public const int SchemaVersion = 2;

    public static string IndexName(string alias) => $"{alias}-v{SchemaVersion}";

    // Field names, in one place because queries, aggregations and parsing all use them.
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
    public const string Source = "source";
    public const string Published = "published";
    public const string Actors = "actors";
    public const string ActorName = "actors.name";
    public const string ActorType = "actors.type";
    /// <summary>Derived, per actor: the folded keys (see <see cref="TextKey"/>) of its name and aliases, for the alias table.</summary>
    public const string ActorKeys = "actors.keys";
    /// <summary>Derived, per actor: its name and aliases as written, the forms a query for any of them expands to.</summary>
    public const string ActorForms = "actors.forms";
    public const string Topics = "topics";
    public const string TopicLabel = "topics.label";
    /// <summary>Every actor's canonical name and aliases as text, so "TTP" finds an article naming Tehreek-e-Taliban Pakistan.</summary>
    public const string ActorNames = "actor_names";
    /// <summary>The story the store assigned (<see cref="EnrichedArticle.Story"/>): the id of the article that began it.</summary>
    public const string Story = "story";
    /// <summary>Derived: the story's generated label, on each of its articles, so a facet or a story reads it with its counts.</summary>
    public const string StoryLabel = "story_label";
    /// <summary>Derived: the distinctive terms story assignment chose for the article, read back when the writer starts.</summary>
    public const string StoryTerms = "story_terms";
    public const string PublishedMonthDay = "publishedMonthDay";

    /// <summary>Subfield of text fields: folded but not stemmed, for prefix queries (stems would cut prefixes short).</summary>
    public const string Plain = ".plain";
    /// <summary>Subfield of keyword facets: lowercase + asciifolding normalizer, for case- and accent-blind filters.</summary>
    public const string Folded = ".folded";
    /// <summary>Subfield of keyword facets: folded words, for suggestions that start inside a name.</summary>
    public const string Words = ".words";

    /// <summary>The request that creates the concrete index: analysis settings and explicit mappings.</summary>
    public static CreateIndexRequest CreateIndex(string index) => new(index)
    {
        Settings = new IndexSettings
        {
            Analysis = new IndexSettingsAnalysis
            {
                TokenFilters = new TokenFilters
                {
                    ["english_stemmer"] = new StemmerTokenFilter { Language = "english" },
                    ["english_possessive_stemmer"] = new StemmerTokenFilter { Language = "possessive_english" },
                },
                Analyzers = new Analyzers
                {
                    // The built-in english analyzer, rebuilt with asciifolding (Türkiye ~ turkiye) and without stop words,
                    // so that phrase and AND semantics match the embedded store, which keeps every word.
                    [EnglishAnalyzer] = new CustomAnalyzer
                    {
                        Tokenizer = "standard",
                        Filter = ["english_possessive_stemmer", "lowercase", "asciifolding", "english_stemmer"],
                    },
                    [FoldedAnalyzer] = new CustomAnalyzer { Tokenizer = "standard", Filter = ["lowercase", "asciifolding"] },
                },
                Normalizers = new Normalizers { [FoldedAnalyzer] = new CustomNormalizer { Filter = ["lowercase", "asciifolding"] } },
            },
        },
        Mappings = new TypeMapping
        {
            Dynamic = DynamicMapping.False,
            // Records which code built the index, for an operator looking at the cluster.
            Meta = new Dictionary<string, object> { ["news_search"] = new Dictionary<string, int> { ["schema_version"] = SchemaVersion } },
            Properties = new Properties
            {
                [Id] = new KeywordProperty(),
                [Title] = EnglishText(),
                [Body] = EnglishText(),
                [Source] = Facet(),
                [Published] = new DateProperty { Format = "strict_date" },
                // Nested, so an actor's name and type stay paired in aggregations and suggestions.
                [Actors] = new NestedProperty
                {
                    Properties = new Properties
                    {
                        ["name"] = Facet(),
                        ["type"] = new KeywordProperty(),
                        ["keys"] = new KeywordProperty(),
                        ["forms"] = new KeywordProperty(),
                    },
                },
                [Topics] = new NestedProperty { Properties = new Properties { ["label"] = Facet() } },
                [ActorNames] = EnglishText(),
                [Story] = new KeywordProperty(),
                [StoryLabel] = new KeywordProperty(),
                // Only read back from _source, never searched or counted: no index, no doc values (and so no term length limit).
                [StoryTerms] = new KeywordProperty { Index = false, DocValues = false },
            },
        },
    };

    private const string EnglishAnalyzer = "english_folded";
    private const string FoldedAnalyzer = "folded";

    private static TextProperty EnglishText() => new()
    {
        Analyzer = EnglishAnalyzer,
        Fields = new Properties { ["plain"] = new TextProperty { Analyzer = FoldedAnalyzer } },
    };

    /// <summary>The original value for display and aggregation, plus folded subfields for matching.</summary>
    private static KeywordProperty Facet() => new()
    {
        Fields = new Properties
        {
            ["folded"] = new KeywordProperty { Normalizer = FoldedAnalyzer },
            ["words"] = new TextProperty { Analyzer = FoldedAnalyzer },
        },
    };

    /// <param name="article">The article.</param>
    /// <param name="story">The story the store assigned it; none when it is copied into a new index without assignment.</param>
    public static JsonObject Document(EnrichedArticle article, StoryFields? story = null)
    {
        if (story?.Dated is { } dated) article = article with { Published = dated.Date, PublishedEvidence = dated.Evidence };
        var document = JsonSerializer.SerializeToNode(article, ArticleJson.Options)!.AsObject();
        var names = new JsonArray();
        var actors = document["actors"]!.AsArray();
        for (var i = 0; i < article.Actors.Count; i++)
        {
            var forms = Forms(article.Actors[i]);
            foreach (var form in forms) names.Add(form);
            actors[i]!["forms"] = new JsonArray([.. forms.Select(f => (JsonNode)f)]);
            actors[i]!["keys"] = new JsonArray([.. forms.Select(TextKey.Fold).Where(k => k.Length > 0).Distinct().Select(k => (JsonNode)k)]);
        }
        document[ActorNames] = names;
        // The store decides stories; what the article arrives with is not trusted.
        document.Remove(Story);
        if (story is not null)
        {
            document[Story] = story.Story;
            document[StoryLabel] = story.Label;
            document[StoryTerms] = new JsonArray([.. story.Terms.Select(t => (JsonNode)t)]);
        }
        return document;
    }

    private static List<string> Forms(ActorMention actor) =>
        (actor.Aliases ?? []).Prepend(actor.Name).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList();

    /// <summary>The story fields a document holds, to copy them into a new index; null when it has no story.</summary>
    public static StoryFields? StoryOf(JsonObject? source) =>
        SearchResults.String(source?[Story]) is { } story
            ? new StoryFields(
                story,
                SearchResults.String(source![StoryLabel]) ?? "",
                source[StoryTerms] is JsonArray terms ? [.. terms.Select(SearchResults.String).OfType<string>()] : [])
            : null;

    /// <summary>The article a document's _source holds; a document that holds none is corruption, not absence.</summary>
    public static EnrichedArticle Article(string id, JsonNode? source)
    {
        if (source is not JsonObject) throw new InvalidDataException($"Document {id} has no _source to read the article from.");
        try
        {
            return source.Deserialize<EnrichedArticle>(ArticleJson.Options)
                ?? throw new InvalidDataException($"Document {id} holds no article.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Document {id} is not an article: {e.Message}", e);
        }
    }

    /// <summary>
    /// What the <c>folded</c> normalizer and analyzers do to a value (lowercase, then ASCII folding), for comparing
    /// selections with aggregated values and for prefix queries, which Elasticsearch does not analyse.
    /// </summary>
    public static string Fold(string value)
    {
        var decomposed = value.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch
            {
                'ı' => "i",
                'ß' => "ss",
                'ø' => "o",
                'æ' => "ae",
                'œ' => "oe",
                'ł' => "l",
                'đ' => "d",
                _ => c.ToString(),
            });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
