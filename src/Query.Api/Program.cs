using NewsSearch.Query.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddQueryService();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapQueryApi();
app.Run();
