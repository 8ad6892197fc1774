using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NewsSearch.SearchStore.Elasticsearch.Tests.Fakes;

namespace NewsSearch.SearchStore.Elasticsearch.Tests;

/// <summary>The connection string names the nodes and the credentials; the client sends them as configured.</summary>
public sealed class ConnectionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<FakeElasticsearch> CountThrough(ElasticsearchOptions options)
    {
        var fake = new FakeElasticsearch().WithIndex("news-v2", "news");
        using var store = Samples.Store(fake, options);
        await store.CountAsync(Token);
        return fake;
    }

    private static async Task<AuthenticationHeaderValue?> SentAuthorization(string connectionString)
    {
        var header = (await CountThrough(Samples.Options(connectionString))).Requests.Single().Authorization;
        return header is null ? null : AuthenticationHeaderValue.Parse(header);
    }

    private static string Decoded(AuthenticationHeaderValue header) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!));

    [Fact]
    public void Several_nodes_are_a_comma_separated_list_of_urls()
    {
        var connection = ElasticsearchConnection.Parse("https://h1:9200, https://h2:9201,http://h3:9200");

        connection.Nodes.Select(n => n.ToString()).ShouldBe(["https://h1:9200/", "https://h2:9201/", "http://h3:9200/"]);
        connection.Credentials.ShouldBeNull();
    }

    [Fact]
    public void Credentials_in_a_node_url_are_basic_authentication_and_are_taken_out_of_the_url()
    {
        var connection = ElasticsearchConnection.Parse("https://elastic:s%40cret@h1:9200,https://h2:9200");

        connection.Credentials.ShouldBe(new ElasticsearchCredentials.Basic("elastic", "s@cret"));
        connection.Nodes.ShouldAllBe(n => n.UserInfo == "");
    }

    [Fact]
    public void An_api_key_part_wins_over_credentials_in_the_urls()
    {
        var connection = ElasticsearchConnection.Parse("https://elastic:pw@h1:9200;ApiKey=ZW5jb2RlZA==");

        connection.Credentials.ShouldBe(new ElasticsearchCredentials.ApiKey("ZW5jb2RlZA=="));
    }

    [Fact]
    public void The_aspire_spelling_with_endpoint_username_password_and_fingerprint_is_understood()
    {
        var connection = ElasticsearchConnection.Parse("Endpoint=https://h1:9200;Username=elastic;Password=pä:ss;CertificateFingerprint=AB:CD");

        connection.Nodes.ShouldHaveSingleItem().Host.ShouldBe("h1");
        connection.Credentials.ShouldBe(new ElasticsearchCredentials.Basic("elastic", "pä:ss"));
        connection.CertificateFingerprint.ShouldBe("AB:CD");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("ApiKey=abc", "names no node")]
    [InlineData("localhost:9200", "not an http(s) URL")]
    [InlineData("ftp://h1", "not an http(s) URL")]
    [InlineData("http://h1:9200;Token=abc", "unknown part 'Token'")]
    [InlineData("http://a:1@h1:9200,http://b:2@h2:9200", "different credentials")]
    public void A_connection_string_that_names_no_usable_cluster_is_refused_with_the_reason(string connectionString, string reason)
    {
        Should.Throw<FormatException>(() => ElasticsearchConnection.Parse(connectionString)).Message.ShouldContain(reason);
    }

    [Fact]
    public void A_refused_connection_string_does_not_repeat_the_password()
    {
        Should.Throw<FormatException>(() => ElasticsearchConnection.Parse("elastic:secret@h1")).Message.ShouldNotContain("secret");
    }

    [Fact]
    public async Task An_api_key_is_sent_as_the_ApiKey_authorization_scheme()
    {
        var header = await SentAuthorization("http://es.test:9200;ApiKey=VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");

        header!.Scheme.ShouldBe("ApiKey");
        header.Parameter.ShouldBe("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
    }

    [Fact]
    public async Task A_username_and_password_are_sent_as_basic_authentication()
    {
        var header = await SentAuthorization("http://es.test:9200;Username=elastic;Password=pä:ss");

        header!.Scheme.ShouldBe("Basic");
        Decoded(header).ShouldBe("elastic:pä:ss");
    }

    [Fact]
    public async Task Credentials_in_the_connection_string_are_basic_authentication_and_stay_out_of_the_request_uri()
    {
        var fake = await CountThrough(Samples.Options("https://elastic:s%40cret@es.test:9243/"));

        var header = AuthenticationHeaderValue.Parse(fake.Requests.Single().Authorization!);
        header.Scheme.ShouldBe("Basic");
        Decoded(header).ShouldBe("elastic:s@cret");
    }

    [Fact]
    public async Task Without_credentials_no_authorization_header_is_sent()
    {
        (await SentAuthorization("http://es.test:9200")).ShouldBeNull();
    }

    [Fact]
    public async Task Every_request_asks_for_the_9_x_api_so_older_servers_refuse_it_rather_than_misread_it()
    {
        var fake = new FakeElasticsearch();
        using var store = Samples.Store(fake);

        await store.InitializeAsync(Token);

        fake.Requests.ShouldAllBe(r => r.Accept!.Contains("compatible-with=9"));
        fake.For("indices-create").Single().ContentType!.ShouldContain("compatible-with=9");
    }

    [Fact]
    public async Task A_server_that_refuses_the_9_x_api_fails_initialisation_with_its_reason()
    {
        // The kind of answer an 8.x server gives to compatible-with=9, a media type it does not know.
        var fake = new FakeElasticsearch().Enqueue("indices-get-alias", FakeResponse.Json(400, new JsonObject
        {
            ["error"] = new JsonObject { ["type"] = "media_type_header_exception", ["reason"] = "Invalid media-type value on headers [Accept, Content-Type]" },
            ["status"] = 400,
        }));
        using var store = Samples.Store(fake);

        var refused = await Should.ThrowAsync<ElasticsearchException>(() => store.InitializeAsync(Token));

        refused.Status.ShouldBe(400);
        refused.Message.ShouldContain("media_type_header_exception");
    }

    [Fact]
    public async Task A_server_that_does_not_say_it_is_Elasticsearch_is_refused_and_reported_unhealthy()
    {
        var fake = new FakeElasticsearch { Product = null }.WithIndex("news-v2", "news");
        using var store = Samples.Store(fake);

        await Should.ThrowAsync<Elastic.Clients.Elasticsearch.UnsupportedProductException>(() => store.CountAsync(Token));
        var health = await store.CheckHealthAsync(Token);
        health.Healthy.ShouldBeFalse();
        health.Description.ShouldContain("Elasticsearch");
    }

    [Fact]
    public async Task Requests_go_round_the_nodes_of_the_connection_string()
    {
        var fake = new FakeElasticsearch().WithIndex("news-v2", "news");
        using var store = Samples.Store(fake, Samples.Options("http://h1:9200,http://h2:9200"));

        for (var i = 0; i < 4; i++) await store.CountAsync(Token);

        fake.Requests.Select(r => r.Host).Distinct().Order().ShouldBe(["h1", "h2"]);
    }

    [Fact]
    public void Settings_outside_the_connection_string_win_so_secrets_can_live_apart()
    {
        var options = ElasticsearchOptions.From(new SearchStoreOptions
        {
            Backend = "elasticsearch",
            ElasticsearchUrl = "https://elastic:old@h1:9200,https://h2:9200",
            ElasticsearchApiKey = "a2V5",
            ElasticsearchIndex = "news",
        });

        options.Connection.Credentials.ShouldBe(new ElasticsearchCredentials.ApiKey("a2V5"));
        options.Connection.Nodes.Count.ShouldBe(2);
        options.Alias.ShouldBe("news");
    }

    [Fact]
    public void The_factory_builds_the_elasticsearch_store_from_the_service_options()
    {
        var options = new SearchStoreOptions { Backend = "Elasticsearch", ElasticsearchUrl = "http://localhost:9200", ElasticsearchIndex = "news" };

        using var store = (ElasticsearchSearchStore)SearchStoreFactory.Create(options);

        store.IndexName.ShouldBe("news-v2");
        Should.Throw<InvalidOperationException>(() => SearchStoreFactory.Create(new SearchStoreOptions { Backend = "elasticsearch" }))
            .Message.ShouldContain("ConnectionStrings:elasticsearch");
    }
}
