namespace NewsSearch.Browser.Tests;

public sealed class InstallTests
{
    [Fact]
    public async Task Chromium_is_installed_when_missing()
    {
        await ChromiumInstaller.EnsureInstalledAsync();
        File.Exists(ChromiumInstaller.ExecutablePath).ShouldBeTrue();
    }
}
