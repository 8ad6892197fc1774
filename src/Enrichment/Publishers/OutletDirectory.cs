using System.Collections.Frozen;
using System.Text.Json;

namespace NewsSearch.Enrichment.Publishers;

/// <summary>Known news outlets (Data/outlets.json): the names articles use for them and their web domains.</summary>
public sealed class OutletDirectory
{
    private readonly FrozenDictionary<string, string> _byAlias;
    private readonly FrozenDictionary<string, string> _byDomain;

    public OutletDirectory(IEnumerable<OutletEntry> outlets)
    {
        var byAlias = new Dictionary<string, string>(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var outlet in outlets)
        {
            byAlias.TryAdd(outlet.Name, outlet.Name);
            foreach (var alias in outlet.Aliases)
            {
                byAlias.TryAdd(alias, outlet.Name);
            }

            foreach (var domain in outlet.Domains)
            {
                byDomain.TryAdd(domain, outlet.Name);
            }
        }

        _byAlias = byAlias.ToFrozenDictionary(StringComparer.Ordinal);
        _byDomain = byDomain.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static OutletDirectory Default { get; } = Load();

    /// <summary>The canonical name for a name as written ("AP", "the Associated Press"), or null when the outlet is not known.</summary>
    public string? FindByName(string name)
    {
        var trimmed = name.Trim();
        if (_byAlias.TryGetValue(trimmed, out var canonical))
        {
            return canonical;
        }

        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && _byAlias.TryGetValue(trimmed[4..], out canonical))
        {
            return canonical;
        }

        return _byAlias.TryGetValue("The " + trimmed, out canonical) ? canonical : null;
    }

    /// <summary>The outlet that owns a host name ("www.dawn.com", "english.aljazeera.net"), or null.</summary>
    public string? FindByHost(string host)
    {
        var h = host.ToLowerInvariant();
        while (h.Length > 0)
        {
            if (_byDomain.TryGetValue(h, out var name))
            {
                return name;
            }

            var dot = h.IndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            h = h[(dot + 1)..];
        }

        return null;
    }

    private static OutletDirectory Load()
    {
        using var stream = DataFile.Open("outlets.json");
        var file = JsonSerializer.Deserialize<OutletFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("outlets.json is empty");
        return new OutletDirectory(file.Outlets);
    }

    private sealed record OutletFile(IReadOnlyList<OutletEntry> Outlets);
}

public sealed record OutletEntry(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Domains);
