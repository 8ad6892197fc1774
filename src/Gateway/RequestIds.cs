using System.Diagnostics;

namespace NewsSearch.Gateway;

/// <summary>
/// Gives every request an id: the caller's <c>X-Request-Id</c> when it is sane, a new one otherwise.
/// The id is echoed to the caller, forwarded to the service, tagged on the trace and scoped on every log line,
/// so one id finds a request in the client, the gateway and the service.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string Header = "X-Request-Id";
    private const int MaxLength = 128;

    public async Task InvokeAsync(HttpContext context)
    {
        var id = IsSane(context.Request.Headers[Header].ToString()) ? context.Request.Headers[Header].ToString() : Guid.NewGuid().ToString("N");
        context.TraceIdentifier = id;
        context.Request.Headers[Header] = id;
        // Set as the response starts, so a service that echoes the id too does not make the header appear twice.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });

        if (Activity.Current is { } activity)
        {
            activity.SetTag("http.request.id", id);
            // Baggage travels with the trace context, so downstream spans can carry the id too.
            activity.SetBaggage("request.id", id);
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    }

    /// <summary>Only short ids of safe characters are taken over: a caller's value ends up in logs and headers.</summary>
    private static bool IsSane(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
