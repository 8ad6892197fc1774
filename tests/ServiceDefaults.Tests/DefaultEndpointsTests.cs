using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace NewsSearch.ServiceDefaults.Tests;

public sealed class DefaultEndpointsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A service in the Development environment, where ASP.NET Core would show its exception page.</summary>
    private static async Task<WebApplication> StartService(Action<WebApplication> map, bool dependencyHealthy = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("dependency", () =>
            dependencyHealthy ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("store unreachable"));
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync(Cancellation);
        return app;
    }

    [Fact]
    public async Task An_unhandled_exception_answers_problem_json_without_a_stack_trace()
    {
        await using var app = await StartService(app => app.MapGet("/boom", string () =>
            throw new InvalidOperationException("secret connection string in message")));

        using var response = await app.GetTestClient().GetAsync("/boom", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        body.ShouldNotContain("secret");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task An_unknown_path_answers_problem_json_404()
    {
        await using var app = await StartService(_ => { });

        using var response = await app.GetTestClient().GetAsync("/nowhere", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Health_is_ready_only_when_the_dependencies_are_while_alive_only_needs_the_process()
    {
        await using var app = await StartService(_ => { }, dependencyHealthy: false);
        var client = app.GetTestClient();

        using var health = await client.GetAsync("/health", Cancellation);
        using var alive = await client.GetAsync("/alive", Cancellation);

        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_is_ready_when_every_dependency_is_healthy()
    {
        await using var app = await StartService(_ => { });

        using var health = await app.GetTestClient().GetAsync("/health", Cancellation);

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
