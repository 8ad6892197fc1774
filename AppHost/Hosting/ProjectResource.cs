namespace NewsSearch.AppHost.Hosting;

/// <summary>A service project the AppHost runs: where it is, what it may call, what it waits for.</summary>
public sealed class ProjectResource(string name, string projectDirectory)
{
    private readonly List<ProjectResource> references = [];
    private readonly List<ProjectResource> waitFor = [];
    private readonly List<KeyValuePair<string, string>> environment = [];

    public string Name { get; } = name;

    /// <summary>Relative to the repository root; the project file inside is named after the folder.</summary>
    public string ProjectDirectory { get; } = projectDirectory;

    public string ProjectName => Path.GetFileName(ProjectDirectory.TrimEnd('/', '\\'));

    /// <summary>Where the service listens: fixed by <see cref="WithHttpEndpoint"/>, otherwise a free loopback port.</summary>
    public Uri? Url { get; set; }

    public IReadOnlyList<ProjectResource> References => references;

    public IReadOnlyList<ProjectResource> Dependencies => waitFor;

    public IReadOnlyList<KeyValuePair<string, string>> Environment => environment;

    /// <summary>Gives this service the other's address as <c>services__{name}__http__0</c>.</summary>
    public ProjectResource WithReference(ProjectResource other)
    {
        references.Add(other);
        return this;
    }

    /// <summary>Starts this service only once the other answers its /health.</summary>
    public ProjectResource WaitFor(ProjectResource other)
    {
        waitFor.Add(other);
        return this;
    }

    public ProjectResource WithHttpEndpoint(Uri url)
    {
        Url = url;
        return this;
    }

    public ProjectResource WithEnvironment(string name, string value)
    {
        environment.Add(new(name, value));
        return this;
    }

    /// <summary>The keys the gateway accepts on write routes, as <c>Gateway__ApiKeys__{i}</c>.</summary>
    public ProjectResource WithApiKeys(IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            WithEnvironment($"Gateway__ApiKeys__{i}", keys[i]);
        }
        return this;
    }
}
