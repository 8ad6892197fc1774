using NewsSearch.Enrichment.Actors;
using NewsSearch.Enrichment.Quotes;
using NewsSearch.Enrichment.Tests.Actors;

namespace NewsSearch.Enrichment.Tests.Quotes;

/// <summary>Hand-labelled quotes from the seed articles: a fragment of the quote, who said it, and where.</summary>
public sealed class SeedQuoteTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string, string?> Labelled => new()
    {
        { "000_0bebbef317f8dfdc.txt", "failed to bring any functional solution", "Attaullah Tarar", "X" },
        { "000_0bebbef317f8dfdc.txt", "kept changing their position", "senior Pakistani official", "Al Jazeera" },
        { "000_0bebbef317f8dfdc.txt", "annihilate the Taliban regime", "Khawaja Asif", "X" },
        { "000_0bebbef317f8dfdc.txt", "Severing that relationship", "Baqir Sajjad Syed", null },
        { "000_0bebbef317f8dfdc.txt", "galvanize anti-Pakistan sentiment", "Sami Yousafzai", null },
        { "000_0bebbef317f8dfdc.txt", "many young Afghans would join", "Sami Yousafzai", null },
        { "000_0bebbef317f8dfdc.txt", "solve the Afghanistan-Pakistan crisis", "Donald Trump", null },
        { "000_0bebbef317f8dfdc.txt", "Any large-scale attack", "Sami Yousafzai", null },
        { "001_6eb1bb78d267b7fc.txt", "the talks are over", "Khawaja Asif", "Geo News" },
        { "001_6eb1bb78d267b7fc.txt", "The talks broke down", "Zabihullah Mujahid", "Reuters" },
        { "001_6eb1bb78d267b7fc.txt", "Pakistan remains committed", "Pakistan Ministry of Foreign Affairs", null },
        { "001_6eb1bb78d267b7fc.txt", "only war will happen", "Khawaja Asif", null },
        { "001_6eb1bb78d267b7fc.txt", "but we will not allow our sovereignty", "Zabihullah Mujahid", null },
        { "001_6eb1bb78d267b7fc.txt", "moving in the right direction", "Recep Tayyip Erdogan", null },
        { "002_5a2d23875c7d22bc.txt", "kept deviating from the core issue", "Attaullah Tarar", null },
        { "002_5a2d23875c7d22bc.txt", "Instead of accepting any responsibility", "Attaullah Tarar", null },
        { "002_5a2d23875c7d22bc.txt", "refused to commit to taking action", "senior Pakistani security source", "Reuters" },
        { "002_5a2d23875c7d22bc.txt", "without coordination or a clear plan", "senior Afghan source", "TOLOnews" },
        { "002_5a2d23875c7d22bc.txt", "The issue of TTP is not an Afghan matter", "Afghan source", null },
        { "003_375710e53df05969.txt", "instructions received from Kabul", "unnamed Pakistani official", "Al Jazeera" },
        { "003_375710e53df05969.txt", "dependence on the TTP", "Baqir Sajjad Syed", "Al Jazeera" },
        { "003_375710e53df05969.txt", "brand its adversaries as terrorists", "Mullah Yaqoob", null },
        { "003_375710e53df05969.txt", "prospects of détente", "Sami Yousafzai", null },
        { "003_375710e53df05969.txt", "inflame anti-Pakistani sentiment", "Sami Yousafzai", null },
        { "004_bf761edc6361d53b.txt", "failed to bring about any workable solution", "Attaullah Tarar", null },
        { "004_bf761edc6361d53b.txt", "patience has run its course", "Attaullah Tarar", null },
        { "004_bf761edc6361d53b.txt", "open war", "Khawaja Asif", null },
    };

    [Theory]
    [MemberData(nameof(Labelled))]
    public void A_labelled_seed_quote_is_found_with_its_speaker_and_outlet(string file, string fragment, string speaker, string? outlet)
    {
        var text = File.ReadAllText(Path.Combine(Seeds.Folder(), file));
        var quotes = QuoteExtractor.CreateDefault().Extract(text, ActorExtractor.CreateDefault().Extract(text));
        foreach (var q in quotes)
        {
            output.WriteLine($"[{q.Speaker}] ({q.Outlet}) {q.Text}");
        }

        var quote = quotes.Single(q => q.Text.Contains(fragment, StringComparison.Ordinal));
        quote.Speaker.ShouldBe(speaker);
        quote.Outlet.ShouldBe(outlet);
    }

    [Theory]
    [InlineData("001_6eb1bb78d267b7fc.txt", "payback")]
    [InlineData("001_6eb1bb78d267b7fc.txt", "unreasonable")]
    [InlineData("003_375710e53df05969.txt", "terrorism")]
    [InlineData("002_5a2d23875c7d22bc.txt", "Afghanistan Must Take Responsibility")]
    public void Scare_quotes_and_quoted_headings_are_not_quotations(string file, string text)
    {
        var body = File.ReadAllText(Path.Combine(Seeds.Folder(), file));
        var quotes = QuoteExtractor.CreateDefault().Extract(body, ActorExtractor.CreateDefault().Extract(body));

        quotes.ShouldNotContain(q => q.Text == text);
    }
}
