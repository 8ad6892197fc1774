using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// A service's OpenAPI document, described the same way in every service and served by
/// <c>MapDefaultEndpoints</c> at <c>/openapi/v1.json</c> (the gateway's explorer reads it there).
/// </summary>
public static class OpenApiDocument
{
    /// <summary>
    /// Registers the document with its title and description; <paramref name="configure"/> adds a service's own
    /// transformers. The document names no server: the explorer then calls the API where it loaded the document
    /// from (the gateway), not the service's internal address.
    /// </summary>
    public static TBuilder AddOpenApiDocument<TBuilder>(this TBuilder builder, string title, string description, Action<OpenApiOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<Described>();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = title;
                document.Info.Description = description;
                document.Servers = [];
                return Task.CompletedTask;
            });
            configure?.Invoke(options);
        });
        return builder;
    }

    internal static void MapOpenApiDocument(this WebApplication app)
    {
        if (app.Services.GetService<Described>() is not null)
        {
            app.MapOpenApi();
        }
    }

    /// <summary>Marks a service that registered a document, so only those map one.</summary>
    private sealed class Described;
}
