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

    /// <summary>The AppHost's user-secrets id (AppHost.csproj), where Aspire keeps the generated <c>api-key</c> parameter.</summary>
    private const string AppHostUserSecretsId = "newssearch-apphost-6f1c2d4e";

    /// <summary>
    /// The write key: <c>API_KEY</c>, else the key the AppHost generated, read from its user secrets
    /// (<c>~/.microsoft/usersecrets/{id}/secrets.json</c>, as <c>dotnet user-secrets list --project AppHost</c> shows it).
    /// </summary>
    private static string? DefaultApiKey()
    {
        if (Environment.GetEnvironmentVariable("API_KEY") is { Length: > 0 } key)
        {
            return key.Trim();
        }

        var secrets = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".microsoft", "usersecrets", AppHostUserSecretsId, "secrets.json");
        if (!File.Exists(secrets))
        {
            return null;
        }
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(secrets));
        return json.RootElement.TryGetProperty("Parameters:api-key", out var value) ? value.GetString() : null;
    }
}
