using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsSearch.AppHost.Hosting;

/// <summary>One resource as the state file shows it.</summary>
public sealed record ResourceState(string Name, string Url, int? Pid, string State, int Restarts);

/// <summary>What the AppHost runs right now, for scripts and tests that cannot read its console.</summary>
public sealed record AppHostState(int Pid, string GatewayUrl, string ApiKeyFile, bool Ready, IReadOnlyList<ResourceState> Resources);

/// <summary>
/// <c>{Data:Dir}/apphost.json</c>, rewritten whole on every change (write, then rename, so a reader never sees
/// half a file).
/// </summary>
public sealed class StateFile(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly Lock gate = new();

    public string Path { get; } = path;

    public void Write(AppHostState state)
    {
        lock (gate)
        {
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
            File.Move(temporary, Path, overwrite: true);
        }
    }
}
