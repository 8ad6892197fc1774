using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsSearch.SearchStore;

namespace Microsoft.Extensions.DependencyInjection;

public static class SearchStoreServiceCollectionExtensions
{
    /// <summary>
    /// The configured search store, one per process: its settings from the system-wide names (see
    /// <see cref="SearchStoreOptions.ReadFrom"/>), checked on start. The caller decides when the store is initialised.
    /// </summary>
    public static IServiceCollection AddSearchStore(this IServiceCollection services)
    {
        services.AddOptions<SearchStoreOptions>()
            .Configure<IConfiguration>((options, configuration) => options.ReadFrom(key => configuration[key]))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => SearchStoreFactory.Create(provider.GetRequiredService<IOptions<SearchStoreOptions>>().Value));
        return services;
    }
}
