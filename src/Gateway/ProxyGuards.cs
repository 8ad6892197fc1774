using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace NewsSearch.Gateway;

/// <summary>
/// Refuses a body over the route's limit before proxying it (413). A body sent without Content-Length is
/// cut off by the server at the same limit while it streams, which <see cref="ProxyErrorMiddleware"/> reports.
/// </summary>
public sealed class BodySizeMiddleware(RequestDelegate next, GatewayRoutes routes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (routes.PolicyFor(context) is not { } policy)
            return next(context);

        if (context.Request.ContentLength > policy.MaxBodyBytes)
            return Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"This route accepts at most {policy.MaxBodyBytes} bytes.");

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = policy.MaxBodyBytes;
        return next(context);
    }
}

/// <summary>Turns proxying failures (no healthy service, service down or slow, body cut off) into problem responses.</summary>
public sealed class ProxyErrorMiddleware(RequestDelegate next, ILogger<ProxyErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            return;

        var (status, title) = failure switch
        {
            _ when IsBodyTooLarge(failure.Exception) => (StatusCodes.Status413PayloadTooLarge, "Request body too large"),
            { Error: ForwarderError.NoAvailableDestinations } => (StatusCodes.Status503ServiceUnavailable, "Service unavailable"),
            { Error: ForwarderError.RequestTimedOut } => (StatusCodes.Status504GatewayTimeout, "Service timed out"),
            { Error: ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled } =>
                (StatusCodes.Status400BadRequest, "Request not completed"),
            _ => (StatusCodes.Status502BadGateway, "Service failed"),
        };
        logger.LogWarning(failure.Exception, "Proxying {Path} failed: {Error}", context.Request.Path, failure.Error);
        var route = context.GetEndpoint()?.DisplayName ?? "this route";
        await Problems.WriteAsync(context, status, title, $"The gateway could not complete the request ({failure.Error}) on {route}.");
    }

    /// <summary>The server's own body limit fails the read; the proxy may wrap that failure.</summary>
    private static bool IsBodyTooLarge(Exception? exception) =>
        exception switch
        {
            null => false,
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
            _ => IsBodyTooLarge(exception.InnerException),
        };
}
