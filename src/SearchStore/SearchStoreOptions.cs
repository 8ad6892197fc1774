using System.ComponentModel.DataAnnotations;

namespace NewsSearch.SearchStore;

/// <summary>
/// Which search store to use and how to reach it, read from the system-wide configuration names
/// (see <see cref="ReadFrom"/>).
/// </summary>
public sealed class SearchStoreOptions
{
    public const string Sqlite = "sqlite";
    public const string Elasticsearch = "elasticsearch";
    public const string DatabaseFileName = "search.db";

    /// <summary><c>sqlite</c> (default, embedded) or <c>elasticsearch</c>.</summary>
    [Required, RegularExpression("^(?i:sqlite|elasticsearch)$", ErrorMessage = "Search:Backend must be 'sqlite' or 'elasticsearch'.")]
    public string Backend { get; set; } = Sqlite;

    /// <summary>Where the embedded store keeps <c>search.db</c>.</summary>
    [Required]
    public string DataDir { get; set; } = ".data";

    /// <summary>
    /// The Elasticsearch 9.x connection string: node URLs and credentials, e.g. <c>https://es1:9200,https://es2:9200;ApiKey=…</c>
    /// (format: <c>ElasticsearchConnection</c>, README "Elasticsearch").
    /// </summary>
    public string? ElasticsearchUrl { get; set; }

    /// <summary>Basic authentication; wins over credentials in the connection string.</summary>
    public string? ElasticsearchUsername { get; set; }
    public string? ElasticsearchPassword { get; set; }

    /// <summary>An Elasticsearch API key (the base64 "id:key" form), sent as <c>Authorization: ApiKey …</c>; wins over every other credential.</summary>
    public string? ElasticsearchApiKey { get; set; }

    /// <summary>The alias searches go through; versioned indices sit behind it.</summary>
    public string ElasticsearchIndex { get; set; } = "articles";

    /// <summary>
    /// Reads <c>Search:Backend</c>, <c>Data:Dir</c>, <c>ConnectionStrings:elasticsearch</c> and
    /// <c>Search:Elasticsearch:{Username,Password,ApiKey,Index}</c>; absent keys keep their defaults.
    /// Takes a lookup rather than IConfiguration so the library stays free of hosting packages.
    /// </summary>
    public void ReadFrom(Func<string, string?> setting)
    {
        Backend = setting("Search:Backend") ?? Backend;
        DataDir = setting("Data:Dir") ?? DataDir;
        ElasticsearchUrl = setting("ConnectionStrings:elasticsearch") ?? ElasticsearchUrl;
        ElasticsearchUsername = setting("Search:Elasticsearch:Username") ?? ElasticsearchUsername;
        ElasticsearchPassword = setting("Search:Elasticsearch:Password") ?? ElasticsearchPassword;
        ElasticsearchApiKey = setting("Search:Elasticsearch:ApiKey") ?? ElasticsearchApiKey;
        ElasticsearchIndex = setting("Search:Elasticsearch:Index") ?? ElasticsearchIndex;
    }

    public bool UsesElasticsearch => string.Equals(Backend, Elasticsearch, StringComparison.OrdinalIgnoreCase);

    public string SqlitePath => Path.Combine(DataDir, DatabaseFileName);
}
