using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace NewsSearch.Web;

/// <summary>
/// The stylesheet and script, embedded in the assembly and addressed by content hash
/// (<c>/assets/app.css?v=…</c>): a page always names the current version, so browsers may cache it forever.
/// </summary>
public sealed class WebAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, Asset> _assets;

    public WebAssets()
    {
        var assembly = typeof(WebAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .ToFrozenDictionary(asset => asset.Name, StringComparer.Ordinal);
    }

    /// <summary>The versioned address of an asset; throws for a name that is not embedded, so a typo fails at once.</summary>
    public string Url(string name) => $"/assets/{name}?v={_assets[name].Version}";

    public bool TryGet(string name, out Asset asset) => _assets.TryGetValue(name, out asset!);

    private static Asset Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var name = resourceName[Prefix.Length..];
        var version = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var contentType = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
        return new Asset(name, bytes, contentType, version);
    }

    public sealed record Asset(string Name, byte[] Content, string ContentType, string Version)
    {
        public string ETag => $"\"{Version}\"";
    }
}
