namespace NewsSearch.AppHost;

/// <summary>How every service of the system is declared: its settings, its health check, its address.</summary>
public static class ServiceResources
{
    /// <summary>
    /// A service project with the system's settings. Internal services get a port DCP chooses; the one public
    /// service (<paramref name="publicUrl"/>: the gateway) keeps the address the product documents.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, SystemSettings settings, Uri? publicUrl = null)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true);
        service = publicUrl is null
            ? service.WithHttpEndpoint()
            : service.WithHttpEndpoint(port: publicUrl.Port).WithEndpoint("http", endpoint => endpoint.TargetHost = publicUrl.Host)
                .WithExternalHttpEndpoints();

        foreach (var (key, value) in settings.PassThrough)
        {
            service.WithEnvironment(key, value);
        }
        if (settings.ElasticsearchConnection is { } elasticsearch)
        {
            service.WithEnvironment("ConnectionStrings__elasticsearch", elasticsearch);
        }
        return service
            .WithEnvironment("Data__Dir", settings.DataDir)
            .WithEnvironment("Search__Backend", settings.SearchBackend)
            .WithEnvironment("Seeds__Dir", settings.SeedsDir)
            .WithEnvironment("Seeds__Import", settings.SeedsImport ? "true" : "false")
            .WithHttpHealthCheck("/health");
    }

    /// <summary>Configured keys first, so <c>Gateway__ApiKeys__0..</c> keep the indices the operator gave them; then the generated one.</summary>
    public static IResourceBuilder<ProjectResource> WithApiKey(
        this IResourceBuilder<ProjectResource> gateway, IResourceBuilder<ParameterResource> apiKey, SystemSettings settings)
    {
        for (var i = 0; i < settings.GatewayApiKeys.Count; i++)
        {
            gateway.WithEnvironment($"Gateway__ApiKeys__{i}", settings.GatewayApiKeys[i]);
        }
        return gateway.WithEnvironment($"Gateway__ApiKeys__{settings.GatewayApiKeys.Count}", apiKey);
    }
}
