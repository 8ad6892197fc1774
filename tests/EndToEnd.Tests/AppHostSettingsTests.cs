using System.Buffers.Text;
using NewsSearch.AppHost.Hosting;

namespace NewsSearch.EndToEnd.Tests;

public sealed class AppHostSettingsTests : IDisposable
{
    private readonly string dataDir = Directory.CreateTempSubdirectory("newssearch-settings-").FullName;

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    [Fact]
    public void Settings_given_as_Key_Value_arguments_are_used()
    {
        var settings = AppHostSettings.Load([
            $"--Data:Dir={dataDir}", "--Gateway:Url=http://127.0.0.1:6123", "--Search:Backend=elasticsearch",
            "--ConnectionStrings:elasticsearch=http://es:9200", "--Seeds:Import=false"]);

        settings.DataDir.ShouldBe(dataDir);
        settings.GatewayUrl.ShouldBe(new Uri("http://127.0.0.1:6123"));
        settings.SearchBackend.ShouldBe("elasticsearch");
        settings.ElasticsearchConnection.ShouldBe("http://es:9200");
        settings.SeedsImport.ShouldBeFalse();
        Path.IsPathRooted(settings.SeedsDir).ShouldBeTrue();
    }

    [Fact]
    public void Without_settings_the_defaults_are_the_ones_the_README_documents()
    {
        var settings = AppHostSettings.Load([$"--Data:Dir={dataDir}"]);

        settings.GatewayUrl.ShouldBe(new Uri("http://127.0.0.1:5080"));
        settings.SearchBackend.ShouldBe("sqlite");
        settings.SeedsImport.ShouldBeTrue();
        settings.SeedsDir.ShouldBe(Path.Combine(AppHostProcess.RepositoryRoot(), "seeds"));
        settings.ElasticsearchConnection.ShouldBeNull();
    }

    [Fact]
    public void Configured_API_keys_come_first_and_the_created_key_last()
    {
        var settings = AppHostSettings.Load([$"--Data:Dir={dataDir}", "--Gateway:ApiKeys:0=alpha", "--Gateway:ApiKeys:1=beta"]);

        settings.GatewayApiKeys.ShouldBe(["alpha", "beta", settings.ApiKey]);
    }

    [Fact]
    public void The_created_API_key_is_32_random_bytes_in_base64url_kept_private_and_reused()
    {
        var file = new ApiKeyFile(Path.Combine(dataDir, "api-key"));

        var (key, created) = file.LoadOrCreate();
        var (again, createdAgain) = file.LoadOrCreate();

        created.ShouldBeTrue();
        createdAgain.ShouldBeFalse();
        again.ShouldBe(key);
        Base64Url.DecodeFromChars(key).Length.ShouldBe(32);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        new ApiKeyFile(Path.Combine(dataDir, "other")).LoadOrCreate().Key.ShouldNotBe(key);
    }
}
