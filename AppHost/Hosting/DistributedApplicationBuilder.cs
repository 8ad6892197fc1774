namespace NewsSearch.AppHost.Hosting;

/// <summary>Declares the resources, in the style of Aspire's IDistributedApplicationBuilder.</summary>
public sealed class DistributedApplicationBuilder(AppHostSettings settings)
{
    private readonly List<ProjectResource> resources = [];

    public AppHostSettings Settings { get; } = settings;

    public ProjectResource AddProject(string name, string projectDirectory)
    {
        if (resources.Any(resource => resource.Name == name))
        {
            throw new InvalidOperationException($"A resource named '{name}' is already declared.");
        }
        var resource = new ProjectResource(name, projectDirectory);
        resources.Add(resource);
        return resource;
    }

    public DistributedApplication Build() => new(Settings, resources);
}
