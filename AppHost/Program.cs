using NewsSearch.AppHost;

// The whole system as Aspire resources. WithReference gives a service the address of another
// (services__<name>__http__0, resolved by service discovery); WaitFor holds it back until the other is healthy.
var builder = DistributedApplication.CreateBuilder(args);
var settings = SystemSettings.Load(builder);
if (settings.SearchBackend == "elasticsearch" && settings.ElasticsearchConnection is null && ElasticsearchContainer.WhyItCannotRun() is { } why)
{
    Console.Error.WriteLine(why);
    return 1;
}
var apiKey = builder.AddParameter("api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var elasticsearch = builder.AddElasticsearchIfNeeded(settings);

var enrichment = builder.AddService<Projects.Enrichment_Api>("enrichment", settings)
    .WithElasticsearch(elasticsearch);

var ingest = builder.AddService<Projects.Ingest_Api>("ingest", settings)
    .WithReference(enrichment).WaitFor(enrichment);

// Enrichment is the only writer of the search store, so it has created it by the time query opens it.
var query = builder.AddService<Projects.Query_Api>("query", settings)
    .WithElasticsearch(elasticsearch)
    .WaitFor(enrichment);

var web = builder.AddService<Projects.Web>("web", settings)
    .WithReference(query).WaitFor(query);

var gateway = builder.AddService<Projects.Gateway>("gateway", settings, publicUrl: settings.GatewayUrl)
    .WithApiKey(apiKey, settings)
    .WithReference(ingest).WithReference(query).WithReference(web).WithReference(enrichment)
    .WaitFor(ingest).WaitFor(query).WaitFor(web).WaitFor(enrichment);

ingest.WithOperatorCommands(gateway, apiKey);

builder.RestartCrashedServices();
builder.AnnounceWhenReady(gateway, settings);

builder.Build().Run();
return 0;
