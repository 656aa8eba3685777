using System.Text.RegularExpressions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Actions;
using Nop.Plugin.Misc.CustomFlows.Engine.Definition.Nodes;
using Nop.Plugin.Misc.CustomFlows.Engine.Ports;
using Nop.Plugin.Misc.CustomFlows.Engine.Serialization;
using Nop.Plugin.Misc.CustomFlows.Engine.Templates;
using Nop.Plugin.Misc.CustomFlows.Engine.Validation;
using Nop.Plugin.Misc.CustomFlows.Tests.Plugin;

namespace Nop.Plugin.Misc.CustomFlows.Tests.Engine.Templates;

[TestFixture]
public class FlowTemplateLibraryTests
{
    private static readonly string[] PairedScenarios =
    [
        "win-back", "abandoned-cart", "repurchase", "upsell", "subscription-renewal",
        "onboarding", "lead-nurturing", "remarketing", "cross-sell", "nps-survey"
    ];

    private static IEnumerable<TestCaseData> Templates() =>
        FlowTemplateLibrary.All.Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    private static IEnumerable<TestCaseData> Messages() =>
        FlowTemplateLibrary.All.SelectMany(t => t.Messages.Select(m => new TestCaseData(t, m).SetArgDisplayNames(m.Reference)));

    private static IEnumerable<(string Kind, TemplateKind MessageKind, string Reference)> ReferencesOf(FlowTemplate template) =>
        template.CreateDefinition().Nodes.OfType<ActionNode>().Select(n => n.Action switch
        {
            SendEmailAction email => ("email", TemplateKind.Email, email.Template),
            ShowPopupAction popup => ("popup", TemplateKind.Popup, popup.Template),
            _ => (null, default, null)
        }).Where(r => r.Item1 != null);

    [Test]
    public void The_library_holds_ten_scenarios_in_a_basic_and_an_advanced_version_plus_four_single_templates()
    {
        var byScenario = FlowTemplateLibrary.All.GroupBy(t => t.Scenario).ToDictionary(g => g.Key, g => g.Select(t => t.Level).OrderBy(l => l).ToList());

        Assert.That(FlowTemplateLibrary.All, Has.Count.EqualTo(24));
        foreach (var scenario in PairedScenarios)
            Assert.That(byScenario[scenario], Is.EqualTo(new[] { TemplateLevel.Basic, TemplateLevel.Advanced }), scenario);
        Assert.That(byScenario.Keys.Except(PairedScenarios), Is.EquivalentTo(new[] { "browse-abandonment", "birthday", "newsletter-welcome", "order-follow-up" }));
    }

    [Test]
    public void Template_names_are_unique_slugs()
    {
        var names = FlowTemplateLibrary.All.Select(t => t.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Matches<string>(n => Regex.IsMatch(n, "^[a-z0-9]+(-[a-z0-9]+)*$")));
    }

    [Test]
    public void Find_ignores_case_and_answers_null_for_an_unknown_name()
    {
        Assert.That(FlowTemplateLibrary.Find("Abandoned-Cart-Basic")?.Name, Is.EqualTo("abandoned-cart-basic"));
        Assert.That(FlowTemplateLibrary.Find("no-such-template"), Is.Null);
        Assert.That(FlowTemplateLibrary.Find(null), Is.Null);
    }

    [TestCaseSource(nameof(Templates))]
    public void The_flow_validates_without_a_single_problem(FlowTemplate template)
    {
        var problems = new FlowValidator(FlowTemplateLibrary.Lookup).Validate(template.CreateDefinition());

        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems));
    }

    [TestCaseSource(nameof(Templates))]
    public void The_exported_json_validates_and_reads_back_to_the_same_json(FlowTemplate template)
    {
        var exported = template.DefinitionJson;

        var result = new FlowValidator(FlowTemplateLibrary.Lookup).Validate(exported);
        var again = FlowJson.Serialize(FlowJson.Deserialize(exported), indented: true);

        Assert.That(result.Problems, Is.Empty, string.Join(Environment.NewLine, result.Problems));
        Assert.That(again, Is.EqualTo(exported));
    }

    [TestCaseSource(nameof(Templates))]
    public void The_flow_id_is_the_template_name_and_the_flow_is_named_and_described_in_english(FlowTemplate template)
    {
        var definition = template.CreateDefinition();

        Assert.That((definition.Id, definition.Name, definition.Description), Is.EqualTo((template.Name, template.Title.En, template.Description.En)));
    }

    [TestCaseSource(nameof(Templates))]
    public void Every_message_the_flow_sends_has_texts_of_the_right_kind_and_every_text_is_used(FlowTemplate template)
    {
        var used = ReferencesOf(template).ToList();

        foreach (var (_, kind, reference) in used)
            Assert.That(template.Message(reference)?.Kind, Is.EqualTo(kind), $"{reference} has no {kind} texts");
        Assert.That(template.Messages.Select(m => m.Reference), Is.EquivalentTo(used.Select(u => u.Reference).Distinct()));
    }

    [TestCaseSource(nameof(Templates))]
    public void Name_description_and_goal_are_written_in_both_languages(FlowTemplate template)
    {
        foreach (var text in new[] { template.Title, template.Description, template.Goal })
        {
            Assert.That(text.En, Is.Not.Null.And.Not.Empty);
            Assert.That(text.Pl, Is.Not.Null.And.Not.Empty);
            Assert.That(text.Pl, Is.Not.EqualTo(text.En));
        }
    }

    [TestCaseSource(nameof(Messages))]
    public void A_message_has_english_and_polish_texts_that_differ(FlowTemplate template, TemplateMessage message)
    {
        foreach (var text in new[] { message.En, message.Pl })
        {
            Assert.That(text.Title, Is.Not.Null.And.Not.Empty);
            Assert.That(text.Body, Is.Not.Null.And.Not.Empty);
            if (message.Kind == TemplateKind.Popup)
                Assert.That(text.Button, Is.Not.Null.And.Not.Empty, "a pop-up needs a button caption");
            else
                Assert.That(text.Button, Is.Null, "an e-mail has no button caption");
        }

        Assert.That(message.Pl.Title, Is.Not.EqualTo(message.En.Title));
        Assert.That(message.Pl.Body, Is.Not.EqualTo(message.En.Body));
        Assert.That(message.Pl.Button, message.Kind == TemplateKind.Popup ? Is.Not.EqualTo(message.En.Button) : Is.Null);
    }

    [TestCaseSource(nameof(Messages))]
    public void A_message_uses_only_documented_tokens_and_the_same_ones_in_both_languages(FlowTemplate template, TemplateMessage message)
    {
        var english = Tokens(message.En);
        var polish = Tokens(message.Pl);

        Assert.That(english.Concat(polish).Where(t => !TemplateTokens.IsKnown(t)), Is.Empty);
        Assert.That(polish, Is.EquivalentTo(english));
    }

    [Test]
    public void Every_marketing_email_carries_the_unsubscribe_link_and_transactional_ones_carry_no_offer()
    {
        foreach (var template in FlowTemplateLibrary.All)
        {
            foreach (var email in template.CreateDefinition().Nodes.OfType<ActionNode>().Select(n => n.Action).OfType<SendEmailAction>())
            {
                var message = template.Message(email.Template);
                if (email.Category == EmailCategory.Marketing)
                {
                    Assert.That(message.En.Body, Does.Contain("%CustomFlows.UnsubscribeUrl%"), email.Template);
                    Assert.That(message.Pl.Body, Does.Contain("%CustomFlows.UnsubscribeUrl%"), email.Template);
                }
                else
                {
                    Assert.That(message.En.Body + message.En.Title, Does.Not.Contain("%CustomFlows.RecommendedProducts%"), email.Template);
                }
            }
        }
    }

    [Test]
    public void Message_references_are_unique_across_the_library()
    {
        Assert.That(FlowTemplateLibrary.All.SelectMany(t => t.Messages).Select(m => m.Reference), Is.Unique);
    }

    [Test]
    public void The_library_lookup_knows_every_message_and_nothing_else()
    {
        var lookup = FlowTemplateLibrary.Lookup;

        Assert.That(lookup.Exists(TemplateKind.Email, "CustomFlows.AbandonedCart.Reminder"), Is.True);
        Assert.That(lookup.Exists(TemplateKind.Popup, "CustomFlows.AbandonedCart.Reminder"), Is.False, "an e-mail is not a pop-up");
        Assert.That(lookup.Exists(TemplateKind.Email, "CustomFlows.Nope"), Is.False);
    }

    [Test]
    public void The_templates_document_lists_every_template_and_every_plugin_token()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "templates.md"));

        Assert.That(FlowTemplateLibrary.All.Where(t => !doc.Contains($"`{t.Name}`")).Select(t => t.Name), Is.Empty);
        Assert.That(TemplateTokens.Plugin.Keys.Concat(TemplateTokens.NopCommerce).Where(t => !doc.Contains($"`{t}`")), Is.Empty);
    }

    [Test]
    public void Every_template_has_a_scripted_timeline_test()
    {
        var testDirectory = Path.Combine(RepositoryFiles.Root, "Nop.Plugin.Misc.CustomFlows.Tests", "Engine", "Templates");
        var sources = string.Concat(Directory.GetFiles(testDirectory, "*TimelineTests.cs").Select(File.ReadAllText));

        Assert.That(FlowTemplateLibrary.All.Where(t => !sources.Contains($"new ScriptedHistory(\"{t.Name}\")")).Select(t => t.Name), Is.Empty);
    }

    private static List<string> Tokens(MessageText text) =>
        TemplateTokens.In(text.Title).Concat(TemplateTokens.In(text.Body)).Concat(TemplateTokens.In(text.Button)).Distinct().ToList();

}
