using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsSearch.Gateway;

/// <summary>
/// The accepted API keys, <c>Gateway:ApiKeys</c> (the AppHost passes its generated key there too). Only SHA-256
/// hashes are kept, and every comparison runs over all keys in constant time.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly byte[][] _configured;

    public ApiKeyStore(IOptions<GatewayOptions> options, ILogger<ApiKeyStore> logger)
    {
        _configured = [.. options.Value.ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(key => Hash(key.Trim()))];
        if (_configured.Length == 0)
            logger.LogWarning("No API key is configured (Gateway:ApiKeys): write routes refuse every request");
    }

    public bool IsValid(string presented)
    {
        var hash = Hash(presented);
        var match = false;
        foreach (var key in _configured)
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>Write and admin routes need <c>X-Api-Key</c>: 401 without one, 403 with a wrong one.</summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore keys, GatewayRoutes routes)
{
    public const string Header = "X-Api-Key";

    public Task InvokeAsync(HttpContext context)
    {
        if (routes.PolicyFor(context) is not { RequiresApiKey: true })
            return next(context);

        var presented = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(presented))
        {
            context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{Header}\"";
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "API key required",
                $"This route changes data: send your API key in the {Header} header.");
        }

        return keys.IsValid(presented.Trim())
            ? next(context)
            : Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "API key not accepted", $"The key in {Header} is not valid.");
    }
}
