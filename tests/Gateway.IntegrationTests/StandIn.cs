using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsSearch.Gateway.IntegrationTests;

/// <summary>What a stand-in service saw of a request the gateway forwarded.</summary>
public sealed record Echo(string Service, string Method, string Path, string? RequestId, bool HadApiKey, long BodyBytes, string? ForwardedFor);

/// <summary>
/// A tiny real Kestrel app on a free loopback port, standing in for a service the gateway routes to (ingest, web),
/// so the gateway's own behaviour (keys, limits, sizes) is exercised without that service's logic.
/// </summary>
public sealed class StandIn : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandIn(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<StandIn> StartAsync(string service, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/alive", () => "Healthy");
        app.MapGet("/health", () => "Healthy");
        app.MapGet("/openapi/v1.json", () => Results.Json(new { openapi = "3.1.1", info = new { title = service, version = "v1" }, paths = new { } }));
        map?.Invoke(app);
        app.Map("/{**rest}", (Delegate)((HttpContext context) => EchoAsync(context, service)));
        await app.StartAsync();
        return new StandIn(app, app.Urls.Single());
    }

    /// <summary>The ingest stand-in: takes text or JSON articles, refuses other media types with 415 as ingest does.</summary>
    public static Task<StandIn> StartIngestAsync() => StartAsync("ingest", app =>
        app.MapPost("/api/articles", async (HttpContext context) =>
            context.Request.ContentType is { } type && (type.StartsWith("text/plain") || type.StartsWith("application/json"))
                ? Results.Accepted(value: await ReadEchoAsync(context, "ingest"))
                : Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type")));

    public static async Task<IResult> EchoAsync(HttpContext context, string service) => Results.Json(await ReadEchoAsync(context, service));

    private static async Task<Echo> ReadEchoAsync(HttpContext context, string service)
    {
        var counter = new CountingStream();
        await context.Request.Body.CopyToAsync(counter, context.RequestAborted);
        var headers = context.Request.Headers;
        return new Echo(service, context.Request.Method, context.Request.Path + context.Request.QueryString,
            headers["X-Request-Id"].FirstOrDefault(), headers.ContainsKey("X-Api-Key"), counter.Length, headers["X-Forwarded-For"].FirstOrDefault());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
