using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Quotes;

/// <summary>
/// Finds direct quotations (“…”, "…", and '…' or ‘…’ when they open after a space and close before
/// punctuation) and resolves each speaker to an actor's canonical name. The speaker comes from, in order:
/// the attribution after the quote (<c>," X said</c>, <c>said X</c>); the speech verb before it in the same
/// sentence (<c>X told Al Jazeera that “…”</c>, <c>…, saying “…”</c> takes the sentence's subject); a lead-in
/// line ending in a colon; the previous quote's speaker for a quote that continues it. "He said" goes to the
/// nearest person named before the pronoun. A speaker who is not an actor is kept as written without its
/// article ("senior Pakistani official"). Quotes of fewer than four words count only with a speech verb,
/// so scare quotes (“payback”) are not quotations.
/// </summary>
public sealed class QuoteExtractor
{
    private static readonly Lazy<QuoteExtractor> Shared = new(() => new QuoteExtractor(QuoteLexicon.Create()));

    private readonly QuoteLexicon _lexicon;

    private QuoteExtractor(QuoteLexicon lexicon) => _lexicon = lexicon;

    /// <summary>The extractor over the embedded data, built once per process; it is thread-safe.</summary>
    public static QuoteExtractor CreateDefault() => Shared.Value;

    public IReadOnlyList<Quote> Extract(string body, IReadOnlyList<ActorMention> actors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(actors);
        if (body.Length == 0)
        {
            return [];
        }
        return new QuoteRun(_lexicon, body, actors).Execute();
    }
}
