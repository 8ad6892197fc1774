using System.Text.Json;
using NewsSearch.Articles;
using NewsSearch.Importer;

namespace NewsSearch.Ingest.IntegrationTests;

public sealed class ImporterTests
{
    [Fact]
    public async Task A_folder_is_imported_in_chunks_with_new_duplicate_and_failed_files_told_apart()
    {
        await using var ingest = await IngestHarness.StartAsync();
        using var folder = new TempDir();
        for (var n = 0; n < 25; n++)
        {
            File.WriteAllText(Path.Combine(folder.Path, $"{n:000}.txt"), Corpus.Article(n));
        }

        File.WriteAllText(Path.Combine(folder.Path, "100.json"), JsonSerializer.Serialize(new { text = Corpus.Article(100), source = "Dawn" }, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.Combine(folder.Path, "101.txt"), "  " + Corpus.Article(0).Replace(" ", "  "));
        File.WriteAllText(Path.Combine(folder.Path, "102.json"), "{\"text\": \"x\", \"author\": \"y\"}");
        File.WriteAllText(Path.Combine(folder.Path, "103.json"), "{\"text\": ");
        File.WriteAllBytes(Path.Combine(folder.Path, "104.txt"), [0x41, 0xff, 0x42]);
        File.WriteAllText(Path.Combine(folder.Path, "readme.md"), "not an article");
        var files = FolderImport.FindFiles(folder.Path);
        var done = 0;

        var summary = await new FolderImport(ingest.Client, chunkFiles: 7).ImportAsync(files, count => done += count, TestContext.Current.CancellationToken);

        files.Count.ShouldBe(30);
        done.ShouldBe(30);
        summary.Accepted.ShouldBe(26);
        summary.Duplicates.ShouldBe(1);
        summary.Failures.Select(failure => Path.GetFileName(failure.File)).ShouldBe(["102.json", "103.json", "104.txt"]);
        summary.Failures.ShouldAllBe(failure => !string.IsNullOrEmpty(failure.Error));
        summary.Files.Single(file => file.File.EndsWith("100.json")).Id.ShouldBe(ArticleId.FromText(Corpus.Article(100)));
        (await ingest.PipelineAsync()).Received.ShouldBe(26);
    }

    [Fact]
    public async Task An_as_of_date_given_to_the_import_reaches_enrichment_with_every_article()
    {
        await using var ingest = await IngestHarness.StartAsync();
        using var folder = new TempDir();
        File.WriteAllText(Path.Combine(folder.Path, "1.txt"), Corpus.Article(1));
        File.WriteAllText(Path.Combine(folder.Path, "2.json"), JsonSerializer.Serialize(new { text = Corpus.Article(2), asOf = "1987-06-30" }));

        var summary = await new FolderImport(ingest.Client, asOf: new DateOnly(1987, 4, 1)).ImportAsync(FolderImport.FindFiles(folder.Path), _ => { }, TestContext.Current.CancellationToken);

        summary.Accepted.ShouldBe(2);
        await ingest.WaitForAsync(status => status.Indexed == 2);
        var delivered = ingest.Enrichment.Batches.SelectMany(batch => batch).ToDictionary(article => article.Text, article => article.Metadata.AsOf);
        delivered[Corpus.Article(1)].ShouldBe(new DateOnly(1987, 4, 1));
        delivered[Corpus.Article(2)].ShouldBe(new DateOnly(1987, 6, 30));
    }
}
