namespace NewsSearch.SearchStore.Elasticsearch.Tests.Spec;

/// <summary>
/// Finds the shared Elasticsearch specification: the folder holding Search.sln, then ../shared/elasticsearch-spec
/// (CI clones the repository with shared/ beside it). A git worktree nested one level deeper (wt/branch) finds it
/// further up, so the search goes on through the solution folder's ancestors. A missing spec is a failure, never a
/// skip: these tests are the only check of the adapter's requests when no cluster is available.
/// </summary>
internal static class SpecFolder
{
    public const string OpenApiFile = "elasticsearch-serverless-openapi.json";

    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Search.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException($"No folder holding Search.sln above {AppContext.BaseDirectory}; cannot locate ../shared/elasticsearch-spec.");

        var tried = new List<string>();
        for (var parent = directory.Parent; parent is not null; parent = parent.Parent)
        {
            var spec = System.IO.Path.Combine(parent.FullName, "shared", "elasticsearch-spec");
            if (File.Exists(System.IO.Path.Combine(spec, OpenApiFile)) && Directory.Exists(System.IO.Path.Combine(spec, "examples")))
                return spec;
            tried.Add(spec);
        }
        throw new InvalidOperationException(
            $"The Elasticsearch specification is missing: expected {OpenApiFile} and examples/ in ../shared/elasticsearch-spec " +
            $"beside the repository (as CI clones it). Looked in: {string.Join(", ", tried)}.");
    }
}
