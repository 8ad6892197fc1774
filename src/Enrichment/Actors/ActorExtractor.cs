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

    /// <summary>
    /// The actors of a body and of the headline the cleaner took off it: a headline often names the person the body only
    /// calls "I" or "the President" ("Statement from President Joe Biden on …"). Positions stay offsets into the body
    /// (an actor first named in the headline is at 0).
    /// </summary>
    public IReadOnlyList<ActorMention> Extract(string body, string? headline)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(headline))
        {
            return Extract(body);
        }
        var offset = headline.Length + 2;
        var text = headline + "\n\n" + body;
        return [.. new ActorRun(_lexicon, text, Tokenizer.Tokenize(text), headline: true).Execute()
            .Select(a => a with { FirstPosition = Math.Max(0, a.FirstPosition - offset) })];
    }

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
