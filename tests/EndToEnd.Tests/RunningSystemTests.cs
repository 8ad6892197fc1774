using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsSearch.EndToEnd.Tests;

/// <summary>The system with a setting that only the query service reads, to show that settings reach the services.</summary>
public sealed class ConfiguredSystem : AspireSystem
{
    public const string QueryTimeout = "00:00:07";

    protected override IEnumerable<string> Settings => [$"--Query:Timeout={QueryTimeout}"];
}

public sealed class RunningSystemTests(ConfiguredSystem system) : IClassFixture<ConfiguredSystem>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_runs_as_its_own_healthy_process_answering_health_and_alive()
    {
        var pids = new HashSet<int>();
        foreach (var service in AspireSystem.Services)
        {
            await system.App.ResourceNotifications.WaitForResourceHealthyAsync(service, Cancellation);
            pids.Add(system.ServiceProcessId(service));
            using var client = system.App.CreateHttpClient(service);
            using var health = await client.GetAsync("/health", Cancellation);
            using var alive = await client.GetAsync("/alive", Cancellation);
            health.StatusCode.ShouldBe(HttpStatusCode.OK, $"{service} /health");
            alive.StatusCode.ShouldBe(HttpStatusCode.OK, $"{service} /alive");
        }
        pids.Count.ShouldBe(AspireSystem.Services.Length);
    }

    [Fact]
    public async Task The_gateway_health_names_every_service_healthy_and_the_gateway_routes_to_each()
    {
        using var gateway = await system.GatewayAsync();

        var health = await gateway.GetFromJsonAsync<JsonElement>("/health", Cancellation);
        using var web = await gateway.GetAsync("/", Cancellation);
        using var search = await gateway.GetAsync("/api/search?q=talks", Cancellation);
        using var pipeline = await gateway.GetAsync("/api/pipeline", Cancellation);

        foreach (var service in AspireSystem.Services.Where(service => service != "gateway"))
        {
            health.GetProperty("entries").GetProperty(service).GetProperty("status").GetString().ShouldBe("Healthy", health.ToString());
        }
        web.StatusCode.ShouldBe(HttpStatusCode.OK, "web through the gateway");
        search.StatusCode.ShouldBe(HttpStatusCode.OK, "query through the gateway");
        pipeline.StatusCode.ShouldBe(HttpStatusCode.OK, "ingest through the gateway");
    }

    [Fact]
    public async Task The_seed_articles_are_searchable_through_the_gateway()
    {
        using var gateway = await system.GatewayAsync(withApiKey: false);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        int total;
        do
        {
            var result = await gateway.GetFromJsonAsync<JsonElement>("/api/search?q=Istanbul", Cancellation);
            total = result.GetProperty("total").GetInt32();
            if (total == 5) break;
            await Task.Delay(500, Cancellation);
        } while (DateTimeOffset.UtcNow < deadline);

        total.ShouldBe(5);
    }

    [Fact]
    public async Task An_article_posted_with_the_generated_key_becomes_searchable_and_one_without_a_key_is_refused()
    {
        using var gateway = await system.GatewayAsync();
        using var anonymous = await system.GatewayAsync(withApiKey: false);
        var text = "Harbour strike ends in Rotterdam\n\nDock workers in Rotterdam ended a nine-day strike on Tuesday after the port authority agreed to a new wage deal, union leader Marieke Jansen said.";

        using var refused = await anonymous.PostAsync("/api/articles", new StringContent(text), Cancellation);
        using var accepted = await gateway.PostAsync("/api/articles", new StringContent(text), Cancellation);

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync(Cancellation));
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);
        while (true)
        {
            var result = await gateway.GetFromJsonAsync<JsonElement>("/api/search?q=Rotterdam%20strike", Cancellation);
            if (result.GetProperty("total").GetInt32() == 1) break;
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, "the article was not searchable within a minute");
            await Task.Delay(250, Cancellation);
        }
    }

    [Fact]
    public void Settings_given_to_the_AppHost_reach_the_services()
    {
        system.App.ResourceNotifications.TryGetCurrentState("query", out var query).ShouldBeTrue();

        query!.Snapshot.EnvironmentVariables.ShouldContain(variable => variable.Name == "Query__Timeout" && variable.Value == ConfiguredSystem.QueryTimeout);
        query.Snapshot.EnvironmentVariables.ShouldContain(variable => variable.Name == "Data__Dir" && variable.Value == system.DataDir);
    }

    [Fact]
    public async Task The_operator_commands_on_ingest_retry_failed_articles_and_report_the_outcome()
    {
        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();
        system.App.ResourceNotifications.TryGetCurrentState("ingest", out var ingest).ShouldBeTrue();

        var result = await commands.ExecuteCommandAsync(ingest!.ResourceId, "retry-failed", Cancellation);

        ingest.Snapshot.Commands.Select(command => command.DisplayName).ShouldContain("Retry failed articles");
        ingest.Snapshot.Commands.Select(command => command.DisplayName).ShouldContain("Re-enrich everything");
        result.Success.ShouldBeTrue(result.Message);
        result.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_crashed_service_is_restarted_and_becomes_healthy_again()
    {
        var before = system.ServiceProcessId("web");

        Processes.Kill(before);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        await system.App.ResourceNotifications.WaitForResourceAsync("web",
            change => change.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), deadline.Token);
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync("web", WaitBehavior.WaitOnResourceUnavailable, deadline.Token);

        var after = system.ServiceProcessId("web");
        after.ShouldNotBe(before);
        using var gateway = await system.GatewayAsync(withApiKey: false);
        using var page = await gateway.GetAsync("/", Cancellation);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
