using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NewsSearch.Query.IntegrationTests;

public static class ProblemAssertions
{
    /// <summary>A 400 problem response whose <c>errors</c> name <paramref name="parameter"/>.</summary>
    public static async Task ShouldBeBadRequestNamingAsync(this HttpResponseMessage response, string parameter)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("errors").TryGetProperty(parameter, out var _).ShouldBeTrue();
    }
}
