using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsSearch.Articles;
using NewsSearch.SearchStore;

namespace NewsSearch.Web.IntegrationTests.QueryStandIn;

/// <summary>
/// A stand-in for the query service on a real loopback port, answering the public query API's routes
/// with the shared records serialised by <see cref="ArticleJson"/>, over a few articles held in memory.
/// It filters and counts like the API promises (OR within a facet, AND across, disjunctive counts,
/// 400 problems from <see cref="SearchRequest.Validate"/>), simply enough to be obviously right.
/// It records every path it was asked for, so tests can see what the web service requested.
/// </summary>
public sealed class StandInQueryApi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IReadOnlyList<EnrichedArticle> articles;

    public List<string> Requests { get; } = [];

    private StandInQueryApi(WebApplication app, IReadOnlyList<EnrichedArticle> articles)
    {
        this.app = app;
        this.articles = articles;
    }

    public string Address => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>When set, every other path is forwarded there: the stand-in then plays the gateway too.</summary>
    public Uri? Upstream { get; set; }

    public static async Task<StandInQueryApi> StartAsync(IReadOnlyList<EnrichedArticle> articles)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(options => ArticleJson.Configure(options.SerializerOptions));
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var standIn = new StandInQueryApi(app, articles);
        app.Use(async (context, next) =>
        {
            lock (standIn.Requests) standIn.Requests.Add(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        app.MapGet("/alive", () => TypedResults.Ok());
        app.MapGet("/api/search", standIn.Search);
        app.MapGet("/api/articles/{id}", standIn.Article);
        app.MapGet("/api/articles/{id}/similar", standIn.Similar);
        app.MapGet("/api/suggest", standIn.Suggest);
        app.MapFallback("{**path}", standIn.Forward);
        await app.StartAsync();
        return standIn;
    }

    private Results<Ok<SearchResult>, ValidationProblem> Search(HttpRequest http)
    {
        var query = http.Query;
        var request = new SearchRequest
        {
            Sources = [.. query["source"].OfType<string>()],
            Actors = [.. query["actor"].OfType<string>()],
            Topics = [.. query["topic"].OfType<string>()],
            From = ParseDate(query["from"]),
            To = ParseDate(query["to"]),
            Sort = Enum.TryParse<SortOrder>(query["sort"], ignoreCase: true, out var sort) ? sort : SortOrder.Relevance,
            Page = int.TryParse(query["page"], out var page) ? page : 1,
            Size = int.TryParse(query["size"], out var size) ? size : SearchRequest.DefaultSize,
            FacetSize = int.TryParse(query["facetSize"], out var facetSize) ? facetSize : SearchRequest.DefaultFacetSize,
        };
        var errors = request.Validate();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }),
                detail: "The search parameters are not valid.");

        var words = (query["q"].ToString() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matching = articles.Where(a => words.All(w => Text(a).Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();

        bool InSources(EnrichedArticle a) => request.Sources.Count == 0 || request.Sources.Contains(a.Source);
        bool InActors(EnrichedArticle a) => request.Actors.Count == 0 || a.Actors.Any(x => request.Actors.Contains(x.Name));
        bool InTopics(EnrichedArticle a) => request.Topics.Count == 0 || a.Topics.Any(x => request.Topics.Contains(x.Label));
        bool InDates(EnrichedArticle a) =>
            (request.From is null || a.Published >= request.From) && (request.To is null || a.Published <= request.To);

        var hits = matching.Where(a => InSources(a) && InActors(a) && InTopics(a) && InDates(a)).ToList();
        hits = request.Sort switch
        {
            SortOrder.Newest => [.. hits.OrderByDescending(a => a.Published)],
            SortOrder.Oldest => [.. hits.OrderBy(a => a.Published)],
            _ => hits,
        };

        List<FacetValue> Count(IEnumerable<(string Value, string? Type)> values, IReadOnlyList<string> selected) =>
        [
            .. values.GroupBy(v => v.Value)
                .Select(g => new FacetValue(g.Key, g.Count(), selected.Contains(g.Key), g.First().Type))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(request.FacetSize),
        ];

        var facets = new SearchFacets(
            Count(matching.Where(a => InActors(a) && InTopics(a) && InDates(a)).Select(a => (a.Source, (string?)null)), request.Sources),
            Count(matching.Where(a => InSources(a) && InTopics(a) && InDates(a))
                .SelectMany(a => a.Actors.Select(x => (x.Name, (string?)Display.JsonName(x.Type)))), request.Actors),
            Count(matching.Where(a => InSources(a) && InActors(a) && InDates(a)).SelectMany(a => a.Topics.Select(t => (t.Label, (string?)null))), request.Topics),
            [.. matching.Where(a => InSources(a) && InActors(a) && InTopics(a) && a.Published is not null).GroupBy(a => a.Published!.Value).OrderBy(g => g.Key)
                .Select(g => new DateBucket(g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), g.Count()))],
            DateInterval.Day);

        var pageHits = hits.Skip((request.Page - 1) * request.Size).Take(request.Size)
            .Select(a => new SearchHit(a.Id, a.Title, a.Source, a.Published, Snippet(a, words),
                [.. a.Actors.Select(x => x.Name)], [.. a.Topics.Select(t => t.Label)], 1.0))
            .ToList();
        return TypedResults.Ok(new SearchResult(hits.Count, request.Page, request.Size, 2, pageHits, facets));
    }

    private Results<Ok<EnrichedArticle>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>> Article(string id) =>
        articles.FirstOrDefault(a => a.Id == id) is { } article
            ? TypedResults.Ok(article)
            : TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Not Found", Detail = $"No article with id {id}." });

    private Ok<List<SearchHit>> Similar(string id) => TypedResults.Ok(articles
        .Where(a => a.Id != id && articles.Any(b => b.Id == id))
        .Select(a => new SearchHit(a.Id, a.Title, a.Source, a.Published, WebUtility.HtmlEncode(a.Body[..Math.Min(80, a.Body.Length)]), [], [], 0.5))
        .ToList());

    private Ok<List<Suggestion>> Suggest(string? q)
    {
        var prefix = q ?? "";
        IEnumerable<(string Value, SuggestionKind Kind)> candidates = articles.SelectMany(a =>
            a.Actors.Select(x => (x.Name, SuggestionKind.Actor))
                .Concat(a.Topics.Select(t => (t.Label, SuggestionKind.Topic)))
                .Append((a.Source, SuggestionKind.Source))
                .Append((a.Title, SuggestionKind.Title)));
        return TypedResults.Ok(candidates
            .Where(c => prefix.Length > 0 && c.Value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => c)
            .Select(g => new Suggestion(g.Key.Value, g.Key.Kind, g.Count()))
            .OrderByDescending(s => s.Count)
            .Take(10)
            .ToList());
    }

    private async Task Forward(HttpContext context)
    {
        if (Upstream is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        using var client = new HttpClient { BaseAddress = Upstream };
        using var response = await client.GetAsync(context.Request.Path + context.Request.QueryString);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Content.Headers.Concat(response.Headers))
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
                context.Response.Headers[header.Key] = header.Value.ToArray();
        await response.Content.CopyToAsync(context.Response.Body);
    }

    private static string Text(EnrichedArticle article) => article.Title + "\n" + article.Body;

    private static string Snippet(EnrichedArticle article, string[] words)
    {
        var text = WebUtility.HtmlEncode(article.Body[..Math.Min(160, article.Body.Length)]);
        foreach (var word in words.Select(w => WebUtility.HtmlEncode(w)))
            text = text.Replace(word, $"<mark>{word}</mark>", StringComparison.OrdinalIgnoreCase);
        return text;
    }

    private static DateOnly? ParseDate(string? text) => DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date : null;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
