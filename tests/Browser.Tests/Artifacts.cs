namespace NewsSearch.Browser.Tests;

/// <summary>Where screenshots go: the repository's test results folder, beside the TRX files.</summary>
public static class Artifacts
{
    public static string ScreenshotPath(string name)
    {
        var directory = Path.Combine(RepositoryRoot(), ".test-results", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln"))) return directory.FullName;
        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }
}
