using System.CommandLine;
using NewsSearch.Importer;

var directory = new Argument<DirectoryInfo>("dir") { Description = "Folder of .txt (plain text) and .json ({text, title?, source?, url?, published?, asOf?}) files." };
var gateway = new Option<Uri>("--gateway")
{
    Description = "The gateway's address (default: Gateway__Url, else http://127.0.0.1:5080).",
    DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("Gateway__Url") ?? "http://127.0.0.1:5080"),
    CustomParser = result =>
    {
        if (Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError("--gateway must be an absolute http(s) URL.");
        return null;
    },
};
var apiKey = new Option<string?>("--api-key") { Description = "The API key (default: API_KEY, else the key the AppHost generated, from its user secrets)." };
var asOf = new Option<DateOnly?>("--as-of")
{
    Description = "Reference date (yyyy-MM-dd) for files that give none: the texts were current on or shortly before it, e.g. an archive's collection date.",
    CustomParser = result =>
    {
        if (DateOnly.TryParseExact(result.Tokens.Single().Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError("--as-of must be a date, yyyy-MM-dd.");
        return null;
    },
};

var import = new Command("import", "Load a folder of articles through the API, with progress and a summary.") { directory, gateway, apiKey, asOf };
import.SetAction((parse, cancellationToken) => Cli.ImportAsync(parse.GetValue(directory)!, parse.GetValue(gateway)!, parse.GetValue(apiKey), parse.GetValue(asOf), cancellationToken));

return await new RootCommand("News search command line.") { import }.Parse(args).InvokeAsync();
