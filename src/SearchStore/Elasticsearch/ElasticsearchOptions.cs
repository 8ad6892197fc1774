namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>How the Elasticsearch store reaches its cluster and how hard it pushes it.</summary>
public sealed record ElasticsearchOptions
{
    /// <summary>The cluster, e.g. <c>http://localhost:9200</c>. Credentials in the URI (<c>http://user:pass@host:9200</c>) are used as basic auth.</summary>
    public required Uri Url { get; init; }

    public string? Username { get; init; }
    public string? Password { get; init; }

    /// <summary>The encoded API key (base64 of <c>id:api_key</c>, as Elasticsearch returns it in <c>encoded</c>); wins over basic auth.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The alias every request goes through; concrete indices are <c>{Alias}-v{schema version}</c>.</summary>
    public string Alias { get; init; } = "news";

    public int BulkMaxActions { get; init; } = 500;
    public int BulkMaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Retries of a bulk batch (or of its items) that failed with 429, 5xx or a timeout.</summary>
    public int BulkMaxRetries { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings services configure (<c>ConnectionStrings:elasticsearch</c>, <c>Search:Elasticsearch:*</c>).</summary>
    public static ElasticsearchOptions From(SearchStoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ElasticsearchUrl) || !Uri.TryCreate(options.ElasticsearchUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                "Search:Backend is 'elasticsearch' but ConnectionStrings:elasticsearch is not an http(s) URL (e.g. http://localhost:9200).");
        return new ElasticsearchOptions
        {
            Url = url,
            Username = Blank(options.ElasticsearchUsername),
            Password = options.ElasticsearchPassword,
            ApiKey = Blank(options.ElasticsearchApiKey),
            Alias = options.ElasticsearchIndex,
        };

        static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
