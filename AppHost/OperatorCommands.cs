using System.Text.Json;

namespace NewsSearch.AppHost;

/// <summary>
/// The pipeline's admin routes as buttons on the ingest resource in the dashboard. They go through the gateway
/// with the API key, as any client's would, ask before they act, and report what the route answered.
/// </summary>
public static class OperatorCommands
{
    public static IResourceBuilder<ProjectResource> WithOperatorCommands(
        this IResourceBuilder<ProjectResource> ingest, IResourceBuilder<ProjectResource> gateway, IResourceBuilder<ParameterResource> apiKey)
    {
        ingest.WithHttpCommand("/api/pipeline/retry", "Retry failed articles",
            endpointSelector: () => gateway.GetEndpoint("http"), commandName: "retry-failed",
            commandOptions: Options(apiKey, "ArrowRepeatAll",
                "Put every failed article back in the delivery queue?",
                "Failed articles go back to pending and are delivered to enrichment again."));
        ingest.WithHttpCommand("/api/admin/reindex", "Re-enrich everything",
            endpointSelector: () => gateway.GetEndpoint("http"), commandName: "reindex",
            commandOptions: Options(apiKey, "ArrowSync",
                "Re-enrich every stored article? The index is rebuilt from the raw store in the background.",
                "Every stored article is enriched again, e.g. after the enrichment rules changed."));
        return ingest;
    }

    private static HttpCommandOptions Options(IResourceBuilder<ParameterResource> apiKey, string icon, string confirmation, string description) => new()
    {
        Method = HttpMethod.Post,
        IconName = icon,
        IconVariant = IconVariant.Regular,
        ConfirmationMessage = confirmation,
        Description = description,
        PrepareRequest = async context =>
        {
            var key = await apiKey.Resource.GetValueAsync(context.CancellationToken);
            context.Request.Headers.Add("X-Api-Key", key);
        },
        GetCommandResult = async context =>
        {
            var body = await context.Response.Content.ReadAsStringAsync(context.CancellationToken);
            return context.Response.IsSuccessStatusCode
                ? CommandResults.Success(Summary(body))
                : CommandResults.Failure($"{(int)context.Response.StatusCode}: {Summary(body)}");
        },
    };

    /// <summary>The route's answer in one line: its JSON fields (e.g. "requeued: 3"), or the problem's title and detail.</summary>
    private static string Summary(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return body;
            }
            var fields = json.RootElement.EnumerateObject()
                .Where(field => field.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False)
                .Select(field => $"{field.Name}: {field.Value}");
            return string.Join(", ", fields);
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}
