using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsSearch.ServiceDefaults;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is sane (the gateway's, behind the gateway),
/// a new one otherwise. The id is echoed to the caller, passed on with the request (the gateway forwards it to the
/// service), tagged on the trace and scoped on every log line, so one id finds a request in the client, the gateway
/// and the service. Every service runs it (see <c>MapDefaultEndpoints</c>).
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    private const int MaxLength = 128;

    private static readonly AsyncLocal<string?> CurrentId = new();

    /// <summary>The id of the request this code runs for, if any (see <see cref="RequestIdForwarding"/>).</summary>
    public static string? Current => CurrentId.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = IsSane(given) ? given : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Request.Headers[Header] = id;
        // Set as the response starts, so a proxied service that echoes the id too does not make the header appear twice.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("http.request.id", id);
        CurrentId.Value = id;

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    }

    /// <summary>Only short ids of safe characters are taken over: a caller's value ends up in logs and headers.</summary>
    public static bool IsSane(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}

/// <summary>
/// Passes the current request's id on with every call a service makes while answering it (the web UI's calls to the
/// query service), so the callee's logs and trace carry the same id.
/// </summary>
public sealed class RequestIdForwarding : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (RequestIdMiddleware.Current is { } id && !request.Headers.Contains(RequestIdMiddleware.Header))
        {
            request.Headers.Add(RequestIdMiddleware.Header, id);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
