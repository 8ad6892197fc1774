namespace NewsSearch.AppHost;

/// <summary>
/// Elasticsearch for <c>Search:Backend=elasticsearch</c> when no cluster is given: the official image as a
/// container resource, with its data on a named volume that outlives the AppHost and a health check the services
/// wait for. Needs a container engine (Docker or Podman); without one the AppHost says so and stops.
/// </summary>
public static class ElasticsearchContainer
{
    public const string Image = "docker.elastic.co/elasticsearch/elasticsearch";
    public const string Tag = "9.5.3";

    /// <summary>Null when the services need no container: the SQLite store, or a cluster given by connection string.</summary>
    public static IResourceBuilder<ContainerResource>? AddElasticsearchIfNeeded(this IDistributedApplicationBuilder builder, SystemSettings settings)
    {
        if (settings.SearchBackend != "elasticsearch" || settings.ElasticsearchConnection is not null)
        {
            return null;
        }
        return builder.AddContainer("elasticsearch", Image, Tag)
            .WithEnvironment("discovery.type", "single-node")
            // Reached on loopback only, through DCP's proxy; a cluster for anything else comes by connection string.
            .WithEnvironment("xpack.security.enabled", "false")
            .WithEnvironment("ES_JAVA_OPTS", "-Xms1g -Xmx1g")
            .WithVolume("newssearch-elasticsearch-data", "/usr/share/elasticsearch/data")
            .WithHttpEndpoint(targetPort: 9200, name: "http")
            .WithHttpHealthCheck("/_cluster/health?wait_for_status=yellow&timeout=1s");
    }

    /// <summary>The store's services get the container's address as their connection string, and wait until it is healthy.</summary>
    public static IResourceBuilder<ProjectResource> WithElasticsearch(
        this IResourceBuilder<ProjectResource> service, IResourceBuilder<ContainerResource>? elasticsearch) =>
        elasticsearch is null
            ? service
            : service.WithEnvironment("ConnectionStrings__elasticsearch", elasticsearch.GetEndpoint("http")).WaitFor(elasticsearch);

    /// <summary>
    /// Why the container cannot run here, or null when it can. Only looks for an engine's socket (or DOCKER_HOST),
    /// so the answer is immediate; a Docker CLI without a daemon does not count.
    /// </summary>
    public static string? WhyItCannotRun()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return null;
        }
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        string?[] sockets =
        [
            "/var/run/docker.sock",
            "/run/podman/podman.sock",
            runtime is null ? null : Path.Combine(runtime, "podman", "podman.sock"),
        ];
        return sockets.Any(socket => socket is not null && File.Exists(socket))
            ? null
            : "Search:Backend is 'elasticsearch' but no ConnectionStrings:elasticsearch is given, and no container engine " +
              "(Docker or Podman: no DOCKER_HOST, no engine socket) is here to run Elasticsearch in. Give the address of a " +
              "cluster (--ConnectionStrings:elasticsearch=http://host:9200), start a container engine, or use the default " +
              "embedded store (--Search:Backend=sqlite).";
    }
}
