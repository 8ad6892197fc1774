using System.Text.Json.Nodes;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

/// <summary>
/// Turns an OpenAPI 3.0 schema of the Elasticsearch specification into a self-contained JSON Schema (draft 4)
/// document that NJsonSchema validates: every <c>#/components/schemas/X</c> reachable from it becomes
/// <c>#/definitions/X</c>, and the generator's idioms are rewritten into what they mean:
/// <list type="bullet">
/// <item><c>allOf: [Base, {properties}]</c> (inheritance) is merged into one object, so that strict mode can close it;</item>
/// <item>"container" classes (<c>minProperties = maxProperties = 1</c> over the variant properties, beside shared
/// properties such as <c>aggregations</c>) become "exactly one of the variant properties";</item>
/// <item><c>oneOf</c> becomes <c>anyOf</c>: the specification's unions (string or object, array or single) are
/// not exclusive, and open object variants would otherwise overlap;</item>
/// <item><c>nullable</c> widens the type; annotations, <c>discriminator</c> and <c>format</c> are dropped.</item>
/// </list>
/// In strict mode an object with declared properties and no <c>additionalProperties</c> is closed, because
/// Elasticsearch rejects unknown keys in request bodies: a misspelled parameter fails here as it would on a cluster.
/// Where the generated description lost a variant that Elasticsearch documents (see <see cref="Patches"/>), the
/// component is completed from the Elasticsearch reference before conversion, and nowhere else.
/// </summary>
internal sealed class SchemaConverter(JsonObject components, bool strict)
{
    private const string ExactlyOne = "x-exactly-one";

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "description", "externalDocs", "deprecated", "discriminator", "default", "example", "examples", "title",
        "format", "readOnly", "writeOnly", "xml",
    };

    private static readonly HashSet<string> Mergeable = new(StringComparer.Ordinal)
    {
        "type", "properties", "required", "additionalProperties", "minProperties", "maxProperties",
    };

    /// <summary>
    /// Field-keyed variants the OpenAPI generator drops (it leaves an empty <c>{"type": "object"}</c>, the same as for a
    /// class with no members of its own, so the two cannot be told apart and both stay closed). The two the adapter
    /// uses are given their documented shape back:
    /// <c>SortOptions</c> declares only <c>_score</c>, <c>_doc</c>, <c>_geo_distance</c> and <c>_script</c>, not the
    /// field sort (<c>{"published": {"order": "desc"}}</c>, FieldSort in the TypeScript specification); <c>TermsQuery</c>
    /// declares only <c>boost</c> and <c>_name</c>, not the field and its values (TermsQueryField: a list, or a lookup).
    /// <c>DynamicMapping</c> is typed as a string only, but Elasticsearch takes <c>"dynamic": false</c> as its reference
    /// documents it, and the official client sends the boolean.
    /// </summary>
    private static readonly Dictionary<string, Func<JsonObject>> Patches = new(StringComparer.Ordinal)
    {
        ["_types.query_dsl.TermsQuery"] = () => new JsonObject
        {
            ["additionalProperties"] = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") } },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject
                        {
                            ["index"] = new JsonObject { ["type"] = "string" },
                            ["id"] = new JsonObject { ["type"] = "string" },
                            ["path"] = new JsonObject { ["type"] = "string" },
                            ["routing"] = new JsonObject { ["type"] = "string" },
                        },
                        ["required"] = new JsonArray("index", "id", "path"),
                    }),
            },
        },
        ["_types.mapping.DynamicMapping"] = () => new JsonObject
        {
            ["type"] = new JsonArray("string", "boolean"),
            ["enum"] = new JsonArray("strict", "runtime", "true", "false", true, false),
        },
        ["_types.SortOptions"] = () => new JsonObject
        {
            ["additionalProperties"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["order"] = new JsonObject { ["$ref"] = "#/components/schemas/_types.SortOrder" },
                    ["missing"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
                    ["mode"] = new JsonObject { ["$ref"] = "#/components/schemas/_types.SortMode" },
                    ["unmapped_type"] = new JsonObject { ["type"] = "string" },
                    ["numeric_type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("long", "double", "date", "date_nanos") },
                    ["format"] = new JsonObject { ["type"] = "string" },
                },
            },
        },
    };

    private readonly Dictionary<string, JsonObject?> _flattened = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();
    private readonly HashSet<string> _emitted = new(StringComparer.Ordinal);

    public JsonObject Convert(JsonNode schema)
    {
        var root = Transform(schema);
        var definitions = new JsonObject();
        while (_pending.TryDequeue(out var name))
            definitions[name] = Transform(Definition(name));
        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-04/schema#",
            ["allOf"] = new JsonArray(root),
            ["definitions"] = definitions,
        };
    }

    private JsonNode Definition(string name)
    {
        var definition = Flatten(name) ?? components[name]?.DeepClone().AsObject() ?? throw new KeyNotFoundException($"The spec has no schema {name}.");
        if (Patches.TryGetValue(name, out var patch))
            foreach (var (key, value) in patch()) definition[key] = value?.DeepClone();
        return definition;
    }

    private static string ReferenceName(JsonNode reference)
    {
        var text = (string)reference!;
        const string prefix = "#/components/schemas/";
        return text.StartsWith(prefix, StringComparison.Ordinal)
            ? text[prefix.Length..]
            : throw new NotSupportedException($"Reference {text} is not a component schema.");
    }

    private JsonNode Transform(JsonNode? node, bool close = true)
    {
        if (node is not JsonObject schema) return node?.DeepClone() ?? new JsonObject();

        if (schema["$ref"] is { } reference)
        {
            var name = ReferenceName(reference);
            if (_emitted.Add(name)) _pending.Enqueue(name);
            return new JsonObject { ["$ref"] = $"#/definitions/{name}" };
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            // A property that only wraps a reference to add a description.
            if (allOf.Count == 1 && allOf[0]?["$ref"] is not null && schema.All(p => p.Key == "allOf" || Dropped.Contains(p.Key) || p.Key.StartsWith("x-", StringComparison.Ordinal)))
                return Transform(allOf[0]);
            if (Merge(schema) is { } merged) schema = merged;
        }

        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            if (Dropped.Contains(key) || key == "nullable" || key == ExactlyOne || (key.StartsWith("x-", StringComparison.Ordinal))) continue;
            switch (key)
            {
                case "properties":
                    var properties = new JsonObject();
                    foreach (var (name, property) in value!.AsObject()) properties[name] = Transform(property);
                    result[key] = properties;
                    break;
                case "oneOf" or "anyOf":
                    result["anyOf"] = new JsonArray([.. value!.AsArray().Select(member => Transform(member))]);
                    break;
                case "allOf":
                    // Left unmerged (rare): members stay open, or an object member would reject its siblings' properties.
                    result[key] = new JsonArray([.. value!.AsArray().Select(member => Transform(member, close: false))]);
                    break;
                case "items" or "not":
                    result[key] = Transform(value);
                    break;
                case "additionalProperties":
                    result[key] = value is JsonObject ? Transform(value) : value?.DeepClone();
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        if (strict && close && result["properties"] is not null && result["additionalProperties"] is null)
            result["additionalProperties"] = false;

        if (schema[ExactlyOne] is JsonArray groups)
        {
            var checks = new JsonArray();
            foreach (var group in groups)
            {
                var alternatives = new JsonArray([.. group!.AsArray().Select(name => (JsonNode)new JsonObject { ["required"] = new JsonArray(name!.DeepClone()) })]);
                checks.Add(new JsonObject { ["oneOf"] = alternatives });
            }
            result["allOf"] = checks;
        }

        if (schema["nullable"]?.GetValue<bool>() == true)
        {
            if (result["type"] is JsonValue type) result["type"] = new JsonArray((string)type!, "null");
            else return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, result) };
        }
        return result;
    }

    /// <summary>The definition with its inheritance merged, or null when it has none (or cannot be merged).</summary>
    private JsonObject? Flatten(string name)
    {
        if (_flattened.TryGetValue(name, out var cached)) return cached?.DeepClone().AsObject();
        var definition = components[name] as JsonObject ?? throw new KeyNotFoundException($"The spec has no schema {name}.");
        JsonObject? flattened = null;
        if (definition["allOf"] is JsonArray { Count: 1 } single && single[0]?["$ref"] is { } only && definition.Count(p => !Dropped.Contains(p.Key)) == 1)
            flattened = Flatten(ReferenceName(only)) ?? components[ReferenceName(only)]!.DeepClone().AsObject();
        else if (definition["allOf"] is not null)
            flattened = Merge(definition);
        _flattened[name] = flattened;
        return flattened?.DeepClone().AsObject();
    }

    /// <summary>
    /// allOf of object schemas (through references) as one object schema; null when a member carries anything
    /// but object keywords, in which case the allOf is kept as it is.
    /// </summary>
    private JsonObject? Merge(JsonObject schema)
    {
        var merged = new JsonObject { ["type"] = "object" };
        var properties = new JsonObject();
        var required = new List<string>();
        var exactlyOne = new JsonArray();
        foreach (var (key, value) in schema)
        {
            if (key == "allOf" || Dropped.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal)) continue;
            if (key is "type" && (string?)value == "object") continue;
            return null;
        }

        foreach (var member in schema["allOf"]!.AsArray())
        {
            var part = member?["$ref"] is { } reference
                ? Flatten(ReferenceName(reference)) ?? components[ReferenceName(reference)]!.DeepClone().AsObject()
                : member is JsonObject { } inline && inline["allOf"] is not null ? Merge(inline) : member?.DeepClone() as JsonObject;
            if (part is null) return null;
            if (part["type"] is { } type && (string?)type != "object") return null;
            if (part.Any(p => !Mergeable.Contains(p.Key) && !Dropped.Contains(p.Key) && p.Key != ExactlyOne && !p.Key.StartsWith("x-", StringComparison.Ordinal))) return null;

            if (part["properties"] is JsonObject partProperties)
                foreach (var (name, property) in partProperties) properties[name] = property?.DeepClone();
            if (part["required"] is JsonArray partRequired)
                required.AddRange(partRequired.Select(r => (string)r!));
            if (part["additionalProperties"] is { } additional)
            {
                if (merged["additionalProperties"] is not null) return null;
                merged["additionalProperties"] = additional.DeepClone();
            }
            if (part[ExactlyOne] is JsonArray inherited)
                foreach (var group in inherited) exactlyOne.Add(group!.DeepClone());

            var min = part["minProperties"]?.GetValue<double>();
            var max = part["maxProperties"]?.GetValue<double>();
            if (min is null && max is null) continue;
            // A container: of its own properties exactly one must be present (shared siblings do not count).
            if (min == 1 && max == 1 && part["properties"] is JsonObject variants && variants.Count > 0)
                exactlyOne.Add(new JsonArray([.. variants.Select(v => (JsonNode)v.Key)]));
            else return null;
        }

        if (properties.Count > 0) merged["properties"] = properties;
        if (required.Count > 0) merged["required"] = new JsonArray([.. required.Distinct().Select(r => (JsonNode)r)]);
        if (exactlyOne.Count > 0) merged[ExactlyOne] = exactlyOne;
        return merged;
    }
}
