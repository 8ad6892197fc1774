using System.Net;

namespace NewsSearch.EndToEnd.Tests;

public sealed class RunningSystemTests(RunningSystem running) : IClassFixture<RunningSystem>
{
    private static readonly string[] Services = ["enrichment", "ingest", "query", "web", "gateway"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private AppHostProcess System => running.System;

    /// <summary>
    /// The gateway's health per service, read again (for up to a minute) while any service is not yet healthy: the
    /// gateway gives each service's check a few seconds, which a loaded 2-core machine can miss once.
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, string>> HealthWhenSettledAsync(HttpClient gateway)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            using var response = await gateway.GetAsync("/health", Cancellation);
            var statuses = GatewayHealth.StatusByService(await response.Content.ReadAsStringAsync(Cancellation), Services);
            var settled = Services.Where(s => s != "gateway")
                .All(s => statuses.TryGetValue(s, out var status) && status.Equals("Healthy", StringComparison.OrdinalIgnoreCase));
            if (settled || deadline.IsCancellationRequested) return statuses;
            await Task.Delay(500, Cancellation);
        }
    }

    [Fact]
    public async Task Every_service_runs_as_its_own_process_and_answers_health_and_alive()
    {
        var state = System.ReadState()!;

        state.Resources.Select(resource => resource.Name).ShouldBe(Services, ignoreOrder: true);
        state.Resources.Select(resource => resource.Pid).Distinct().Count().ShouldBe(Services.Length);
        foreach (var resource in state.Resources)
        {
            using var client = new HttpClient { BaseAddress = new Uri(resource.Url) };
            using var health = await client.GetAsync("/health", Cancellation);
            using var alive = await client.GetAsync("/alive", Cancellation);
            health.StatusCode.ShouldBe(HttpStatusCode.OK, $"{resource.Name} /health");
            alive.StatusCode.ShouldBe(HttpStatusCode.OK, $"{resource.Name} /alive");
        }
    }

    [Fact]
    public async Task The_gateway_listens_where_configured_and_reports_healthy()
    {
        using var client = System.CreateGatewayClient(withApiKey: false);

        using var health = await client.GetAsync("/health", Cancellation);

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        System.Resource("gateway").Url.ShouldBe(System.GatewayUrl.GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task The_gateway_health_reports_every_service_healthy_and_routes_to_each_of_them()
    {
        using var client = System.CreateGatewayClient();
        var statuses = await HealthWhenSettledAsync(client);

        foreach (var service in Services.Where(service => service != "gateway"))
        {
            statuses.Keys.ShouldContain(service);
            statuses[service].Equals("Healthy", StringComparison.OrdinalIgnoreCase).ShouldBeTrue($"{service} is {statuses[service]} at the gateway");
        }
        using var web = await client.GetAsync("/", Cancellation);
        using var search = await client.GetAsync("/api/search?q=talks", Cancellation);
        using var pipeline = await client.GetAsync("/api/pipeline", Cancellation);
        web.StatusCode.ShouldBe(HttpStatusCode.OK, "web through the gateway");
        search.StatusCode.ShouldBe(HttpStatusCode.OK, "query through the gateway");
        pipeline.StatusCode.ShouldBe(HttpStatusCode.OK, "ingest through the gateway");
    }

    [Fact]
    public async Task The_AppHost_prints_the_resource_table_the_gateway_URL_and_the_API_key()
    {
        await System.WaitForOutputAsync(line => line.Contains("Ctrl+C stops everything"), cancellationToken: Cancellation);
        var output = string.Join('\n', System.Output);

        foreach (var service in Services)
        {
            output.ShouldContain($"  {service} ");
        }
        output.ShouldContain(System.GatewayUrl.GetLeftPart(UriPartial.Authority));
        output.ShouldContain(System.ApiKey);
        output.ShouldContain("created an API key");
    }

    [Fact]
    public async Task Each_service_log_line_is_prefixed_with_its_name()
    {
        // The table comes after every service's first lines on the same stream.
        await System.WaitForOutputAsync(line => line.Contains("Ctrl+C stops everything"), cancellationToken: Cancellation);
        var output = System.Output;

        foreach (var service in Services)
        {
            output.ShouldContain(line => line.StartsWith(service, StringComparison.Ordinal) && line.Contains(" | "),
                $"a log line from {service}");
        }
    }

    [Fact]
    public async Task A_crashed_service_is_restarted_with_a_message_and_becomes_healthy_again()
    {
        var before = System.Resource("web");

        System.KillResource("web");
        var after = await System.WaitForResourceAsync(
            "web", "Healthy", state => state.Restarts > before.Restarts, cancellationToken: Cancellation);

        after.Pid.ShouldNotBe(before.Pid);
        System.Output.ShouldContain(line => line.Contains("web exited with code") && line.Contains("restarting in"));
        using var client = new HttpClient { BaseAddress = new Uri(after.Url) };
        using var health = await client.GetAsync("/health", Cancellation);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
