using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace NewsSearch.ServiceDefaults.Tests;

public sealed class TracingTests : IAsyncLifetime
{
    private readonly ConcurrentBag<Activity> finished = [];
    private ActivityListener? listener;
    private WebApplication? app;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Stands in for the OpenTelemetry SDK: samples everything ASP.NET Core starts, as the tracer provider does.
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = finished.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/things/{id}", (string id) => TypedResults.Ok(id));
        await app.StartAsync(Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        listener?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>Sends a request in a trace of its own, and returns the server span recorded for it.</summary>
    private async Task<Activity> ServerSpanOf(string path)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await app!.GetTestClient().SendAsync(request, Cancellation);

        // The span ends just after the response has gone out, so it may not be there yet.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        while (!finished.Any(activity => activity.TraceId == traceId))
        {
            await Task.Delay(10, patience.Token);
        }
        return finished.Single(activity => activity.TraceId == traceId);
    }

    [Fact]
    public async Task A_request_span_is_named_after_its_route_and_carries_method_path_and_status()
    {
        var span = await ServerSpanOf("/things/42");

        span.Recorded.ShouldBeTrue();
        span.DisplayName.ShouldBe("GET /things/{id}");
        span.GetTagItem("http.request.method").ShouldBe("GET");
        span.GetTagItem("url.path").ShouldBe("/things/42");
        span.GetTagItem("http.route").ShouldBe("/things/{id}");
        span.GetTagItem("http.response.status_code").ShouldBe(200);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_probes_are_left_out_of_traces(string probe)
    {
        var span = await ServerSpanOf(probe);

        span.Recorded.ShouldBeFalse();
    }
}
