using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

/// <summary>An answer the fake gives: a status and a JSON body (or none, for HEAD).</summary>
internal sealed record FakeResponse(int Status, string? Body = null)
{
    public static FakeResponse Json(int status, JsonNode body) => new(status, body.ToJsonString());

    /// <summary>The body of one of the specification's documented examples.</summary>
    public static FakeResponse Example(string name, int status = 200) => new(status, SpecExamples.Text(name)) { Documented = true };

    /// <summary>The body of an example the specification gives inline for an operation (see <see cref="SpecExamples.Inline"/>).</summary>
    public static FakeResponse Example(HttpMethod method, string path, string name, int status = 200) =>
        new(status, SpecExamples.Inline(method, path, name)) { Documented = true };

    /// <summary>Taken from the specification's examples, so not checked against its schemas again.</summary>
    public bool Documented { get; init; }

    /// <summary>The transport failing before any answer (a timeout of HttpClient, a refused connection).</summary>
    public static FakeResponse Throws(Exception exception) => new(0) { Exception = exception };

    public Exception? Exception { get; init; }
}

/// <summary>
/// Stands in for a cluster at the HTTP boundary (the client's HTTP handler): records every request the adapter sends, routes it by the
/// specification's operation id, and answers from queued responses (the documented examples, or answers built
/// for a test) or else from a minimal model of indices, aliases and documents. The answers it builds itself are
/// checked against the operation's response schema, so the adapter is only ever fed what the spec allows.
/// </summary>
internal sealed class FakeElasticsearch : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<CapturedRequest, FakeResponse>>> _queued = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public List<CapturedRequest> Requests { get; } = [];
    public List<string> ResponseProblems { get; } = [];
    public HashSet<string> Indices { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HashSet<string>> Aliases { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Mappings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonObject> Documents { get; } = new(StringComparer.Ordinal);

    /// <summary>The next request for an operation whose id starts with <paramref name="operation"/> gets this answer.</summary>
    public FakeElasticsearch Enqueue(string operation, FakeResponse response) => Enqueue(operation, _ => response);

    public FakeElasticsearch Enqueue(string operation, Func<CapturedRequest, FakeResponse> response)
    {
        lock (_gate)
        {
            if (!_queued.TryGetValue(operation, out var queue)) _queued[operation] = queue = new();
            queue.Enqueue(response);
        }
        return this;
    }

    /// <summary>A cluster where the alias already points at <paramref name="index"/> (with the current mappings unless given).</summary>
    public FakeElasticsearch WithIndex(string index, string alias, JsonObject? mappings = null)
    {
        Indices.Add(index);
        Aliases[alias] = [index];
        if (mappings is not null) Mappings[index] = mappings;
        return this;
    }

    public IEnumerable<CapturedRequest> For(string operation) =>
        Requests.Where(r => OperationId(r).StartsWith(operation, StringComparison.Ordinal));

    public static string OperationId(CapturedRequest request) => ElasticsearchSpec.Instance.Find(request.Method, request.Path)?.OperationId ?? "";

    /// <summary>Problems of every recorded request; bulk sources are checked against the mappings of the index they went to.</summary>
    public IReadOnlyList<string> RequestProblems() =>
        Requests.SelectMany(r => RequestValidator.Problems(r, MappingsFor(r.Path.Split('/')[0]))).ToList();

    private JsonObject? MappingsFor(string target)
    {
        var index = Aliases.TryGetValue(target, out var indices) ? indices.FirstOrDefault() : target;
        return index is not null && Mappings.TryGetValue(index, out var mappings) ? mappings : null;
    }

    /// <summary>The product the answers say they come from; null, as OpenSearch and proxies answer, for none.</summary>
    public string? Product { get; set; } = "Elasticsearch";

    /// <summary>When set, every request waits for this before it is answered (or for its cancellation).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Completed when a request is being held.</summary>
    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The requests whose wait was ended by their cancellation token.</summary>
    public int Cancelled { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            Held.TrySetResult();
            try
            {
                await hold.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled++;
                throw;
            }
        }
        var body = request.Content is null ? null : await BodyAsync(request.Content, cancellationToken);
        var captured = new CapturedRequest(
            request.Method,
            request.RequestUri!.AbsolutePath.TrimStart('/'),
            request.RequestUri.Query,
            request.Content?.Headers.ContentType?.ToString(),
            body,
            request.Headers.Authorization?.ToString(),
            request.Headers.Accept.ToString(),
            request.RequestUri.Host);

        FakeResponse response;
        lock (_gate)
        {
            Requests.Add(captured);
            var operation = OperationId(captured);
            var queued = _queued.FirstOrDefault(q => q.Value.Count > 0 && operation.StartsWith(q.Key, StringComparison.Ordinal)).Value;
            response = queued is not null ? queued.Dequeue()(captured) : Model(captured, operation);
            if (!response.Documented) CheckAnswer(captured, response);
        }
        if (response.Exception is not null) throw response.Exception;

        var message = new HttpResponseMessage((HttpStatusCode)response.Status) { RequestMessage = request, Content = new ByteArrayContent([]) };
        if (response.Body is not null)
        {
            message.Content = new StringContent(response.Body, Encoding.UTF8);
            // In the format asked for, as a server answers: the client refuses an answer of another media type.
            message.Content.Headers.ContentType = request.Headers.Accept.FirstOrDefault() is { } accepted
                ? MediaTypeHeaderValue.Parse(accepted.ToString())
                : new MediaTypeHeaderValue("application/json");
        }
        // The client refuses an answer that does not say it comes from Elasticsearch.
        if (Product is not null) message.Headers.Add("X-Elastic-Product", Product);
        return message;
    }

    /// <summary>The body as sent, decompressed when the client compressed it (it does by default).</summary>
    private static async Task<string> BodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (content.Headers.ContentEncoding.Contains("gzip")) stream = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>The fake cluster's own answers.</summary>
    private FakeResponse Model(CapturedRequest request, string operation)
    {
        var segments = request.Path.Split('/').Select(Uri.UnescapeDataString).ToArray();
        var response = operation switch
        {
            "ping" => new FakeResponse(200),
            "indices-get-alias-1" => GetAlias(segments[1]),
            "indices-exists" => new FakeResponse(Indices.Contains(segments[0]) ? 200 : 404),
            "indices-create" => CreateIndex(segments[0], request.Json!.AsObject()),
            "indices-update-aliases" => UpdateAliases(request.Json!["actions"]!.AsArray()),
            "indices-refresh-2" => FakeResponse.Json(200, new JsonObject { ["_shards"] = Shards() }),
            "bulk-2" => Bulk(segments[0], request.Body!),
            "get" => Get(segments[0], segments[2]),
            "delete" => Delete(segments[0], segments[2]),
            "count-3" or "count-2" => FakeResponse.Json(200, new JsonObject { ["count"] = Documents.Count, ["_shards"] = Shards() }),
            "search-3" => FakeResponse.Example("_global__search__200_response__SearchResponseExample1"),
            "open-point-in-time" => FakeResponse.Json(200, new JsonObject { ["id"] = FakePit, ["_shards"] = Shards() }),
            "search-1" when request.Json?["pit"] is not null => PointInTimePage(request.Json!),
            "close-point-in-time" => FakeResponse.Json(200, new JsonObject { ["succeeded"] = true, ["num_freed"] = 1 }),
            "update-by-query" => UpdateByQuery(request.Json!),
            _ => FakeResponse.Json(400, new JsonObject { ["error"] = new JsonObject { ["type"] = "illegal_argument_exception", ["reason"] = $"the fake has no answer for {request}" }, ["status"] = 400 }),
        };
        return response;
    }

    /// <summary>Answers built here or by a test must be valid for the operation's response schema.</summary>
    private void CheckAnswer(CapturedRequest request, FakeResponse response)
    {
        var spec = ElasticsearchSpec.Instance;
        if (response.Body is not null && response.Status is >= 200 and < 300 && spec.Find(request.Method, request.Path) is { } found && spec.ResponseSchema(found, response.Status) is { } schema)
            ResponseProblems.AddRange(RequestValidator.Validate(schema, response.Body).Select(p => $"answer to {request}: {p}"));
    }

    public const string FakePit = "fake-point-in-time";

    /// <summary>Every document, in one page (the fake holds few), with the sort values a point-in-time search gives.</summary>
    private FakeResponse PointInTimePage(JsonNode body)
    {
        var hits = new JsonArray();
        if (body["search_after"] is null)
        {
            var n = 0;
            foreach (var (id, source) in Documents.OrderBy(d => d.Key, StringComparer.Ordinal))
                hits.Add(new JsonObject { ["_index"] = Indices.FirstOrDefault() ?? "news", ["_id"] = id, ["_source"] = source.DeepClone(), ["sort"] = new JsonArray(0, id, n++) });
        }
        return FakeResponse.Json(200, new JsonObject
        {
            ["took"] = 1, ["timed_out"] = false, ["_shards"] = Shards(), ["pit_id"] = FakePit, ["hits"] = new JsonObject { ["hits"] = hits },
        });
    }

    /// <summary>The story script's effect (see StoryUpdates): documents of a moved story move, take their story's label and, when named, a date.</summary>
    private FakeResponse UpdateByQuery(JsonNode body)
    {
        var wanted = body["query"]!["terms"]!["story"]!.AsArray().Select(s => (string)s!).ToHashSet(StringComparer.Ordinal);
        var moved = body["script"]!["params"]!["moved"]!.AsObject();
        var labels = body["script"]!["params"]!["labels"]!.AsObject();
        var dated = body["script"]!["params"]!["dated"]!.AsObject();
        var updated = 0;
        foreach (var (id, document) in Documents.Where(d => d.Value["story"] is JsonValue story && wanted.Contains((string)story!)))
        {
            var story = (string)document["story"]!;
            if (moved[story] is JsonValue to) document["story"] = story = (string)to!;
            if (labels[story] is JsonValue label) document["story_label"] = (string)label!;
            if (dated[id] is JsonObject date)
            {
                document["published"] = date["date"]!.DeepClone();
                document["publishedEvidence"] = date["evidence"]!.DeepClone();
                document["yearKnown"] = true;
            }
            updated++;
        }
        return FakeResponse.Json(200, new JsonObject
        {
            ["took"] = 2, ["timed_out"] = false, ["total"] = updated, ["updated"] = updated, ["deleted"] = 0, ["batches"] = 1,
            ["version_conflicts"] = 0, ["noops"] = 0, ["retries"] = new JsonObject { ["bulk"] = 0, ["search"] = 0 },
            ["throttled_millis"] = 0, ["requests_per_second"] = -1, ["throttled_until_millis"] = 0, ["failures"] = new JsonArray(),
        });
    }

    private static JsonObject Shards() => new() { ["total"] = 1, ["successful"] = 1, ["failed"] = 0 };

    private static FakeResponse Error(int status, string type, string reason) =>
        FakeResponse.Json(status, new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["reason"] = reason }, ["status"] = status });

    private FakeResponse GetAlias(string alias)
    {
        if (!Aliases.TryGetValue(alias, out var indices) || indices.Count == 0)
            return FakeResponse.Json(404, new JsonObject { ["error"] = $"alias [{alias}] missing", ["status"] = 404 });
        var body = new JsonObject();
        foreach (var index in indices) body[index] = new JsonObject { ["aliases"] = new JsonObject { [alias] = new JsonObject() } };
        return FakeResponse.Json(200, body);
    }

    private FakeResponse CreateIndex(string index, JsonObject body)
    {
        if (!Indices.Add(index)) return Error(400, "resource_already_exists_exception", $"index [{index}] already exists");
        if (body["mappings"] is JsonObject mappings) Mappings[index] = mappings.DeepClone().AsObject();
        return FakeResponse.Json(200, new JsonObject { ["acknowledged"] = true, ["shards_acknowledged"] = true, ["index"] = index });
    }

    private FakeResponse UpdateAliases(JsonArray actions)
    {
        foreach (var action in actions.OfType<JsonObject>())
        {
            var (kind, detail) = action.First();
            var index = (string)detail!["index"]!;
            var alias = (string)detail["alias"]!;
            if (kind == "add")
            {
                if (!Aliases.TryGetValue(alias, out var set)) Aliases[alias] = set = new(StringComparer.Ordinal);
                set.Add(index);
            }
            else if (kind == "remove" && Aliases.TryGetValue(alias, out var set)) set.Remove(index);
        }
        return FakeResponse.Json(200, new JsonObject { ["acknowledged"] = true });
    }

    private string Resolve(string target) => Aliases.TryGetValue(target, out var indices) ? indices.First() : target;

    private FakeResponse Bulk(string target, string body)
    {
        var index = Resolve(target);
        var items = new JsonArray();
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < lines.Length; i += 2)
        {
            var id = (string)JsonNode.Parse(lines[i])!["index"]!["_id"]!;
            var created = !Documents.ContainsKey(id);
            Documents[id] = JsonNode.Parse(lines[i + 1])!.AsObject();
            items.Add(new JsonObject
            {
                ["index"] = new JsonObject
                {
                    ["_index"] = index, ["_id"] = id, ["_version"] = 1, ["result"] = created ? "created" : "updated",
                    ["_shards"] = Shards(), ["_seq_no"] = i / 2, ["_primary_term"] = 1, ["status"] = created ? 201 : 200,
                },
            });
        }
        return FakeResponse.Json(200, new JsonObject { ["took"] = 3, ["errors"] = false, ["items"] = items });
    }

    private FakeResponse Get(string target, string id) => Documents.TryGetValue(id, out var source)
        ? FakeResponse.Json(200, new JsonObject
        {
            ["_index"] = Resolve(target), ["_id"] = id, ["_version"] = 1, ["_seq_no"] = 0, ["_primary_term"] = 1,
            ["found"] = true, ["_source"] = source.DeepClone(),
        })
        : FakeResponse.Json(404, new JsonObject { ["_index"] = Resolve(target), ["_id"] = id, ["found"] = false });

    private FakeResponse Delete(string target, string id)
    {
        var found = Documents.Remove(id);
        return FakeResponse.Json(found ? 200 : 404, new JsonObject
        {
            ["_shards"] = Shards(), ["_index"] = Resolve(target), ["_id"] = id, ["_version"] = 2, ["_primary_term"] = 1, ["_seq_no"] = 5,
            ["result"] = found ? "deleted" : "not_found",
        });
    }
}
