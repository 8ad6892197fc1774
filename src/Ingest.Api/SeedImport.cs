using Microsoft.Extensions.Options;
using NewsSearch.Articles;

namespace NewsSearch.Ingest.Api;

/// <summary>
/// Imports the seed folder on start (<c>.txt</c> as plain text, <c>.json</c> as the article JSON shape).
/// Idempotent: the ids are content hashes, so a restart finds them stored already.
/// </summary>
public sealed class SeedImport(ArticleIngest ingest, IOptions<SeedOptions> seeds, IOptions<IngestOptions> limits, ILogger<SeedImport> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!seeds.Value.Import)
        {
            return;
        }

        var directory = Path.GetFullPath(seeds.Value.Dir);
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("Seed folder {Directory} does not exist; nothing imported", directory);
            return;
        }

        var articles = new List<RawArticle>();
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            if (Read(file) is { } article)
            {
                articles.Add(article);
            }
        }

        var stored = await ingest.AddAsync(articles, cancellationToken);
        logger.LogInformation("Seed import from {Directory}: {New} new, {Known} already stored", directory,
            stored.Count(article => !article.Duplicate), stored.Count(article => article.Duplicate));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private RawArticle? Read(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension is not (".txt" or ".json"))
        {
            return null;
        }

        if (new FileInfo(file).Length > limits.Value.MaxArticleBytes)
        {
            logger.LogWarning("Seed {File} skipped: larger than {Limit} bytes", file, limits.Value.MaxArticleBytes);
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        var intake = ArticleIntake.WithDefaultAsOf(extension == ".txt" ? ArticleIntake.FromPlainText(bytes) : ArticleIntake.FromJson(bytes), seeds.Value.AsOf);
        if (intake.Error is { } error)
        {
            logger.LogWarning("Seed {File} skipped: {Error}", file, error);
        }

        return intake.Article;
    }
}
