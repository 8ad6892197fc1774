namespace NewsSearch.Enrichment;

/// <summary>The data files under Data/, embedded in the assembly so nothing is read from disk at run time.</summary>
internal static class DataFile
{
    public static Stream Open(string fileName)
    {
        var assembly = typeof(DataFile).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name)!;
    }

    public static IEnumerable<string> Lines(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
