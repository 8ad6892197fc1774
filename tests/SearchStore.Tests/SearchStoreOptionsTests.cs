namespace NewsSearch.SearchStore.Tests;

public sealed class SearchStoreOptionsTests
{
    [Fact]
    public void Options_are_read_from_the_system_wide_configuration_names()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Search:Backend"] = "elasticsearch",
            ["Data:Dir"] = "/var/news",
            ["ConnectionStrings:elasticsearch"] = "http://search.internal:9200",
            ["Search:Elasticsearch:ApiKey"] = "encoded-key",
            ["Search:Elasticsearch:Index"] = "news",
        };
        var options = new SearchStoreOptions();

        options.ReadFrom(key => configuration.GetValueOrDefault(key));

        options.UsesElasticsearch.ShouldBeTrue();
        options.SqlitePath.ShouldBe(Path.Combine("/var/news", "search.db"));
        options.ElasticsearchUrl.ShouldBe("http://search.internal:9200");
        options.ElasticsearchApiKey.ShouldBe("encoded-key");
        options.ElasticsearchIndex.ShouldBe("news");
        options.ElasticsearchUsername.ShouldBeNull();
    }

    [Fact]
    public void Without_configuration_the_embedded_store_under_dot_data_is_used()
    {
        var options = new SearchStoreOptions();

        options.ReadFrom(_ => null);

        options.UsesElasticsearch.ShouldBeFalse();
        options.SqlitePath.ShouldBe(Path.Combine(".data", "search.db"));
        options.ElasticsearchIndex.ShouldBe("articles");
    }
}
