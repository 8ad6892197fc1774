using Microsoft.Extensions.Configuration;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// Resolves a logical address such as <c>http://enrichment/enrich</c> to the first endpoint configured under
/// <c>services:enrichment:http:0</c> (the Aspire convention; environment <c>services__enrichment__http__0</c>),
/// keeping path and query. Microsoft.Extensions.ServiceDiscovery is not obtainable here. Hosts with no such
/// configuration pass through unchanged, so real addresses keep working.
/// </summary>
public sealed class ServiceDiscoveryHandler(IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && Resolve(uri) is { } resolved)
        {
            request.RequestUri = resolved;
        }
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The address the request should go to, or null when the host is not a configured service.</summary>
    public Uri? Resolve(Uri uri)
    {
        var endpoints = configuration.GetSection($"services:{uri.Host}:{uri.Scheme}");
        var first = endpoints.GetChildren()
            .Select(endpoint => endpoint.Value)
            .FirstOrDefault(value => Uri.TryCreate(value, UriKind.Absolute, out _));
        if (first is null)
        {
            return null;
        }

        var target = new Uri(first);
        var basePath = target.AbsolutePath.TrimEnd('/');
        return new UriBuilder(uri)
        {
            Scheme = target.Scheme,
            Host = target.Host,
            Port = target.Port,
            Path = basePath + uri.AbsolutePath,
        }.Uri;
    }
}
