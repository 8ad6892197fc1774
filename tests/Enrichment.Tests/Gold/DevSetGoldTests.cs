using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Tests.Gold;

/// <summary>
/// Every field scored on the dev set of real, openly licensed articles (Gold/dev) and on the forms archives ship them in:
/// hard-wrapped, with an ALL-CAPS dateline and no year, with a wire sign-off, and all three at once.
/// Each test prints its numbers (run with detailed console logging) and fails when a number falls below its floor:
/// the floors are the values measured when the set was made, less a small margin, so a change that makes a field worse
/// fails the build. The targets of issue 13 are printed beside them; raise a floor when a change lifts its number.
/// </summary>
public sealed class DevSetGoldTests
{
    public static TheoryData<DevVariant> Variants => [.. Enum.GetValues<DevVariant>()];

    /// <summary>Targets from issue 13 ("Done when").</summary>
    private const double RecallTarget = 0.9;
    private const double PrecisionTarget = 0.95;
    private const double PublisherTarget = 0.95;
    private const double DateWithAsOfTarget = 0.95;

    /// <summary>
    /// The floors of one variant: precision and recall per actor type, the share of right publishers, the share of dates
    /// within a day without asOf, the most articles allowed to claim a wrong year, and (once asOf exists) the dates with it.
    /// </summary>
    private sealed record Floors(
        (double Precision, double Recall) People,
        (double Precision, double Recall) Organisations,
        (double Precision, double Recall) Countries,
        double Publisher,
        double DateWithinADay,
        int WrongYears,
        double AsOfExact,
        double AsOfWithinADay)
    {
        public (double Precision, double Recall) Actors(string goldType) => goldType switch
        {
            "person" => People,
            "organisation" => Organisations,
            _ => Countries,
        };
    }

    /// <summary>
    /// Measured on 2026-12-05 after the people-list, headline, organisation-word and year rules (see Gold/dev/README.md),
    /// organisations again after the organisation list and rules of branch orgs13 (precision .941–.942, recall .790–.795),
    /// people and dates again after the given-name and date-cue rules of branch people13, the publisher after outlets that
    /// report themselves ("Wikinews interviews") and sign-offs under a link (.997–1.000), organisations once more after the
    /// boundary, wire-company, lower-case-head, acronym and context rules of the day's third session (precision .961–.962,
    /// recall .864–.867), organisations at the targets after the fourth session's wire-company, list, boundary, headline and
    /// shared-head rules (precision .966–.968, recall .910 on every variant), less about 0.01 and never above
    /// the issue's target (a change that reaches the target must not fail for having moved a number that was above it);
    /// wrong-year ceilings are that day's counts, so any new wrong year fails.
    /// </summary>
    private static readonly Dictionary<DevVariant, Floors> FloorsOf = new()
    {
        [DevVariant.Original] = new((0.95, 0.90), (0.95, 0.90), (0.95, 0.90), 0.95, 0.12, 0, 0.95, 0.96),
        [DevVariant.Wrapped] = new((0.95, 0.90), (0.95, 0.90), (0.95, 0.90), 0.95, 0.12, 0, 0.95, 0.96),
        [DevVariant.Dateline] = new((0.95, 0.90), (0.95, 0.90), (0.95, 0.90), 0.95, 0.00, 0, 0.95, 0.95),
        [DevVariant.SignOff] = new((0.95, 0.90), (0.95, 0.90), (0.95, 0.90), 0.95, 0.12, 0, 0.95, 0.96),
        [DevVariant.Archive] = new((0.95, 0.90), (0.95, 0.90), (0.95, 0.90), 0.95, 0.00, 0, 0.95, 0.95),
    };

    private static readonly (string Gold, ActorType Type, string Field)[] ActorFields =
    [
        ("person", ActorType.Person, "people"),
        ("organisation", ActorType.Organisation, "organisations"),
        ("country", ActorType.Country, "places (countries)"),
    ];

    private static ITestOutputHelper Output => TestContext.Current.TestOutputHelper!;

    private static bool Same(string a, string b) => GoldStandard.Normalise(a) == GoldStandard.Normalise(b);

    private static bool IsOptional(ActorMention actor, DevCase c) =>
        actor.Aliases.Prepend(actor.Name).Any(n => c.Optional.Any(o => Same(o, n)));

    /// <summary>
    /// Precision and recall of one actor type: a predicted actor of the type is right when it matches a labelled actor of
    /// the same type (by name or alias); one that matches a label of another type is wrong (a type error); one that
    /// matches no label and is listed as optional counts neither way.
    /// </summary>
    private static Tally ScoreActors(IEnumerable<DevResult> results, string goldType, ActorType type, List<string>? misses = null)
    {
        var tally = new Tally();
        foreach (var (c, actual, _) in results)
        {
            var gold = c.Actors.Where(g => g.Type == goldType).ToList();
            var all = c.Actors.ToList();
            var predicted = actual.Actors.Where(a => a.Type == type)
                .Where(a => GoldStandard.Match(a, all) is not null || !IsOptional(a, c))
                .ToList();
            var correct = predicted.Where(a => GoldStandard.Match(a, gold) is not null).ToList();
            var found = gold.Where(g => predicted.Any(a => GoldStandard.Match(a, [g]) is not null)).ToList();
            tally.Add(correct.Count, predicted.Count, found.Count, gold.Count);
            if (misses is not null && (found.Count < gold.Count || correct.Count < predicted.Count))
            {
                misses.Add($"{c.Article.Id}: missing [{string.Join(", ", gold.Except(found).Select(g => g.Name))}] " +
                    $"extra [{string.Join(", ", predicted.Except(correct).Select(a => a.Name))}]");
            }
        }

        return tally;
    }

    [Fact]
    public void The_dev_set_has_300_real_articles_of_several_sources_eras_and_formats_with_labels()
    {
        var articles = DevSet.Articles;
        Output.WriteLine($"DEV {articles.Count} articles");
        foreach (var group in articles.GroupBy(a => (a.Source, a.Era, a.Format)).OrderBy(g => g.Key))
        {
            Output.WriteLine($"  {group.Key.Source} / {group.Key.Era} / {group.Key.Format}: {group.Count()}");
        }

        articles.Count.ShouldBeGreaterThanOrEqualTo(300);
        articles.Select(a => a.Id).Distinct().Count().ShouldBe(articles.Count);
        articles.Select(a => a.Source).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        articles.Select(a => a.Era).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        articles.Select(a => a.Format).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        articles.ShouldAllBe(a => a.Text.Length > 0 && a.Licence.Length > 0 && a.Url.Length > 0);
        articles.ShouldAllBe(a => a.Actors.All(g => g.Type == "person" || g.Type == "organisation" || g.Type == "country"));
        articles.Count(a => a.Actors.Count > 0).ShouldBe(articles.Count);
        articles.Select(a => a.Source).Distinct().ShouldBeSubsetOf(["gum-wikinews", "fomc", "whitehouse"], "only the openly licensed sources the README lists");
        var unseen = articles.SelectMany(a =>
        {
            var text = GoldStandard.Normalise(string.Join(' ', a.Text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)));
            return a.Actors.Where(g => !g.Names.Any(n => text.Contains(GoldStandard.Normalise(n), StringComparison.Ordinal))).Select(g => $"{a.Id}: {g.Name}");
        }).ToList();
        unseen.ShouldBeEmpty("every labelled actor is named in its article, by its name or an alias");
    }

    [Fact]
    public void Variants_wrap_at_65_columns_put_a_yearless_caps_dateline_first_and_end_with_a_wire_sign_off()
    {
        var article = DevSet.Articles.First(a => a.Headline && a.DateInText);
        var archive = DevSet.Make(article, 0, DevVariant.Archive);
        var lines = archive.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Skip(1).ShouldAllBe(l => l.Length <= DevSet.WrapWidth || !l.Trim().Contains(' '));
        lines[1].ShouldStartWith($"    {article.Dateline}, {article.Published.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant()} {article.Published.Day} - ");
        archive.Text.ShouldNotContain(article.Published.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n");
        lines[^1].ShouldBe("Reuter");
        archive.Publisher.ShouldBe("Reuters");
        archive.Actors.ShouldContain(g => g.Name == article.DatelineCountry);
        DevSet.Make(article, 3, DevVariant.SignOff).Text.ShouldEndWith("\n-- dpa\n");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void People_organisations_and_places_keep_their_precision_and_recall(DevVariant variant)
    {
        var results = DevSet.Enriched(variant);
        var failures = new List<string>();
        foreach (var (gold, type, field) in ActorFields)
        {
            var misses = new List<string>();
            var tally = ScoreActors(results, gold, type, misses);
            var floor = FloorsOf[variant].Actors(gold);
            Output.WriteLine($"DEV {variant} {field}: {tally}; floor precision {floor.Precision:0.00} recall {floor.Recall:0.00}; target precision {PrecisionTarget} recall {RecallTarget}");
            foreach (var source in results.GroupBy(r => r.Case.Article.Source))
            {
                Output.WriteLine($"    {source.Key}: {ScoreActors(source, gold, type)}");
            }

            foreach (var miss in misses.Take(40))
            {
                Output.WriteLine("      " + miss);
            }

            if (tally.Precision < floor.Precision || tally.Recall < floor.Recall)
            {
                failures.Add($"{field}: {tally} is below the floor {floor}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_publisher_is_the_labelled_one_or_Unknown(DevVariant variant)
    {
        var results = DevSet.Enriched(variant);
        var right = results.Count(r => Same(r.Actual.Source, r.Case.Publisher));
        var share = (double)right / results.Count;
        Output.WriteLine($"DEV {variant} publisher right: {share:0.000} ({right}/{results.Count}); floor {FloorsOf[variant].Publisher:0.00}; target {PublisherTarget}");
        foreach (var pair in results.GroupBy(r => $"labelled {r.Case.Publisher} -> {r.Actual.Source}").OrderByDescending(g => g.Count()))
        {
            Output.WriteLine($"    {pair.Key}: {pair.Count()}");
        }

        share.ShouldBeGreaterThanOrEqualTo(FloorsOf[variant].Publisher);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Without_asOf_the_date_is_right_where_the_text_gives_it_and_no_wrong_year_is_claimed(DevVariant variant)
    {
        var results = DevSet.Enriched(variant);
        var exact = results.Count(r => r.Actual.Published == r.Case.Article.Published);
        var close = results.Count(r => r.Actual.Published is { } p && Math.Abs(p.DayNumber - r.Case.Article.Published.DayNumber) <= 1);
        var none = results.Count(r => r.Actual.Published is null);
        var wrongYear = results.Where(r => r.Actual.Published is { } p && p.Year != r.Case.Article.Published.Year).ToList();
        var withinADay = (double)close / results.Count;
        var floor = FloorsOf[variant];
        Output.WriteLine($"DEV {variant} published without asOf (received {DevSet.ReceivedOn:yyyy-MM-dd}): exact {(double)exact / results.Count:0.000} ({exact}), " +
            $"within a day {withinADay:0.000} ({close}), none {none}, wrong year claimed {wrongYear.Count} of {results.Count}; " +
            $"floor within a day {floor.DateWithinADay:0.00}, ceiling wrong years {floor.WrongYears}; target: no wrong year");
        foreach (var source in results.GroupBy(r => r.Case.Article.Source))
        {
            Output.WriteLine($"    {source.Key}: within a day {source.Count(r => r.Actual.Published is { } p && Math.Abs(p.DayNumber - r.Case.Article.Published.DayNumber) <= 1)}/{source.Count()}, " +
                $"wrong year {source.Count(r => r.Actual.Published is { } p && p.Year != r.Case.Article.Published.Year)}");
        }

        foreach (var r in wrongYear.Take(15))
        {
            Output.WriteLine($"      {r.Case.Article.Id}: {r.Actual.Published:yyyy-MM-dd}, labelled {r.Case.Article.Published:yyyy-MM-dd} ({r.Actual.PublishedEvidence?.Method}: {r.Actual.PublishedEvidence?.Text})");
        }

        withinADay.ShouldBeGreaterThanOrEqualTo(floor.DateWithinADay);
        wrongYear.Count.ShouldBeLessThanOrEqualTo(floor.WrongYears);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void With_asOf_the_date_is_exact_or_within_a_day(DevVariant variant)
    {
        var results = DevSet.Enriched(variant);
        var exact = results.Count(r => r.WithAsOf.Published == r.Case.Article.Published);
        var close = results.Count(r => r.WithAsOf.Published is { } p && Math.Abs(p.DayNumber - r.Case.Article.Published.DayNumber) <= 1);
        var floor = FloorsOf[variant];
        Output.WriteLine($"DEV {variant} published with asOf = the labelled date: exact {(double)exact / results.Count:0.000} ({exact}), " +
            $"within a day {(double)close / results.Count:0.000} ({close}) of {results.Count}; floor exact {floor.AsOfExact:0.00}, within a day {floor.AsOfWithinADay:0.00}; target {DateWithAsOfTarget}");

        ((double)exact / results.Count).ShouldBeGreaterThanOrEqualTo(floor.AsOfExact);
        ((double)close / results.Count).ShouldBeGreaterThanOrEqualTo(floor.AsOfWithinADay);
    }
}
