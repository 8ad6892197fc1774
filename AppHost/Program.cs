using NewsSearch.AppHost.Hosting;

// The whole system: each resource is a service project started as its own process. WithReference gives a
// service the address of another (services__<name>__http__0); WaitFor holds it back until the other is healthy.
var builder = DistributedApplication.CreateBuilder(args);

var enrichment = builder.AddProject("enrichment", "src/Enrichment.Api");

var ingest = builder.AddProject("ingest", "src/Ingest.Api")
    .WithReference(enrichment)
    .WaitFor(enrichment);

// Enrichment is the only writer of the search store, so it has created it by the time query opens it.
var query = builder.AddProject("query", "src/Query.Api")
    .WaitFor(enrichment);

var web = builder.AddProject("web", "src/Web")
    .WithReference(query)
    .WaitFor(query);

builder.AddProject("gateway", "src/Gateway")
    .WithHttpEndpoint(builder.Settings.GatewayUrl)
    .WithApiKeys(builder.Settings.GatewayApiKeys)
    .WithReference(ingest).WithReference(query).WithReference(web).WithReference(enrichment)
    .WaitFor(ingest).WaitFor(query).WaitFor(web).WaitFor(enrichment);

return await builder.Build().RunAsync();
