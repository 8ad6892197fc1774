using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsSearch.Articles;

namespace NewsSearch.Ingest.IntegrationTests;

/// <summary>
/// The other side of the enrichment contract, as a real HTTP server on a loopback port: it records what it
/// receives and can be told to fail items, answer an outage status, or be stopped and started again.
/// </summary>
public sealed class FakeEnrichment : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeEnrichment(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<IReadOnlyList<RawArticle>> Batches { get; } = new();

    /// <summary>How often each id was indexed.</summary>
    public ConcurrentDictionary<string, int> Indexed { get; } = new();

    public ConcurrentQueue<string> Deleted { get; } = new();

    /// <summary>When each call arrived, with the status it was answered.</summary>
    public ConcurrentQueue<(DateTimeOffset At, int Status)> Calls { get; } = new();

    /// <summary>Returns an item's error, or null to index it.</summary>
    public Func<RawArticle, string?> ItemError { get; set; } = _ => null;

    /// <summary>When it returns a status, the whole call is answered with it (and the headers it set).</summary>
    public Func<HttpResponse, int?> Outage { get; set; } = _ => null;

    /// <summary>How long to take over a batch before answering.</summary>
    public Func<IReadOnlyList<RawArticle>, TimeSpan> Latency { get; set; } = _ => TimeSpan.Zero;

    public IEnumerable<string> Received => Batches.SelectMany(batch => batch).Select(article => article.Id);

    public static async Task<FakeEnrichment> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.ConfigureHttpJsonOptions(options => ArticleJson.Configure(options.SerializerOptions));
        var app = builder.Build();
        var fake = new FakeEnrichment(app);
        app.MapPost("/enrich", async (List<RawArticle> articles, HttpResponse response) =>
        {
            if (fake.Outage(response) is { } status)
            {
                fake.Calls.Enqueue((DateTimeOffset.UtcNow, status));
                return Results.StatusCode(status);
            }

            fake.Calls.Enqueue((DateTimeOffset.UtcNow, 200));
            fake.Batches.Enqueue(articles);
            await Task.Delay(fake.Latency(articles));
            return Results.Ok(articles.Select(article =>
            {
                if (fake.ItemError(article) is { } error)
                {
                    return new EnrichOutcome(article.Id, false, error);
                }

                fake.Indexed.AddOrUpdate(article.Id, 1, (_, count) => count + 1);
                return new EnrichOutcome(article.Id, true);
            }).ToList());
        });
        app.MapDelete("/index/{id}", (string id, HttpResponse response) =>
        {
            if (fake.Outage(response) is { } status)
            {
                return Results.StatusCode(status);
            }

            fake.Deleted.Enqueue(id);
            return fake.Indexed.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound();
        });
        await app.StartAsync();
        fake.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
