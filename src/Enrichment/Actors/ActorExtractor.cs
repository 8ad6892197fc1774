using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>
/// Finds people, organisations and countries in a clean article body, each under one canonical name.
/// Known entities come from Data/entities.json; the rules in <see cref="ActorRun"/> find the rest
/// (people named with a role, an honorific or a speech verb; acronyms defined in the text; ministries,
/// armies and other named bodies; outlets an article cites). See Actors/README.md for the rules.
/// </summary>
public sealed class ActorExtractor
{
    private static readonly Lazy<ActorExtractor> Shared = new(() => new ActorExtractor(new Lexicon(EntityData.Default)));

    private readonly Lexicon _lexicon;

    private ActorExtractor(Lexicon lexicon) => _lexicon = lexicon;

    /// <summary>The extractor over the embedded data, built once per process; it is thread-safe.</summary>
    public static ActorExtractor CreateDefault() => Shared.Value;

    public IReadOnlyList<ActorMention> Extract(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length == 0)
        {
            return [];
        }
        return new ActorRun(_lexicon, body, Tokenizer.TokenizeShared(body)).Execute();
    }
}
