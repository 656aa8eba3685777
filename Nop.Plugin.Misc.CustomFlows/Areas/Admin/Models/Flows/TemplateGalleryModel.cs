using Nop.Web.Framework.Models;

namespace Nop.Plugin.Misc.CustomFlows.Areas.Admin.Models.Flows;

/// <summary>
/// The template gallery: a card per template of the library
/// </summary>
public partial record TemplateGalleryModel : BaseNopModel
{
    public IList<TemplateCardModel> Templates { get; set; } = new List<TemplateCardModel>();

    /// <summary>
    /// The scenarios the cards can be filtered by (scenario key and its title)
    /// </summary>
    public IList<(string Key, string Title)> Scenarios { get; set; } = new List<(string, string)>();
}

/// <summary>
/// One template card
/// </summary>
public partial record TemplateCardModel : BaseNopModel
{
    public string Name { get; set; }

    public string Scenario { get; set; }

    public string Title { get; set; }

    public string Description { get; set; }

    public string Goal { get; set; }

    /// <summary>
    /// "basic" or "advanced"
    /// </summary>
    public string Level { get; set; }

    public string LevelText { get; set; }

    /// <summary>
    /// The channels the template's steps use, in words
    /// </summary>
    public IList<string> Channels { get; set; } = new List<string>();

    /// <summary>
    /// The steps in words, in order
    /// </summary>
    public IList<string> Steps { get; set; } = new List<string>();
}
