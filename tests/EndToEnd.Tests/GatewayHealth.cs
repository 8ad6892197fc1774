using System.Text.Json;

namespace NewsSearch.EndToEnd.Tests;

/// <summary>
/// Reads the gateway's aggregate /health: for each service it names, the status it reports. Tolerant of the
/// shape (an object per service with a "status", a "name"/"status" list entry, or a plain status string),
/// because the contract is "the gateway's /health reports each service's health", not one JSON layout.
/// </summary>
public static class GatewayHealth
{
    public static IReadOnlyDictionary<string, string> StatusByService(string json, IEnumerable<string> services)
    {
        var wanted = services.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(json);
            Visit(document.RootElement, wanted, found);
        }
        catch (JsonException)
        {
            // A bare "Healthy": the gateway does not aggregate.
        }
        return found;
    }

    private static void Visit(JsonElement element, HashSet<string> wanted, Dictionary<string, string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (Text(element, "name") is { } name && wanted.Contains(name) && Text(element, "status") is { } status)
                {
                    found.TryAdd(name, status);
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (wanted.Contains(property.Name))
                    {
                        var value = property.Value.ValueKind == JsonValueKind.String
                            ? property.Value.GetString()
                            : property.Value.ValueKind == JsonValueKind.Object ? Text(property.Value, "status") : null;
                        if (value is not null)
                        {
                            found.TryAdd(property.Name, value);
                        }
                    }
                    Visit(property.Value, wanted, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, wanted, found);
                }
                break;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.EnumerateObject()
            .Where(property => property.Name.Equals(name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
            .Select(property => property.Value.GetString())
            .FirstOrDefault();
}
