using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsSearch.Gateway;

/// <summary>
/// The accepted API keys: <c>Gateway:ApiKeys</c> plus the key file the AppHost writes to <c>{Data:Dir}/api-key</c>.
/// Only SHA-256 hashes are kept, and every comparison runs over all keys in constant time.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly byte[][] _configured;
    private readonly string _keyFile;
    private readonly Lock _gate = new();
    private (DateTime WrittenUtc, byte[]? Hash) _fileKey = (DateTime.MinValue, null);

    public ApiKeyStore(IOptions<GatewayOptions> options, IConfiguration configuration, IHostEnvironment environment, ILogger<ApiKeyStore> logger)
    {
        _configured = [.. options.Value.ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(key => Hash(key.Trim()))];
        _keyFile = Path.Combine(Path.GetFullPath(configuration["Data:Dir"] ?? ".data", environment.ContentRootPath), "api-key");
        if (_configured.Length == 0 && !File.Exists(_keyFile))
            logger.LogWarning("No API key is configured and {KeyFile} does not exist (yet): write routes refuse every request", _keyFile);
    }

    public bool IsValid(string presented)
    {
        var hash = Hash(presented);
        var match = false;
        foreach (var key in _configured)
            match |= CryptographicOperations.FixedTimeEquals(hash, key);
        if (FileKey() is { } fileKey)
            match |= CryptographicOperations.FixedTimeEquals(hash, fileKey);
        return match;
    }

    /// <summary>The AppHost may create or replace the key file after the gateway started, so it is re-read when it changes.</summary>
    private byte[]? FileKey()
    {
        var written = File.Exists(_keyFile) ? File.GetLastWriteTimeUtc(_keyFile) : DateTime.MinValue;
        lock (_gate)
        {
            if (written != _fileKey.WrittenUtc)
            {
                var key = written == DateTime.MinValue ? null : ReadKey(_keyFile);
                _fileKey = (written, key is { Length: > 0 } ? Hash(key) : null);
            }
            return _fileKey.Hash;
        }
    }

    private static string? ReadKey(string path)
    {
        try
        {
            return File.ReadLines(path).FirstOrDefault()?.Trim();
        }
        catch (IOException)
        {
            // Being rewritten right now: the next request reads it again.
            return null;
        }
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
