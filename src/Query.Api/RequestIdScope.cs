using System.Diagnostics;

namespace NewsSearch.Query.Api;

/// <summary>
/// Carries the gateway's <c>X-Request-Id</c> into this service's log lines and trace, and echoes it, so one id
/// finds a search in the gateway's logs and in the query service's.
/// </summary>
public sealed class RequestIdScope(RequestDelegate next, ILogger<RequestIdScope> logger)
{
    public const string Header = "X-Request-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[Header].ToString();
        // Only the gateway's form of id is taken: this value ends up in logs and headers.
        if (id.Length is 0 or > 128 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            await next(context);
            return;
        }

        context.Response.Headers[Header] = id;
        Activity.Current?.SetTag("http.request.id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = id }))
        {
            await next(context);
        }
    }
}
