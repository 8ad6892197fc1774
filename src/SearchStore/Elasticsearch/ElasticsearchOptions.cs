namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>How the Elasticsearch store reaches its cluster and how hard it pushes it.</summary>
public sealed record ElasticsearchOptions
{
    /// <summary>The nodes, credentials and certificate fingerprint (see <see cref="ElasticsearchConnection"/> for the format).</summary>
    public required ElasticsearchConnection Connection { get; init; }

    /// <summary>The alias every request goes through; concrete indices are <c>{Alias}-v{schema version}</c>.</summary>
    public string Alias { get; init; } = "news";

    public int BulkMaxActions { get; init; } = 500;
    public int BulkMaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Retries of a bulk batch (or of its items) that the cluster pushed back with 429, or that failed with 5xx or a timeout.</summary>
    public int BulkMaxRetries { get; init; } = 4;
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The client's own retries of a failed call on another node (connection failures, 502, 503, 504).</summary>
    public int ClientMaxRetries { get; init; } = 2;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The settings services configure: <c>ConnectionStrings:elasticsearch</c>, and <c>Search:Elasticsearch:{ApiKey,
    /// Username,Password}</c>, which win over credentials in the connection string so secrets can live apart from it.
    /// </summary>
    public static ElasticsearchOptions From(SearchStoreOptions options)
    {
        ElasticsearchConnection connection;
        try
        {
            connection = ElasticsearchConnection.Parse(options.ElasticsearchUrl);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Search:Backend is 'elasticsearch' but {e.Message}", e);
        }
        if (!string.IsNullOrWhiteSpace(options.ElasticsearchApiKey))
            connection = connection with { Credentials = new ElasticsearchCredentials.ApiKey(options.ElasticsearchApiKey.Trim()) };
        else if (!string.IsNullOrWhiteSpace(options.ElasticsearchUsername))
            connection = connection with { Credentials = new ElasticsearchCredentials.Basic(options.ElasticsearchUsername, options.ElasticsearchPassword ?? "") };
        return new ElasticsearchOptions { Connection = connection, Alias = options.ElasticsearchIndex };
    }
}
