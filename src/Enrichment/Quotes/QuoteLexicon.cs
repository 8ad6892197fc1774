using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Quotes;

/// <summary>The word lists speaker resolution needs, from the same entity data as the actor extractor.</summary>
internal sealed class QuoteLexicon
{
    public required HashSet<string> SpeechVerbs { get; init; }
    public required HashSet<string> SpeakerNouns { get; init; }
    public required HashSet<string> Platforms { get; init; }
    public required HashSet<string> MediaNames { get; init; }
    public required HashSet<string> Pronouns { get; init; }
    public required HashSet<string> Honorifics { get; init; }
    public required HashSet<string> Adverbs { get; init; }
    public required HashSet<string> Stops { get; init; }
    /// <summary>Verbs that may come straight after a quote with the speaker after them: "…,” said Tarar.</summary>
    public required HashSet<string> InversionVerbs { get; init; }
    public required HashSet<string> SpeakerAdjectives { get; init; }

    public static QuoteLexicon Create()
    {
        var data = EntityData.Default;
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verb in data.SpeechVerbs.Where(v => !v.Contains(' ')))
        {
            verbs.Add(verb);
        }
        // Participles and the verbs reporters use for quoted framing, beyond the plain speech verbs.
        foreach (var verb in new[]
        {
            "saying", "stating", "adding", "warning", "telling", "noting", "writing", "explaining", "insisting", "arguing", "declaring",
            "claiming", "calling", "called", "describing", "described", "urging", "accusing", "stressing", "emphasizing", "emphasising",
            "asserting", "describes", "calls", "reaffirmed", "expressed", "blamed", "cautioned", "hinted", "described", "labelled", "labeled",
            "termed", "dubbed", "echoing", "promising", "promised", "vowing", "recalling", "acknowledging", "admitting", "suggesting",
        })
        {
            verbs.Add(verb);
        }
        var speakerNouns = new HashSet<string>(data.RoleNouns.Select(r => r.ToLowerInvariant()), StringComparer.Ordinal);
        foreach (var noun in new[]
        {
            "source", "sources", "officials", "official", "analysts", "experts", "expert", "diplomats", "observers", "critics", "residents",
            "witnesses", "people", "spokesperson", "spokesman", "delegation", "delegates", "side", "team", "government", "ministry",
            "army", "military", "police", "authorities", "representatives", "representative", "negotiators", "statement", "leaders",
            "commanders", "ministers", "lawmakers", "media", "office", "embassy", "administration",
        })
        {
            speakerNouns.Add(noun);
        }
        return new QuoteLexicon
        {
            SpeechVerbs = verbs,
            SpeakerNouns = speakerNouns,
            Platforms = new HashSet<string>(data.Platforms, StringComparer.OrdinalIgnoreCase),
            Honorifics = new HashSet<string>(data.Honorifics.Concat(data.StrippedHonorifics), StringComparer.Ordinal),
            MediaNames = new HashSet<string>(
                data.Organisations.Where(o => o.Kind == "media").Select(o => o.Name), StringComparer.OrdinalIgnoreCase),
            Pronouns = new HashSet<string>(["he", "she"], StringComparer.Ordinal),
            Adverbs = new HashSet<string>(
                ["also", "however", "meanwhile", "then", "now", "recently", "previously", "later", "earlier", "reportedly", "allegedly", "too", "again", "further", "instead", "once", "still", "further", "separately", "similarly", "in", "turn"],
                StringComparer.Ordinal),
            InversionVerbs = new HashSet<string>(
                ["said", "says", "added", "adds", "stated", "explained", "noted", "wrote", "writes", "warned", "continued", "asked", "replied", "insisted", "argued", "claimed", "declared", "told", "tells", "recalled", "remarked", "observed", "commented", "cautioned", "stressed", "concluded", "responded", "acknowledged", "admitted", "emphasised", "emphasized", "tweeted", "posted", "agreed", "maintained", "reiterated", "announced", "confirmed", "suggested", "predicted", "asserted"],
                StringComparer.Ordinal),
            SpeakerAdjectives = new HashSet<string>(
                ["unnamed", "unidentified", "retired", "armed", "elected", "detained", "concerned", "united", "appointed", "designated", "exiled", "jailed", "based", "informed", "experienced", "respected", "renowned", "noted"],
                StringComparer.Ordinal),
            Stops = new HashSet<string>(
                ["that", "to", "of", "for", "with", "in", "on", "at", "by", "from", "and", "but", "or", "as", "while", "after", "before", "during", "about", "into", "than", "if", "because", "although", "when", "where", "which", "it", "its", "is", "was", "were", "are", "has", "have", "had", "be", "been", "would", "could", "will", "can", "not"],
                StringComparer.Ordinal),
        };
    }
}
