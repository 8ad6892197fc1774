using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

/// <summary>A request as it left the adapter.</summary>
internal sealed record CapturedRequest(HttpMethod Method, string Path, string Query, string? ContentType, string? Body, string? Authorization, string? Accept = null, string? Host = null)
{
    public override string ToString() => $"{Method} /{Path}{Query}";

    /// <summary>The media type without parameters: the client sends Elasticsearch's own, with compatible-with=9.</summary>
    public string? MediaType => ContentType?.Split(';')[0].Trim();

    public bool IsJson => MediaType is "application/json" or "application/vnd.elasticsearch+json";

    public bool IsNdjson => MediaType is "application/x-ndjson" or "application/vnd.elasticsearch+x-ndjson";

    public JsonNode? Json => string.IsNullOrEmpty(Body) || !IsJson ? null : JsonNode.Parse(Body);

    public IReadOnlyDictionary<string, string> QueryParameters =>
        Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
}

/// <summary>
/// Checks a captured request against the specification: the operation exists for the method and path, every query
/// parameter is declared for it, and the body is valid for its request schema (NDJSON bulk bodies line by line).
/// </summary>
internal static class RequestValidator
{
    public static IReadOnlyList<string> Problems(CapturedRequest request, JsonObject? mappings = null)
    {
        var spec = ElasticsearchSpec.Instance;
        var operation = spec.Find(request.Method, request.Path);
        if (operation is null) return [$"{request}: no such operation in the specification."];

        var problems = new List<string>();
        foreach (var name in request.QueryParameters.Keys.Where(name => !operation.QueryParameters.Contains(name)))
            problems.Add($"{request}: query parameter '{name}' is not declared for {operation.OperationId}.");

        var bodyRequired = spec.Resolve(operation.Raw["requestBody"])?["required"]?.GetValue<bool>() == true;
        if (string.IsNullOrEmpty(request.Body))
        {
            if (bodyRequired) problems.Add($"{request}: {operation.OperationId} requires a body.");
            return problems;
        }

        if (request.IsNdjson)
        {
            if (!operation.OperationId.StartsWith("bulk", StringComparison.Ordinal))
                problems.Add($"{request}: NDJSON is only for _bulk, not {operation.OperationId}.");
            problems.AddRange(BulkProblems(request, operation, mappings));
            return problems;
        }

        if (!request.IsJson)
            problems.Add($"{request}: content type {request.ContentType ?? "(none)"}, expected JSON.");
        var schema = spec.RequestSchema(operation);
        if (schema is null)
        {
            problems.Add($"{request}: {operation.OperationId} takes no body.");
            return problems;
        }
        problems.AddRange(Validate(schema, request.Body).Select(p => $"{request} ({operation.OperationId}): {p}"));
        return problems;
    }

    /// <summary>Validates JSON text against a schema; problems as readable lines (nested for anyOf branches).</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        var token = JToken.ReadFrom(reader);
        return schema.Validate(token).Select(e => Describe(e, 0)).ToList();
    }

    private static string Describe(ValidationError error, int depth)
    {
        var text = new StringBuilder($"{error.Kind} at {(string.IsNullOrEmpty(error.Path) ? "#" : error.Path)}");
        if (error is ChildSchemaValidationError child && depth < 8)
        {
            foreach (var (_, errors) in child.Errors.Take(8))
                foreach (var inner in errors.Take(3))
                    text.Append($"\n{new string(' ', 2 * (depth + 1))}- {Describe(inner, depth + 1)}");
        }
        return text.ToString();
    }

    private static IEnumerable<string> BulkProblems(CapturedRequest request, SpecOperation operation, JsonObject? mappings)
    {
        var body = request.Body!;
        if (!body.EndsWith('\n')) yield return $"{request}: a bulk body must end with a newline.";
        var lines = body.Split('\n');
        var actionSchema = ElasticsearchSpec.Instance.Component("_global.bulk.OperationContainer");
        var pathHasIndex = operation.PathTemplate.Contains("{index}", StringComparison.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            foreach (var problem in Validate(actionSchema, lines[i])) yield return $"{request} line {i + 1} (action): {problem}";

            if (JsonNode.Parse(lines[i]) is not JsonObject { Count: 1 } action)
            {
                yield return $"{request} line {i + 1}: an action line is an object with exactly one action.";
                continue;
            }
            var (kind, metadata) = action.First();
            if (!pathHasIndex && metadata?["_index"] is null) yield return $"{request} line {i + 1}: no _index and none in the path.";
            if (kind == "delete") continue;

            i++;
            if (i >= lines.Length || lines[i].Length == 0)
            {
                yield return $"{request} line {i + 1}: the {kind} action needs a source line.";
                continue;
            }
            JsonNode? source;
            string? parseError = null;
            try
            {
                source = JsonNode.Parse(lines[i]);
            }
            catch (System.Text.Json.JsonException e)
            {
                source = null;
                parseError = e.Message;
            }
            if (source is not JsonObject document)
            {
                yield return $"{request} line {i + 1}: the source line is not a JSON object {parseError}";
                continue;
            }
            if (kind == "index" && metadata?["_id"] is JsonValue id && document["id"] is JsonValue documentId && (string?)id != (string?)documentId)
                yield return $"{request} line {i + 1}: _id {id} differs from the document's id {documentId}.";
            if (mappings is not null)
                foreach (var problem in MappingCheck.Problems(mappings, document)) yield return $"{request} line {i + 1}: {problem}";
        }
    }
}

/// <summary>
/// Does a document fit the index's explicit mappings? Each mapped field holds values of its type (text and keyword:
/// strings; date: the mapped format; nested and object: objects), and with <c>dynamic: strict</c> nothing is unmapped.
/// </summary>
internal static class MappingCheck
{
    public static IEnumerable<string> Problems(JsonObject mappings, JsonObject document, string prefix = "")
    {
        var properties = mappings["properties"] as JsonObject ?? [];
        var dynamic = mappings["dynamic"]?.ToString();
        foreach (var (name, value) in document)
        {
            var path = prefix + name;
            if (properties[name] is not JsonObject field)
            {
                if (dynamic == "strict") yield return $"{path} is not mapped and the mapping is strict.";
                continue;
            }
            var type = (string?)field["type"] ?? "object";
            var values = value is JsonArray array ? array.ToList() : [value];
            foreach (var item in values.Where(v => v is not null))
            {
                var problem = type switch
                {
                    "text" or "keyword" when item!.GetValueKind() != JsonValueKind.String => $"{path} is {type} but holds {item.GetValueKind()}",
                    "date" => DateProblem(path, field, item!),
                    "nested" or "object" when item is not JsonObject => $"{path} is {type} but holds {item!.GetValueKind()}",
                    _ => null,
                };
                if (problem is not null) yield return problem;
                if (type is "nested" or "object" && item is JsonObject inner)
                    foreach (var nested in Problems(field, inner, path + ".")) yield return nested;
            }
        }
    }

    private static string? DateProblem(string path, JsonObject field, JsonNode value)
    {
        if (value.GetValueKind() != JsonValueKind.String) return $"{path} is a date but holds {value.GetValueKind()}";
        var format = (string?)field["format"];
        return format == "strict_date" && !DateOnly.TryParseExact((string)value!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"{path} is a strict_date but holds '{value}'"
            : null;
    }
}
