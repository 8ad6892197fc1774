using System.Globalization;
using System.Text;
using NewsSearch.Articles;

namespace NewsSearch.SearchStore.Benchmarks;

/// <summary>One generated article: its enriched form (what the store indexes) and raw text a wire service might send.</summary>
public sealed record SyntheticArticle(EnrichedArticle Article, string RawText);

/// <summary>
/// A deterministic generator of news-shaped articles for benchmarks. Articles come in stories (one event covered
/// by several outlets over a few days), so actors, topics and words cluster the way real coverage does. Outlets,
/// actors, topics and words are drawn Zipf-like (a few very common, a long tail); bodies are about 5 KB of
/// paragraphs with named people, organisations and countries and quotes "said" by them. The same seed always
/// yields the same articles, in the same order.
/// </summary>
public sealed class SyntheticCorpus
{
    public const int DefaultSeed = 20251025;
    public static readonly DateOnly FirstDay = new(2024, 1, 1);
    public const int DaySpan = 700;

    private readonly int _seed;
    private readonly Zipf _sources, _persons, _organisations, _countries, _topics, _words, _storySize;

    public SyntheticCorpus(int seed = DefaultSeed)
    {
        _seed = seed;
        _sources = new Zipf(Sources.Length, 1.0);
        _persons = new Zipf(Persons.Count, 1.05);
        _organisations = new Zipf(Organisations.Count, 1.0);
        _countries = new Zipf(Countries.Length, 1.1);
        _topics = new Zipf(Topics.Length, 0.9);
        _words = new Zipf(Vocabulary.Count, 1.0);
        _storySize = new Zipf(8, 1.2);
    }

    /// <summary>Outlets, most prolific first.</summary>
    public static IReadOnlyList<string> SourceNames => Sources;

    /// <summary>The vocabulary, most frequent first: index 0 appears in nearly every body, the tail in a few.</summary>
    public static IReadOnlyList<string> Words => Vocabulary;

    public static IReadOnlyList<string> TopicLabels => Topics;

    public static IReadOnlyList<(string Name, string[] Aliases)> CountryNames => Countries;

    public static IReadOnlyList<string> PersonNames => Persons;

    public IEnumerable<SyntheticArticle> Generate(int count)
    {
        var random = new Random(_seed);
        var produced = 0;
        var story = 0;
        while (produced < count)
        {
            var plan = PlanStory(random, story++);
            var outlets = _storySize.Sample(random) + 1;
            for (var i = 0; i < outlets && produced < count; i++, produced++)
                yield return Write(random, plan, produced);
        }
    }

    private sealed record StoryPlan(
        int Number,
        DateOnly Day,
        List<(string Name, ActorType Type, string[] Aliases)> Actors,
        List<string> Topics,
        List<string> Keywords,
        string Place);

    private StoryPlan PlanStory(Random random, int number)
    {
        // Later days carry more news: the square root skews the draw towards the end of the span.
        var day = FirstDay.AddDays((int)(Math.Sqrt(random.NextDouble()) * DaySpan));
        var actors = new List<(string, ActorType, string[])>();
        var countryCount = 1 + random.Next(3);
        while (actors.Count < countryCount)
        {
            var (name, aliases) = Countries[_countries.Sample(random)];
            if (actors.All(a => a.Item1 != name)) actors.Add((name, ActorType.Country, aliases));
        }
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var (name, aliases) = Organisations[_organisations.Sample(random)];
            if (actors.All(a => a.Item1 != name)) actors.Add((name, ActorType.Organisation, aliases));
        }
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            var name = Persons[_persons.Sample(random)];
            if (actors.All(a => a.Item1 != name)) actors.Add((name, ActorType.Person, []));
        }
        var topics = new List<string>();
        for (var i = 0; i < 1 + random.Next(3); i++)
        {
            var topic = Topics[_topics.Sample(random)];
            if (!topics.Contains(topic)) topics.Add(topic);
        }
        // Distinctive words of this story: drawn from the middle and tail of the vocabulary.
        var keywords = Enumerable.Range(0, 6).Select(_ => Vocabulary[200 + random.Next(Vocabulary.Count - 200)]).ToList();
        var place = Cities[random.Next(Cities.Length)];
        return new StoryPlan(number, day, actors, topics, keywords, place);
    }

    private SyntheticArticle Write(Random random, StoryPlan plan, int index)
    {
        var source = Sources[_sources.Sample(random)];
        var published = plan.Day.AddDays(random.Next(4));
        var lead = plan.Actors[random.Next(plan.Actors.Count)].Name;
        var title = Capitalise($"{lead} {Verbs[random.Next(Verbs.Length)]} {plan.Keywords[0]} {Nouns[random.Next(Nouns.Length)]} in {plan.Place}");

        var body = new StringBuilder(5600);
        var quotes = new List<Quote>();
        var mentions = plan.Actors.ToDictionary(a => a.Name, _ => 0);
        var firstPosition = new Dictionary<string, int>();
        var target = 4200 + random.Next(1800);
        while (body.Length < target)
        {
            var sentences = 3 + random.Next(4);
            for (var s = 0; s < sentences; s++)
            {
                if (random.Next(5) == 0)
                {
                    var speaker = plan.Actors[random.Next(plan.Actors.Count)];
                    var text = Capitalise(Phrase(random, plan, 8 + random.Next(10)));
                    Mention(speaker.Name, body.Length, mentions, firstPosition);
                    body.Append('"').Append(text).Append(",\" ").Append(speaker.Name).Append(" said. ");
                    quotes.Add(new Quote(text, speaker.Name, random.Next(6) == 0 ? Sources[random.Next(Sources.Length)] : null));
                }
                else
                {
                    var actor = plan.Actors[random.Next(plan.Actors.Count)];
                    Mention(actor.Name, body.Length, mentions, firstPosition);
                    body.Append(actor.Name).Append(' ').Append(Phrase(random, plan, 10 + random.Next(14))).Append(". ");
                }
            }
            body.Length--;
            body.Append("\n\n");
        }
        var bodyText = body.ToString().TrimEnd();

        var id = (index + 1).ToString("x16", CultureInfo.InvariantCulture);
        var article = new EnrichedArticle
        {
            Id = id,
            Title = title,
            Body = bodyText,
            Source = source,
            Published = published,
            Url = $"https://news.example/{plan.Number}/{id}",
            Actors = plan.Actors
                .Where(a => mentions[a.Name] > 0)
                .Select(a => new ActorMention(a.Name, a.Type, a.Aliases, mentions[a.Name], firstPosition[a.Name]))
                .ToList(),
            Topics = plan.Topics.Select((t, i) => new TopicScore(t, Math.Round(0.9 - i * 0.2, 2))).ToList(),
            Quotes = quotes,
        };
        var dateline = $"{plan.Place.ToUpperInvariant()}, {published.ToString("MMM d", CultureInfo.InvariantCulture)} ({source}) - ";
        var raw = $"{title}\n\n{published.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}\n\n{dateline}{bodyText}\n";
        return new SyntheticArticle(article, raw);
    }

    private static void Mention(string name, int position, Dictionary<string, int> mentions, Dictionary<string, int> first)
    {
        mentions[name]++;
        first.TryAdd(name, position);
    }

    private string Phrase(Random random, StoryPlan plan, int length)
    {
        var words = new string[length];
        for (var i = 0; i < length; i++)
            words[i] = random.Next(9) == 0 ? plan.Keywords[random.Next(plan.Keywords.Count)] : Vocabulary[_words.Sample(random)];
        return string.Join(' ', words);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by binary search over the CDF.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cdf;

        public Zipf(int n, double s)
        {
            _cdf = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++) _cdf[i] = sum += 1 / Math.Pow(i + 1, s);
            for (var i = 0; i < n; i++) _cdf[i] /= sum;
        }

        public int Sample(Random random)
        {
            var index = Array.BinarySearch(_cdf, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cdf.Length - 1);
        }
    }

    private static readonly string[] Sources =
    [
        "Reuters", "Associated Press", "Agence France-Presse", "BBC News", "Al Jazeera", "Dawn", "The Guardian",
        "The New York Times", "The Washington Post", "Deutsche Welle", "Anadolu Agency", "The Express Tribune",
        "The Hindu", "Tolo News", "Geo News", "The Times of India", "Financial Times", "Bloomberg", "CNN", "NPR",
        "Le Monde", "El País", "Der Spiegel", "The Economist", "Arab News", "Gulf News", "The National",
        "South China Morning Post", "The Japan Times", "Kyodo News", "Yonhap", "ABC News", "CBC News", "RFE/RL",
        "Voice of America", "Euronews", "The Independent", "The Telegraph", "Daily Sabah", "Hürriyet Daily News",
    ];

    private static readonly (string, string[])[] Countries =
    [
        ("United States", ["US", "USA", "America"]), ("China", ["PRC"]), ("Russia", ["Russian Federation"]),
        ("Pakistan", []), ("Afghanistan", []), ("India", []), ("Türkiye", ["Turkey"]), ("United Kingdom", ["UK", "Britain"]),
        ("Iran", []), ("Qatar", []), ("Saudi Arabia", ["KSA"]), ("Germany", []), ("France", []), ("Ukraine", []),
        ("Israel", []), ("Japan", []), ("Brazil", []), ("Egypt", []), ("Nigeria", []), ("South Africa", []),
        ("Indonesia", []), ("Mexico", []), ("Canada", []), ("Australia", []), ("Italy", []), ("Spain", []),
        ("Poland", []), ("Kenya", []), ("Ethiopia", []), ("Bangladesh", []), ("Vietnam", []), ("Philippines", []),
        ("Argentina", []), ("Colombia", []), ("Iraq", []), ("Syria", []), ("Jordan", []), ("Lebanon", []),
        ("United Arab Emirates", ["UAE"]), ("South Korea", ["Republic of Korea"]), ("North Korea", ["DPRK"]),
        ("Côte d'Ivoire", ["Ivory Coast"]), ("Myanmar", ["Burma"]), ("Czechia", ["Czech Republic"]),
        ("Tajikistan", []), ("Uzbekistan", []), ("Kazakhstan", []), ("Azerbaijan", []), ("Georgia", []), ("Armenia", []),
    ];

    private static readonly List<(string, string[])> Organisations = BuildOrganisations();

    private static List<(string, string[])> BuildOrganisations()
    {
        var fixedNames = new List<(string, string[])>
        {
            ("United Nations", ["UN"]), ("European Union", ["EU"]), ("NATO", ["North Atlantic Treaty Organization"]),
            ("World Bank", []), ("International Monetary Fund", ["IMF"]), ("World Health Organization", ["WHO"]),
            ("Tehreek-e-Taliban Pakistan", ["TTP", "Pakistani Taliban"]), ("Red Cross", ["ICRC"]),
            ("African Union", ["AU"]), ("OPEC", []), ("Amnesty International", []), ("Human Rights Watch", ["HRW"]),
        };
        var stems = new[] { "National", "United", "Popular", "Democratic", "Federal", "Central", "Royal", "Northern", "Southern", "Eastern" };
        var kinds = new[] { "Bank", "Party", "Front", "Council", "Authority", "Commission", "Union", "Movement", "Institute", "Agency", "Alliance", "Corporation" };
        var fields = new[] { "Energy", "Trade", "Health", "Labour", "Farmers", "Workers", "Reform", "Justice", "Water", "Transport", "Mining", "Ports", "Telecom", "Steel", "Grain", "Aviation" };
        foreach (var stem in stems)
            foreach (var field in fields)
                foreach (var kind in kinds.Take(3 + stem.Length % 5))
                    fixedNames.Add(($"{stem} {field} {kind}", []));
        return fixedNames;
    }

    private static readonly List<string> Persons = BuildPersons();

    private static List<string> BuildPersons()
    {
        var first = new[]
        {
            "Ahmed", "Maria", "John", "Fatima", "Li", "Olga", "Carlos", "Aisha", "David", "Sofia", "Imran", "Elena", "Mohammed",
            "Anna", "James", "Leila", "Hiroshi", "Priya", "Emmanuel", "Zainab", "Pierre", "Ingrid", "Omar", "Chen", "Ravi",
            "Yusuf", "Hannah", "Mehmet", "Nadia", "Viktor", "Amina", "Khalid", "Sara", "Ali", "Grace", "Tomás", "Ayşe",
        };
        var last = new[]
        {
            "Khan", "Smith", "García", "Wang", "Ivanova", "Müller", "Rossi", "Yılmaz", "Ahmadi", "Sharif", "Okafor", "Tanaka",
            "Dubois", "Kowalski", "Haddad", "Novak", "Silva", "Nguyen", "Kim", "Petrov", "Hussain", "Mensah", "Larsen",
            "Costa", "Fernández", "Rahman", "Öztürk", "Karimi", "Baloch", "Qureshi", "Anderson", "Moreau", "Schmidt",
            "Popescu", "Nowak", "Sato", "Mukherjee", "Abdullah", "Jansen", "Dimitrov", "Bakr", "Zaidi", "Farouk",
        };
        var names = new List<string>();
        for (var i = 0; i < first.Length; i++)
            for (var j = 0; j < last.Length; j++)
                names.Add($"{first[(i * 7 + j) % first.Length]} {last[j]}");
        return names.Distinct().ToList();
    }

    private static readonly string[] Topics =
    [
        "Politics", "Diplomacy", "Conflict", "Economy", "Business", "Security", "Terrorism", "Elections", "Health",
        "Energy", "Climate", "Trade", "Migration", "Human Rights", "Technology", "Crime", "Justice", "Education",
        "Agriculture", "Transport", "Sport", "Culture", "Science", "Weather", "Religion", "Media", "Labour",
        "Disasters", "Finance", "Defence",
    ];

    private static readonly string[] Cities =
    [
        "Istanbul", "Islamabad", "Kabul", "Doha", "Geneva", "Brussels", "Washington", "Beijing", "Moscow", "New Delhi",
        "London", "Paris", "Berlin", "Cairo", "Nairobi", "Lagos", "Tokyo", "Seoul", "Jakarta", "Riyadh", "Tehran",
        "Kyiv", "Warsaw", "Madrid", "Rome", "Ankara", "Karachi", "Peshawar", "Dhaka", "Manila",
    ];

    private static readonly string[] Verbs =
    [
        "rejects", "backs", "warns over", "signs", "announces", "questions", "defends", "calls for", "opposes", "welcomes",
        "pledges", "resumes", "suspends", "agrees", "criticises", "seeks",
    ];

    private static readonly string[] Nouns =
    [
        "talks", "deal", "plan", "ceasefire", "sanctions", "reforms", "budget", "agreement", "investigation", "summit",
        "vote", "protests", "strike", "tariffs", "aid", "inquiry",
    ];

    private static readonly List<string> Vocabulary = BuildVocabulary();

    /// <summary>Common English news words first, then generated tail words, so frequency ranks follow a Zipf law.</summary>
    private static List<string> BuildVocabulary()
    {
        var common = """
            the of and to in a that for on said was with as by is at from it his an were are which this be has have had
            but not after they their its been who will would government minister officials also more than over people
            new two year president told police last state security country talks first against since while would about
            forces could military told according peace agreement ceasefire negotiations delegation border attack
            leaders meeting week month statement spokesman ministry foreign region political support economic trade
            public national international local authorities report reported killed wounded army troops militants group
            groups conflict crisis war election vote parliament opposition party prime talks deal sanctions aid
            million billion percent prices market growth inflation bank oil gas energy power water food health
            hospital schools children women men families city province district capital village town streets
            protest protesters rights court judge law legal case trial investigation prison charges arrested
            agency news press media journalists television radio social online internet technology company companies
            business workers jobs industry production exports imports investment economy budget tax debt loan fund
            plan plans program project policy reform reforms decision decisions announced announcement proposal
            international community council committee commission union alliance organisation talks summit visit
            delegation envoy ambassador embassy relations cooperation dialogue mediation mediators guarantees demands
            refugees migrants displaced camps humanitarian relief supplies shortages rain floods drought earthquake
            """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        var syllables = new[]
        {
            "ka", "ro", "mi", "ten", "sa", "lo", "ver", "dan", "el", "tri", "po", "nar", "us", "gal", "fe", "den", "qui", "bor",
            "ash", "lin", "mor", "tes", "vi", "zan", "cor", "pel", "dra", "shi", "nov", "tal",
        };
        var tail = new List<string>();
        foreach (var a in syllables)
            foreach (var b in syllables)
                foreach (var c in new[] { "", "ing", "ed", "ion", "ist", "ory", "ment" })
                    tail.Add(a + b + c);
        // A fixed shuffle so the tail is not alphabetical by frequency.
        var shuffle = new Random(7);
        return common.Concat(tail.OrderBy(_ => shuffle.Next())).ToList();
    }
}
