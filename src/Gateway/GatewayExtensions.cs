using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsSearch.ServiceDefaults;
using Yarp.ReverseProxy.Configuration;

namespace NewsSearch.Gateway;

public static class GatewayExtensions
{
    /// <summary>Options, routes from <c>services:*</c> configuration, keys, limits, CORS and service health.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Run on its own (the AppHost passes ASPNETCORE_URLS), the gateway listens where the product is documented to be.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(builder.Configuration["Gateway:Url"] ?? "http://127.0.0.1:5080");
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BodyLimitOptions>().BindConfiguration(BodyLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Built from configuration when first resolved (not while registering), so test hosts and the AppHost can
        // supply service addresses and limits however they add configuration.
        services.AddSingleton(provider => new GatewayRoutes(provider.GetRequiredService<IOptions<BodyLimitOptions>>().Value));
        services.AddSingleton(provider => new InMemoryConfigProvider(
            provider.GetRequiredService<GatewayRoutes>().ToRouteConfigs(),
            GatewayRoutes.ToClusterConfigs(provider.GetRequiredService<IOptions<GatewayOptions>>().Value)));
        services.AddSingleton<IProxyConfigProvider>(provider => provider.GetRequiredService<InMemoryConfigProvider>());
        services.AddReverseProxy().AddServiceDiscoveryDestinationResolver();

        services.AddSingleton<ApiKeyStore>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RateLimitOptions>, GatewayRoutes>((limiter, limits, table) => RateLimits.Configure(limiter, limits.Value, table));

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayOptions>>((cors, gateway) =>
            cors.AddPolicy(GatewayRoutes.CorsPolicy, policy => policy
                .WithOrigins(gateway.Value.Cors.Origins)
                .WithMethods("GET", "HEAD", "POST", "DELETE")
                .WithHeaders("Content-Type", ApiKeyMiddleware.Header, RequestIdMiddleware.Header)
                .WithExposedHeaders(RequestIdMiddleware.Header, "Retry-After")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        // Only loopback proxies are trusted by default, so a direct client cannot claim another IP.
        services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

        // Its own timeout (ServiceHealthTimeout) governs: no retries or longer attempt timeout from the defaults.
        services.AddHttpClient(ServiceHealthCheck.ClientName).WithoutResilience();
        var health = services.AddHealthChecks();
        // Every routed service, and any other the AppHost gave an address for (enrichment), is reported.
        var configured = builder.Configuration.GetSection("services").GetChildren().Select(service => service.Key);
        foreach (var service in GatewayRoutes.RoutedServices.Union(configured, StringComparer.OrdinalIgnoreCase))
            health.AddTypeActivatedCheck<ServiceHealthCheck>(service, failureStatus: null, tags: ["services"], args: service);
        return builder;
    }

    /// <summary>The gateway's pipeline after the defaults (request ids among them): forwarded headers, API explorer, CORS, limits, then the proxy.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "swagger";
            ui.DocumentTitle = "News search API";
            foreach (var service in GatewayRoutes.ApiServices)
                ui.SwaggerEndpoint($"/openapi/{service}.json", service);
        });
        app.UseCors();
        app.UseRateLimiter();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ApiKeyMiddleware>();
            proxy.UseMiddleware<BodySizeMiddleware>();
            proxy.UseMiddleware<ProxyErrorMiddleware>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
