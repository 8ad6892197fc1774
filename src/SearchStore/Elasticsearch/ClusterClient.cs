using Elastic.Clients.Elasticsearch;
using Elastic.Transport;

namespace NewsSearch.SearchStore.Elasticsearch;

/// <summary>The official client, configured from <see cref="ElasticsearchOptions"/>.</summary>
internal static class ClusterClient
{
    /// <param name="options">Nodes, credentials, certificate fingerprint, timeout and retries.</param>
    /// <param name="handler">Replaces the client's own HTTP handler (tests capture requests with it); null for the real one.</param>
    public static ElasticsearchClient Create(ElasticsearchOptions options, HttpMessageHandler? handler)
    {
        var connection = options.Connection;
        // A single node needs no pool: no pings, no marking it dead; several are used round-robin with failover.
        NodePool pool = connection.Nodes.Count == 1 ? new SingleNodePool(connection.Nodes[0]) : new StaticNodePool(connection.Nodes);
        var invoker = handler is null ? new HttpRequestInvoker() : new HttpRequestInvoker((_, _) => handler);
        var settings = new ElasticsearchClientSettings(pool, invoker)
            .RequestTimeout(options.RequestTimeout)
            .MaximumRetries(options.ClientMaxRetries);
        settings = connection.Credentials switch
        {
            ElasticsearchCredentials.ApiKey key => settings.Authentication(new ApiKey(key.Encoded)),
            ElasticsearchCredentials.Basic basic => settings.Authentication(new BasicAuthentication(basic.Username, basic.Password)),
            _ => settings,
        };
        if (connection.CertificateFingerprint is { } fingerprint) settings = settings.CertificateFingerprint(fingerprint);
        return new ElasticsearchClient(settings);
    }
}
