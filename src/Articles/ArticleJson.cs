using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSearch.Articles;

/// <summary>
/// The one JSON shape every service speaks: camelCase names, enums as camelCase strings
/// ("person", "day"), ISO dates. Services apply it through AddServiceDefaults; clients use <see cref="Options"/>.
/// </summary>
public static class ArticleJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
