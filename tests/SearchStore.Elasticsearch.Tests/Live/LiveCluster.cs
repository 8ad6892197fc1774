using System.Net;
using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace NewsSearch.SearchStore.Elasticsearch.Tests.Live;

/// <summary>
/// A real Elasticsearch 9 cluster for the conformance suite: the one <see cref="UrlVariable"/> names (a connection
/// string in the documented format), or else a throw-away single-node container of the official image, started
/// with Testcontainers when a container engine is reachable. Where there is neither, <see cref="SkipReason"/> says
/// so and the suite is skipped; the absence of an engine is detected from its endpoint, without waiting on it.
/// </summary>
public sealed class LiveCluster : IAsyncLifetime
{
    public const string UrlVariable = "ELASTICSEARCH_URL";
    public const string ImageVariable = "ELASTICSEARCH_IMAGE";
    /// <summary>The server release that goes with the client (Elastic.Clients.Elasticsearch 9.5.3).</summary>
    public const string DefaultImage = "docker.elastic.co/elasticsearch/elasticsearch:9.5.3";
    private const ushort HttpPort = 9200;

    private IContainer? _container;

    /// <summary>The cluster's connection string once started; null when the suite is skipped.</summary>
    public string? ConnectionString { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url)
        {
            ConnectionString = url;
            return;
        }
        if (ContainerEngineEndpoint() is null)
        {
            SkipReason = $"No Elasticsearch cluster: {UrlVariable} is not set and no container engine is reachable " +
                "(no DOCKER_HOST, no Docker or Podman socket). Set one of them to run the conformance suite against Elasticsearch 9.";
            return;
        }

        // Security on, as in production, with basic authentication over plain HTTP inside the test host.
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        _container = new ContainerBuilder(Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } image ? image : DefaultImage)
            .WithPortBinding(HttpPort, assignRandomHostPort: true)
            .WithEnvironment("discovery.type", "single-node")
            .WithEnvironment("ELASTIC_PASSWORD", password)
            .WithEnvironment("xpack.security.enabled", "true")
            .WithEnvironment("xpack.security.http.ssl.enabled", "false")
            .WithEnvironment("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
            // A nearly full disk on a test machine must not keep the test indices from being allocated.
            .WithEnvironment("cluster.routing.allocation.disk.threshold_enabled", "false")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                .ForPort(HttpPort)
                .ForPath("/_cluster/health?wait_for_status=green&timeout=5s")
                .WithBasicAuthentication("elastic", password)
                .ForStatusCode(HttpStatusCode.OK)))
            .Build();
        await _container.StartAsync(TestContext.Current.CancellationToken);
        ConnectionString = $"http://{_container.Hostname}:{_container.GetMappedPublicPort(HttpPort)};Username=elastic;Password={password}";
    }

    /// <summary>
    /// Where a container engine listens, from the places Testcontainers looks (its environment variable and properties
    /// file, then the usual Docker and Podman sockets); null when there is none. Only looks: nothing is connected to.
    /// </summary>
    private static string? ContainerEngineEndpoint()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host) return host;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var properties = Path.Combine(home, ".testcontainers.properties");
        if (File.Exists(properties) && File.ReadLines(properties).FirstOrDefault(line => line.TrimStart().StartsWith("docker.host=", StringComparison.Ordinal)) is { } configured)
            return configured.Trim()["docker.host=".Length..];
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            "/run/podman/podman.sock",
            runtime is null ? null : Path.Combine(runtime, "docker.sock"),
            runtime is null ? null : Path.Combine(runtime, "podman", "podman.sock"),
            Path.Combine(home, ".docker", "run", "docker.sock"),
        ];
        return sockets.FirstOrDefault(socket => socket is not null && File.Exists(socket));
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }
}
