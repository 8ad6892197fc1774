using NewsSearch.Ingest.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIngest();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapArticleWriteApi();
app.MapPipelineApi();
app.Run();
