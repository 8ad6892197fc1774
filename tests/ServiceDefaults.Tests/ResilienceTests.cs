using System.Net;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsSearch.ServiceDefaults.Tests;

public sealed class ResilienceTests
{
    private static HttpResilienceOptions Fast() => new()
    {
        RetryDelay = TimeSpan.Zero,
        MaxRetries = 3,
        TotalTimeout = TimeSpan.FromMinutes(2),
        AttemptTimeout = TimeSpan.FromMinutes(1),
    };

    private static HttpClient Client(HttpResilienceOptions options, RecordingHandler network) =>
        new(new HttpResilienceHandler(new HttpResiliencePipelines(Options.Create(options))) { InnerHandler = network });

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_GET_that_fails_with_503_is_retried_until_it_succeeds()
    {
        var network = new RecordingHandler((_, call, _) =>
            Task.FromResult(RecordingHandler.Status(call < 3 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK)));
        using var client = Client(Fast(), network);

        using var response = await client.GetAsync("http://query/api/search", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        network.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task A_GET_that_cannot_connect_is_retried()
    {
        var network = new RecordingHandler((_, call, _) => call == 1
            ? throw new HttpRequestException("connection refused")
            : Task.FromResult(RecordingHandler.Status(HttpStatusCode.OK)));
        using var client = Client(Fast(), network);

        using var response = await client.GetAsync("http://query/api/search", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        network.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_POST_is_never_retried_because_it_may_not_be_idempotent()
    {
        var network = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Status(HttpStatusCode.ServiceUnavailable)));
        using var client = Client(Fast(), network);

        using var response = await client.PostAsync("http://enrichment/enrich", new StringContent("[]"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        network.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_client_error_is_returned_at_once_without_retries()
    {
        var network = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Status(HttpStatusCode.NotFound)));
        using var client = Client(Fast(), network);

        using var response = await client.GetAsync("http://query/api/articles/nope", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        network.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_and_the_last_failure_is_returned()
    {
        var network = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Status(HttpStatusCode.BadGateway)));
        using var client = Client(Fast(), network);

        using var response = await client.GetAsync("http://query/api/search", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        network.Calls.ShouldBe(1 + 3);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_requests_fail_without_reaching_the_service()
    {
        var options = Fast();
        options.MaxRetries = 0;
        options.BreakerMinimumThroughput = 2;
        options.BreakerFailureRatio = 0.5;
        options.BreakDuration = TimeSpan.FromMinutes(5);
        var network = new RecordingHandler((_, _, _) => Task.FromResult(RecordingHandler.Status(HttpStatusCode.InternalServerError)));
        using var client = Client(options, network);

        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync("http://enrichment/health", Cancellation);
        }
        var reached = network.Calls;

        await Should.ThrowAsync<BrokenCircuitException>(() => client.GetAsync("http://enrichment/health", Cancellation));
        network.Calls.ShouldBe(reached);
    }

    [Fact]
    public async Task An_open_circuit_for_one_service_does_not_block_another()
    {
        var options = Fast();
        options.MaxRetries = 0;
        options.BreakerMinimumThroughput = 2;
        options.BreakDuration = TimeSpan.FromMinutes(5);
        var network = new RecordingHandler((request, _, _) => Task.FromResult(RecordingHandler.Status(
            request.RequestUri!.Host == "enrichment" ? HttpStatusCode.InternalServerError : HttpStatusCode.OK)));
        using var client = Client(options, network);
        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.GetAsync("http://enrichment/health", Cancellation);
        }

        using var response = await client.GetAsync("http://query/health", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_attempt_that_never_answers_is_abandoned_at_the_attempt_timeout()
    {
        var options = Fast();
        options.MaxRetries = 0;
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        var network = new RecordingHandler(async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return RecordingHandler.Status(HttpStatusCode.OK);
        });
        using var client = Client(options, network);

        await Should.ThrowAsync<TimeoutRejectedException>(() => client.GetAsync("http://query/api/search", Cancellation));
    }
}
