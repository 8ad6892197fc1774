namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>Who the store authenticates as: an encoded API key, or a user name and password (basic authentication).</summary>
public abstract record ElasticsearchCredentials
{
    public sealed record ApiKey(string Encoded) : ElasticsearchCredentials
    {
        public override string ToString() => "ApiKey(…)";
    }

    public sealed record Basic(string Username, string Password) : ElasticsearchCredentials
    {
        public override string ToString() => $"Basic({Username}, …)";
    }
}

/// <summary>
/// The cluster a connection string names: its nodes, credentials and, for a cluster with a self-signed certificate,
/// the certificate's fingerprint. The format (README, "Elasticsearch"):
/// <code>
/// https://user:pass@h1:9200,https://h2:9200
/// https://h1:9200,https://h2:9200;ApiKey=&lt;encoded&gt;
/// Endpoint=https://h1:9200;Username=elastic;Password=secret;CertificateFingerprint=&lt;sha256 hex&gt;
/// </code>
/// Parts are separated by <c>;</c>. The nodes are a comma-separated list of http(s) URLs, given alone or as
/// <c>Endpoint=</c> (Aspire's spelling). The other parts are <c>ApiKey</c>, <c>Username</c>, <c>Password</c> and
/// <c>CertificateFingerprint</c>, names case-insensitive. Credentials in a node URL are basic authentication; an API key
/// wins over basic authentication.
/// </summary>
public sealed record ElasticsearchConnection(IReadOnlyList<Uri> Nodes, ElasticsearchCredentials? Credentials, string? CertificateFingerprint)
{
    public const string ConnectionStringName = "ConnectionStrings:elasticsearch";

    /// <summary>The connection a string names; <see cref="FormatException"/> saying what is wrong when it names none.</summary>
    public static ElasticsearchConnection Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException($"{ConnectionStringName} is empty; give the cluster's address, e.g. https://localhost:9200.");

        string? nodeList = null, apiKey = null, username = null, password = null, fingerprint = null;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // A URL's own '=' (in a password, say) does not make it a key: keys come before any "://".
            var separator = part.IndexOf('=');
            var scheme = part.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0 && scheme < separator) separator = -1;
            var key = separator > 0 ? part[..separator].Trim() : "";
            var value = separator > 0 ? part[(separator + 1)..].Trim() : part;
            switch (key.ToLowerInvariant())
            {
                case "":
                case "endpoint":
                    nodeList = nodeList is null ? value : throw new FormatException($"{ConnectionStringName} names its nodes twice.");
                    break;
                case "apikey": apiKey = value; break;
                case "username": username = value; break;
                case "password": password = value; break;
                case "certificatefingerprint": fingerprint = value; break;
                default:
                    throw new FormatException(
                        $"{ConnectionStringName} has an unknown part '{key}'; expected node URLs, Endpoint, ApiKey, Username, Password or CertificateFingerprint.");
            }
        }
        if (nodeList is null) throw new FormatException($"{ConnectionStringName} names no node, e.g. https://localhost:9200.");

        var nodes = new List<Uri>();
        ElasticsearchCredentials.Basic? inUrls = null;
        foreach (var text in nodeList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                throw new FormatException($"{ConnectionStringName}: '{Redacted(text)}' is not an http(s) URL.");
            if (UserInfo(url) is { } basic)
            {
                if (inUrls is not null && inUrls != basic)
                    throw new FormatException($"{ConnectionStringName}: the nodes carry different credentials; one cluster has one set.");
                inUrls = basic;
            }
            // The credentials travel in the Authorization header, never in the request URI (or in logs of it).
            nodes.Add(new UriBuilder(url) { UserName = "", Password = "" }.Uri);
        }

        ElasticsearchCredentials? credentials = !string.IsNullOrEmpty(apiKey) ? new ElasticsearchCredentials.ApiKey(apiKey)
            : !string.IsNullOrEmpty(username) ? new ElasticsearchCredentials.Basic(username, password ?? "")
            : inUrls;
        return new ElasticsearchConnection(nodes, credentials, string.IsNullOrEmpty(fingerprint) ? null : fingerprint);
    }

    private static ElasticsearchCredentials.Basic? UserInfo(Uri url)
    {
        if (string.IsNullOrEmpty(url.UserInfo)) return null;
        var parts = url.UserInfo.Split(':', 2);
        return new ElasticsearchCredentials.Basic(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    /// <summary>The text without what could be credentials (anything before an '@').</summary>
    private static string Redacted(string text) => text.Contains('@', StringComparison.Ordinal) ? "…@" + text[(text.LastIndexOf('@') + 1)..] : text;
}
