using System.ComponentModel.DataAnnotations;

namespace NewsSearch.SearchStore;

/// <summary>
/// Which search store to use and how to reach it. Services bind it from configuration:
/// <c>Search:Backend</c> → <see cref="Backend"/>, <c>Data:Dir</c> → <see cref="DataDir"/>,
/// <c>ConnectionStrings:elasticsearch</c> → <see cref="ElasticsearchUrl"/>, and <c>Search:Elasticsearch:*</c>
/// for the rest of the Elasticsearch settings.
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

    /// <summary>The Elasticsearch (or OpenSearch) base address, e.g. <c>http://localhost:9200</c>.</summary>
    public string? ElasticsearchUrl { get; set; }

    /// <summary>Basic authentication, when both are set.</summary>
    public string? ElasticsearchUsername { get; set; }
    public string? ElasticsearchPassword { get; set; }

    /// <summary>An Elasticsearch API key (the base64 "id:key" form), sent as <c>Authorization: ApiKey …</c>.</summary>
    public string? ElasticsearchApiKey { get; set; }

    /// <summary>The alias searches go through; versioned indices sit behind it.</summary>
    public string ElasticsearchIndex { get; set; } = "articles";

    public bool UsesElasticsearch => string.Equals(Backend, Elasticsearch, StringComparison.OrdinalIgnoreCase);

    public string SqlitePath => Path.Combine(DataDir, DatabaseFileName);
}
