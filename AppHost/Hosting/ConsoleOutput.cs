namespace NewsSearch.AppHost.Hosting;

/// <summary>
/// Every line the AppHost prints: the services' log lines prefixed with their name, and its own messages.
/// Coloured only on a terminal (and unless NO_COLOR is set), so files and pipes get plain text.
/// </summary>
public sealed class ConsoleOutput
{
    public const string Self = "apphost";

    private static readonly string[] Palette = ["\e[36m", "\e[35m", "\e[33m", "\e[32m", "\e[34m", "\e[96m", "\e[95m"];
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";

    private readonly Lock gate = new();
    private readonly Dictionary<string, string> colours = [];
    private readonly bool useColour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    private readonly int width;

    public ConsoleOutput(IEnumerable<string> names)
    {
        var all = names.Append(Self).ToList();
        width = all.Max(name => name.Length);
        for (var i = 0; i < all.Count; i++)
        {
            colours[all[i]] = all[i] == Self ? Bold : Palette[i % Palette.Length];
        }
    }

    public void Line(string source, string text)
    {
        var prefix = source.PadRight(width);
        lock (gate)
        {
            Console.Out.WriteLine(useColour ? $"{colours[source]}{prefix} |{Reset} {text}" : $"{prefix} | {text}");
        }
    }

    public void Info(string text) => Line(Self, text);

    public void Block(IEnumerable<string> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line);
            }
        }
    }
}
