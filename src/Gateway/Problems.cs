namespace NewsSearch.Gateway;

/// <summary>Problem responses the gateway writes itself, in the same shape as the services' own.</summary>
internal static class Problems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        var extensions = new Dictionary<string, object?> { ["requestId"] = context.TraceIdentifier };
        return TypedResults.Problem(detail, context.Request.Path, status, title, extensions: extensions).ExecuteAsync(context);
    }
}
