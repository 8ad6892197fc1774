using System.Globalization;
using NewsSearch.SearchStore.Benchmarks;

namespace NewsSearch.Gateway.Benchmarks;

/// <summary>The store benchmark's mix (<see cref="QueryMixPlan"/>) as public API URLs; every search asks for all facets, as the web UI does.</summary>
public static class QueryMix
{
    public static IReadOnlyList<string> Create(int perKind, int seed = 11) =>
        QueryMixPlan.Create(perKind, seed).Select(Path).ToList();

    private static string Path(MixQuery query)
    {
        var path = "/api/search?" + (query.Text is null ? "sort=newest" : "q=" + E(query.Text) + (query.Newest ? "&sort=newest" : ""));
        if (query.Filters is { } f)
            path += string.Concat(f.Sources.Select(s => "&source=" + E(s))) + $"&topic={E(f.Topic)}&from={Date(f.From)}&to={Date(f.To)}";
        return path;
    }

    private static string E(string value) => Uri.EscapeDataString(value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
