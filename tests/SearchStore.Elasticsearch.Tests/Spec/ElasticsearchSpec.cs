using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NJsonSchema;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

/// <summary>An operation of the specification that a request was matched to.</summary>
internal sealed record SpecOperation(string Method, string PathTemplate, string OperationId, IReadOnlySet<string> QueryParameters, JsonObject Raw);

/// <summary>
/// The official OpenAPI description, loaded once: operations are looked up through Microsoft.OpenApi's object model
/// (the reference reader), body schemas are converted from the raw JSON by <see cref="SchemaConverter"/> for NJsonSchema.
/// </summary>
internal sealed class ElasticsearchSpec
{
    private static readonly Lazy<ElasticsearchSpec> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ElasticsearchSpec Instance => Shared.Value;

    private readonly OpenApiDocument _document;
    private readonly JsonObject _raw;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    private ElasticsearchSpec(OpenApiDocument document, JsonObject raw)
    {
        _document = document;
        _raw = raw;
    }

    private static ElasticsearchSpec Load()
    {
        var path = System.IO.Path.Combine(SpecFolder.Path, SpecFolder.OpenApiFile);
        using var stream = File.OpenRead(path);
        var result = OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings()).GetAwaiter().GetResult();
        var document = result.Document ?? throw new InvalidDataException(
            $"{path} did not load as OpenAPI: {string.Join("; ", result.Diagnostic?.Errors.Select(e => e.Message) ?? [])}");
        var raw = JsonNode.Parse(File.ReadAllBytes(path))!.AsObject();
        return new ElasticsearchSpec(document, raw);
    }

    /// <summary>The operation for a method and a concrete path; the template with the most literal segments wins.</summary>
    public SpecOperation? Find(HttpMethod method, string path)
    {
        var segments = Segments(path);
        SpecOperation? best = null;
        var bestScore = -1;
        foreach (var (template, item) in _document.Paths)
        {
            var templateSegments = Segments(template);
            if (templateSegments.Length != segments.Length) continue;
            var score = 0;
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                if (templateSegments[i].StartsWith('{')) continue;
                if (templateSegments[i] == segments[i]) score++;
                else matches = false;
            }
            if (!matches || score <= bestScore) continue;
            if (item.Operations is null || !item.Operations.TryGetValue(method, out var operation)) continue;

            var query = (operation.Parameters ?? [])
                .Concat(item.Parameters ?? [])
                .Where(p => p.In == ParameterLocation.Query && p.Name is not null)
                .Select(p => p.Name!)
                .ToHashSet(StringComparer.Ordinal);
            var raw = _raw["paths"]![template]![method.Method.ToLowerInvariant()]!.AsObject();
            best = new SpecOperation(method.Method, template, operation.OperationId ?? "", query, raw);
            bestScore = score;
        }
        return best;
    }

    private static string[] Segments(string path) =>
        path.Split('?', 2)[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    /// <summary>The JSON schema of the operation's request body, or null when the operation takes none.</summary>
    public JsonSchema? RequestSchema(SpecOperation operation)
    {
        var body = Resolve(operation.Raw["requestBody"]);
        var schema = body?["content"]?["application/json"]?["schema"];
        return schema is null ? null : Compile($"request:{operation.OperationId}", schema, strict: true);
    }

    /// <summary>The JSON schema of the operation's response body for a status (or "default"), or null.</summary>
    public JsonSchema? ResponseSchema(SpecOperation operation, int status)
    {
        var responses = operation.Raw["responses"];
        var response = Resolve(responses?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses?["default"]);
        var schema = response?["content"]?["application/json"]?["schema"];
        // Responses are validated leniently: Elasticsearch may add fields to its answers in any minor version.
        return schema is null ? null : Compile($"response:{operation.OperationId}:{status}", schema, strict: false);
    }

    /// <summary>A component schema by name, e.g. "_global.bulk.OperationContainer".</summary>
    public JsonSchema Component(string name, bool strict = true) =>
        Compile($"component:{name}:{strict}", new JsonObject { ["$ref"] = $"#/components/schemas/{name}" }, strict);

    public JsonObject ComponentSchemas => _raw["components"]!["schemas"]!.AsObject();

    private JsonSchema Compile(string key, JsonNode schema, bool strict) =>
        _schemas.GetOrAdd(key, _ =>
        {
            var converted = new SchemaConverter(ComponentSchemas, strict).Convert(schema);
            return JsonSchema.FromJsonAsync(converted.ToJsonString()).GetAwaiter().GetResult();
        });

    /// <summary>Follows a <c>$ref</c> into #/components (request bodies and responses are often shared).</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        while (node?["$ref"] is JsonValue reference)
        {
            var parts = ((string)reference!).TrimStart('#', '/').Split('/');
            node = parts.Aggregate((JsonNode?)_raw, (current, part) => current?[part]);
        }
        return node;
    }
}
