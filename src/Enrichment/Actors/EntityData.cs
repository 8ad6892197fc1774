using System.Text.Json;
using System.Text.Json.Serialization;
using NewsSearch.Articles;

namespace NewsSearch.Enrichment.Actors;

/// <summary>The known entities and word lists in Data/entities.json (an embedded resource).</summary>
internal sealed record EntityData
{
    public List<CountryEntry> Countries { get; init; } = [];
    public List<OrganisationEntry> Organisations { get; init; } = [];
    public List<PersonEntry> People { get; init; } = [];
    public List<string> NonEntities { get; init; } = [];
    public List<string> Places { get; init; } = [];
    public List<string> CueOnlyNames { get; init; } = [];
    public List<string> Platforms { get; init; } = [];
    public List<string> Honorifics { get; init; } = [];
    public List<string> StrippedHonorifics { get; init; } = [];
    public List<string> Titles { get; init; } = [];
    public List<string> RoleNouns { get; init; } = [];
    public List<string> RoleModifiers { get; init; } = [];
    public List<string> SpeechVerbs { get; init; } = [];
    public List<string> OrgHeadwords { get; init; } = [];
    public List<string> NonOrgHeadwords { get; init; } = [];
    /// <summary>A place's word after a word that makes it a body's: "Irving Independent School District" (a "Federal Reserve District" is a region).</summary>
    public List<string> PlaceWordBodies { get; init; } = [];
    /// <summary>Words whose possessive is part of an organisation's name: "Korean People's Army", "Women's Tennis Association".</summary>
    public List<string> PossessiveNameWords { get; init; } = [];
    public List<string> LegalForms { get; init; } = [];
    /// <summary>Lower-case words a body's name may hold between its capitalised ones ("Bank of the South"); they give no initial to its acronym.</summary>
    public List<string> NameLinkWords { get; init; } = [];
    /// <summary>Words of an office a role's possessive may name: "Special Anti-Corruption Prosecutor's Office".</summary>
    public List<string> OfficeHeadwords { get; init; } = [];
    public Dictionary<string, string> LegalFormsSpelledOut { get; init; } = [];
    /// <summary>A legislature's one-word name ("Congress", "the Senate"), an organisation even alone.</summary>
    public List<string> Legislatures { get; init; } = [];
    /// <summary>A party's members in the plural, which name a caucus after a legislature: "Senate Democrats".</summary>
    public List<string> PartyMembers { get; init; } = [];
    /// <summary>Common nouns that say a name is an organisation: "the Chega party", "Northgate Capital, an investment firm".</summary>
    public List<string> OrgNouns { get; init; } = [];
    public List<string> OrgModifiers { get; init; } = [];
    /// <summary>Countries whose foreign ministry is called the Foreign Office, so an unqualified one may be theirs.</summary>
    public List<string> ForeignOfficeCountries { get; init; } = [];
    public List<string> MediaHeadwords { get; init; } = [];
    public List<string> CiteCues { get; init; } = [];
    public List<string> StateNouns { get; init; } = [];
    public List<string> Stopwords { get; init; } = [];
    public List<string> NameParticles { get; init; } = [];
    /// <summary>Words before a country name that make a longer place, not a person: "Northern Ireland", "Greater Syria".</summary>
    public List<string> PlaceQualifiers { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private static readonly Lazy<EntityData> Embedded = new(() => Load("entities.json").With(OrganisationList.Load("organisations.tsv")));

    public static EntityData Default => Embedded.Value;

    /// <summary>
    /// These entities with more organisations: a name already known gains the entry's aliases (the Pentagon gains "Department
    /// of Defense"), a new name is added.
    /// </summary>
    private EntityData With(IEnumerable<OrganisationEntry> more)
    {
        var byName = Organisations.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        var merged = new List<OrganisationEntry>(Organisations);
        foreach (var entry in more)
        {
            if (byName.TryGetValue(entry.Name, out var known))
            {
                merged[merged.IndexOf(known)] = known with { Aliases = [.. known.Aliases ?? [], .. entry.Aliases ?? []] };
            }
            else
            {
                merged.Add(entry);
            }
        }
        return this with { Organisations = merged };
    }

    private static EntityData Load(string fileName)
    {
        using var stream = DataFile.Open(fileName);
        return JsonSerializer.Deserialize<EntityData>(stream, Options)
            ?? throw new InvalidOperationException($"{fileName} is empty.");
    }
}

internal sealed record CountryEntry(string Name, List<string>? Aliases, List<string>? Demonyms);

internal sealed record OrganisationEntry(string Name, string? Kind, List<string>? Aliases);

internal sealed record PersonEntry(string Name, List<string>? Aliases);

/// <summary>One entity the article may mention: known from the data, or found by a rule in this article.</summary>
internal sealed class Entity(string name, ActorType type, string? kind = null)
{
    public string Name { get; set; } = name;
    public ActorType Type { get; } = type;
    public string? Kind { get; } = kind;
    public bool Known { get; init; }

    public bool IsMedia => Kind == "media";
}

/// <summary>What a gazetteer phrase stands for: an entity, a demonym of a country, or nothing (a place).</summary>
internal sealed record EntityRef(Entity? Entity, bool Demonym, bool CueOnly);
