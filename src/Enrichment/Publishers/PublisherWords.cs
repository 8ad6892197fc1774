using System.Text.Json;

namespace NewsSearch.Enrichment.Publishers;

/// <summary>
/// The word lists the publisher rules use, kept with the outlets in Data/outlets.json: blog hosts (whose first label names
/// the blog), platform hosts (share buttons and embeds, never the publisher), second-level suffixes ("co" in "co.uk"),
/// and the words that end an outlet's name ("News", "Times").
/// </summary>
internal sealed record PublisherWords(
    IReadOnlyList<string> BlogHosts,
    IReadOnlyList<string> PlatformHosts,
    IReadOnlyList<string> SecondLevelSuffixes,
    IReadOnlyList<string> OutletWords)
{
    public static PublisherWords Default { get; } = Load();

    private static PublisherWords Load()
    {
        using var stream = DataFile.Open("outlets.json");
        return JsonSerializer.Deserialize<PublisherWords>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("outlets.json is empty");
    }
}
