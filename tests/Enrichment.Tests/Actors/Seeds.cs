namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>The repository's seeds/ folder, found by walking up from the test binaries to Search.sln.</summary>
internal static class Seeds
{
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }
        throw new DirectoryNotFoundException("No Search.sln above " + AppContext.BaseDirectory);
    }
}
