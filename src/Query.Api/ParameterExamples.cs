using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NewsSearch.Query.Api;

/// <summary>Example values for the API explorer, so "Try it out" starts from a search that means something.</summary>
internal static class ParameterExamples
{
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["q"] = "\"peace talks\" Istanbul -football",
        ["source"] = "Reuters",
        ["actor"] = "Pakistan",
        ["topic"] = "Diplomacy",
        ["story"] = "3f2a9c0d1e8b7a65",
        ["from"] = "2025-10-01",
        ["to"] = "2025-11-30",
        ["sort"] = "newest",
        ["page"] = "1",
        ["size"] = "10",
        ["facetSize"] = "10",
        ["limit"] = "5",
        ["id"] = "3f2a9c0d1e8b7a65",
    };

    public static Task ApplyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && Examples.TryGetValue(name, out var example))
                parameter.Example = name == "q" && context.Description.RelativePath == "api/suggest" ? JsonValue.Create("paki") : JsonValue.Create(example);
        }
        return Task.CompletedTask;
    }
}
