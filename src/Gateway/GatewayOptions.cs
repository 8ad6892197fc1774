using System.ComponentModel.DataAnnotations;
using NewsSearch.ServiceDefaults;

namespace NewsSearch.Gateway;

/// <summary>The gateway's own settings (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Keys accepted in <c>X-Api-Key</c> on write and admin routes, besides the key file in the data directory.</summary>
    public string[] ApiKeys { get; set; } = [];

    public CorsSettings Cors { get; set; } = new();

    /// <summary>Path each destination is probed on to decide whether requests may be routed to it.</summary>
    [Required, RegularExpression("^/.*")]
    public string DestinationProbePath { get; set; } = "/alive";

    [TimeSpanRange("00:00:01", "01:00:00")]
    public TimeSpan DestinationProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the gateway's <c>/health</c> waits for each service's <c>/health</c>.</summary>
    [TimeSpanRange("00:00:00.100", "00:01:00")]
    public TimeSpan ServiceHealthTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

public sealed class CorsSettings
{
    /// <summary>Browser origins allowed to call the API (e.g. <c>https://news.example.org</c>); none by default.</summary>
    public string[] Origins { get; set; } = [];
}

/// <summary>Per-client budgets (section <c>Gateway:RateLimits</c>).</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "Gateway:RateLimits";

    /// <summary>GET and HEAD requests per client IP.</summary>
    public TokenBucket Reads { get; set; } = new() { TokenLimit = 200, TokensPerPeriod = 100 };

    /// <summary>Writes and admin calls per client IP.</summary>
    public TokenBucket Writes { get; set; } = new() { TokenLimit = 30, TokensPerPeriod = 10 };

    /// <summary>Searches (search and similar) running at once across all clients; more wait in a short queue, then get 503.</summary>
    [Range(1, 10_000)]
    public int ConcurrentSearches { get; set; } = 16;

    [Range(0, 10_000)]
    public int SearchQueue { get; set; } = 32;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Nested(Reads, nameof(Reads)).Concat(Nested(Writes, nameof(Writes)));

    private static IEnumerable<ValidationResult> Nested(TokenBucket bucket, string name)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(bucket, new ValidationContext(bucket), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult($"{name}: {r.ErrorMessage}", r.MemberNames.Select(m => $"{name}.{m}")));
    }
}

public sealed class TokenBucket
{
    /// <summary>The burst a client may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; }

    /// <summary>Tokens added back every <see cref="Period"/>.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerPeriod { get; set; }

    [TimeSpanRange("00:00:00.010", "01:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Request body limits in bytes (section <c>Gateway:BodyLimits</c>).</summary>
public sealed class BodyLimitOptions
{
    public const string Section = "Gateway:BodyLimits";

    /// <summary><c>POST /api/articles</c>: one article.</summary>
    [Range(1, long.MaxValue)]
    public long Article { get; set; } = 1024 * 1024;

    /// <summary><c>POST /api/articles/batch</c>: NDJSON, streamed by ingest.</summary>
    [Range(1, long.MaxValue)]
    public long Batch { get; set; } = 64 * 1024 * 1024;

    /// <summary>Every other route.</summary>
    [Range(0, long.MaxValue)]
    public long Default { get; set; } = 64 * 1024;
}
