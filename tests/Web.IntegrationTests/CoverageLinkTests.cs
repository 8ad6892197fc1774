using System.Net;

namespace NewsSearch.Web.IntegrationTests;

public sealed class CoverageLinkTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_search_page_links_its_download_compare_and_matrix_with_every_filter_but_the_page()
    {
        var (status, html) = await web.Client.PageAsync("/?q=talks&source=Dawn&actor=Pakistan&from=2025-10-01&sort=newest&page=2");

        status.ShouldBe(HttpStatusCode.OK);
        const string filters = "q=talks&amp;source=Dawn&amp;actor=Pakistan&amp;from=2025-10-01&amp;sort=newest";
        Html.Tags(html, $"href=\"/api/search/export?{filters}&amp;format=csv\"").Single().ShouldContain("download");
        Html.Tags(html, $"href=\"/api/search/export?{filters}&amp;format=ndjson\"").ShouldHaveSingleItem();
        Html.Tags(html, $"href=\"/compare?{filters}\"").ShouldHaveSingleItem();
        Html.Tags(html, $"href=\"/matrix?{filters}\"").ShouldHaveSingleItem();
    }
}
