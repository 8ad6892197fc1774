using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NewsSearch.Articles;
using NewsSearch.Enrichment;
using NewsSearch.Enrichment.Actors;
using NewsSearch.Enrichment.Cleaning;
using NewsSearch.Enrichment.Dates;
using NewsSearch.Enrichment.Language;
using NewsSearch.Enrichment.Publishers;
using NewsSearch.Enrichment.Quotes;
using NewsSearch.Enrichment.Titles;
using NewsSearch.Enrichment.Topics;

// Throughput of the whole enricher on ~5 KB news-like articles, on one thread (articles/s per core),
// then on every core. Per core is measured on the thread's CPU time as well as the wall clock: on a
// shared machine the wall clock also counts the time other processes held the core. Articles are the seeds recombined: paragraphs shuffled across articles, names,
// numbers and dates varied, chrome and comments added to some, each cut to about 5 KB.
var articleCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;

// The seeds were collected on 15 November 2025: their reference date, as the service gets it in the metadata.
var asOf = new DateOnly(2025, 11, 15);
var articles = Corpus.Build(articleCount, targetBytes: 5000).Select(a => a with { Metadata = a.Metadata with { AsOf = asOf } }).ToList();
var averageBytes = articles.Average(a => Encoding.UTF8.GetByteCount(a.Text));
var enricher = ArticleEnricher.CreateDefault();

Console.WriteLine($"Enrichment benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, .NET {Environment.Version}, {Environment.ProcessorCount} logical cores, {RuntimeConfiguration()}");
Console.WriteLine($"{articles.Count} articles, average {averageBytes:0} bytes");

foreach (var article in articles.Take(200))
{
    enricher.Enrich(article);
}

var wall = new List<double>();
var cpu = new List<double>();
var allocatedStart = GC.GetAllocatedBytesForCurrentThread();
for (var round = 0; round < rounds; round++)
{
    var watch = Stopwatch.StartNew();
    var cpuStart = ThreadCpu.Now();
    foreach (var article in articles)
    {
        enricher.Enrich(article);
    }

    var cpuSeconds = (ThreadCpu.Now() - cpuStart).TotalSeconds;
    wall.Add(articles.Count / watch.Elapsed.TotalSeconds);
    cpu.Add(articles.Count / cpuSeconds);
}

// Allocation drives GC work, which the service pays for on top of the enricher's own CPU time.
var allocatedPerArticle = (GC.GetAllocatedBytesForCurrentThread() - allocatedStart) / (double)(rounds * articles.Count);
var wallMedian = wall.Order().ElementAt(wall.Count / 2);
var cpuMedian = cpu.Order().ElementAt(cpu.Count / 2);
Console.WriteLine($"one thread, per CPU-second: median {cpuMedian:0} articles/s per core ({cpuMedian * averageBytes / 1_000_000:0.0} MB/s); rounds: {string.Join(", ", cpu.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"one thread, wall clock:     median {wallMedian:0} articles/s; rounds: {string.Join(", ", wall.Select(s => s.ToString("0", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"allocated per article:      {allocatedPerArticle / 1024:0.0} KB");
Console.WriteLine($"load average while running: {LoadAverage()}");

var parallelWatch = Stopwatch.StartNew();
Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, article => enricher.Enrich(article));
var parallel = articles.Count / parallelWatch.Elapsed.TotalSeconds;
Console.WriteLine($"all {Environment.ProcessorCount} cores: {parallel:0} articles/s (the machine is shared, so this varies with other load)");

// Where the time goes, stage by stage, on one thread.
var cleaned = articles.Select(a => ArticleCleaner.Clean(a.Text)).ToList();
var actors = ActorExtractor.CreateDefault();
var quotes = QuoteExtractor.CreateDefault();
var publishers = PublisherExtractor.CreateDefault();
var topics = TopicClassifier.CreateDefault();
var mentions = cleaned.Select(c => actors.Extract(c.Body)).ToList();
Stage("title + language", () => { foreach (var c in cleaned) { TitleMaker.Make(c.Headline, c.Body); LanguageDetector.Detect(c.Body); } });
Stage("unwrap", () => { foreach (var a in articles) TextUnwrapper.Unwrap(a.Text); });
Stage("clean", () => { foreach (var a in articles) ArticleCleaner.Clean(a.Text); });
Stage("publisher + cites", () => { for (var i = 0; i < articles.Count; i++) publishers.Extract(articles[i].Text, cleaned[i], null); });
Stage("dates", () => { for (var i = 0; i < articles.Count; i++) DateAnalyzer.Analyze(cleaned[i].Body, articles[i].Text, null, asOf, cleaned[i].Dateline?.Date); });
Stage("topics", () => { foreach (var c in cleaned) topics.Classify(c.Headline ?? string.Empty, c.Body); });
// Tokens are cached per body string while it lives, and every body above is tokenized already: a fresh copy
// (~1 µs, 10 KB) makes the actor stage pay for tokenizing, as the enricher does; quotes then reuse the tokens, as there.
Stage("actors (with tokens)", () => { foreach (var c in cleaned) actors.Extract(new string(c.Body)); });
Stage("quotes", () => { for (var i = 0; i < cleaned.Count; i++) quotes.Extract(cleaned[i].Body, mentions[i]); });

void Stage(string name, Action run)
{
    var start = ThreadCpu.Now();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    run();
    var kilobytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / articles.Count;
    Console.WriteLine($"  {name,-20} {(ThreadCpu.Now() - start).TotalMilliseconds * 1000 / articles.Count,8:0.0} µs/article (CPU) {kilobytes,8:0.0} KB/article allocated");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string RuntimeConfiguration()
{
#if DEBUG
    return "DEBUG build (numbers not meaningful: use -c Release)";
#else
    return "Release build";
#endif
}

/// <summary>CPU time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID); elsewhere the process's CPU time.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ClockThreadCpuTime, out var time) == 0)
        {
            return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

/// <summary>News-like articles made from the seed texts, varied so that no two are the same.</summary>
internal static class Corpus
{
    private static readonly string[] People = ["Amina Yusuf", "Daniel Okafor", "Mariam Haidari", "Tomasz Nowak", "Leila Rahimi", "Omar Farouk", "Sofia Marin", "Karim Baig"];
    private static readonly string[] Roles = ["Foreign Minister", "Interior Minister", "spokesperson", "Defence Minister", "analyst", "Prime Minister"];
    private static readonly string[] Outlets = ["Reuters", "Al Jazeera", "Geo News", "the BBC", "Dawn", "TOLOnews"];
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static List<RawArticle> Build(int count, int targetBytes)
    {
        var random = new Random(20251029);
        var paragraphs = SeedParagraphs();
        var result = new List<RawArticle>(count);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            if (random.Next(3) == 0)
            {
                sb.Append("Talks Stall as Border Tensions Rise ").Append(n).Append("\n\n");
            }

            if (random.Next(4) == 0)
            {
                sb.Append("(The Daily Ledger) – ");
            }

            while (sb.Length < targetBytes)
            {
                var paragraph = paragraphs[random.Next(paragraphs.Count)];
                sb.Append(Vary(paragraph, random)).Append('\n');
                if (random.Next(5) == 0)
                {
                    var person = People[random.Next(People.Length)];
                    sb.Append($"“We will not accept this,” {Roles[random.Next(Roles.Length)]} {person} told {Outlets[random.Next(Outlets.Length)]} on {Days[random.Next(7)]}, ")
                      .Append($"adding that talks held on {Months[random.Next(12)]} {random.Next(1, 29)}, {random.Next(2019, 2026)} had failed.\n");
                }
            }

            var text = sb.ToString(0, Math.Min(sb.Length, targetBytes + 200));
            if (random.Next(4) == 0)
            {
                text += "\n3 Comments\nreader_one\nThis is worrying.\nAnother Reader\nBoth sides must talk.\nlast_word\nAgreed.";
            }

            result.Add(new RawArticle(ArticleId.FromText(text + n), text, ArticleMetadata.None));
        }

        return result;
    }

    private static string Vary(string paragraph, Random random) =>
        paragraph
            .Replace("Pakistan", random.Next(3) == 0 ? "Tajikistan" : "Pakistan", StringComparison.Ordinal)
            .Replace("Istanbul", random.Next(3) == 0 ? "Geneva" : "Istanbul", StringComparison.Ordinal)
            .Replace("five", random.Next(2) == 0 ? "seven" : "five", StringComparison.Ordinal)
            .Replace("October 19", $"{Months[random.Next(12)]} {random.Next(1, 29)}", StringComparison.Ordinal);

    private static List<string> SeedParagraphs()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Search.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new DirectoryNotFoundException("Run from inside the repository: the benchmark reads seeds/.");
        }

        return Directory.GetFiles(Path.Combine(root.FullName, "seeds"), "*.txt")
            .SelectMany(f => File.ReadAllText(f).Split('\n'))
            .Select(p => p.Trim())
            .Where(p => p.Length > 120)
            .ToList();
    }
}
