using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>An answer from Elasticsearch: the status and the parsed JSON body, if there was one.</summary>
internal sealed record ElasticsearchResponse(HttpStatusCode Status, JsonNode? Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? ErrorType => SearchResponses.String(Body.At("error").At("type"));

    public ElasticsearchResponse EnsureSuccess()
    {
        if (IsSuccess) return this;
        throw new ElasticsearchException(Status, ErrorType, DescribeError(Body));
    }

    /// <summary>The reason Elasticsearch gives, from <c>error.reason</c> (object form) or <c>error</c> (string form).</summary>
    public static string DescribeError(JsonNode? body) => body.At("error") switch
    {
        JsonObject error when error["reason"] is JsonValue reason && reason.GetValueKind() == JsonValueKind.String => (string)reason!,
        JsonValue error when error.GetValueKind() == JsonValueKind.String => (string)error!,
        _ => "no reason given",
    };
}

/// <summary>Reading answers whose shape may differ from what was asked (a proxy's filter_path, an older version).</summary>
internal static class JsonNavigation
{
    /// <summary>The property of an object; null for a missing property, null, or anything that is not an object.</summary>
    public static JsonNode? At(this JsonNode? node, string name) => node is JsonObject obj ? obj[name] : null;
}

/// <summary>The REST calls: JSON or NDJSON in, status and JSON out. Paths are relative to the cluster URL.</summary>
internal sealed class ElasticsearchTransport(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue Ndjson = new("application/x-ndjson") { CharSet = "utf-8" };

    public Task<ElasticsearchResponse> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        HttpContent? content = null;
        if (body is not null)
        {
            content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString()));
            content.Headers.ContentType = Json;
        }
        return SendAsync(method, path, content, cancellationToken);
    }

    public Task<ElasticsearchResponse> SendNdjsonAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Ndjson;
        return SendAsync(HttpMethod.Post, path, content, cancellationToken);
    }

    private async Task<ElasticsearchResponse> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        JsonNode? json = null;
        if (bytes.Length > 0 && method != HttpMethod.Head)
        {
            try
            {
                json = JsonNode.Parse(bytes);
            }
            catch (JsonException)
            {
                // A proxy in front of the cluster may answer with HTML; the status still tells what happened.
                json = new JsonObject { ["error"] = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 500)) };
            }
        }
        return new ElasticsearchResponse(response.StatusCode, json);
    }

    /// <summary>
    /// Points a client at the cluster (base address without credentials) with the configured authentication,
    /// unless it was already given a base address or an Authorization header (e.g. by IHttpClientFactory).
    /// </summary>
    public static void Configure(HttpClient http, ElasticsearchOptions options)
    {
        if (http.BaseAddress is null)
        {
            var builder = new UriBuilder(options.Url) { UserName = "", Password = "" };
            if (!builder.Path.EndsWith('/')) builder.Path += "/";
            http.BaseAddress = builder.Uri;
            http.Timeout = options.RequestTimeout;
        }
        http.DefaultRequestHeaders.Authorization ??= Authorization(options);
    }

    internal static AuthenticationHeaderValue? Authorization(ElasticsearchOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
            return new AuthenticationHeaderValue("ApiKey", options.ApiKey.Trim());

        var (user, password) = (options.Username, options.Password);
        if (string.IsNullOrEmpty(user) && !string.IsNullOrEmpty(options.Url.UserInfo))
        {
            var parts = options.Url.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return string.IsNullOrEmpty(user)
            ? null
            : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }
}
