var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEnrichment();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapEnrichmentApi();
app.Run();
