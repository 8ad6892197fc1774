using NewsSearch.Articles;
using NewsSearch.Enrichment.Actors;

namespace NewsSearch.Enrichment.Tests.Actors;

public sealed class ActorExtractorTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    private static ActorMention Single(string body, string name) =>
        Extract(body).Where(a => a.Name == name).ShouldHaveSingleItem();

    [Fact]
    public void An_acronym_defined_in_the_text_links_later_uses_to_the_full_name()
    {
        var actors = Extract("Officials blamed the Jamaat Freedom Movement (JFM) for the attack. Later, the JFM denied it.");

        var jfm = actors.ShouldHaveSingleItem();
        jfm.Name.ShouldBe("Jamaat Freedom Movement");
        jfm.Type.ShouldBe(ActorType.Organisation);
        jfm.Aliases.ShouldContain("JFM");
        jfm.Mentions.ShouldBe(2);
    }

    [Fact]
    public void Tehrik_and_Tehreek_spellings_are_one_organisation()
    {
        var actors = Extract("The Tehrik-i-Taliban Pakistan claimed the attack. Analysts say the Tehreek-e-Taliban Pakistan (TTP) is growing, and the TTP denies it.");

        var ttp = actors.Where(a => a.Type == ActorType.Organisation).ShouldHaveSingleItem();
        ttp.Name.ShouldBe("Tehreek-e-Taliban Pakistan");
        ttp.Mentions.ShouldBe(3);
    }

    [Fact]
    public void A_spelling_variant_of_a_name_the_article_defined_links_by_its_normalised_key()
    {
        var actors = Extract("The Tehreek-e-Nifaz Council (TNC) met on Monday. A day later the Tehrik-i-Nifaz Council said it would boycott talks.");

        actors.ShouldHaveSingleItem().Mentions.ShouldBe(2);
    }

    [Fact]
    public void Turkiye_and_Turkey_are_one_country_named_Turkiye()
    {
        var actors = Extract("Talks were hosted by Türkiye. Turkey said it would host another round, and Turkish officials were hopeful.");

        var turkey = actors.ShouldHaveSingleItem();
        turkey.Name.ShouldBe("Türkiye");
        turkey.Type.ShouldBe(ActorType.Country);
        turkey.Aliases.ShouldBe(["Türkiye", "Turkey", "Turkish"]);
        turkey.Mentions.ShouldBe(3);
    }

    [Fact]
    public void A_demonym_before_a_state_noun_names_the_country()
    {
        var actors = Extract("Pakistani officials said the talks had stalled.");

        actors.ShouldHaveSingleItem().Name.ShouldBe("Pakistan");
    }

    [Fact]
    public void A_demonym_for_people_or_places_alone_does_not_make_the_country_an_actor()
    {
        var actors = Extract("Thousands of Afghan refugees crossed into the valley, aid workers said.");

        actors.ShouldNotContain(a => a.Name == "Afghanistan");
    }

    [Fact]
    public void A_demonym_counts_as_a_mention_when_the_country_is_named()
    {
        var afghanistan = Single("Afghanistan rejected the claims. Afghan refugees were stranded at the border.", "Afghanistan");

        afghanistan.Mentions.ShouldBe(2);
        afghanistan.FirstPosition.ShouldBe(0);
    }

    [Fact]
    public void A_middle_name_and_a_bare_surname_are_the_same_person_under_the_known_canonical_name()
    {
        var actors = Extract("Khawaja Muhammad Asif, Pakistan's Defense Minister, warned of war. Later, Asif said the ceasefire holds. Khawaja Asif added more.");

        var asif = actors.Where(a => a.Type == ActorType.Person).ShouldHaveSingleItem();
        asif.Name.ShouldBe("Khawaja Asif");
        asif.Mentions.ShouldBe(3);
        asif.Role.ShouldBe("Defense Minister");
        asif.Aliases.ShouldContain("Khawaja Muhammad Asif");
    }

    [Fact]
    public void An_unknown_person_with_a_middle_name_links_with_the_short_form_and_the_surname()
    {
        var actors = Extract("Security analyst Farid Ahmad Rahimi stated that talks would fail. Farid Rahimi said the border is tense. Rahimi added that trade suffers.");

        var rahimi = actors.ShouldHaveSingleItem();
        rahimi.Type.ShouldBe(ActorType.Person);
        rahimi.Mentions.ShouldBe(3);
        rahimi.Role.ShouldBe("Security analyst");
    }

    [Fact]
    public void A_role_before_a_name_gives_a_person_with_that_role()
    {
        var tarar = Single("Pakistan Information Minister Attaullah Tarar accused Kabul of inaction.", "Attaullah Tarar");

        tarar.Type.ShouldBe(ActorType.Person);
        tarar.Role.ShouldBe("Information Minister");
    }

    [Theory]
    [InlineData("Security analyst Zarmina Qadir stated that the links run deep.", "Zarmina Qadir", "Security analyst")]
    [InlineData("Journalist Omid Sherzai warned that force may backfire.", "Omid Sherzai", "Journalist")]
    [InlineData("The delegation arrived late, said Haji Rahmatullah.", "Haji Rahmatullah", null)]
    [InlineData("Talks stalled again, said Bashir Ahmad Noori, who attended.", "Bashir Ahmad Noori", null)]
    [InlineData("Gul Mohammad Zazai told reporters the road was closed.", "Gul Mohammad Zazai", null)]
    [InlineData("Mawlawi Abdul Kabir Nuristani, the deputy minister for refugees, visited the camp.", "Abdul Kabir Nuristani", "deputy minister")]
    public void People_named_with_a_role_or_a_speech_verb_are_found_without_any_list(string body, string name, string? role)
    {
        var person = Extract(body).Where(a => a.Type == ActorType.Person).ShouldHaveSingleItem();

        person.Name.ShouldBe(name);
        person.Role.ShouldBe(role);
    }

    [Fact]
    public void A_name_followed_by_a_possessive_country_and_a_role_gets_that_role()
    {
        var yaqoob = Single("Mullah Yaqoob, Afghanistan's defence minister, said terrorism is a label.", "Mullah Yaqoob");

        yaqoob.Role.ShouldBe("defence minister");
        Extract("Mullah Yaqoob, Afghanistan's defence minister, said terrorism is a label.").ShouldContain(a => a.Name == "Afghanistan");
    }

    [Fact]
    public void A_single_honorific_name_keeps_its_honorific_and_its_later_bare_form_links_to_it()
    {
        var najib = Single("The team was led by Haji Najib, deputy administrative affairs minister. Najib left early.", "Haji Najib");

        najib.Mentions.ShouldBe(2);
        najib.Role.ShouldBe("deputy administrative affairs minister");
    }

    [Fact]
    public void Section_headings_and_sentence_initial_capitals_are_not_actors()
    {
        var actors = Extract(
            "Global and Regional Reaction\nDespite Heavy Losses, Fighting Continued\nMeanwhile, the talks continued. Experts Warned nothing. Observers said little.\nConclusion\nThe war goes on.");

        actors.ShouldBeEmpty();
    }

    [Fact]
    public void Interface_text_and_commenters_handles_are_not_actors()
    {
        var actors = Extract(
            "Talks collapsed on Monday after a long day.\n\nPost a Comment\n\n0Comments\n\nCheck Now\nOk, Go it!\nCoccinella\nThis impasse was inevitable.\nMatzomaster\nThe breakdown is worrying.");

        actors.ShouldBeEmpty();
    }

    [Fact]
    public void A_dateline_and_an_image_credit_are_not_actors()
    {
        var actors = Extract("Talks in the capital collapsed. Image: Frontier Chronicle.\n(The Valley Times) – Negotiations ended on Wednesday.");

        actors.ShouldBeEmpty();
    }

    [Fact]
    public void The_platform_X_is_not_an_actor_but_the_person_writing_on_it_is()
    {
        var actors = Extract("\"We will respond,\" Attaullah Tarar wrote on X.");

        actors.ShouldHaveSingleItem().Name.ShouldBe("Attaullah Tarar");
    }

    [Fact]
    public void Outlets_the_article_cites_are_media_organisations()
    {
        var actors = Extract("The official told Al Jazeera that talks failed, as reported by KBN, and according to the Frontier Post the border closed.");

        actors.Select(a => a.Name).ShouldBe(["Al Jazeera", "KBN", "Frontier Post"], ignoreOrder: true);
        actors.ShouldAllBe(a => a.Type == ActorType.Organisation);
    }

    [Fact]
    public void Taliban_Afghan_Taliban_and_Islamic_Emirate_are_one_organisation_apart_from_the_Pakistani_Taliban()
    {
        var actors = Extract("The Afghan Taliban rejected the claims. Officials of the Islamic Emirate said the Taliban government wants peace. The Pakistani Taliban attacked a post.");

        var taliban = actors.Single(a => a.Name == "Taliban");
        taliban.Mentions.ShouldBe(3);
        actors.ShouldContain(a => a.Name == "Tehreek-e-Taliban Pakistan" && a.Aliases.Contains("Pakistani Taliban"));
    }

    [Fact]
    public void A_ministry_named_with_its_country_links_later_unqualified_mentions()
    {
        var actors = Extract("The Pakistani Foreign Ministry issued a statement. The Foreign Office later said talks were over, and the ministry stood firm.");

        var ministry = actors.Single(a => a.Type == ActorType.Organisation);
        ministry.Name.ShouldBe("Pakistan Ministry of Foreign Affairs");
        ministry.Mentions.ShouldBe(3);
    }

    [Fact]
    public void A_ministry_qualified_after_its_name_takes_that_country()
    {
        Extract("There was no reaction from the Defence Ministry of Afghanistan.")
            .ShouldContain(a => a.Name == "Afghanistan Ministry of Defence" && a.Type == ActorType.Organisation);
    }

    [Fact]
    public void A_country_army_is_an_organisation()
    {
        var actors = Extract("Pakistan's army reported five deaths. The army said more were wounded.");

        var army = actors.Single(a => a.Name == "Pakistan Army");
        army.Mentions.ShouldBe(2);
    }

    [Fact]
    public void A_capitalised_phrase_ending_in_an_organisation_word_is_an_organisation()
    {
        var actors = Extract("She is a fellow at the Kabul Policy Institute and advises the Frontier Relief Foundation.");

        actors.Select(a => a.Name).ShouldBe(["Kabul Policy Institute", "Frontier Relief Foundation"], ignoreOrder: true);
    }

    [Fact]
    public void A_project_or_summit_named_in_capitals_is_not_an_organisation()
    {
        Extract("Leaders met at the Peace Summit to discuss the Belt and Road Initiative (CPEC).").ShouldBeEmpty();
    }

    [Fact]
    public void Cities_are_not_actors()
    {
        Extract("Islamabad accused Kabul of harbouring militants, and talks in Istanbul and Doha failed.").ShouldBeEmpty();
    }

    [Fact]
    public void US_in_capitals_is_the_United_States_but_us_in_lower_case_is_not()
    {
        Extract("US President Donald Trump offered to help.").ShouldContain(a => a.Name == "United States");
        Extract("Nobody told us about the meeting on the border.").ShouldBeEmpty();
    }

    [Fact]
    public void First_position_is_the_character_offset_of_the_first_mention()
    {
        var body = "Talks ended. Then Qatar and Qatar again.";

        Single(body, "Qatar").FirstPosition.ShouldBe(body.IndexOf("Qatar", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surname_inside_a_different_full_name_is_not_linked()
    {
        var actors = Extract("Khawaja Asif spoke first. President Asif Ali Zardari spoke later.");

        actors.Where(a => a.Type == ActorType.Person).Select(a => a.Name).ShouldBe(["Khawaja Asif", "Asif Ali Zardari"], ignoreOrder: true);
    }

    [Fact]
    public void Empty_text_has_no_actors()
    {
        Extract("").ShouldBeEmpty();
    }
}

public sealed class ActorCueTests
{
    private static IReadOnlyList<ActorMention> Extract(string body) => ActorExtractor.CreateDefault().Extract(body);

    [Theory]
    [InlineData("The delegation was led by Gul Agha Sherzai, officials confirmed.", "Gul Agha Sherzai")]
    [InlineData("On Monday the envoy met Nargis Rahimi in the capital.", "Nargis Rahimi")]
    [InlineData("Wahid Omar Karimi, who heads the traders' union, called for calm.", "Wahid Omar Karimi")]
    public void People_met_led_by_or_described_by_a_relative_clause_are_found(string body, string name)
    {
        Extract(body).Where(a => a.Type == ActorType.Person).ShouldHaveSingleItem().Name.ShouldBe(name);
    }

    [Fact]
    public void A_possessive_inside_a_known_name_does_not_break_it()
    {
        var actors = Extract("The Pakistan People's Party walked out of the assembly.");

        actors.ShouldHaveSingleItem().Name.ShouldBe("Pakistan Peoples Party");
    }

    [Fact]
    public void A_country_possessive_is_not_read_as_a_known_name_starting_with_the_country()
    {
        var actors = Extract("Pakistan's army chief visited the border.");

        actors.ShouldContain(a => a.Name == "Pakistan");
        actors.ShouldContain(a => a.Name == "Pakistan Army");
    }
}

public sealed class RoleTests
{
    private static ActorMention Person(string body) =>
        ActorExtractor.CreateDefault().Extract(body).Where(a => a.Type == ActorType.Person).ShouldHaveSingleItem();

    [Fact]
    public void Military_ranks_are_dropped_from_the_name_and_the_office_is_the_role()
    {
        var person = Person("The delegation was led by National Security Adviser Lt Gen Asim Malik on Friday.");

        person.Name.ShouldBe("Asim Malik");
        person.Role.ShouldBe("National Security Adviser");
    }

    [Fact]
    public void A_title_with_of_before_the_name_is_the_role()
    {
        var person = Person("Qatar's Minister of State Mohammed Al-Khulaifi thanked both delegations.");

        person.Name.ShouldBe("Mohammed Al-Khulaifi");
        person.Role.ShouldBe("Minister of State");
    }

    [Fact]
    public void A_two_word_title_is_kept_whole()
    {
        Person("NATO Secretary General Mark Rutte urged allies to do more.").Role.ShouldBe("Secretary General");
    }
}

public sealed class MinistryLinkingTests
{
    [Fact]
    public void An_unqualified_Foreign_Office_is_not_linked_to_another_country_s_foreign_ministry()
    {
        var actors = ActorExtractor.CreateDefault().Extract(
            "The Turkish foreign ministry announced the deal. Foreign Office spokesperson Tahir Andrabi said Islamabad would judge Kabul by its actions.");

        actors.ShouldNotContain(a => a.Name == "Türkiye Ministry of Foreign Affairs" && a.Aliases.Contains("Foreign Office"));
    }
}
