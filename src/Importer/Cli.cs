using Spectre.Console;

namespace NewsSearch.Importer;

public static class Cli
{
    public static async Task<int> ImportAsync(DirectoryInfo directory, Uri gateway, string? apiKey, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (!directory.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No folder {directory.FullName}[/]");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        if ((apiKey ?? DefaultApiKey()) is { } key)
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        var files = FolderImport.FindFiles(directory.FullName);
        ImportSummary summary = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {files.Count} files", maxValue: Math.Max(files.Count, 1));
                summary = await new FolderImport(http, asOf: asOf).ImportAsync(files, done => task.Increment(done), cancellationToken);
                task.Value = task.MaxValue;
            });

        var totals = new Table().AddColumns("accepted", "duplicates", "failed");
        totals.AddRow(summary.Accepted.ToString(), summary.Duplicates.ToString(), summary.Failures.Count().ToString());
        AnsiConsole.Write(totals);
        if (summary.Failures.Any())
        {
            var failures = new Table().AddColumns("file", "reason");
            foreach (var failure in summary.Failures)
            {
                failures.AddRow(Markup.Escape(Path.GetFileName(failure.File)), Markup.Escape(failure.Error ?? "unknown"));
            }

            AnsiConsole.Write(failures);
            return 1;
        }

        return 0;
    }

    /// <summary>The key the AppHost created: <c>API_KEY</c>, else <c>{Data:Dir}/api-key</c> (Data__Dir, else .data at the repository root).</summary>
    private static string? DefaultApiKey()
    {
        if (Environment.GetEnvironmentVariable("API_KEY") is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var dataDir = Environment.GetEnvironmentVariable("Data__Dir") ?? Path.Combine(RepositoryRoot(), ".data");
        var file = Path.Combine(dataDir, "api-key");
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Search.sln")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
