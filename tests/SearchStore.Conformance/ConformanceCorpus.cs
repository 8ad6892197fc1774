using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Conformance;

/// <summary>
/// A small crafted corpus where each article exists to prove one behaviour of the contract. It is not the
/// seed corpus: the names are invented or generic, and every fact a test relies on is visible here.
/// </summary>
public static class ConformanceCorpus
{
    public const string Dawn = "Dawn";
    public const string Reuters = "Reuters";
    public const string Gazette = "The Frontier Gazette";
    public const string Herald = "Harbour Herald";
    public const string Ledger = "Valley Ledger";

    public static ActorMention Country(string name, params string[] aliases) => new(name, ActorType.Country, aliases, 2, 0);
    public static ActorMention Person(string name, params string[] aliases) => new(name, ActorType.Person, aliases, 1, 0);
    public static ActorMention Organisation(string name, params string[] aliases) => new(name, ActorType.Organisation, aliases, 1, 0);
    public static TopicScore Topic(string label) => new(label, 0.8);

    /// <summary>Istanbul talks: Dawn, names Türkiye and lists "Turkey" as its alias.</summary>
    public static EnrichedArticle IstanbulTalksDawn { get; } = new()
    {
        Id = "c0000000000000a1",
        Title = "Pakistan and Afghanistan resume peace talks in Istanbul",
        Body = "Delegations from Pakistan and Afghanistan resumed peace talks in Istanbul on Saturday. Türkiye hosted the " +
               "negotiations and Qatar helped to mediate. Defence minister Khalid Rehman said the ceasefire must hold.",
        Source = Dawn,
        Published = new DateOnly(2025, 10, 25),
        Actors = [Country("Pakistan"), Country("Afghanistan"), Country("Türkiye", "Turkey"), Country("Qatar"), Person("Khalid Rehman")],
        Topics = [Topic("Diplomacy"), Topic("Conflict")],
    };

    /// <summary>The same story from Reuters a day later; says "Tehreek-e-Taliban Pakistan" and lists "TTP" as an alias.</summary>
    public static EnrichedArticle IstanbulTalksReuters { get; } = new()
    {
        Id = "c0000000000000a2",
        Title = "Istanbul negotiations between Islamabad and Kabul stall",
        Body = "Talks in Istanbul between Pakistan and Afghanistan stalled on Sunday over the Tehreek-e-Taliban Pakistan, " +
               "officials said. Pakistan wants written guarantees; Afghanistan says the militants are not on its soil.",
        Source = Reuters,
        Published = new DateOnly(2025, 10, 26),
        Actors = [Country("Pakistan"), Country("Afghanistan"), Organisation("Tehreek-e-Taliban Pakistan", "TTP", "Pakistani Taliban")],
        Topics = [Topic("Diplomacy"), Topic("Terrorism")],
    };

    /// <summary>The same story from a third outlet, same day as Reuters.</summary>
    public static EnrichedArticle IstanbulTalksGazette { get; } = new()
    {
        Id = "c0000000000000a3",
        Title = "Ceasefire talks in Istanbul end without agreement",
        Body = "The third round of talks between Pakistan and Afghanistan in Istanbul ended without agreement. " +
               "Mediators from Qatar and Türkiye said they would keep trying. Khalid Rehman blamed Kabul.",
        Source = Gazette,
        Published = new DateOnly(2025, 10, 26),
        Actors = [Country("Pakistan"), Country("Afghanistan"), Country("Qatar"), Country("Türkiye"), Person("Khalid Rehman")],
        Topics = [Topic("Diplomacy"), Topic("Conflict")],
    };

    /// <summary>Says only "Türkiye" and its enrichment knows no alias: found for "Turkey" only through the alias table.</summary>
    public static EnrichedArticle TurkiyeTrade { get; } = new()
    {
        Id = "c0000000000000b1",
        Title = "Ankara signs grain agreement",
        Body = "Türkiye signed a grain export agreement with its neighbours on Monday, the trade ministry announced.",
        Source = Herald,
        Published = new DateOnly(2025, 11, 3),
        Actors = [Country("Türkiye")],
        Topics = [Topic("Economy")],
    };

    /// <summary>Names the militant group in full without the abbreviation: found for "TTP" only through the alias table.</summary>
    public static EnrichedArticle BorderAttack { get; } = new()
    {
        Id = "c0000000000000b2",
        Title = "Attack on border post in Khyber",
        Body = "Militants of Tehreek-e-Taliban Pakistan attacked a border post in Khyber overnight, the army said. " +
               "Two soldiers were wounded in the attack.",
        Source = Dawn,
        Published = new DateOnly(2025, 10, 20),
        Actors = [Organisation("Tehreek-e-Taliban Pakistan"), Country("Pakistan")],
        Topics = [Topic("Terrorism"), Topic("Conflict")],
    };

    /// <summary>Markup in the body must come back escaped in snippets.</summary>
    public static EnrichedArticle ScriptInBody { get; } = new()
    {
        Id = "c0000000000000c1",
        Title = "Harbour cranes upgraded",
        Body = "The port authority said the <script>alert('x')</script> cranes & gantries were upgraded for container traffic.",
        Source = Herald,
        Published = new DateOnly(2025, 11, 5),
        Actors = [Organisation("Port Authority")],
        Topics = [Topic("Economy")],
    };

    /// <summary>"peace" and "talks" both appear, but never side by side: a phrase search must not find it.</summary>
    public static EnrichedArticle WordsApart { get; } = new()
    {
        Id = "c0000000000000c2",
        Title = "Farmers' union talks with ministry",
        Body = "The farmers' union held talks with the ministry about water prices; the union wants peace with the " +
               "irrigation department after a long dispute.",
        Source = Ledger,
        Published = new DateOnly(2025, 11, 1),
        Actors = [Organisation("Farmers Union")],
        Topics = [Topic("Agriculture")],
    };

    /// <summary>An older article, so a search over everything spans more than two months.</summary>
    public static EnrichedArticle OldFloods { get; } = new()
    {
        Id = "c0000000000000d1",
        Title = "Floods hit the river valley",
        Body = "Heavy rain flooded farms along the river valley and thousands were evacuated, officials said.",
        Source = Ledger,
        Published = new DateOnly(2024, 8, 14),
        Actors = [Organisation("Disaster Agency")],
        Topics = [Topic("Weather"), Topic("Agriculture")],
    };

    /// <summary>No publication date: excluded by date filters, last in date sorts.</summary>
    public static EnrichedArticle Undated { get; } = new()
    {
        Id = "c0000000000000d2",
        Title = "Festival of lanterns draws crowds",
        Body = "Thousands gathered for the lantern festival in the old city, organisers said.",
        Source = EnrichedArticle.UnknownSource,
        Published = null,
        Actors = [],
        Topics = [Topic("Culture")],
    };

    public static IReadOnlyList<EnrichedArticle> All { get; } =
    [
        IstanbulTalksDawn, IstanbulTalksReuters, IstanbulTalksGazette, TurkiyeTrade, BorderAttack,
        ScriptInBody, WordsApart, OldFloods, Undated,
    ];
}
