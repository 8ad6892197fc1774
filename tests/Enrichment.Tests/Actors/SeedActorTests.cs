using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>
/// The actor extractor over the five seed articles, scored against hand labels (every person, organisation
/// and country each article names; not commenters, not the publisher's dateline, not image credits).
/// The raw seed text is used, chrome and reader comments included, so the extractor must ignore them itself.
/// </summary>
public sealed class SeedActorTests(ITestOutputHelper output)
{
    private const ActorType P = ActorType.Person;
    private const ActorType O = ActorType.Organisation;
    private const ActorType C = ActorType.Country;

    public static TheoryData<string> SeedFiles => new(Labels.Keys);

    private static readonly Dictionary<string, (string Name, ActorType Type)[]> Labels = new()
    {
        ["000_0bebbef317f8dfdc.txt"] =
        [
            ("Pakistan", C), ("Afghanistan", C), ("Qatar", C), ("Türkiye", C), ("United States", C), ("Malaysia", C),
            ("China", C), ("Russia", C), ("Iran", C),
            ("Taliban", O), ("Tehreek-e-Taliban Pakistan", O), ("Al Jazeera", O), ("Afghanistan Ministry of Defence", O),
            ("Pakistan Army", O), ("ACLED", O), ("ASEAN", O), ("Balochistan Liberation Army", O), ("Islamic State Khorasan Province", O),
            ("Attaullah Tarar", P), ("Haji Najib", P), ("Khawaja Asif", P), ("Baqir Sajjad Syed", P), ("Ihsanullah Tipu Mehsud", P),
            ("Sami Yousafzai", P), ("Haibatullah Akhunzada", P), ("Donald Trump", P),
        ],
        ["001_6eb1bb78d267b7fc.txt"] =
        [
            ("Afghanistan", C), ("Pakistan", C), ("Türkiye", C), ("Qatar", C),
            ("Taliban", O), ("Tehreek-e-Taliban Pakistan", O), ("Geo News", O), ("Reuters", O), ("UNN", O), ("Pakistan Ministry of Foreign Affairs", O),
            ("Khawaja Asif", P), ("Zabiullah Mujahid", P), ("Attaullah Tarar", P), ("Recep Tayyip Erdogan", P), ("Shehbaz Sharif", P),
        ],
        ["002_5a2d23875c7d22bc.txt"] =
        [
            ("Pakistan", C), ("Afghanistan", C), ("Türkiye", C), ("Qatar", C), ("China", C), ("United States", C),
            ("Taliban", O), ("Tehreek-e-Taliban Pakistan", O), ("Reuters", O), ("TOLOnews", O), ("Pakistan Army", O),
            ("Attaullah Tarar", P), ("Khawaja Asif", P),
        ],
        ["003_375710e53df05969.txt"] =
        [
            ("Pakistan", C), ("Afghanistan", C), ("Qatar", C), ("Türkiye", C), ("United States", C), ("Malaysia", C), ("Iran", C),
            ("China", C), ("Russia", C), ("Thailand", C), ("Cambodia", C),
            ("Al Jazeera", O), ("Tehreek-e-Taliban Pakistan", O), ("Taliban", O), ("Ministry of Interior", O), ("Wilson Center", O),
            ("Balochistan Liberation Army", O), ("Islamic State Khorasan Province", O), ("ACLED", O), ("ASEAN", O),
            ("Haji Najib", P), ("Donald Trump", P), ("Baqir Sajjad Syed", P), ("Mullah Yaqoob", P), ("Ihsanullah Tipu Mehsud", P),
            ("Sami Yousafzai", P), ("Khawaja Asif", P), ("Haibatullah Akhunzada", P),
        ],
        ["004_bf761edc6361d53b.txt"] =
        [
            ("Pakistan", C), ("Afghanistan", C), ("Türkiye", C), ("Qatar", C),
            ("Taliban", O), ("Tehreek-e-Taliban Pakistan", O),
            ("Attaullah Tarar", P), ("Khawaja Asif", P),
        ],
    };

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Actors_found_in_a_seed_article_match_the_hand_labels_with_precision_and_recall_of_at_least_0_9(string file)
    {
        var text = File.ReadAllText(Path.Combine(Seeds.Folder(), file));
        var actors = ActorExtractor.CreateDefault().Extract(text);
        var expected = Labels[file];

        bool Same((string Name, ActorType Type) label, ActorMention actor) =>
            label.Type == actor.Type
            && (string.Equals(label.Name, actor.Name, StringComparison.OrdinalIgnoreCase)
                || actor.Aliases.Contains(label.Name, StringComparer.OrdinalIgnoreCase));

        var truePositives = actors.Count(a => expected.Any(e => Same(e, a)));
        var found = expected.Count(e => actors.Any(a => Same(e, a)));
        var precision = actors.Count == 0 ? 0 : (double)truePositives / actors.Count;
        var recall = (double)found / expected.Length;

        foreach (var a in actors)
        {
            output.WriteLine($"{(expected.Any(e => Same(e, a)) ? " " : "+")} {a.Type,-12} {a.Name} x{a.Mentions} @{a.FirstPosition} [{string.Join(" | ", a.Aliases)}] {a.Role}");
        }
        foreach (var e in expected.Where(e => !actors.Any(a => Same(e, a))))
        {
            output.WriteLine($"- {e.Type,-12} {e.Name}");
        }
        output.WriteLine($"precision {precision:0.000} recall {recall:0.000}");

        precision.ShouldBeGreaterThanOrEqualTo(0.9);
        recall.ShouldBeGreaterThanOrEqualTo(0.9);
    }
}
