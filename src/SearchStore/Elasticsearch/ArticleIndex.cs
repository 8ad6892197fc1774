using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    public const int SchemaVersion = 1;

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

    /// <summary>Subfield of text fields: folded but not stemmed, for prefix queries (stems would cut prefixes short).</summary>
    public const string Plain = ".plain";
    /// <summary>Subfield of keyword facets: lowercase + asciifolding normalizer, for case- and accent-blind filters.</summary>
    public const string Folded = ".folded";
    /// <summary>Subfield of keyword facets: folded words, for suggestions that start inside a name.</summary>
    public const string Words = ".words";

    public static JsonObject CreateIndexBody() => new()
    {
        ["settings"] = new JsonObject
        {
            ["analysis"] = new JsonObject
            {
                ["filter"] = new JsonObject
                {
                    ["english_stemmer"] = new JsonObject { ["type"] = "stemmer", ["language"] = "english" },
                    ["english_possessive_stemmer"] = new JsonObject { ["type"] = "stemmer", ["language"] = "possessive_english" },
                },
                ["analyzer"] = new JsonObject
                {
                    // The built-in english analyzer, rebuilt with asciifolding (Türkiye ~ turkiye) and without stop words,
                    // so that phrase and AND semantics match the embedded store, which keeps every word.
                    ["english_folded"] = new JsonObject
                    {
                        ["type"] = "custom",
                        ["tokenizer"] = "standard",
                        ["filter"] = new JsonArray("english_possessive_stemmer", "lowercase", "asciifolding", "english_stemmer"),
                    },
                    ["folded"] = new JsonObject
                    {
                        ["type"] = "custom",
                        ["tokenizer"] = "standard",
                        ["filter"] = new JsonArray("lowercase", "asciifolding"),
                    },
                },
                ["normalizer"] = new JsonObject
                {
                    ["folded"] = new JsonObject { ["type"] = "custom", ["filter"] = new JsonArray("lowercase", "asciifolding") },
                },
            },
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "false",
            // Metadata values are objects (the spec types them so); this records which code built the index.
            ["_meta"] = new JsonObject { ["news_search"] = new JsonObject { ["schema_version"] = SchemaVersion } },
            ["properties"] = new JsonObject
            {
                [Id] = new JsonObject { ["type"] = "keyword" },
                [Title] = EnglishText(),
                [Body] = EnglishText(),
                [Source] = Facet(),
                [Published] = new JsonObject { ["type"] = "date", ["format"] = "strict_date" },
                [Actors] = new JsonObject
                {
                    // Nested, so an actor's name and type stay paired in aggregations and suggestions.
                    ["type"] = "nested",
                    ["properties"] = new JsonObject
                    {
                        ["name"] = Facet(),
                        ["type"] = new JsonObject { ["type"] = "keyword" },
                        ["keys"] = new JsonObject { ["type"] = "keyword" },
                        ["forms"] = new JsonObject { ["type"] = "keyword" },
                    },
                },
                [Topics] = new JsonObject
                {
                    ["type"] = "nested",
                    ["properties"] = new JsonObject { ["label"] = Facet() },
                },
                [ActorNames] = EnglishText(),
            },
        },
    };

    private static JsonObject EnglishText() => new()
    {
        ["type"] = "text",
        ["analyzer"] = "english_folded",
        ["fields"] = new JsonObject { ["plain"] = new JsonObject { ["type"] = "text", ["analyzer"] = "folded" } },
    };

    /// <summary>The original value for display and aggregation, plus folded subfields for matching.</summary>
    private static JsonObject Facet() => new()
    {
        ["type"] = "keyword",
        ["fields"] = new JsonObject
        {
            ["folded"] = new JsonObject { ["type"] = "keyword", ["normalizer"] = "folded" },
            ["words"] = new JsonObject { ["type"] = "text", ["analyzer"] = "folded" },
        },
    };

    public static JsonObject Document(EnrichedArticle article)
    {
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
        return document;
    }

    private static List<string> Forms(ActorMention actor) =>
        (actor.Aliases ?? []).Prepend(actor.Name).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct().ToList();

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
