using System.Buffers.Text;
using System.Security.Cryptography;

namespace NewsSearch.AppHost.Hosting;

/// <summary>The API key the AppHost creates on first start (one line) and reuses afterwards.</summary>
public sealed class ApiKeyFile(string path)
{
    public string Path { get; } = path;

    public (string Key, bool Created) LoadOrCreate()
    {
        if (File.Exists(Path) && File.ReadAllText(Path).Trim() is { Length: > 0 } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(Path, key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return (key, true);
    }
}
