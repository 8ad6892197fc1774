using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

/// <summary>One of the specification's examples: <c>value</c> is the body (JSON text, or YAML turned into JSON).</summary>
internal sealed record SpecExample(string Name, string? MethodRequest, IReadOnlyList<string> Availability, string Body);

/// <summary>The specification's own request and response examples (examples/*.yaml).</summary>
internal static class SpecExamples
{
    public static SpecExample Load(string name)
    {
        var path = System.IO.Path.Combine(SpecFolder.Path, "examples", name + ".yaml");
        if (!File.Exists(path)) throw new FileNotFoundException($"The spec has no example {name}.", path);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;

        string? Scalar(string key) => root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
        var availability = root.Children.TryGetValue(new YamlScalarNode("availability"), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];
        var body = root.Children.TryGetValue(new YamlScalarNode("value"), out var value)
            ? value is YamlScalarNode { Value: { } text } ? text : ToJson(value)!.ToJsonString()
            : "";
        return new SpecExample(name, Scalar("method_request"), availability, body);
    }

    public static string Text(string name) => Load(name).Body;

    /// <summary>
    /// An example the OpenAPI description holds inline, in the operation's request body or one of its responses: the
    /// examples folder has none for some operations (the point-in-time ones).
    /// </summary>
    public static string Inline(HttpMethod method, string path, string name)
    {
        var spec = ElasticsearchSpec.Instance;
        var operation = spec.Find(method, path) ?? throw new KeyNotFoundException($"The spec has no operation {method} /{path}.");
        var places = (operation.Raw["responses"] as JsonObject ?? []).Select(r => r.Value).Prepend(operation.Raw["requestBody"]);
        foreach (var place in places)
        {
            if (spec.Resolve(place)?["content"]?["application/json"]?["examples"]?[name]?["value"] is not { } value) continue;
            return value is JsonValue text && text.GetValueKind() == System.Text.Json.JsonValueKind.String ? text.GetValue<string>() : value.ToJsonString();
        }
        throw new KeyNotFoundException($"{operation.OperationId} has no inline example {name}.");
    }

    /// <summary>Names (without .yaml) of the examples whose name contains <paramref name="kind"/>, e.g. "__request__".</summary>
    public static IEnumerable<string> Names(string kind) =>
        Directory.EnumerateFiles(System.IO.Path.Combine(SpecFolder.Path, "examples"), "*.yaml")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f))
            .Where(n => n.Contains(kind, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>YAML as JSON; plain (unquoted) scalars are typed as YAML 1.2's core schema types them.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", ToJson(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var text } => text switch
        {
            null or "null" or "~" or "" => null,
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
