using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

/// <summary>Bodies the text names plainly in forms the other rules miss: acronym definitions, lower-case heads, wrapped lines.</summary>
public sealed class OrganisationNameTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    private static ActorMention? Organisation(IReadOnlyList<ActorMention> actors, string name) =>
        actors.FirstOrDefault(a => a.Type == ActorType.Organisation && (a.Name == name || a.Aliases.Contains(name)));

    [Theory]
    [InlineData("Harris convened Central America Forward (CAF) stakeholders today. CAF is a partnership.", "Central America Forward")]
    [InlineData("He met the Prime Minister of Iraq’s Kurdistan Regional Government (KRG) today. He backed the KRG.", "Kurdistan Regional Government")]
    [InlineData("Troops of the African Union Mission in Somalia (AMISOM) left the town on Monday.", "African Union Mission in Somalia")]
    [InlineData("They reviewed the U.S-India Initiative on Critical and Emerging Technology (iCET) with Indian officials.", "Initiative on Critical and Emerging Technology")]
    [InlineData("Shares rose after the Islamic Movement of Uzbekistan (IMU) was named in the report.", "Islamic Movement of Uzbekistan")]
    public void A_name_defined_by_an_acronym_is_one_body_though_a_place_or_country_is_inside_it(string text, string name)
    {
        var actors = Extract(text);

        var body = Organisation(actors, name).ShouldNotBeNull();
        body.Name.ShouldBe(name);
        actors.ShouldNotContain(a => a.Name == "Somalia" || a.Name == "Uzbekistan");
    }

    [Fact]
    public void An_acronym_before_its_name_in_parentheses_defines_it_even_when_the_name_is_translated()
    {
        var actors = Extract("The secretary general of CEI (Italian Episcopal Conference) called the ruling dangerous. The CEI said more.");

        var body = Organisation(actors, "Italian Episcopal Conference").ShouldNotBeNull();
        body.Aliases.ShouldContain("CEI");
        body.Mentions.ShouldBe(2);
    }

    [Fact]
    public void A_feature_or_a_plan_with_an_acronym_is_no_body()
    {
        var actors = Extract("Wikinews interviewed him for May's Interview of the Month (IOTM) on May 18. The Strategic Arms Reduction Treaty (START) expired.");

        actors.ShouldNotContain(a => a.Type == ActorType.Organisation);
    }

    [Theory]
    [InlineData("Yesterday, the Texas legislature passed sweeping legislation.", "Texas Legislature")]
    [InlineData("The Malaysia Tourism board was quite prominent at the entrance.", "Malaysia Tourism Board")]
    [InlineData("We thank members of the Appropriations committee for working across the aisle.", "Appropriations Committee")]
    [InlineData("Steve Whitmore, a representative for the LA Sheriff's office, told reporters the case was closed.", "LA Sheriff's Office")]
    public void Capitalised_words_before_a_lower_case_body_head_name_the_body(string text, string name)
    {
        var body = Organisation(Extract(text), name).ShouldNotBeNull();

        body.Aliases.ShouldContain(a => a != name && a.Equals(name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_lower_case_head_after_a_known_body_or_a_country_prefix_is_the_known_body()
    {
        var actors = Extract("The Trump administration and the Justice department agreed on Monday.");

        actors.ShouldContain(a => a.Name == "Department of Justice" && a.Aliases.Contains("Justice department"));
    }

    [Theory]
    [InlineData("Troops crossed the Texas border on Monday.")]
    [InlineData("He spoke on the Senate floor for an hour.")]
    [InlineData("The Governor's office declined to comment.")]
    [InlineData("The London office closed last year.")]
    [InlineData("The Texas board of education met on Monday.")]
    [InlineData("The Allegheny board approved the merger on Monday.")]
    public void A_lower_case_noun_that_is_no_body_or_an_office_of_a_role_alone_names_no_new_body(string text)
    {
        Extract(text).ShouldNotContain(a => a.Type == ActorType.Organisation && a.Name != "Senate");
    }

    [Fact]
    public void A_hard_wrapped_bullet_line_that_goes_on_in_lower_case_is_prose_not_a_heading()
    {
        var actors = Extract("The Federal Reserve announced today the following actions:\n\n* The Board of Governors approved an increase in the discount rate from 3 1/2\n  percent to 4 percent.\n\n* The Federal Open Market Committee agreed that this increase would be allowed\n  to show through into rates.\n");

        Organisation(actors, "Board of Governors").ShouldNotBeNull();
        Organisation(actors, "Federal Open Market Committee").ShouldNotBeNull();
    }

    [Fact]
    public void A_central_bank_known_by_its_own_language_name_is_a_body_in_a_list_of_links()
    {
        var actors = Extract("Statements by Other Central Banks\n\n* [Bank of Japan](http://www.example.org/a.htm)\n* [Sveriges Riksbank](http://www.example.org/b.htm)\n");

        Organisation(actors, "Sveriges Riksbank").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("The sanctions target Iran’s Defense Ministry and its suppliers.", "Iran Ministry of Defence", "Iran’s Defense Ministry", "Defense Ministry")]
    [InlineData("Worship was banned by the Greek Ministry of Culture on Monday.", "Greece Ministry of Culture", "Greek Ministry of Culture", "Ministry of Culture")]
    [InlineData("According to the Saudi Interior Ministry over 345 pilgrims died.", "Saudi Arabia Ministry of Interior", "Saudi Interior Ministry", "Interior Ministry")]
    public void A_ministry_after_its_country_keeps_the_words_the_text_used_among_its_aliases(string text, string name, string surface, string bare)
    {
        var ministry = Extract(text).Single(a => a.Name == name);

        ministry.Aliases.ShouldBe([surface, bare]);
        ministry.Mentions.ShouldBe(1);
    }

    [Fact]
    public void An_organisation_word_that_opens_sentences_as_a_stopword_is_still_part_of_a_longer_name()
    {
        var actors = Extract("He was arrested by the Irving Police Department on Monday. Police Department officials said no more.");

        Organisation(actors, "Irving Police Department").ShouldNotBeNull();
        actors.Count(a => a.Type == ActorType.Organisation).ShouldBe(1);
    }

    [Theory]
    [InlineData("The court upheld the request of the Municipality of Livorno to tax the schools.", "Municipality of Livorno")]
    [InlineData("The role played by the Kurdish Peshmerga in the fight against ISIS was praised.", "Peshmerga")]
    [InlineData("He was questioned by an attorney for Scientology and then arrested.", "Church of Scientology")]
    [InlineData("The orbiter will move from the Smithsonian's museum near Washington.", "Smithsonian Institution")]
    public void A_municipality_an_armed_force_a_church_or_an_institution_the_text_names_is_an_organisation(string text, string name)
    {
        var actors = Extract(text);

        actors.ShouldContain(a => a.Name == name && a.Type == ActorType.Organisation);
        actors.ShouldNotContain(a => a.Type == ActorType.Person);
    }

    [Fact]
    public void A_body_name_ends_before_a_given_name_and_a_country_after_a_placed_name_says_where_it_is()
    {
        var actors = Extract("The orbiter moves from the National Air and Space Museum Steven F. Udvar-Hazy Center to a team from Colorado State University of the US and the Reserve Bank of India.");

        Organisation(actors, "National Air and Space Museum").ShouldNotBeNull();
        Organisation(actors, "Colorado State University").ShouldNotBeNull();
        Organisation(actors, "Reserve Bank of India").ShouldNotBeNull();
        actors.ShouldNotContain(a => a.Name.Contains("Museum Steven") || a.Name.EndsWith("of the US", StringComparison.Ordinal));
    }

    [Fact]
    public void An_air_force_base_is_a_place_not_a_body()
    {
        Extract("The engines went to Wright-Patterson Air Force Base in Ohio on Monday.").ShouldNotContain(a => a.Name.StartsWith("Wright-Patterson", StringComparison.Ordinal));
    }

    [Fact]
    public void A_role_s_possessive_before_an_office_word_is_part_of_a_longer_name_but_alone_names_no_body()
    {
        var actors = Extract("They discussed the head of the Special Anti-Corruption Prosecutor’s Office on Monday. The President's Office declined to comment.");

        Organisation(actors, "Special Anti-Corruption Prosecutor’s Office").ShouldNotBeNull();
        actors.Count(a => a.Type == ActorType.Organisation).ShouldBe(1);
    }

    [Theory]
    [InlineData("He joined the Sea Org in 1990 and left in 2004.", "Sea Org")]
    [InlineData("He is president of the International Brotherhood of Magicians.", "International Brotherhood of Magicians")]
    [InlineData("Veterans of the American Legion marched on Monday.", "American Legion")]
    [InlineData("The Screen Actors Guild called a strike.", "Screen Actors Guild")]
    [InlineData("The Congress of South African Trade Unions called a strike.", "Congress of South African Trade Unions")]
    [InlineData("The London Symphony Orchestra will tour Asia.", "London Symphony Orchestra")]
    public void Guilds_legions_orchestras_and_the_like_are_bodies(string text, string name)
    {
        Organisation(Extract(text), name).ShouldNotBeNull();
    }

    [Fact]
    public void An_order_of_merit_is_no_body()
    {
        Extract("He was awarded the Legion of Honour by France and the Legion of Merit by the United States.")
            .ShouldNotContain(a => a.Type == ActorType.Organisation);
    }
}
